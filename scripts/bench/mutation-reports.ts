/**
 * Reports sent when mutations do not change the page's context. With the built extension, a Gmail-like
 * thread (scripts/bench/fixtures/gmail-thread.ts) is opened and, once its first report is in, the page
 * churns the DOM inside `div[role=main]` for a while: every tick it rewrites a ticker in the toolbar,
 * appends a "typing" line to the newest message body and removes the previous one, and flips an
 * attribute on a message. None of it changes who is on the page. The content script's `reportPage`
 * messages from the tab are counted as they reach the service worker (./extension-page.ts
 * `ReportCounter`), before the churn and after it and a quiet second: everything beyond the first report
 * is an extra. As a control, each run then swaps in another customer's thread, which must
 * be counted as one more report.
 *
 * Two paces: every 10 ms (faster than the content script's mutation debounce, so reads are deferred
 * until the churn stops) and every 400 ms (slower than the debounce, so each tick causes a full re-read
 * whose result must be recognised as unchanged).
 */
import { launchWithExtension } from '../../tests/e2e/support/browser';
import { CUSTOMERS, threadMarkup, threadUrl } from './fixtures/gmail-thread';
import { Marks, ReportCounter, serveGmailThreads } from './extension-page';

export const EXTRA_REPORTS_BUDGET = 0;

export interface ChurnOptions {
  paces: { intervalMs: number; durationMs: number }[];
  runs: number;
  /** Wait after the churn before reading the count: longer than the debounce plus a round trip. */
  quietMs: number;
}

export const DEFAULT_CHURN_OPTIONS: ChurnOptions = {
  paces: [
    { intervalMs: 10, durationMs: 3000 },
    { intervalMs: 400, durationMs: 3000 },
  ],
  runs: 3,
  quietMs: 1000,
};

export interface ChurnRun {
  ticks: number;
  /** `reportPage` messages from the tab before the churn (after the first read) and after it. */
  before: number;
  after: number;
  /** After a control change that does alter the context (another customer's thread): `after` + 1. */
  afterRealChange: number;
}

export interface ChurnResult {
  budgetExtra: number;
  paces: { intervalMs: number; durationMs: number; runs: ChurnRun[] }[];
}

/** In-page churn as source text; resolves with the number of ticks. */
function churnScript(intervalMs: number, durationMs: number): string {
  return `new Promise((resolve) => {
    const main = document.querySelector('div[role=main]');
    const ticker = main.querySelector('.bench-ticker');
    const items = main.querySelectorAll('[role=listitem]');
    const body = items[items.length - 1].querySelector('.a3s');
    let ticks = 0;
    let typing = null;
    const timer = setInterval(() => {
      ticks++;
      ticker.replaceChildren(String(ticks));
      const line = document.createElement('div');
      line.className = 'bench-typing';
      line.textContent = 'Alex is typing' + '.'.repeat(ticks % 4);
      body.append(line);
      typing?.remove();
      typing = line;
      items[ticks % items.length].setAttribute('data-bench-tick', String(ticks));
    }, ${intervalMs});
    setTimeout(() => {
      clearInterval(timer);
      typing?.remove();
      resolve(ticks);
    }, ${durationMs});
  })`;
}

export async function measureMutationReports(
  options: ChurnOptions = DEFAULT_CHURN_OPTIONS,
): Promise<ChurnResult> {
  const browser = await launchWithExtension();
  try {
    const { context } = browser;
    const customer = CUSTOMERS[0]!;
    await serveGmailThreads(context, () => customer);
    const marks = await Marks.install(context);
    const counter = await ReportCounter.install(browser);
    const paces: ChurnResult['paces'] = [];
    let visit = 200_000;
    for (const pace of options.paces) {
      const runs: ChurnRun[] = [];
      for (let run = 0; run < options.runs; run++) {
        const url = threadUrl(0, visit++);
        const page = await context.newPage();
        const shown = marks.next(`contact:${customer.email}`);
        await page.goto(url);
        await shown;
        await page.waitForTimeout(options.quietMs);
        const before = await counter.reportsFor(url);
        const ticks = (await page.evaluate(churnScript(pace.intervalMs, pace.durationMs))) as number;
        await page.waitForTimeout(options.quietMs);
        const after = await counter.reportsFor(url);
        // Control: a change that does alter the context must be counted.
        await page.evaluate(
          `document.querySelector('div[role=main]').innerHTML = ${JSON.stringify(threadMarkup(CUSTOMERS[1]!))}`,
        );
        await page.waitForTimeout(options.quietMs);
        runs.push({ ticks, before, after, afterRealChange: await counter.reportsFor(url) });
        await page.close();
      }
      paces.push({ ...pace, runs });
    }
    return { budgetExtra: EXTRA_REPORTS_BUDGET, paces };
  } finally {
    await browser.close();
  }
}
