/**
 * Notes search at scale (part of the `insights-search` group): 100,000 notes seeded by ./scale-browser.ts
 * straight into IndexedDB, behind the app's back, so the index is first built by the explicit repair
 * (`repairNotesSearch`, timed). Then:
 *
 * - First query after the browser starts (last, as it restarts the browser): the browser is quit and
 *   started again on the same profile; 2 s later (the worker the browser started has done its start-up
 *   work) the first `searchNotes` loads the stored index from the database and answers.
 * - First query that starts the service worker itself: the worker is stopped (DevTools protocol,
 *   `ServiceWorker.stopAllWorkers`) and the next `searchNotes` starts it, opens the database, loads the
 *   stored index (base segment and deltas) and answers. Beside it, the same with an empty query (the
 *   worker's start and the message alone, no index), and the same query right after (warm).
 * - The service worker's heap (after forced collections) with the index loaded, minus the heap after
 *   a start that loaded no index.
 * - Warm queries through `searchNotes`, Latin and Chinese, including words being typed and a typo.
 * - In the page, on the same notes: our index, MiniSearch (same terms, prefix, one edit from five
 *   letters, AND, newest first) and today's method before the index (folded bodies in memory, a
 *   substring scan): build time, warm query time, load time from the stored form, heap.
 * - The full-scan baseline (every note read and folded per query), as before.
 *
 * Everything timed with `performance.now()` in the sending extension page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { SCALE } from './in-page/scale-rows';
import type { EngineKind } from './in-page/scale-page';
import { callInPage, sendFrom, type Progress, type ScaleBrowser } from './scale-browser';
import { summarize, type Summary } from './stats';
import { WorkerProbe } from './sync-probes';

export interface NotesSearchOptions {
  searchRuns: number;
  warmup: number;
  coldRuns: number;
  engineRuns: number;
  baselineRuns: number;
}

export const DEFAULT_NOTES_SEARCH_OPTIONS: NotesSearchOptions = {
  searchRuns: 20,
  warmup: 2,
  coldRuns: 5,
  engineRuns: 20,
  baselineRuns: 3,
};

export type Script = 'Latin' | 'Chinese';

export const SEARCH_QUERIES: readonly { query: string; script: Script; note: string }[] = [
  { query: 'warehouse pilot', script: 'Latin', note: 'two words' },
  { query: 'cafe', script: 'Latin', note: 'accents folded: finds “café”' },
  { query: 'w', script: 'Latin', note: 'first letter typed: every word it begins' },
  { query: 'wareh', script: 'Latin', note: 'a word being typed' },
  { query: 'warehose', script: 'Latin', note: 'a typo: one edit away' },
  { query: 'zzqx', script: 'Latin', note: 'no match' },
  { query: '报价', script: 'Chinese', note: '“quotation”' },
  { query: '采购部 售后服务', script: 'Chinese', note: 'two words' },
  { query: '报', script: 'Chinese', note: 'one character' },
];
/** The queries the full-scan baseline repeats (the scan's cost hardly depends on the query). */
const BASELINE_QUERIES = ['warehouse pilot', '报价'];
const COLD_QUERY = '报价';
/** How long after a browser start its first search is sent. */
const BROWSER_SETTLE_MS = 2_000;
const ENGINES: readonly EngineKind[] = ['ours', 'minisearch', 'scan'];

export interface SearchQueryResult {
  query: string;
  script: Script;
  note: string;
  matches: number;
  roundTrip: Summary;
}

export interface EngineResult {
  kind: EngineKind;
  buildMs: number;
  /** Loading its stored form back (ours: a structured clone of the base; MiniSearch: `loadJSON`). */
  reload: { bytes: number; ms: number };
  /** Page heap with the engine minus without, after forced collections. */
  heapBytes: number;
  queries: { query: string; script: Script; total: number; summary: Summary }[];
  latin: Summary;
  chinese: Summary;
}

export interface NotesSearchResult {
  notes: number;
  warmup: number;
  repair: { ms: number; notes: number };
  /**
   * First query after the browser starts (the worker it started, nothing loaded yet); first query that
   * starts the worker itself; the empty query after such a start; the query right after.
   */
  cold: {
    query: string;
    afterBrowserStart: Summary;
    roundTrip: Summary;
    workerStart: Summary;
    repeat: Summary;
  };
  /** The service worker's heap: started without loading the index, and with it loaded (bytes). */
  workerHeap?: { withoutIndex: number; withIndex: number };
  queries: SearchQueryResult[];
  empty: Summary;
  latin: Summary;
  chinese: Summary;
  engines: EngineResult[];
  /** Totals the engines disagree on, per query. */
  disagreements: string[];
  baseline: { query: string; summary: Summary; matches: number; indexMatches: number }[];
}

async function stopWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  // Let the browser see the worker gone before the next message starts it again.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

interface HeapUsage {
  usedSize: number;
  /** Array buffers' memory, outside the V8 heap (the index's typed arrays live there). */
  backingStorageSize?: number;
}

/** The JavaScript heap in use plus the array buffers' memory outside it. */
const heapBytes = (usage: HeapUsage) => usage.usedSize + (usage.backingStorageSize ?? 0);

async function pageHeap(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
    return heapBytes((await cdp.send('Runtime.getHeapUsage')) as HeapUsage);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

async function workerHeap(scale: ScaleBrowser): Promise<number> {
  const probe = await WorkerProbe.attach(scale.browser);
  try {
    await probe.call('HeapProfiler.enable', {});
    for (let pass = 0; pass < 3; pass++) await probe.call('HeapProfiler.collectGarbage', {});
    return heapBytes(await probe.call<HeapUsage>('Runtime.getHeapUsage', {}));
  } finally {
    await probe.close();
  }
}

export async function measureNotesSearch(
  scale: ScaleBrowser,
  progress: Progress,
  options: NotesSearchOptions = DEFAULT_NOTES_SEARCH_OPTIONS,
): Promise<NotesSearchResult> {
  const { page } = scale;
  const { context } = scale.browser;

  progress(
    `repairing the notes search index (${SCALE.notes.toLocaleString('en-US')} notes seeded behind its back)…`,
  );
  const repaired = await sendFrom(page, 'repairNotesSearch', {});
  const repair = { ms: repaired.ms, notes: repaired.result.notes };

  progress(`timing the first search after the service worker starts, ${options.coldRuns} times…`);
  const cold = { roundTrip: [] as number[], workerStart: [] as number[], repeat: [] as number[] };
  const request = { query: COLD_QUERY, offset: 0, limit: 50 };
  let heap: NotesSearchResult['workerHeap'];
  for (let run = 0; run < options.coldRuns; run++) {
    await stopWorkers(context, page);
    cold.workerStart.push((await sendFrom(page, 'searchNotes', { query: '', offset: 0, limit: 50 })).ms);
    const withoutIndex = run === 0 ? await workerHeap(scale).catch(() => undefined) : undefined;
    await stopWorkers(context, page);
    cold.roundTrip.push((await sendFrom(page, 'searchNotes', request)).ms);
    cold.repeat.push((await sendFrom(page, 'searchNotes', request)).ms);
    if (withoutIndex !== undefined) {
      const withIndex = await workerHeap(scale).catch(() => undefined);
      if (withIndex !== undefined) heap = { withoutIndex, withIndex };
    }
  }

  progress(`timing warm searches: ${SEARCH_QUERIES.length} queries × ${options.searchRuns} runs…`);
  const searchSamples = SEARCH_QUERIES.map(() => ({ roundTrip: [] as number[], matches: 0 }));
  for (let round = 0; round < options.warmup + options.searchRuns; round++) {
    for (const [index, { query }] of SEARCH_QUERIES.entries()) {
      const { ms, result } = await sendFrom(page, 'searchNotes', { query, offset: 0, limit: 50 });
      const samples = searchSamples[index]!;
      samples.matches = result.total;
      if (round >= options.warmup) samples.roundTrip.push(ms);
    }
  }

  progress(`timing the empty search: ${options.searchRuns} runs…`);
  const empty: number[] = [];
  for (let run = 0; run < options.warmup + options.searchRuns; run++) {
    const { ms, result } = await sendFrom(page, 'searchNotes', { query: '', offset: 0, limit: 50 });
    if (result.total !== 0) throw new Error(`The empty search found ${result.total} notes`);
    if (run >= options.warmup) empty.push(ms);
  }

  const engines: EngineResult[] = [];
  for (const kind of ENGINES) {
    progress(
      `in the page: ${kind} — build, ${SEARCH_QUERIES.length} queries × ${options.engineRuns} runs, reload, heap…`,
    );
    await callInPage(page, 'dropEngine');
    const before = await pageHeap(context, page);
    const built = await callInPage(page, 'buildEngine', kind);
    const heapBytes = (await pageHeap(context, page)) - before;
    const samples = SEARCH_QUERIES.map(() => ({ ms: [] as number[], total: 0 }));
    for (let round = 0; round < options.warmup + options.engineRuns; round++) {
      for (const [index, { query }] of SEARCH_QUERIES.entries()) {
        const answer = await callInPage(page, 'queryEngine', query);
        samples[index]!.total = answer.total;
        if (round >= options.warmup) samples[index]!.ms.push(answer.ms);
      }
    }
    const reload = await callInPage(page, 'reloadEngine');
    await callInPage(page, 'dropEngine');
    const pooled = (script: Script) =>
      summarize(
        SEARCH_QUERIES.flatMap((entry, index) => (entry.script === script ? samples[index]!.ms : [])),
      );
    engines.push({
      kind,
      buildMs: built.ms,
      reload,
      heapBytes,
      queries: SEARCH_QUERIES.map((entry, index) => ({
        query: entry.query,
        script: entry.script,
        total: samples[index]!.total,
        summary: summarize(samples[index]!.ms),
      })),
      latin: pooled('Latin'),
      chinese: pooled('Chinese'),
    });
  }
  const disagreements = SEARCH_QUERIES.flatMap((entry, index) => {
    const ours = searchSamples[index]!.matches;
    const others = engines.filter(
      (engine) => engine.kind !== 'scan' && engine.queries[index]!.total !== ours,
    );
    return others.map(
      (engine) => `“${entry.query}”: ${engine.kind} ${engine.queries[index]!.total}, ours ${ours}`,
    );
  });

  progress(`full-scan search baseline: ${BASELINE_QUERIES.length} queries × ${options.baselineRuns} runs…`);
  const baseline: NotesSearchResult['baseline'] = [];
  for (const query of BASELINE_QUERIES) {
    const runs: number[] = [];
    let matches = 0;
    for (let run = 0; run < options.baselineRuns; run++) {
      const scan = await callInPage(page, 'searchFullScan', query);
      runs.push(scan.ms);
      matches = scan.total;
    }
    const indexMatches = searchSamples[SEARCH_QUERIES.findIndex((entry) => entry.query === query)]!.matches;
    baseline.push({ query, summary: summarize(runs), matches, indexMatches });
  }

  // Last: every restart leaves the page and the worker of before behind.
  progress(`timing the first search after the browser starts, ${options.coldRuns} restarts…`);
  const afterBrowserStart: number[] = [];
  for (let run = 0; run < options.coldRuns; run++) {
    await scale.restart();
    // The browser starts the worker and its start-up work runs (reminders, badge, the database opened);
    // a rep's first search comes after it, not in the same instant.
    await scale.page.waitForTimeout(BROWSER_SETTLE_MS);
    afterBrowserStart.push((await sendFrom(scale.page, 'searchNotes', request)).ms);
  }

  const pooled = (script: Script) =>
    summarize(
      SEARCH_QUERIES.flatMap((entry, index) =>
        entry.script === script ? searchSamples[index]!.roundTrip : [],
      ),
    );
  return {
    notes: repair.notes,
    warmup: options.warmup,
    repair,
    cold: {
      query: COLD_QUERY,
      afterBrowserStart: summarize(afterBrowserStart),
      roundTrip: summarize(cold.roundTrip),
      workerStart: summarize(cold.workerStart),
      repeat: summarize(cold.repeat),
    },
    ...(heap ? { workerHeap: heap } : {}),
    queries: SEARCH_QUERIES.map((entry, index) => ({
      ...entry,
      matches: searchSamples[index]!.matches,
      roundTrip: summarize(searchSamples[index]!.roundTrip),
    })),
    empty: summarize(empty),
    latin: pooled('Latin'),
    chinese: pooled('Chinese'),
    engines,
    disagreements,
    baseline,
  };
}
