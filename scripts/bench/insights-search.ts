/**
 * Insights and notes search at scale: 10,000 accounts, 100,000 stage events, 100,000 notes (and the
 * follow-ups and SPIN log the insights also read), seeded by ./scale-browser.ts. No fixed budget: the
 * design asks for "quick", so the figures are reported, not judged.
 *
 * - `getInsights` for each period (30, 90, 365 days, all time), round trips timed in an extension page,
 *   the periods taking turns; the background's own time (`computeMs` in the answer) is reported beside,
 *   and so is the time the same rows take to read from IndexedDB in the page with nothing else done.
 * - `searchNotes`: the first query, which builds the background's in-memory index from the notes store,
 *   then warm queries in Latin and Chinese script. The first query can only happen once per worker, so
 *   it is repeated by changing the store behind the background's back (one note added, then removed):
 *   the background notices the count changed and rebuilds the whole index, as it does the first time.
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

export interface InsightsPeriodResult {
  period: InsightsPeriod;
  stageEventsRead: number;
  roundTrip: Summary;
  background: Summary;
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
  background: Summary;
}

export interface InsightsSearchResult {
  warmup: number;
  database: Record<string, number>;
  insights: InsightsPeriodResult[];
  /** The first query after seeding, then the two forced rebuilds. */
  cold: { query: string; roundTrip: Summary; background: Summary; indexBuilt: boolean[]; searched: number };
  queries: SearchQueryResult[];
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

  progress(`timing getInsights: 4 periods × ${options.insightsRuns} runs…`);
  const insightSamples = PERIODS.map(() => ({
    roundTrip: [] as number[],
    background: [] as number[],
    read: 0,
    rowsRead: [] as number[],
    rowsReadCount: 0,
  }));
  for (let round = 0; round < options.warmup + options.insightsRuns; round++) {
    for (const [index, period] of PERIODS.entries()) {
      const { ms, result } = await sendFrom(page, 'getInsights', { period });
      const samples = insightSamples[index]!;
      samples.read = result.stageEventsRead;
      const floor = await callInPage(page, 'insightsRowsRead', periodStart(period, result.now), result.now);
      samples.rowsReadCount = floor.rows;
      if (round < options.warmup) continue;
      samples.roundTrip.push(ms);
      samples.background.push(result.computeMs);
      samples.rowsRead.push(floor.ms);
    }
  }

  progress('timing the first search (index built), 3 times…');
  const cold = {
    roundTrip: [] as number[],
    background: [] as number[],
    indexBuilt: [] as boolean[],
    searched: 0,
  };
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
    const { ms, result } = await sendFrom(page, 'searchNotes', { query: COLD_QUERY, offset: 0, limit: 50 });
    cold.roundTrip.push(ms);
    cold.background.push(result.searchMs);
    cold.indexBuilt.push(result.indexBuilt);
    cold.searched = result.searched;
  }

  progress(`timing warm searches: ${SEARCH_QUERIES.length} queries × ${options.searchRuns} runs…`);
  const searchSamples = SEARCH_QUERIES.map(() => ({
    roundTrip: [] as number[],
    background: [] as number[],
    matches: 0,
  }));
  for (let round = 0; round < options.warmup + options.searchRuns; round++) {
    for (const [index, { query }] of SEARCH_QUERIES.entries()) {
      const { ms, result } = await sendFrom(page, 'searchNotes', { query, offset: 0, limit: 50 });
      if (result.indexBuilt) throw new Error(`The index was rebuilt during the warm searches ("${query}")`);
      const samples = searchSamples[index]!;
      samples.matches = result.total;
      if (round < options.warmup) continue;
      samples.roundTrip.push(ms);
      samples.background.push(result.searchMs);
    }
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
    insights: PERIODS.map((period, index) => ({
      period,
      stageEventsRead: insightSamples[index]!.read,
      roundTrip: summarize(insightSamples[index]!.roundTrip),
      background: summarize(insightSamples[index]!.background),
      rowsRead: summarize(insightSamples[index]!.rowsRead),
      rowsReadCount: insightSamples[index]!.rowsReadCount,
    })),
    cold: {
      query: COLD_QUERY,
      roundTrip: summarize(cold.roundTrip),
      background: summarize(cold.background),
      indexBuilt: cold.indexBuilt,
      searched: cold.searched,
    },
    queries: SEARCH_QUERIES.map((entry, index) => ({
      ...entry,
      matches: searchSamples[index]!.matches,
      roundTrip: summarize(searchSamples[index]!.roundTrip),
      background: summarize(searchSamples[index]!.background),
    })),
    latin: pooled('Latin'),
    chinese: pooled('Chinese'),
    baseline,
  };
}
