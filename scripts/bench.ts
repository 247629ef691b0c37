/**
 * `npm run bench`: builds the extension, measures it against its budgets in real Chromium (headless) and
 * writes BENCHMARKS.md: contact detection (size, read, churn, panel) and, on one browser with a large
 * seeded database, the data the surfaces load (panel-data, popup-data, insights-search) and the memory
 * the content script and the panel take on large pages (memory); and sync with a CouchDB-protocol server
 * (sync): the initial sync of the large database into an empty profile, the service worker's heap meanwhile,
 * and a note saved in one browser until another browser's open panel shows it.
 *
 *   --no-build       measure the existing build (DEALSIDE_EXTENSION_DIR, else .output/chrome-mv3)
 *   --only=a,b       run some groups only: size, read, churn, panel, panel-data, popup-data,
 *                    insights-search, memory, pipeline-page, sync (prints, writes no file)
 *   --quick          fewer iterations, for trying the script out (prints, writes no file)
 *   --out=FILE       write the report here (also for --only / --quick runs)
 *
 * This file only runs the groups in order, describes the machine and writes the file. Each group measures in
 * scripts/bench/<module>.ts and renders its section(s) of BENCHMARKS.md in scripts/bench/render/<group>.ts,
 * named as in --only (plus render/database.ts for the large database the data groups share); every
 * section adds its budget verdicts to the summary table (render/verdict.ts, render/summary.ts).
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
import { errorText } from '../lib/error-text';
import { EXTENSION_DIR } from '../tests/e2e/support/browser';
import { measureContentSize, type ContentSizeResult } from './bench/content-size';
import { describeMachine, type Machine } from './bench/machine';
import { table } from './bench/markdown';
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
import {
  DEFAULT_PIPELINE_PAGE_OPTIONS,
  measurePipelinePage,
  type PipelinePageResult,
} from './bench/pipeline-page';
import { ScaleBrowser, type Progress, type SeedStep } from './bench/scale-browser';
import { DEFAULT_SYNC_OPTIONS, measureSync, type SyncResult } from './bench/sync';
import { renderChurn } from './bench/render/churn';
import { renderDatabase } from './bench/render/database';
import { renderInsightsSearch } from './bench/render/insights-search';
import { renderMemory } from './bench/render/memory';
import { renderPanel } from './bench/render/panel';
import { renderPanelData } from './bench/render/panel-data';
import { renderPipelinePage } from './bench/render/pipeline-page';
import { renderPopupData } from './bench/render/popup-data';
import { renderRead, renderSiteReads } from './bench/render/read';
import { renderSize } from './bench/render/size';
import { renderSync } from './bench/render/sync';
import { renderSummary } from './bench/render/summary';
import type { Verdict } from './bench/render/verdict';

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
  'pipeline-page',
  'sync',
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
  pipelinePage?: PipelinePageResult;
  sync?: SyncResult;
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
  if (results.pipelinePage) sections.push(renderPipelinePage(results.pipelinePage, verdicts));
  if (results.sync) sections.push(renderSync(results.sync, verdicts));
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
    renderSummary(verdicts),
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
        quick ? { iterations: 10, warmup: 2, baselineRuns: 2, autosaves: 20 } : DEFAULT_PANEL_DATA_OPTIONS,
      ),
    );
    results.popupData = await run('popup-data', 'Popup data and re-arming at scale', async (progress) =>
      measurePopupData(
        await scaleBrowser(progress),
        progress,
        quick
          ? {
              iterations: 10,
              warmup: 2,
              baselineRuns: 2,
              rearmRuns: 5,
              rearmWarmup: 1,
              opens: 8,
              stoppedOpens: 4,
            }
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
    results.pipelinePage = await run('pipeline-page', 'Pipeline page at scale', async (progress) =>
      measurePipelinePage(
        await scaleBrowser(progress),
        progress,
        quick ? { runs: 5, warmup: 1, messageRuns: 5 } : DEFAULT_PIPELINE_PAGE_OPTIONS,
      ),
    );
    results.seeding = scale?.seeding;
  } finally {
    await scale?.close();
  }
  // Its own browsers and server: after the large database's browser has closed.
  results.sync = await run('sync', 'Sync with a CouchDB-protocol server', (progress) =>
    measureSync(
      progress,
      quick ? { accounts: 1_000, notes: 10_000, samples: 5, warmup: 1 } : DEFAULT_SYNC_OPTIONS,
      () => os.loadavg()[0] ?? 0,
    ),
  );
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
  console.error(error instanceof Error && error.stack ? error.stack : errorText(error));
  process.exit(1);
});
