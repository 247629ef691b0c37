/**
 * `npm run bench`: builds the extension, measures it against its budgets in real Chromium (headless) and
 * writes BENCHMARKS.md: contact detection (size, read, churn, panel) and, on one browser with a large
 * seeded database, the data the surfaces load (panel-data, popup-data, insights-search) and the memory
 * the content script and the panel take on large pages (memory).
 *
 *   --no-build       measure the existing build (DEALSIDE_EXTENSION_DIR, else .output/chrome-mv3)
 *   --only=a,b       run some groups only: size, read, churn, panel, panel-data, popup-data,
 *                    insights-search, memory (prints, writes no file)
 *   --quick          fewer iterations, for trying the script out (prints, writes no file)
 *   --out=FILE       write the report here (also for --only / --quick runs)
 *
 * Figures live in BENCHMARKS.md, never as timing assertions in tests.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { EXTENSION_DIR } from '../tests/e2e/support/browser';
import { measureContentSize, type ContentSizeResult } from './bench/content-size';
import { describeMachine, type Machine } from './bench/machine';
import { bytes, kib, ms, ratio, table } from './bench/markdown';
import { DEFAULT_CHURN_OPTIONS, measureMutationReports, type ChurnResult } from './bench/mutation-reports';
import { DEFAULT_PAGE_READ_OPTIONS, measurePageRead, type PageReadResult } from './bench/page-read';
import { DEFAULT_SITE_READ_OPTIONS, measureSiteReads, type SiteReadResult } from './bench/site-reads';
import {
  DEFAULT_PANEL_TIMING_OPTIONS,
  measurePanelTiming,
  type PanelTimingResult,
} from './bench/panel-timing';
import {
  DEFAULT_INSIGHTS_SEARCH_OPTIONS,
  measureInsightsSearch,
  type InsightsSearchResult,
} from './bench/insights-search';
import { DEFAULT_MEMORY_OPTIONS, measureMemory, type MemoryResult } from './bench/memory';
import { DEFAULT_PANEL_DATA_OPTIONS, measurePanelData, type PanelDataResult } from './bench/panel-data';
import { DEFAULT_POPUP_DATA_OPTIONS, measurePopupData, type PopupDataResult } from './bench/popup-data';
import { ScaleBrowser, type Progress, type SeedStep } from './bench/scale-browser';
import { BIG_ACCOUNT, SCALE, TYPICAL_ACCOUNT } from './bench/in-page/scale-rows';
import type { Summary } from './bench/stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GROUPS = [
  'size',
  'read',
  'churn',
  'panel',
  'panel-data',
  'popup-data',
  'insights-search',
  'memory',
] as const;
type Group = (typeof GROUPS)[number];

interface Results {
  machine: Machine;
  extensionDir: string;
  built: boolean;
  durationS: number;
  /** Load average (1 min) when the last group finished: the data groups run for minutes. */
  loadAtEnd: number;
  size?: ContentSizeResult;
  read?: PageReadResult;
  siteReads?: SiteReadResult;
  churn?: ChurnResult;
  panel?: PanelTimingResult;
  seeding?: SeedStep[];
  panelData?: PanelDataResult;
  popupData?: PopupDataResult;
  insightsSearch?: InsightsSearchResult;
  memory?: MemoryResult;
}

/** One line of the summary, and the reason when the budget is missed. */
interface Verdict {
  metric: string;
  budget: string;
  /** The timings, when the metric is one. */
  summary?: Summary;
  /** What else the line reports: sizes, counts, ratios to a baseline. */
  result: string;
  /** In a few words; the group's section says it in full. */
  how: string;
  missed?: string;
  /** Reported without a budget to check against. */
  unbudgeted?: boolean;
}

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    strict: true,
  });
  const only = values.only?.split(',').map((group) => group.trim());
  for (const group of only ?? [])
    if (!GROUPS.includes(group as Group)) throw new Error(`Unknown group "${group}" (${GROUPS.join(', ')})`);
  const groups = (only as Group[] | undefined) ?? [...GROUPS];
  const partial = !!only || values.quick;
  return {
    build: !values['no-build'],
    quick: values.quick,
    groups,
    out: values.out ? path.resolve(values.out) : partial ? undefined : path.join(ROOT, 'BENCHMARKS.md'),
  };
}

function timingVerdict(metric: string, s: Summary, budgetMs: number, how: string): Verdict {
  const verdict: Verdict = { metric, budget: `≤ ${ms(budgetMs)} (median)`, summary: s, result: '', how };
  if (s.median > budgetMs)
    verdict.missed = `median ${ms(s.median)} is over the ${ms(budgetMs)} budget by ${ms(s.median - budgetMs)}`;
  else if (s.p95 > budgetMs)
    verdict.missed = `median within budget, but p95 ${ms(s.p95)} is over ${ms(budgetMs)}: the slowest runs miss it`;
  return verdict;
}

/** A budget on the 95th percentile itself. */
function p95Verdict(metric: string, s: Summary, budgetMs: number, how: string): Verdict {
  const verdict: Verdict = { metric, budget: `≤ ${ms(budgetMs)} (p95)`, summary: s, result: '', how };
  if (s.p95 > budgetMs)
    verdict.missed = `p95 ${ms(s.p95)} is over the ${ms(budgetMs)} budget by ${ms(s.p95 - budgetMs)}`;
  return verdict;
}

const status = (verdict: Verdict | undefined): string =>
  !verdict
    ? ''
    : verdict.missed
      ? `**MISSED**: ${verdict.missed}`
      : verdict.unbudgeted
        ? 'reported (no fixed budget)'
        : 'within budget';

const count = (value: number): string => value.toLocaleString('en-US');

/** "1 warm-up run", "3 warm-up runs". */
const counted = (value: number, one: string, many = `${one}s`): string =>
  `${count(value)} ${value === 1 ? one : many}`;

function summaryRows(s: Summary): string[] {
  return [String(s.n), ms(s.median), ms(s.p95), ms(s.min), ms(s.max)];
}

function renderMachine(results: Results): string {
  const { machine } = results;
  const dir = path.relative(ROOT, results.extensionDir);
  const shownDir = dir.startsWith('..') || path.isAbsolute(dir) ? results.extensionDir : dir;
  return table(
    ['', ''],
    [
      ['CPU', machine.cpu],
      ['Cores', String(machine.cores)],
      ['Memory', `${machine.memoryGiB} GiB`],
      ['OS', machine.os],
      ['Chromium', `${machine.chromium} (headless)`],
      ['Node', machine.node],
      ['Load average (1 min) at start', machine.loadAverage.toFixed(2)],
      ['Load average (1 min) at end', results.loadAtEnd.toFixed(2)],
      ['Date', machine.date],
      ['Extension measured', `\`${shownDir}\` (${results.built ? 'built by this run' : 'existing build'})`],
      ['Run time', `${results.durationS.toFixed(0)} s`],
    ],
  );
}

function renderSize(size: ContentSizeResult, verdicts: Verdict[]): string {
  const over = size.scripts.filter((row) => row.bytes > size.budgetBytes);
  const largest = size.scripts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const verdict: Verdict = {
    metric: 'Content script size, each script as built',
    budget: `≤ ${bytes(size.budgetBytes)} each`,
    result: `largest ${largest.name}: ${bytes(largest.bytes)} (${bytes(largest.gzipBytes)} gzipped)`,
    how: 'bytes of each built content script file',
    ...(over.length && {
      missed: `over budget: ${over.map((row) => `${row.name} ${bytes(row.bytes)}`).join(', ')}`,
    }),
  };
  verdicts.push(verdict);
  const rows = size.scripts.map((row) => [
    row.name,
    row.note,
    bytes(row.bytes),
    kib(row.bytes),
    bytes(row.gzipBytes),
    `${((row.bytes / size.budgetBytes) * 100).toFixed(0)} %`,
    row.bytes > size.budgetBytes ? `**MISSED** by ${bytes(row.bytes - size.budgetBytes)}` : 'within budget',
  ]);
  const parts = [
    '## 1. Content script size',
    `Budget: ≤ ${bytes(size.budgetBytes)} (12 KiB) per content script, as built (minified). Status: ${status(verdict)}.`,
    table(['Script', 'Injected on', 'As built', '', 'Gzip -9', 'Of budget', 'Status'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
  ];
  if (size.baselines.length) {
    const ours = new Map(size.scripts.map((row) => [row.name, row]));
    parts.push(
      'Baselines, measured in the same run:',
      table(
        [
          'Baseline',
          'What',
          'As built',
          'Gzip -9',
          'Compared with',
          'Baseline ÷ ours (built)',
          'Baseline ÷ ours (gzip)',
        ],
        size.baselines.map((row) => {
          const mine = ours.get(row.compareWith);
          return [
            row.name,
            row.note,
            bytes(row.bytes),
            bytes(row.gzipBytes),
            row.compareWith,
            mine ? ratio(row.bytes / mine.bytes) : 'n/a',
            mine ? ratio(row.gzipBytes / mine.gzipBytes) : 'n/a',
          ];
        }),
        ['left', 'left', 'right', 'right', 'left', 'right', 'right'],
      ),
    );
  }
  parts.push(
    'How measured: every file in the built `manifest.json` `content_scripts[].js`, plus `content-generic.js` ' +
      '(registered at runtime for sites the rep adds), read from the build directory; "As built" is its size ' +
      'in bytes, "Gzip -9" the size after Node zlib gzip at level 9.',
  );
  return parts.join('\n\n');
}

function renderSiteReads(reads: SiteReadResult, verdicts: Verdict[]): string {
  const how = '`performance.now()` around each read, in the page (Chromium without the extension)';
  const rows = reads.rows.map((row) => {
    const verdict = timingVerdict(
      `One page read, ${row.site} adapter, ${row.page === 'customer' ? 'customer page' : 'nobody found'}, ` +
        `${row.elementCount.toLocaleString('en-US')} elements`,
      row.summary,
      reads.budgetMs,
      how,
    );
    verdicts.push(verdict);
    return [
      row.site,
      row.page === 'customer' ? `customer page (\`${row.fixture}\`)` : 'nobody found',
      row.elementCount.toLocaleString('en-US'),
      `${row.read.kind}${row.read.layer ? ` (${row.read.layer})` : ''}, ${row.read.people} people`,
      ...summaryRows(row.summary),
      status(verdict),
    ];
  });
  return [
    '## 2b. One page read per site adapter, 20,000-element pages',
    `Budget: ≤ ${ms(reads.budgetMs)} median per read, for every site adapter.`,
    table(['Site', 'Page', 'Elements', 'Read', 'n', 'Median', 'p95', 'Min', 'Max', 'Status'], rows, [
      'left',
      'left',
      'right',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    [
      "- **customer page**: the site's first fixture whose expected read names someone, served at its real " +
        'address and grown to the target with filler (an activity feed inside the main region, a navigation ' +
        'list outside it).',
      "- **nobody found**: the same address with the same amount of filler and nothing the site's hooks " +
        'know, so the semantic layer every site shares runs as well: the slowest path of a read.',
      '- All adapters are bundled from lib/sites/registry.ts with esbuild; one node is added to and removed ' +
        'from the main region before every timed read, untimed (scripts/bench/site-reads.ts).',
    ].join('\n'),
  ].join('\n\n');
}

function renderRead(read: PageReadResult, verdicts: Verdict[]): string {
  const verdict = timingVerdict(
    `One page read, Gmail adapter, ${read.elementCount.toLocaleString('en-US')}-element page`,
    read.adapter,
    read.budgetMs,
    '`performance.now()` around each read, in the page (Chromium without the extension)',
  );
  verdicts.push(verdict);
  const base = read.baselines[0];
  if (base)
    verdict.result = `${ratio(base.summary.median / read.adapter.median)} faster than the innerText scan (median)`;
  const rows = [
    [
      '`gmail.readPage(document, url)` (lib/sites/gmail.ts)',
      ...summaryRows(read.adapter),
      '1.0×',
      `≤ ${ms(read.budgetMs)}: ${verdict.missed ? '**MISSED**' : 'within budget'}`,
    ],
    ...read.baselines.map((baseline) => [
      `Baseline — ${baseline.label}`,
      ...summaryRows(baseline.summary),
      ratio(baseline.summary.median / read.adapter.median),
      'baseline',
    ]),
  ];
  return [
    '## 2. One page read on a 20,000-element Gmail-like page',
    `Budget: ≤ ${ms(read.budgetMs)} median per read. Status: ${status(verdict)}.`,
    table(['What', 'n', 'Median', 'p95', 'Min', 'Max', 'Median vs. adapter', 'Budget'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    [
      `- Page: \`buildLargeGmailThreadHtml(${read.targetElements})\` (tests/fixtures/sites/large-gmail.ts), ` +
        `**${read.elementCount.toLocaleString('en-US')} elements** on the page as loaded ` +
        "(`document.getElementsByTagName('*').length`), served at its real Gmail address by request routing.",
      `- The adapter read a \`${read.read.kind}\` with ${read.read.participants} participants; the newest ` +
        `customer sender ${read.read.lastCustomerFound ? 'was' : '**was not**'} among them.`,
      `- lib/sites/gmail.ts is bundled with esbuild (bundle, minify, IIFE; ${bytes(read.bundleBytes)}) and ` +
        'added to the page; reads are timed inside the page with `performance.now()` in one `page.evaluate`, ' +
        'after warm-up reads, taking turns with the baselines (one timed run each per round). Chromium without the extension, so no content script competes.',
      `- Before every timed read, untimed, one node is appended to and removed from \`div[role=main]\`, as ` +
        'the app does between two reads of the content script, so no read profits from a clean layout or ' +
        'a cached query.',
      `- The page is cross-origin isolated (COOP/COEP headers): ${read.crossOriginIsolated ? 'yes' : '**no**'}; ` +
        `smallest timer step observed ${ms(read.timerResolutionMs)}.`,
      '- `emailRegex` in the innerText baseline is `/[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+/g`. ' +
        '"Median vs. adapter" is the baseline median divided by the adapter median.',
    ].join('\n'),
  ].join('\n\n');
}

function renderChurn(churn: ChurnResult, verdicts: Verdict[]): string {
  const rows: string[][] = [];
  const misses: string[] = [];
  let controlFailed = false;
  for (const pace of churn.paces) {
    const extras = pace.runs.map((run) => run.after - 1);
    const firsts = pace.runs.map((run) => run.before);
    const maxExtra = Math.max(...extras);
    const ticks = pace.runs.map((run) => run.ticks);
    const controlOk = pace.runs.every((run) => run.afterRealChange === run.after + 1);
    if (!controlOk) controlFailed = true;
    if (maxExtra > churn.budgetExtra)
      misses.push(`${maxExtra} extra report(s) with a change every ${pace.intervalMs} ms`);
    rows.push([
      `every ${pace.intervalMs} ms for ${(pace.durationMs / 1000).toFixed(0)} s`,
      String(pace.runs.length),
      Math.min(...ticks) === Math.max(...ticks)
        ? String(ticks[0])
        : `${Math.min(...ticks)}–${Math.max(...ticks)}`,
      firsts.join(', '),
      extras.join(', '),
      controlOk ? 'counted (+1)' : '**not counted as expected**',
      maxExtra > churn.budgetExtra ? `**MISSED**: up to ${maxExtra} extra` : 'within budget',
    ]);
  }
  const verdict: Verdict = {
    metric: 'Reports sent while the DOM churns without changing the context',
    budget: `${churn.budgetExtra} extra reports beyond the first`,
    result: `max extra ${Math.max(...churn.paces.flatMap((p) => p.runs.map((r) => r.after - 1)))}`,
    how: "the background's report count for the tab, before and after the churn",
    ...(misses.length && { missed: misses.join('; ') }),
  };
  verdicts.push(verdict);
  return [
    '## 3. Reports sent when mutations do not change the context',
    `Budget: ${churn.budgetExtra} extra reports beyond the first. Status: ${status(verdict)}.`,
    table(
      [
        'Churn',
        'Runs',
        'Ticks per run',
        'Reports before churn',
        'Extra reports per run',
        'Control',
        'Status',
      ],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
    [
      '- With the built extension, a Gmail-like thread (scripts/bench/fixtures/gmail-thread.ts) is opened; ' +
        'once the panel shows the contact and the page has been quiet for a second, the page churns the DOM ' +
        'inside `div[role=main]`: each tick rewrites a ticker in the toolbar, appends a "typing" line to the ' +
        'newest message body and removes the previous one, and sets an attribute on a message. None of it ' +
        'changes who is on the page.',
      "- Counts are the background's `reports` for the tab in `chrome.storage.session` `tabPages`, read " +
        'before the churn and one quiet second after it; extra = reports after the churn − 1 (the first report).',
      '- Every 10 ms is faster than the content script’s mutation debounce, so reads wait until the churn ' +
        'stops; every 400 ms is slower, so each tick causes a full re-read whose result must be recognised ' +
        'as unchanged.',
      `- Control: each run then swaps in another customer’s thread, which must be reported once more` +
        `${controlFailed ? ' — **it was not, so the counts above cannot be trusted**' : ''}.`,
    ].join('\n'),
  ].join('\n\n');
}

function renderPanel(panel: PanelTimingResult, verdicts: Verdict[]): string {
  const load = timingVerdict(
    'Panel time-to-contact after a page load',
    panel.afterLoad,
    panel.budgetMs,
    '`page.goto` to the panel frame’s mark arriving in the benchmark process',
  );
  const nav = timingVerdict(
    'Panel time-to-contact after an in-app navigation',
    panel.afterNavigation,
    panel.budgetMs,
    'page timestamp before `pushState` to the panel frame’s timestamp',
  );
  verdicts.push(load, nav);
  const warm = (values: number[]) => values.map(ms).join(', ');
  return [
    '## 4. Panel time-to-contact',
    `Budget: ≤ ${ms(panel.budgetMs)} median for each case.`,
    table(
      ['Case', 'n', 'Median', 'p95', 'Min', 'Max', 'Warm-up runs (not counted)', 'Status'],
      [
        ['(a) after a page load', ...summaryRows(panel.afterLoad), warm(panel.afterLoadWarmup), status(load)],
        [
          '(b) after an in-app navigation',
          ...summaryRows(panel.afterNavigation),
          warm(panel.afterNavigationWarmup),
          status(nav),
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    [
      '- Built extension in headless Chromium, Gmail-like thread pages (scripts/bench/fixtures/gmail-thread.ts) ' +
        'served at real Gmail addresses; four customers in rotation, each thread customer → rep → customer.',
      '- The panel side is noticed inside the panel frame: a MutationObserver, installed before the ' +
        "panel's own scripts run, sends a mark (with the frame's `performance.timeOrigin + performance.now()`) " +
        'the moment `[data-testid=contact-email]` shows a new address.',
      '- (a) From just before `page.goto` (benchmark process clock) to the arrival of the panel’s mark for ' +
        'the expected address, so the mark’s delivery counts against the budget. Each load is a fresh tab; ' +
        'the first runs after the browser starts (service worker start, first panel load) are reported apart ' +
        'as warm-up.',
      '- (b) In one tab, the page calls `history.pushState` to another thread and replaces the thread in ' +
        "`div[role=main]` with the next customer's. Timed in the browser: from the page's " +
        '`performance.timeOrigin + performance.now()` just before the change to the panel’s timestamp when ' +
        `it shows the new address. The page then stays quiet for a moment before the next navigation. The ` +
        `span includes the content script's ${panel.debounceMs} ms mutation debounce ` +
        `(\`MUTATION_DEBOUNCE_MS\` in lib/content/page-watcher.ts), which leaves ` +
        `${ms(panel.budgetMs - panel.debounceMs)} of the budget for the read, the report, the background ` +
        'and the panel render.',
    ].join('\n'),
  ].join('\n\n');
}

const rowsText = (rows: Record<string, number>): string =>
  Object.entries(rows)
    .map(([store, n]) => `${count(n)} ${store}`)
    .join(', ');

function renderDatabase(seeding: SeedStep[]): string {
  return [
    '## 5. The large database (sections 6–8)',
    'Sections 6–8 share one browser with the built extension and one database, seeded once, in steps, as ' +
      'the groups need it. The rows are generated in an extension page (scripts/bench/in-page/scale-rows.ts: ' +
      'each row a pure function of its index), checked against the schemas of lib/db/records.ts, and written ' +
      "straight into the extension's IndexedDB in transactions of 25,000 puts, after the background has " +
      'created the database.',
    table(
      ['Seeding step', 'Rows written', 'Time'],
      seeding.map((step) => [step.what, rowsText(step.rows), `${step.seconds.toFixed(1)} s`]),
      ['left', 'left', 'right'],
    ),
    [
      `- **Accounts:** ${count(SCALE.accounts)}, each with 1–3 people (the big account 12), a stage and an industry.`,
      `- **Notes:** ${count(SCALE.notes)}. The big account (\`${BIG_ACCOUNT}\`) has ${count(SCALE.bigAccountNotes)}, ` +
        `the typical one (\`${TYPICAL_ACCOUNT}\`) ${SCALE.typicalAccountNotes}; of the others most have 5–15, ` +
        'a tenth 0–4 and one in fifty 20–60. Bodies of two to four sentences, English (some accented) and ' +
        'Chinese mixed, created over the last 700 days.',
      `- **Stage events:** ${count(SCALE.stageEvents)}, ${SCALE.eventsPerAccount} per account over the last ` +
        `two years (mostly forward, sometimes skipping or going back). **SPIN log:** ${count(SCALE.questionLog)} rows.`,
      `- **Follow-ups:** ${count(SCALE.panelFollowUps)} for section 6, then ${count(SCALE.popupFollowUps - SCALE.panelFollowUps)} ` +
        `more (same distribution) for sections 7 and 8. Per ${count(SCALE.popupFollowUps)}: 40 open and due within ` +
        "the popup's next seven days (from two hours ahead, so no reminder rings during the run), 20 open and " +
        'overdue, 1 % proposed by the cadence, about a quarter open and due 10–365 days ahead, the rest done ' +
        '(due over the past two years). One in 200 belongs to the big account.',
      "- The page used for seeding, the baselines and most messages is the extension's built `manifest.json` " +
        'opened in a tab: an extension-origin document (privileged sender, same IndexedDB as the background) ' +
        "running none of the app's scripts, since the options page and the popup refresh themselves on every " +
        'change event. Round trips are timed there with `performance.now()` (extension pages are not ' +
        'cross-origin isolated: 0.1 ms steps).',
    ].join('\n'),
  ].join('\n\n');
}

function renderPanelData(result: PanelDataResult, verdicts: Verdict[]): string {
  const rows = result.cases.map((row) => {
    const verdict = p95Verdict(
      `Panel data (\`getPanelState\`), ${row.label} (${count(row.notesInDatabase)} of ` +
        `${count(result.database.notes ?? 0)} notes; ${count(result.database.accounts ?? 0)} accounts, ` +
        `${count(result.database.followUps ?? 0)} follow-ups)`,
      row.summary,
      result.budgetMs,
      'round trip in the tab’s panel frame, `performance.now()`',
    );
    verdict.result = `${ratio(result.baseline.median / row.summary.median)} faster than a full scan (median)`;
    verdicts.push(verdict);
    return { row, verdict };
  });
  return [
    '## 6. Loading an account’s panel data',
    `Budget: ≤ ${ms(result.budgetMs)} p95 with ${count(result.database.accounts ?? 0)} accounts, ` +
      `${count(result.database.notes ?? 0)} notes and ${count(result.database.followUps ?? 0)} follow-ups in ` +
      `the database. Status: ${rows.every(({ verdict }) => !verdict.missed) ? 'within budget' : '**MISSED**'}.`,
    table(
      ['What', 'n', 'Median', 'p95', 'Min', 'Max', 'Answer carried', 'Median vs. ours', 'Status'],
      [
        ...rows.map(({ row, verdict }) => [
          `\`getPanelState\`, ${row.label} (\`${row.accountKey}\`)`,
          ...summaryRows(row.summary),
          `${counted(row.notesReturned, 'note')}, ${counted(row.followUpsReturned, 'follow-up')}, ` +
            counted(row.peopleReturned, 'person', 'people'),
          '1.0×',
          status(verdict),
        ]),
        [
          'Baseline — full scan: `getAll` of notes, follow-ups and people, filtered and sorted in the page',
          ...summaryRows(result.baseline),
          'the same rows',
          result.cases
            .map((row) => `${ratio(result.baseline.median / row.summary.median)} (${row.label})`)
            .join(', '),
          'baseline',
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
    ),
    [
      '- Two Gmail-like threads (scripts/bench/fixtures/gmail-thread.ts) served at real Gmail addresses, one ' +
        "per tab: Oliver Grant's (the typical account) and Jane Cooper's (the big account). Each tab's panel " +
        'shows its contact before timing starts.',
      "- Timed from inside each tab's panel frame, the extension page that sends this message in the product: " +
        '`getPanelState({ tabId })` through `chrome.runtime.sendMessage` in the wire format of ' +
        '@webext-core/messaging, from just before the send to the answer, with `performance.now()`. The ' +
        "background answers about the sender's own tab, which is the tab named. The two tabs take turns; " +
        `${counted(result.warmup, 'warm-up round')} first, not counted.`,
      '- The answer includes the contact chosen from the page, the account, its people, its notes (newest ' +
        '500: `listNotes` walks the `by-account-created` index) and its follow-ups (`by-account` index, open ones ' +
        'then the 20 most recently done), and the SPIN questions asked; every timed answer was checked to be ' +
        'about the expected contact and account.',
      '- Baseline: in the quiet extension page, the same account’s notes, follow-ups, account and people read ' +
        'without the indexes (`getAll` of each store, filtered and sorted in JavaScript). It is timed inside ' +
        'the page, so no message round trip is counted against it; it alternates between the two accounts ' +
        '(its cost does not depend on the account). "Median vs. ours" is the baseline median divided by ours.',
    ].join('\n'),
  ].join('\n\n');
}

function renderPopupData(result: PopupDataResult, verdicts: Verdict[]): string {
  const speedup = result.baseline.median / result.popup.median;
  const followUps = count(result.database.followUps ?? 0);
  const popup: Verdict = {
    metric: `Popup data ready (\`getPopupFollowUps\`), ${followUps} follow-ups`,
    budget: `≥ ${result.speedupGoal}× faster than a full scan (median)`,
    summary: result.popup,
    result: `${ratio(speedup)} faster than the full scan (median ${ms(result.baseline.median)}, n = ${result.baseline.n})`,
    how: 'round trip in an extension page, `performance.now()`; the scan in the same page',
    ...(speedup < result.speedupGoal && {
      missed: `${ratio(speedup)} faster than the full scan, short of the ${result.speedupGoal}× goal`,
    }),
  };
  const rearm = timingVerdict(
    `Re-arming the reminder alarm after a snooze, ${followUps} follow-ups`,
    result.rearm,
    result.rearmBudgetMs,
    'in the service worker: snooze’s write committed → reminder alarm set',
  );
  rearm.result = `the whole refresh (through the day-turn alarm): median ${ms(result.refresh.median)}, p95 ${ms(result.refresh.p95)}`;
  verdicts.push(popup, rearm);
  const sameCounts =
    result.totals.overdue === result.baselineCounts.overdue &&
    result.totals.today === result.baselineCounts.today &&
    result.totals.week === result.baselineCounts.week;
  const sections = (c: { overdue: number; today: number; week: number }) =>
    `${c.overdue} overdue, ${c.today} today, ${c.week} in the next 7 days`;
  return [
    '## 7. Popup data and re-arming the reminder alarm',
    `Goals with ${followUps} follow-ups in the database: the popup's data at least ${result.speedupGoal}× ` +
      `faster than a full scan — ${status(popup)}; re-arming the alarm after a change ≤ ${ms(result.rearmBudgetMs)} ` +
      `— ${status(rearm)}.`,
    table(
      ['What', 'n', 'Median', 'p95', 'Min', 'Max', 'Full scan median / ours', 'Status'],
      [
        ['`getPopupFollowUps` round trip', ...summaryRows(result.popup), ratio(speedup), status(popup)],
        [
          'Baseline — full scan: `getAll` of follow-ups, filter, sort, split into the three sections',
          ...summaryRows(result.baseline),
          '1.0×',
          'baseline',
        ],
        [
          'Snooze (`updateFollowUp`) round trip: the write and the answer',
          ...summaryRows(result.snoozeRoundTrip),
          '',
          'reported',
        ],
        [
          'Re-arm, in the worker: write committed → reminder alarm set',
          ...summaryRows(result.rearm),
          '',
          status(rearm),
        ],
        [
          'Re-arm step 1: write committed → refresh under way (answer, change broadcast, settings read)',
          ...summaryRows(result.rearmSteps.toRefresh),
          '',
          'reported',
        ],
        [
          'Re-arm step 2a: refresh under way → badge recounted (`by-status-due` count) and set (3 `action` calls at once)',
          ...summaryRows(result.rearmSteps.badge),
          '',
          'reported',
        ],
        [
          'Re-arm step 2b, beside 2a: refresh under way → reminder alarm re-armed (storage read, `by-status-due` cursor, `alarms.create`)',
          ...summaryRows(result.rearmSteps.alarm),
          '',
          'reported',
        ],
        [
          'Whole refresh, in the worker: write committed → day-turn alarm set',
          ...summaryRows(result.refresh),
          '',
          'reported',
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    [
      `- The popup was answered ${sections(result.totals)} (${result.rowsSent} rows sent, each joined with ` +
        `its account's and contact's names); the full scan found ${sections(result.baselineCounts)}` +
        `${sameCounts ? ' — the same' : ' — **different counts: the comparison cannot be trusted**'}.`,
      '- `getPopupFollowUps` is sent from the quiet extension page and timed there from just before the send ' +
        `to the answer (${counted(result.warmup, 'warm-up run')} not counted). The background reads ` +
        'each section as one range of the `by-status-due` index plus a count, then the shown rows’ accounts ' +
        'and contacts.',
      '- Baseline: in the same page, against the same database, every follow-up read with `getAll`, the open ' +
        'ones due before the end of the popup’s week kept, sorted by due time and split by the popup’s own ' +
        'windows (lib/reminders/windows.ts, bundled into the page). No names are joined and no message is ' +
        'sent, so the comparison favours the baseline.',
      '- Re-arming: each run snoozes a different open follow-up due months ahead to half an hour from now ' +
        '(`updateFollowUp`, action `snooze`), so it becomes one of the next reminders. The background writes the row, answers, and then — after answering — reads the settings, asks ' +
        'whether notifications are allowed, then recounts the badge and, side by side with it, arms the one ' +
        'reminder alarm again (`firstOpenFollowUpDueAfter` on the `by-status-due` index), and last sets the ' +
        'day-turn alarm (lib/background/reminders.ts `followUpsChanged`). The benchmark watches this ' +
        "inside the service worker without changing the extension: it wraps the worker's " +
        '`IDBDatabase.prototype.transaction` to note when a `readwrite` transaction on `followUps` completes, ' +
        '`chrome.alarms.create` to note when each alarm has been set, and — for the steps — ' +
        '`chrome.notifications.getPermissionLevel` (which the refresh calls right after reading the settings; ' +
        'noted when called) and ' +
        '`chrome.action.setTitle` (set together with the badge’s text and colour; noted when done); all with the worker’s ' +
        '`performance.timeOrigin + performance.now()`. Step 1 and step 2b add up to the re-arm; step 2a runs beside 2b. "Re-arm" runs from the ' +
        'write’s commit to the reminder alarm set, which does not wait for the badge; the round trip of the snooze itself (write and answer, ' +
        'page clock) is shown apart and does not include the re-arm, which the background does after ' +
        `answering. ${counted(result.rearmWarmup, 'warm-up run')} not counted.`,
    ].join('\n'),
  ].join('\n\n');
}

function renderInsightsSearch(result: InsightsSearchResult, verdicts: Verdict[]): string {
  const db = result.database;
  const noBudget = 'no fixed budget (“quick”)';
  for (const period of result.insights) {
    verdicts.push({
      metric:
        `Insights (\`getInsights\`), ${period.period === 'all' ? 'all time' : `last ${period.period} days`}: ` +
        `${count(period.stageEventsRead)} of ${count(db.stageEvents ?? 0)} stage events read, ` +
        `${count(db.accounts ?? 0)} accounts`,
      budget: noBudget,
      summary: period.roundTrip,
      result: `background ${ms(period.background.median)} (median)`,
      how: 'round trip in an extension page, `performance.now()`',
      unbudgeted: true,
    });
  }
  const searchBaseline = result.baseline.map((row) => row.summary.median);
  const baselineMedian = searchBaseline.length ? Math.min(...searchBaseline) : NaN;
  verdicts.push(
    {
      metric: `Notes search, first query (index built from ${count(result.cold.searched)} notes)`,
      budget: noBudget,
      summary: result.cold.roundTrip,
      result: 'first query after seeding, then two forced rebuilds',
      how: 'round trip in an extension page, `performance.now()`',
      unbudgeted: true,
    },
    {
      metric: `Notes search, warm, Latin script (${result.queries.filter((q) => q.script === 'Latin').length} queries pooled)`,
      budget: noBudget,
      summary: result.latin,
      result: `${ratio(baselineMedian / result.latin.median)} faster than a full scan (median)`,
      how: 'round trip in an extension page, `performance.now()`',
      unbudgeted: true,
    },
    {
      metric: `Notes search, warm, Chinese (${result.queries.filter((q) => q.script === 'Chinese').length} queries pooled)`,
      budget: noBudget,
      summary: result.chinese,
      result: `${ratio(baselineMedian / result.chinese.median)} faster than a full scan (median)`,
      how: 'round trip in an extension page, `performance.now()`',
      unbudgeted: true,
    },
  );
  const allBuilt = result.cold.indexBuilt.every(Boolean);
  return [
    '## 8. Insights and notes search',
    'No fixed budget: the design asks for these to be quick, so the figures are reported, not judged. ' +
      `Database: ${rowsText(db)}.`,
    table(
      [
        'Insights period',
        'Stage events read',
        'n',
        'Median',
        'p95',
        'Min',
        'Max',
        'Background median (`computeMs`)',
        'Same rows, read alone (median)',
      ],
      result.insights.map((period) => [
        period.period === 'all' ? 'all time' : `last ${period.period} days`,
        count(period.stageEventsRead),
        ...summaryRows(period.roundTrip),
        ms(period.background.median),
        `${ms(period.rowsRead.median)} (${count(period.rowsReadCount)} rows)`,
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    table(
      ['Notes search', 'Matches', 'n', 'Median', 'p95', 'Min', 'Max', 'Background median (`searchMs`)'],
      [
        [
          `first query (“${result.cold.query}”), index built from ${count(result.cold.searched)} notes`,
          '—',
          ...summaryRows(result.cold.roundTrip),
          ms(result.cold.background.median),
        ],
        ...result.queries.map((query) => [
          `“${query.query}” (${query.script}; ${query.note})`,
          count(query.matches),
          ...summaryRows(query.roundTrip),
          ms(query.background.median),
        ]),
        ...result.baseline.map((row) => [
          `Baseline — full scan for “${row.query}”: \`getAll\` of notes, fold, match, sort, in the page`,
          `${count(row.matches)}${row.matches === row.indexMatches ? '' : ` (**index found ${count(row.indexMatches)}**)`}`,
          ...summaryRows(row.summary),
          '—',
        ]),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    [
      '- All from the quiet extension page, round trips timed there from just before the send to the ' +
        'answer; "Background" is the time the background reports in its answer (`computeMs`, `searchMs`), ' +
        'without the message passing.',
      '- Insights: the four periods take turns, ' +
        `${counted(result.warmup, 'warm-up round')} not counted. Every period also counts ` +
        'accounts per stage, reads the done follow-ups due in the period and the SPIN questions asked in it ' +
        '(`questionLog.by-asked`, schema version 2), so the shortest period does not cost only its stage events. ' +
        '"Same rows, read alone": after each answer, the page reads the rows that period’s insights read ' +
        '(stage events, SPIN questions, done follow-ups; the same indexes and ranges, one transaction) with no ' +
        'validation and no figures — IndexedDB’s share of the background’s time.',
      '- First search: the background builds its in-memory index (every note read and folded) on the first ' +
        'query after the worker starts. That happens once, so it is repeated by changing the notes store ' +
        'behind the background’s back — one note added, then removed again — which the background notices by ' +
        `the store's count and answers by rebuilding the whole index (\`indexBuilt\` was ${allBuilt ? 'true' : '**not**'} ` +
        'in every one of the three answers).',
      '- Warm searches: the queries take turns, ' +
        `${counted(result.warmup, 'warm-up round')} not counted; each answer holds the first 50 ` +
        'hits with their accounts and contacts, and the total. The Latin and Chinese summary rows pool the ' +
        'runs of their queries.',
      '- Baseline: the same search without the index, in the page against the same database: every note read ' +
        '(`getAll`), folded with lib/search/normalize.ts (bundled into the page), matched on all terms and ' +
        'sorted newest first. It must find the same number of notes. Summary ratios use the faster of its ' +
        'two queries.',
    ].join('\n'),
  ].join('\n\n');
}

const mib = (value: number): string => `${(value / 1024 / 1024).toFixed(2)} MiB`;

/** A heap difference, which can come out slightly negative when a collection frees a little more. */
const heapBytes = (value: number): string => (Math.abs(value) >= 1024 * 1024 ? mib(value) : kib(value));

function heapRows(s: Summary): string[] {
  return [String(s.n), heapBytes(s.median), heapBytes(s.p95), heapBytes(s.min), heapBytes(s.max)];
}

function renderMemory(memory: MemoryResult, verdicts: Verdict[]): string {
  const sizeVerdicts = memory.pages.map((page): Verdict => {
    const size = `${count(page.elementCount)}-element page`;
    return {
      metric: `JS heap of the content script, ${size}`,
      budget: `≤ ${mib(memory.contentBudgetBytes)} (median)`,
      result: `${heapBytes(page.contentScript.median)} median, ${heapBytes(page.contentScript.p95)} p95 over the page alone (${mib(page.withoutContentScript.median)})`,
      how: 'page renderer heap minus the same HTML where no content script runs',
      ...(page.contentScript.median > memory.contentBudgetBytes && {
        missed: `${heapBytes(page.contentScript.median)} median is over ${mib(memory.contentBudgetBytes)}`,
      }),
    };
  });
  const panelVerdicts = memory.pages.map((page): Verdict => ({
    metric: `JS heap of the panel, ${count(memory.notesInAccount)}-note account, ${count(page.elementCount)}-element page`,
    budget: `≤ ${mib(memory.panelBudgetBytes)} (median)`,
    result: `${heapBytes(page.panel.median)} median, ${heapBytes(page.panel.p95)} p95`,
    how: 'extension renderer heap with the panel open minus just before',
    ...(page.panel.median > memory.panelBudgetBytes && {
      missed: `${heapBytes(page.panel.median)} median is over ${mib(memory.panelBudgetBytes)}`,
    }),
  }));
  const { measured, warmup } = memory;
  const growthVerdict: Verdict = {
    metric:
      `Heap growth over ${count(memory.navigations)} in-app navigations after ` +
      `${count(memory.warmupNavigations)} warm-up ones (content script; panel)`,
    budget: `≤ ${kib(memory.growthBudgetBytes)} each`,
    result: `content script ${heapBytes(measured.contentScript)}; panel ${heapBytes(measured.panel)}`,
    how: 'heap after the navigations minus before, the page’s own growth subtracted',
    ...((measured.contentScript > memory.growthBudgetBytes || measured.panel > memory.growthBudgetBytes) && {
      missed: `content script ${heapBytes(measured.contentScript)}, panel ${heapBytes(measured.panel)}: over ${kib(memory.growthBudgetBytes)}`,
    }),
  };
  verdicts.push(...sizeVerdicts, ...panelVerdicts, growthVerdict);
  const rows = memory.pages.flatMap((page, i) => [
    [
      `Content script, ${count(page.elementCount)} elements`,
      ...heapRows(page.contentScript),
      status(sizeVerdicts[i]),
    ],
    [
      `Blink heap beside it (DOM and engine objects), ${count(page.elementCount)} elements`,
      ...heapRows(page.contentScriptEngine),
      'reported',
    ],
    [
      `Baseline — the page alone, ${count(page.elementCount)} elements`,
      ...heapRows(page.withoutContentScript),
      'baseline',
    ],
    [
      `Panel (${count(page.notesShown)} notes shown), ${count(page.elementCount)} elements`,
      ...heapRows(page.panel),
      status(panelVerdicts[i]),
    ],
  ]);
  return [
    '## 9. Memory of the content script and the panel',
    `Budgets: content script ≤ ${mib(memory.contentBudgetBytes)} of JS heap added to the page; panel ` +
      `≤ ${mib(memory.panelBudgetBytes)}; growth over ${count(memory.navigations)} in-app navigations ≤ ` +
      `${kib(memory.growthBudgetBytes)} for each once warmed up.`,
    table(['What (JS heap unless named)', 'n', 'Median', 'p95', 'Min', 'Max', 'Status'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    table(
      ['In-app navigations', 'Content script', 'Page alone (subtracted)', 'Panel', 'Status'],
      [
        [
          `first ${count(memory.warmupNavigations)} (warm-up)`,
          heapBytes(warmup.contentScript),
          heapBytes(warmup.pageWithout),
          heapBytes(warmup.panel),
          'reported',
        ],
        [
          `next ${count(memory.navigations)}`,
          heapBytes(measured.contentScript),
          heapBytes(measured.pageWithout),
          heapBytes(measured.panel),
          status(growthVerdict),
        ],
      ],
      ['left', 'right', 'right', 'right', 'left'],
    ),
    [
      '- On the large database of section 5, the large Gmail-like thread (tests/fixtures/sites/large-gmail.ts) ' +
        `is served at a real Gmail address; its customer belongs to the account with ${count(memory.notesInAccount)} ` +
        'notes, so the panel holds the most a panel loads. Every load is a fresh tab; the heap is read once the ' +
        'panel shows the customer and the notes and the page has been quiet for a moment.',
      '- Chromium has one V8 heap per renderer process, so each figure is a difference against a baseline in ' +
        'the same run. Content script: the page’s renderer (page world and the content script’s isolated world ' +
        'share it) minus the same HTML served at an address no content script matches, loaded right after. ' +
        'The panel is an extension frame in the extension’s own process, so it is in neither. Panel: the ' +
        'extension renderer with the panel open minus the same renderer just before the tab opened.',
      '- Every reading follows three forced garbage collections (DevTools protocol `HeapProfiler.collectGarbage`) ' +
        'and is `Runtime.getHeapUsage`: `usedSize` (V8) and, reported beside the content script, ' +
        '`embedderHeapUsedSize` (Blink: the panel’s host element, its shadow root and frame element, and the ' +
        'DOM wrappers the reads touch).',
      `- Growth: one tab of each kind, ${count(memory.warmupNavigations + memory.navigations)} times ` +
        '`history.pushState` and another customer’s thread swapped into `div[role=main]` (four customers in ' +
        'turn); the tab with the content script waits for the panel to show each customer. The page’s own ' +
        'growth (the tab without the content script, same changes) is subtracted from the content script’s. ' +
        'The first navigations fill caches and compiled code (formatters, the renderer’s own pools), so ' +
        'growth is judged over the navigations after them; a leak keeps growing there. The extension ' +
        `renderer with the panel: ${mib(memory.panelHeap.start)} at the start, ${mib(memory.panelHeap.warm)} ` +
        `after the warm-up, ${mib(memory.panelHeap.end)} at the end.`,
    ].join('\n'),
  ].join('\n\n');
}

function render(results: Results): string {
  const verdicts: Verdict[] = [];
  const sections: string[] = [];
  if (results.size) sections.push(renderSize(results.size, verdicts));
  if (results.read) sections.push(renderRead(results.read, verdicts));
  if (results.siteReads) sections.push(renderSiteReads(results.siteReads, verdicts));
  if (results.churn) sections.push(renderChurn(results.churn, verdicts));
  if (results.panel) sections.push(renderPanel(results.panel, verdicts));
  if (results.seeding?.length) sections.push(renderDatabase(results.seeding));
  if (results.panelData) sections.push(renderPanelData(results.panelData, verdicts));
  if (results.popupData) sections.push(renderPopupData(results.popupData, verdicts));
  if (results.insightsSearch) sections.push(renderInsightsSearch(results.insightsSearch, verdicts));
  if (results.memory) sections.push(renderMemory(results.memory, verdicts));
  const missed = verdicts.filter((verdict) => verdict.missed);
  return [
    '# Benchmarks',
    '_Generated by `npm run bench` (scripts/bench.ts, one file per measurement group in scripts/bench/). ' +
      'Do not edit by hand: rerun it. Budgets are checked against the median, unless they name the p95; a ' +
      'p95 over a median budget is flagged too. p95 is the nearest-rank percentile; the median of an even count is the mean of the middle two._',
    '## Machine',
    renderMachine(results),
    ...(results.machine.loadAverage > results.machine.cores / 2
      ? [
          `**Note:** the machine was busy when the run started (load average ` +
            `${results.machine.loadAverage.toFixed(2)} on ${results.machine.cores} cores); timings are ` +
            'likely higher than on an idle machine.',
        ]
      : []),
    ...(results.loadAtEnd > results.machine.cores / 2
      ? [
          `**Note:** the machine was busy by the end of the run (load average ${results.loadAtEnd.toFixed(2)} ` +
            `on ${results.machine.cores} cores); later groups may be slower than on an idle machine.`,
        ]
      : []),
    '## Summary',
    table(
      ['Metric', 'Budget', 'Median', 'p95', 'n', 'Result', 'Status', 'How measured'],
      verdicts.map((verdict) => [
        verdict.metric,
        verdict.budget,
        verdict.summary ? ms(verdict.summary.median) : '—',
        verdict.summary ? ms(verdict.summary.p95) : '—',
        verdict.summary ? String(verdict.summary.n) : '—',
        verdict.result || '—',
        status(verdict),
        verdict.how,
      ]),
      ['left', 'left', 'right', 'right', 'right', 'left', 'left', 'left'],
    ),
    missed.length
      ? `**Budgets missed (${missed.length}):**\n\n${missed.map((verdict) => `- ${verdict.metric}: ${verdict.missed}.`).join('\n')}`
      : 'All budgets met.',
    ...sections,
  ].join('\n\n');
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  const started = Date.now();
  if (options.build) {
    if (process.env.DEALSIDE_EXTENSION_DIR)
      console.warn(`Building into .output/, but measuring DEALSIDE_EXTENSION_DIR=${EXTENSION_DIR}.`);
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
  }
  const machine = describeMachine();
  if (machine.loadAverage > machine.cores / 2)
    console.warn(
      `The machine is busy (load average ${machine.loadAverage.toFixed(2)}): timings will be high.`,
    );
  const results: Results = {
    machine,
    extensionDir: EXTENSION_DIR,
    built: options.build,
    durationS: 0,
    loadAtEnd: machine.loadAverage,
  };
  const run = async <T>(
    group: Group,
    label: string,
    measure: (progress: Progress) => Promise<T>,
  ): Promise<T | undefined> => {
    if (!options.groups.includes(group)) return undefined;
    const t = Date.now();
    process.stdout.write(`${label}… `);
    let lines = 0;
    const progress: Progress = (line) => process.stdout.write(`${lines++ === 0 ? '\n' : ''}  ${line}\n`);
    const result = await measure(progress);
    console.log(`${lines ? `  ${label}: ` : ''}${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };

  const quick = options.quick;
  results.size = await run('size', 'Content script size', () => measureContentSize(EXTENSION_DIR));
  results.read = await run('read', 'One page read', () =>
    measurePageRead(quick ? { iterations: 40, warmup: 5 } : DEFAULT_PAGE_READ_OPTIONS),
  );
  results.siteReads = await run('read', 'One page read per site', () =>
    measureSiteReads(quick ? { iterations: 20, warmup: 3 } : DEFAULT_SITE_READ_OPTIONS),
  );
  results.churn = await run('churn', 'Reports during DOM churn', () =>
    measureMutationReports(quick ? { ...DEFAULT_CHURN_OPTIONS, runs: 1 } : DEFAULT_CHURN_OPTIONS),
  );
  results.panel = await run('panel', 'Panel time-to-contact', () =>
    measurePanelTiming(quick ? { iterations: 5, warmup: 1, settleMs: 500 } : DEFAULT_PANEL_TIMING_OPTIONS),
  );

  // One browser and one large database for the data groups: seeding is the slow part.
  let scale: ScaleBrowser | undefined;
  const scaleBrowser = async (progress: Progress): Promise<ScaleBrowser> => {
    if (!scale) progress('starting a browser for the data benchmarks…');
    scale ??= await ScaleBrowser.launch();
    return scale;
  };
  try {
    results.panelData = await run('panel-data', 'Panel data at scale', async (progress) =>
      measurePanelData(
        await scaleBrowser(progress),
        progress,
        quick ? { iterations: 10, warmup: 2, baselineRuns: 2 } : DEFAULT_PANEL_DATA_OPTIONS,
      ),
    );
    results.popupData = await run('popup-data', 'Popup data and re-arming at scale', async (progress) =>
      measurePopupData(
        await scaleBrowser(progress),
        progress,
        quick
          ? { iterations: 10, warmup: 2, baselineRuns: 2, rearmRuns: 5, rearmWarmup: 1 }
          : DEFAULT_POPUP_DATA_OPTIONS,
      ),
    );
    results.insightsSearch = await run(
      'insights-search',
      'Insights and notes search at scale',
      async (progress) =>
        measureInsightsSearch(
          await scaleBrowser(progress),
          progress,
          quick
            ? { insightsRuns: 2, searchRuns: 3, warmup: 1, baselineRuns: 1 }
            : DEFAULT_INSIGHTS_SEARCH_OPTIONS,
        ),
    );
    results.memory = await run('memory', 'Memory of the content script and the panel', async (progress) =>
      measureMemory(
        await scaleBrowser(progress),
        progress,
        quick
          ? { runs: 2, pageSizes: [20_000], warmupNavigations: 10, navigations: 10, settleMs: 500 }
          : DEFAULT_MEMORY_OPTIONS,
      ),
    );
    results.seeding = scale?.seeding;
  } finally {
    await scale?.close();
  }
  results.durationS = (Date.now() - started) / 1000;
  results.loadAtEnd = os.loadavg()[0] ?? 0;

  const target = options.out ?? path.join(ROOT, 'BENCHMARKS.md');
  const markdown = await format(render(results), {
    ...((await resolveConfig(target)) ?? {}),
    parser: 'markdown',
  });
  if (options.out) {
    await writeFile(options.out, markdown);
    console.log(`Wrote ${path.relative(process.cwd(), options.out) || options.out}`);
  } else {
    console.log(`\n${markdown}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
