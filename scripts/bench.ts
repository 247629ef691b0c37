/**
 * `npm run bench`: builds the extension, measures it against the contact-detection budgets in real
 * Chromium (headless) and writes BENCHMARKS.md.
 *
 *   --no-build       measure the existing build (DEALSIDE_EXTENSION_DIR, else .output/chrome-mv3)
 *   --only=a,b       run some groups only: size, read, churn, panel (prints, writes no file)
 *   --quick          fewer iterations, for trying the script out (prints, writes no file)
 *   --out=FILE       write the report here (also for --only / --quick runs)
 *
 * Figures live in BENCHMARKS.md, never as timing assertions in tests.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
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
import {
  DEFAULT_PANEL_TIMING_OPTIONS,
  measurePanelTiming,
  type PanelTimingResult,
} from './bench/panel-timing';
import type { Summary } from './bench/stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GROUPS = ['size', 'read', 'churn', 'panel'] as const;
type Group = (typeof GROUPS)[number];

interface Results {
  machine: Machine;
  extensionDir: string;
  built: boolean;
  durationS: number;
  size?: ContentSizeResult;
  read?: PageReadResult;
  churn?: ChurnResult;
  panel?: PanelTimingResult;
}

/** One line of the summary, and the reason when the budget is missed. */
interface Verdict {
  metric: string;
  budget: string;
  result: string;
  missed?: string;
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

const stat = (s: Summary): string => `median ${ms(s.median)}, p95 ${ms(s.p95)} (n = ${s.n})`;

function timingVerdict(metric: string, s: Summary, budgetMs: number): Verdict {
  const verdict: Verdict = { metric, budget: `≤ ${ms(budgetMs)} (median)`, result: stat(s) };
  if (s.median > budgetMs)
    verdict.missed = `median ${ms(s.median)} is over the ${ms(budgetMs)} budget by ${ms(s.median - budgetMs)}`;
  else if (s.p95 > budgetMs)
    verdict.missed = `median within budget, but p95 ${ms(s.p95)} is over ${ms(budgetMs)}: the slowest runs miss it`;
  return verdict;
}

const status = (verdict: Verdict | undefined): string =>
  !verdict ? '' : verdict.missed ? `**MISSED**: ${verdict.missed}` : 'within budget';

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
        ['Baseline', 'What', 'As built', 'Gzip -9', 'Compared with', 'Ours / baseline (gzip)'],
        size.baselines.map((row) => {
          const mine = ours.get(row.compareWith);
          return [
            row.name,
            row.note,
            bytes(row.bytes),
            bytes(row.gzipBytes),
            row.compareWith,
            mine ? ratio(mine.gzipBytes / row.gzipBytes) : 'n/a',
          ];
        }),
        ['left', 'left', 'right', 'right', 'left', 'right'],
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

function renderRead(read: PageReadResult, verdicts: Verdict[]): string {
  const verdict = timingVerdict(
    `One page read, Gmail adapter, ${read.elementCount.toLocaleString('en-US')}-element page`,
    read.adapter,
    read.budgetMs,
  );
  verdicts.push(verdict);
  const base = read.baselines[0];
  if (base)
    verdict.result += `; ${ratio(base.summary.median / read.adapter.median)} faster than the innerText scan`;
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
  const load = timingVerdict('Panel time-to-contact after a page load', panel.afterLoad, panel.budgetMs);
  const nav = timingVerdict(
    'Panel time-to-contact after an in-app navigation',
    panel.afterNavigation,
    panel.budgetMs,
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

function render(results: Results): string {
  const verdicts: Verdict[] = [];
  const sections: string[] = [];
  if (results.size) sections.push(renderSize(results.size, verdicts));
  if (results.read) sections.push(renderRead(results.read, verdicts));
  if (results.churn) sections.push(renderChurn(results.churn, verdicts));
  if (results.panel) sections.push(renderPanel(results.panel, verdicts));
  const missed = verdicts.filter((verdict) => verdict.missed);
  return [
    '# Benchmarks',
    '_Generated by `npm run bench` (scripts/bench.ts, one file per measurement group in scripts/bench/). ' +
      'Do not edit by hand: rerun it. Budgets are checked against the median; a p95 over budget is flagged ' +
      'too. p95 is the nearest-rank percentile; the median of an even count is the mean of the middle two._',
    '## Machine',
    renderMachine(results),
    ...(results.machine.loadAverage > results.machine.cores / 2
      ? [
          `**Note:** the machine was busy when the run started (load average ` +
            `${results.machine.loadAverage.toFixed(2)} on ${results.machine.cores} cores); timings are ` +
            'likely higher than on an idle machine.',
        ]
      : []),
    '## Summary',
    table(
      ['Metric', 'Budget', 'Result', 'Status'],
      verdicts.map((verdict) => [verdict.metric, verdict.budget, verdict.result, status(verdict)]),
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
  const results: Results = { machine, extensionDir: EXTENSION_DIR, built: options.build, durationS: 0 };
  const run = async <T>(group: Group, label: string, measure: () => Promise<T>): Promise<T | undefined> => {
    if (!options.groups.includes(group)) return undefined;
    const t = Date.now();
    process.stdout.write(`${label}… `);
    const result = await measure();
    console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };

  const quick = options.quick;
  results.size = await run('size', 'Content script size', () => measureContentSize(EXTENSION_DIR));
  results.read = await run('read', 'One page read', () =>
    measurePageRead(quick ? { iterations: 40, warmup: 5 } : DEFAULT_PAGE_READ_OPTIONS),
  );
  results.churn = await run('churn', 'Reports during DOM churn', () =>
    measureMutationReports(quick ? { ...DEFAULT_CHURN_OPTIONS, runs: 1 } : DEFAULT_CHURN_OPTIONS),
  );
  results.panel = await run('panel', 'Panel time-to-contact', () =>
    measurePanelTiming(quick ? { iterations: 5, warmup: 1, settleMs: 500 } : DEFAULT_PANEL_TIMING_OPTIONS),
  );
  results.durationS = (Date.now() - started) / 1000;

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
