/**
 * Insights and notes search at scale: 10,000 accounts, 100,000 stage events, 100,000 notes (and the
 * follow-ups and SPIN log the insights also read), seeded by ./scale-browser.ts. No fixed budget: the
 * design asks for "quick", so the figures are reported, not judged.
 *
 * Everything is timed from the outside, in the sending extension page (`performance.now()` around each
 * message): the answers carry nothing about the background's own time or work.
 *
 * - `getInsights` for each period (30, 90, 365 days, all time), round trips, the periods taking turns: the
 *   figures come from the insights aggregates (lib/db/insights-aggregates.ts). Before them, the first
 *   report after the aggregates are dropped, which builds them from the records (as after the upgrade).
 *   Baseline, in the same run: today's method before the aggregates, `insightsReport` reading the period's
 *   records (lib/background/insights-query.ts), run in the page against the same database, whose figures
 *   must equal the answer's; and the time the same rows take to read from IndexedDB with nothing else done.
 * - `searchNotes`: the first query, which builds the background's in-memory index from the notes store,
 *   then warm queries in Latin and Chinese script. The first query can only happen once per worker, so
 *   it is repeated by changing the store behind the background's back (one note added, then removed):
 *   the background notices the count changed and rebuilds the whole index, as it does the first time.
 *   That the index was built shows in the split: each first query is followed at once by the same query,
 *   which must be several times faster. An empty query, which the background answers without the index,
 *   is the floor: the message passing and the handler's checks alone.
 *   Baseline, in the same run: the same search without the index — every note read and folded in an
 *   extension page — which must find the same number of notes.
 */
import { periodStart, type InsightsPeriod } from '../../lib/insights/period';
import { SCALE } from './in-page/scale-rows';
import { callInPage, sendFrom, type Progress, type ScaleBrowser } from './scale-browser';
import { summarize, type Summary } from './stats';

export interface InsightsSearchOptions {
  insightsRuns: number;
  searchRuns: number;
  warmup: number;
  baselineRuns: number;
}

export const DEFAULT_INSIGHTS_SEARCH_OPTIONS: InsightsSearchOptions = {
  insightsRuns: 10,
  searchRuns: 20,
  warmup: 2,
  baselineRuns: 3,
};

const PERIODS: readonly InsightsPeriod[] = ['30', '90', '365', 'all'];

export const SEARCH_QUERIES: readonly { query: string; script: 'Latin' | 'Chinese'; note: string }[] = [
  { query: 'warehouse pilot', script: 'Latin', note: 'two words' },
  { query: 'cafe', script: 'Latin', note: 'accents folded: finds “café”' },
  { query: 'zzqx', script: 'Latin', note: 'no match: every note scanned' },
  { query: '报价', script: 'Chinese', note: '“quotation”' },
  { query: '采购部 售后服务', script: 'Chinese', note: 'two words' },
];
/** The queries the full-scan baseline repeats (the scan's cost hardly depends on the query). */
const BASELINE_QUERIES = ['warehouse pilot', '报价'];
const COLD_QUERY = '报价';
/** A first query at least this many times slower than the same query right after it built the index. */
export const INDEX_BUILD_RATIO = 3;

export interface InsightsPeriodResult {
  period: InsightsPeriod;
  stageEventsRead: number;
  /** From the aggregates. */
  roundTrip: Summary;
  /** Today's method before the aggregates: the period's records read and the figures computed, in the page. */
  baseline: Summary;
  /** Baseline runs whose figures differed from the answer's (must be 0). */
  differing: number;
  /** The same rows read in the page with nothing else done: IndexedDB's share. */
  rowsRead: Summary;
  rowsReadCount: number;
}

export interface SearchQueryResult {
  query: string;
  script: 'Latin' | 'Chinese';
  note: string;
  matches: number;
  roundTrip: Summary;
}

export interface InsightsSearchResult {
  warmup: number;
  database: Record<string, number>;
  /** The first `getInsights` (all time) after the aggregates were dropped: it builds them from the records. */
  insightsFirst: number;
  insights: InsightsPeriodResult[];
  /**
   * The first query after seeding, then the two forced rebuilds; `repeat` is the same query asked right
   * after each, and `ratios` each first round trip divided by its repeat's.
   */
  cold: { query: string; notes: number; roundTrip: Summary; repeat: Summary; ratios: number[] };
  queries: SearchQueryResult[];
  /** Warm round trips slower than half the fastest first query: as slow as an index build. */
  slowWarm: number;
  /** `searchNotes` with an empty query: answered without the index or the database. */
  empty: Summary;
  latin: Summary;
  chinese: Summary;
  baseline: { query: string; summary: Summary; matches: number; indexMatches: number }[];
}

export async function measureInsightsSearch(
  scale: ScaleBrowser,
  progress: Progress,
  options: InsightsSearchOptions = DEFAULT_INSIGHTS_SEARCH_OPTIONS,
): Promise<InsightsSearchResult> {
  await scale.ensure(SCALE.popupFollowUps, progress);
  const database = await scale.counts();
  const { page } = scale;

  progress('first getInsights after the aggregates are dropped (builds them from the records)…');
  await callInPage(page, 'dropInsightsAggregates');
  const insightsFirst = (await sendFrom(page, 'getInsights', { period: 'all' })).ms;

  progress(`timing getInsights: 4 periods × ${options.insightsRuns} runs…`);
  const insightSamples = PERIODS.map(() => ({
    roundTrip: [] as number[],
    read: 0,
    baseline: [] as number[],
    differing: 0,
    rowsRead: [] as number[],
    rowsReadCount: 0,
  }));
  for (let round = 0; round < options.warmup + options.insightsRuns; round++) {
    for (const [index, period] of PERIODS.entries()) {
      const { ms } = await sendFrom(page, 'getInsights', { period });
      if (round >= options.warmup) insightSamples[index]!.roundTrip.push(ms);
    }
  }

  progress(`baseline, today's method reading the records: 4 periods × ${options.baselineRuns} runs…`);
  for (let run = 0; run < options.baselineRuns; run++) {
    for (const [index, period] of PERIODS.entries()) {
      const samples = insightSamples[index]!;
      const { result } = await sendFrom(page, 'getInsights', { period });
      const records = await callInPage(page, 'insightsFromRecords', period, result.now);
      const { scope: _scope, teamScope: _teamScope, ...figures } = result;
      if (JSON.stringify(figures) !== JSON.stringify(records.report)) samples.differing++;
      samples.baseline.push(records.ms);
      const floor = await callInPage(page, 'insightsRowsRead', periodStart(period, result.now), result.now);
      // The period's rows (stage events, questions asked, follow-ups done, deals closed in the period or
      // closing before the forecast's horizon), counted by the page reading them.
      samples.read = floor.rows;
      samples.rowsReadCount = floor.rows;
      samples.rowsRead.push(floor.ms);
    }
  }

  progress('timing the first search (index built) and the same search right after, 3 times…');
  const cold = { roundTrip: [] as number[], repeat: [] as number[] };
  const extraNote = 'bench-note-unannounced';
  for (const change of [null, 'add', 'remove'] as const) {
    if (change)
      await callInPage(
        page,
        'putOrDeleteNote',
        extraNote,
        change === 'add' ? 'Unannounced note' : null,
        Date.now(),
      );
    const request = { query: COLD_QUERY, offset: 0, limit: 50 };
    cold.roundTrip.push((await sendFrom(page, 'searchNotes', request)).ms);
    cold.repeat.push((await sendFrom(page, 'searchNotes', request)).ms);
  }

  progress(`timing warm searches: ${SEARCH_QUERIES.length} queries × ${options.searchRuns} runs…`);
  const searchSamples = SEARCH_QUERIES.map(() => ({ roundTrip: [] as number[], matches: 0 }));
  for (let round = 0; round < options.warmup + options.searchRuns; round++) {
    for (const [index, { query }] of SEARCH_QUERIES.entries()) {
      const { ms, result } = await sendFrom(page, 'searchNotes', { query, offset: 0, limit: 50 });
      const samples = searchSamples[index]!;
      samples.matches = result.total;
      if (round < options.warmup) continue;
      samples.roundTrip.push(ms);
    }
  }
  const buildFloor = Math.min(...cold.roundTrip) / 2;
  const slowWarm = searchSamples.flatMap((samples) => samples.roundTrip).filter((ms) => ms > buildFloor);

  progress(`timing the empty search: ${options.searchRuns} runs…`);
  const empty: number[] = [];
  for (let run = 0; run < options.warmup + options.searchRuns; run++) {
    const { ms, result } = await sendFrom(page, 'searchNotes', { query: '', offset: 0, limit: 50 });
    if (result.total !== 0) throw new Error(`The empty search found ${result.total} notes`);
    if (run >= options.warmup) empty.push(ms);
  }

  progress(`full-scan search baseline: ${BASELINE_QUERIES.length} queries × ${options.baselineRuns} runs…`);
  const baseline: InsightsSearchResult['baseline'] = [];
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

  const pooled = (script: 'Latin' | 'Chinese') =>
    summarize(
      SEARCH_QUERIES.flatMap((entry, index) =>
        entry.script === script ? searchSamples[index]!.roundTrip : [],
      ),
    );
  return {
    warmup: options.warmup,
    database,
    insightsFirst,
    insights: PERIODS.map((period, index) => ({
      period,
      stageEventsRead: insightSamples[index]!.read,
      roundTrip: summarize(insightSamples[index]!.roundTrip),
      baseline: summarize(insightSamples[index]!.baseline),
      differing: insightSamples[index]!.differing,
      rowsRead: summarize(insightSamples[index]!.rowsRead),
      rowsReadCount: insightSamples[index]!.rowsReadCount,
    })),
    cold: {
      query: COLD_QUERY,
      // The first query and the rebuilds search the store as seeded (the added note is removed again).
      notes: database.notes ?? 0,
      roundTrip: summarize(cold.roundTrip),
      repeat: summarize(cold.repeat),
      ratios: cold.roundTrip.map((ms, index) => ms / cold.repeat[index]!),
    },
    queries: SEARCH_QUERIES.map((entry, index) => ({
      ...entry,
      matches: searchSamples[index]!.matches,
      roundTrip: summarize(searchSamples[index]!.roundTrip),
    })),
    slowWarm: slowWarm.length,
    empty: summarize(empty),
    latin: pooled('Latin'),
    chinese: pooled('Chinese'),
    baseline,
  };
}
