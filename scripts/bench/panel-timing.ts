/**
 * Panel time-to-contact with the built extension in real Chromium, on the Gmail-like fixture
 * (scripts/bench/fixtures/gmail-thread.ts) served at Gmail's real address.
 *
 * The panel's side is noticed inside the panel frame by a MutationObserver installed before the panel's
 * own scripts run, which sends a mark the moment `[data-testid=contact-email]` shows a new address.
 *
 * (a) After a page load: from just before `page.goto` (benchmark process clock) to the arrival of the
 *     panel's mark for the customer's address, so the mark's delivery is counted against the budget.
 *     Each load is a fresh tab; the customer rotates between loads.
 * (b) After an in-app navigation: the page calls `history.pushState` to another thread and replaces the
 *     thread inside `div[role=main]` with another customer's, as Gmail does. Timed in the browser, from
 *     the page's timestamp just before the change to the panel's timestamp when it shows the new address
 *     (`performance.timeOrigin + performance.now()` on both sides).
 *     Baseline, taking turns with (b) in the same tab: the same change without `pushState`. The content
 *     script reads such a change after its mutation debounce, which is how it read every in-app
 *     navigation before it learnt to read one at once.
 */
import { performance } from 'node:perf_hooks';
import { MUTATION_DEBOUNCE_MS } from '../../lib/content/page-watcher';
import { launchWithExtension } from '../../tests/e2e/support/browser';
import { CUSTOMERS, threadMarkup, threadUrl, type Customer } from './fixtures/gmail-thread';
import { MARK_BINDING, Marks, serveGmailThreads } from './extension-page';
import { summarize, type Summary } from './stats';

export const PANEL_BUDGET_MS = 300;
export const NAVIGATION_BUDGET_MS = 60;

export interface PanelTimingOptions {
  iterations: number;
  /** Runs before the timed ones (first service-worker start, first panel load), reported apart. */
  warmup: number;
  /** Pause after each in-app navigation, so the next one starts on a quiet page. */
  settleMs: number;
}

export const DEFAULT_PANEL_TIMING_OPTIONS: PanelTimingOptions = { iterations: 30, warmup: 2, settleMs: 500 };

export interface PanelTimingResult {
  budgetMs: number;
  debounceMs: number;
  afterLoad: Summary;
  afterLoadWarmup: number[];
  navigationBudgetMs: number;
  afterNavigation: Summary;
  afterNavigationWarmup: number[];
  /** The same change without an address change: read after the mutation debounce. */
  debouncedChange: Summary;
}

const customerAt = (i: number): Customer => CUSTOMERS[i % CUSTOMERS.length]!;

export async function measurePanelTiming(
  options: PanelTimingOptions = DEFAULT_PANEL_TIMING_OPTIONS,
): Promise<PanelTimingResult> {
  const browser = await launchWithExtension();
  try {
    const { context } = browser;
    let current = customerAt(0);
    await serveGmailThreads(context, () => current);
    const marks = await Marks.install(context);

    // (a) After a page load.
    const afterLoad: number[] = [];
    for (let i = 0; i < options.warmup + options.iterations; i++) {
      current = customerAt(i);
      const page = await context.newPage();
      const shown = marks.next(`contact:${current.email}`);
      const start = performance.now();
      await page.goto(threadUrl(i % CUSTOMERS.length, i));
      afterLoad.push((await shown).arrivedAt - start);
      await page.close();
    }

    // (b) After an in-app navigation, in one tab.
    current = customerAt(0);
    const page = await context.newPage();
    const first = marks.next(`contact:${current.email}`);
    await page.goto(threadUrl(0, 100_000));
    await first;
    await page.waitForTimeout(options.settleMs);
    const afterNavigation: number[] = [];
    const debouncedChange: number[] = [];
    /** Shows the next customer's thread, with or without an address change; resolves to the span. */
    const showNext = async (step: number, navigate: boolean) => {
      const customer = customerAt(step);
      const started = marks.next(`navigate:${step}`);
      const shown = marks.next(`contact:${customer.email}`);
      await page.evaluate(`(() => {
        window.${MARK_BINDING}(${JSON.stringify(`navigate:${step}`)}, performance.timeOrigin + performance.now());
        ${navigate ? `history.pushState(null, '', ${JSON.stringify(threadUrl(step % CUSTOMERS.length, 100_000 + step))});` : ''}
        document.querySelector('div[role=main]').innerHTML = ${JSON.stringify(threadMarkup(customer))};
      })()`);
      const span = (await shown).madeAt - (await started).madeAt;
      await page.waitForTimeout(options.settleMs);
      return span;
    };
    for (let i = 1, step = 1; i <= options.warmup + options.iterations; i++) {
      afterNavigation.push(await showNext(step++, true));
      debouncedChange.push(await showNext(step++, false));
    }
    await page.close();

    return {
      budgetMs: PANEL_BUDGET_MS,
      debounceMs: MUTATION_DEBOUNCE_MS,
      afterLoad: summarize(afterLoad.slice(options.warmup)),
      afterLoadWarmup: afterLoad.slice(0, options.warmup),
      navigationBudgetMs: NAVIGATION_BUDGET_MS,
      afterNavigation: summarize(afterNavigation.slice(options.warmup)),
      afterNavigationWarmup: afterNavigation.slice(0, options.warmup),
      debouncedChange: summarize(debouncedChange.slice(options.warmup)),
    };
  } finally {
    await browser.close();
  }
}
