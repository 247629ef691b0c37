/** Panel time-to-contact (group `panel`): section 4. */
import { ms, summaryRows, table } from '../markdown';
import type { PanelTimingResult } from '../panel-timing';
import { medianVerdict, status, timingVerdict, type Verdict } from './verdict';

export function renderPanel(panel: PanelTimingResult, verdicts: Verdict[]): string {
  const load = timingVerdict(
    'Panel time-to-contact after a page load',
    panel.afterLoad,
    panel.budgetMs,
    '`page.goto` to the panel frame’s mark arriving in the benchmark process',
  );
  // Its budget is on the median (the p95 is reported beside it).
  const nav = medianVerdict(
    'Panel time-to-contact after an in-app navigation',
    panel.afterNavigation,
    panel.navigationBudgetMs,
    'page timestamp before `pushState` to the panel frame’s timestamp',
  );
  verdicts.push(load, nav);
  const warm = (values: number[]) => values.map(ms).join(', ');
  return [
    '## 4. Panel time-to-contact',
    `Budgets: ≤ ${ms(panel.budgetMs)} median after a page load (and its p95), ≤ ${ms(panel.navigationBudgetMs)} median after an in-app navigation.`,
    table(
      ['Case', 'n', 'Median', 'p95', 'Min', 'Max', 'Warm-up runs (not counted)', 'Status'],
      [
        ['(a) after a page load', ...summaryRows(panel.afterLoad), warm(panel.afterLoadWarmup), status(load)],
        [
          '(b) after an in-app navigation',
          ...summaryRows(panel.afterNavigation),
          warm(panel.afterNavigationWarmup),
          status(nav),
        ],
        [
          'Baseline: the same change without an address change (debounced)',
          ...summaryRows(panel.debouncedChange),
          '—',
          `${(panel.debouncedChange.median / panel.afterNavigation.median).toFixed(1)}× the navigation’s median`,
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    [
      '- Built extension in headless Chromium, Gmail-like thread pages (scripts/bench/fixtures/gmail-thread.ts) ' +
        'served at real Gmail addresses; four customers in rotation, each thread customer → rep → customer.',
      '- The panel side is noticed inside the panel frame: a MutationObserver, installed before the ' +
        "panel's own scripts run, sends a mark (with the frame's `performance.timeOrigin + performance.now()`) " +
        'the moment `[data-testid=contact-email]` shows a new address.',
      '- (a) From just before `page.goto` (benchmark process clock) to the arrival of the panel’s mark for ' +
        'the expected address, so the mark’s delivery counts against the budget. Each load is a fresh tab; ' +
        'the first runs after the browser starts (service worker start, first panel load) are reported apart ' +
        'as warm-up.',
      '- (b) In one tab, the page calls `history.pushState` to another thread and replaces the thread in ' +
        "`div[role=main]` with the next customer's. Timed in the browser: from the page's " +
        '`performance.timeOrigin + performance.now()` just before the change to the panel’s timestamp when ' +
        `it shows the new address. The page then stays quiet for a moment before the next change. The ` +
        'content script sees the address change and reads at once, then again on each change the app makes ' +
        'until the new view shows someone else (lib/content/page-watcher.ts).',
      '- Baseline, taking turns with (b) in the same tab: the same swap of the thread without `pushState`. ' +
        `The content script reads a change that keeps the address after its ${panel.debounceMs} ms mutation ` +
        'debounce (`MUTATION_DEBOUNCE_MS`), as it read every in-app navigation before.',
    ].join('\n'),
  ].join('\n\n');
}
