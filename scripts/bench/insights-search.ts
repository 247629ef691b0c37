/**
 * Insights and notes search at scale: 10,000 accounts, 100,000 stage events, 100,000 notes (and the
 * follow-ups and SPIN log the insights also read), seeded by ./scale-browser.ts. No fixed budget: the
 * design asks for "quick", so the figures are reported, not judged.
 *
 * Everything is timed from the outside, in the sending extension page (`performance.now()` around each
 * message): the answers carry nothing about the background's own time or work.
 *
 * - `getInsights` for each period (30, 90, 365 days, all time), round trips, the periods taking turns;
 *   beside them, the time the same rows take to read from IndexedDB in the page with nothing else done.
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
  roundTrip: Summary;
  /** The same rows read in the page with nothing else done: IndexedDB's share. */
  rowsRead: Summary;
  rowsReadCount: number;
}

export interface InsightsSearchResult {
  warmup: number;
  database: Record<string, number>;
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

  progress(`timing getInsights: 4 periods × ${options.insightsRuns} runs…`);
  const insightSamples = PERIODS.map(() => ({
    roundTrip: [] as number[],
    read: 0,
    rowsRead: [] as number[],
    rowsReadCount: 0,
  }));
  for (let round = 0; round < options.warmup + options.insightsRuns; round++) {
    for (const [index, period] of PERIODS.entries()) {
      const { ms, result } = await sendFrom(page, 'getInsights', { period });
      const samples = insightSamples[index]!;
      const floor = await callInPage(page, 'insightsRowsRead', periodStart(period, result.now), result.now);
      // The period's rows (stage events, questions asked, follow-ups done, deals closed in the period or
      // closing before the forecast's horizon), counted by the page reading them.
      samples.read = floor.rows;
      samples.rowsReadCount = floor.rows;
      if (round < options.warmup) continue;
      samples.roundTrip.push(ms);
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
    insights: PERIODS.map((period, index) => ({
      period,
      stageEventsRead: insightSamples[index]!.read,
      roundTrip: summarize(insightSamples[index]!.roundTrip),
      rowsRead: summarize(insightSamples[index]!.rowsRead),
      rowsReadCount: insightSamples[index]!.rowsReadCount,
    })),
    search,
  };
}
