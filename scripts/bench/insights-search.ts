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
 * - `searchNotes`: measured by ./notes-search.ts (the stored index, MiniSearch and today's method).
 */
import { periodStart, type InsightsPeriod } from '../../lib/insights/period';
import { SCALE } from './in-page/scale-rows';
import { callInPage, sendFrom, type Progress, type ScaleBrowser } from './scale-browser';
import { DEFAULT_NOTES_SEARCH_OPTIONS, measureNotesSearch, type NotesSearchResult } from './notes-search';
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

export interface InsightsSearchResult {
  warmup: number;
  database: Record<string, number>;
  /** The first `getInsights` (all time) after the aggregates were dropped: it builds them from the records. */
  insightsFirst: number;
  insights: InsightsPeriodResult[];
  search: NotesSearchResult;
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

  const search = await measureNotesSearch(scale, progress, {
    ...DEFAULT_NOTES_SEARCH_OPTIONS,
    searchRuns: options.searchRuns,
    engineRuns: options.searchRuns,
    warmup: options.warmup,
    baselineRuns: options.baselineRuns,
    coldRuns: Math.max(2, Math.min(DEFAULT_NOTES_SEARCH_OPTIONS.coldRuns, options.searchRuns)),
  });

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
    search,
  };
}
