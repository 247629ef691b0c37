/** One page read (group `read`): section 2, the Gmail adapter and its baselines; 2b, every site adapter. */
import { bytes, ms, ratio, summaryRows, table } from '../markdown';
import type { PageReadResult } from '../page-read';
import type { SiteReadResult } from '../site-reads';
import { status, timingVerdict, type Verdict } from './verdict';

export function renderRead(read: PageReadResult, verdicts: Verdict[]): string {
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

export function renderSiteReads(reads: SiteReadResult, verdicts: Verdict[]): string {
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
