/**
 * The pipeline page with 10,000 open deals (one per account of the large database, ./scale-browser.ts;
 * with its 100,000 follow-ups, a quarter of them open, and its 10,000 accounts' people).
 *
 * Page ready: the extension's own pipeline.html loaded in a tab, from the navigation's start to the
 * app's `dealside:pipeline-ready` mark (components/pipeline/PipelineApp.tsx), which it makes in the effect
 * after the first render with the deals and the playbook — React runs it after the commit, once the board's
 * columns and first cards are in the document. The page draws that first render from each column's first
 * cards (`getPipeline({ firstPerStage })`, with every column's count and totals), then asks for every deal;
 * `dealside:pipeline-complete` marks the render with all of them (filters, the table and moving cards
 * work from then on). Read as the marks' `startTime`, which counts from the navigation's start, so the
 * page's own clock times everything: the page's scripts, the messages, grouping, sorting and rendering.
 *
 * Beside it, from the same loads: the page's own scripts loaded (`DOMContentLoaded`), the floor no data
 * can go under. And the `getPipeline` round trip alone from the quiet extension page: its first answer,
 * which reads everything (the background keeps the cards from then on, ../../lib/background/
 * pipeline-cache.ts), then the answers that follow; and the answer's size.
 */
import type { Page } from 'playwright-core';
import { SCALE } from './in-page/scale-rows';
import { sendFrom, type Progress, type ScaleBrowser } from './scale-browser';
import { summarize, type Summary } from './stats';

export const PIPELINE_READY_BUDGET_MS = 150;
const READY_MARK = 'dealside:pipeline-ready';
const COMPLETE_MARK = 'dealside:pipeline-complete';

export interface PipelinePageOptions {
  runs: number;
  warmup: number;
  messageRuns: number;
}

export const DEFAULT_PIPELINE_PAGE_OPTIONS: PipelinePageOptions = { runs: 20, warmup: 3, messageRuns: 20 };

export interface PipelinePageResult {
  budgetMs: number;
  warmup: number;
  database: Record<string, number>;
  openDeals: number;
  /** Cards and columns on the board at its first render. */
  cards: number;
  columns: number;
  /** The `getPipeline` answer as JSON. */
  answerBytes: number;
  ready: Summary;
  /** The same loads' second mark: every deal there (filters, the table, moving cards). */
  complete: Summary;
  /** The same loads' `DOMContentLoaded`: the page's own scripts, before any message. */
  scriptsLoaded: Summary;
  /** The first `getPipeline` answer, which reads every open deal (the cache is empty). */
  firstAnswerMs: number;
  getPipeline: Summary;
}

async function readyAt(
  page: Page,
  url: string,
): Promise<{ ms: number; completeMs: number; scriptsLoaded: number; cards: number; columns: number }> {
  await page.goto(url);
  await page.waitForFunction(
    (marks) => marks.every((mark) => performance.getEntriesByName(mark).length > 0),
    [READY_MARK, COMPLETE_MARK],
    { timeout: 30_000 },
  );
  return page.evaluate(
    ([mark, completeMark]) => {
      const entry = performance.getEntriesByName(mark)[0]!;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        ms: entry.startTime,
        completeMs: performance.getEntriesByName(completeMark)[0]!.startTime,
        scriptsLoaded: navigation.domContentLoadedEventEnd,
        cards: document.querySelectorAll('[data-testid="pipeline-card"]').length,
        columns: document.querySelectorAll('[data-testid="pipeline-column"]').length,
      };
    },
    [READY_MARK, COMPLETE_MARK] as const,
  );
}

export async function measurePipelinePage(
  scale: ScaleBrowser,
  progress: Progress,
  options: PipelinePageOptions = DEFAULT_PIPELINE_PAGE_OPTIONS,
): Promise<PipelinePageResult> {
  await scale.ensure(SCALE.popupFollowUps, progress);
  const database = await scale.counts();

  progress(`getPipeline round trips: ${options.messageRuns}…`);
  const messages: number[] = [];
  let openDeals = 0;
  let answerBytes = 0;
  let firstAnswerMs = 0;
  for (let run = 0; run < options.messageRuns + 1; run++) {
    const { ms, result } = await sendFrom(scale.page, 'getPipeline', {});
    if (run > 0) messages.push(ms);
    else firstAnswerMs = ms;
    openDeals = result.deals.length;
    answerBytes = JSON.stringify(result).length;
  }

  progress(`pipeline page ready: ${options.warmup} warm-up and ${options.runs} timed loads…`);
  const page = await scale.browser.context.newPage();
  const url = `chrome-extension://${scale.browser.extensionId}/pipeline.html`;
  const ready: number[] = [];
  const complete: number[] = [];
  const scriptsLoaded: number[] = [];
  let cards = 0;
  let columns = 0;
  try {
    for (let run = 0; run < options.warmup + options.runs; run++) {
      const load = await readyAt(page, url);
      if (run >= options.warmup) {
        ready.push(load.ms);
        complete.push(load.completeMs);
        scriptsLoaded.push(load.scriptsLoaded);
      }
      cards = load.cards;
      columns = load.columns;
    }
  } finally {
    await page.close();
  }
  return {
    budgetMs: PIPELINE_READY_BUDGET_MS,
    warmup: options.warmup,
    database,
    openDeals,
    cards,
    columns,
    answerBytes,
    ready: summarize(ready),
    complete: summarize(complete),
    scriptsLoaded: summarize(scriptsLoaded),
    firstAnswerMs,
    getPipeline: summarize(messages),
  };
}
