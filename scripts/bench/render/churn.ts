/** Reports during DOM churn (group `churn`): section 3. */
import { table } from '../markdown';
import type { ChurnResult } from '../mutation-reports';
import { status, type Verdict } from './verdict';

export function renderChurn(churn: ChurnResult, verdicts: Verdict[]): string {
  const rows: string[][] = [];
  const misses: string[] = [];
  let controlFailed = false;
  for (const pace of churn.paces) {
    const extras = pace.runs.map((run) => run.after - 1);
    const firsts = pace.runs.map((run) => run.before);
    const maxExtra = Math.max(...extras);
    const ticks = pace.runs.map((run) => run.ticks);
    const controlOk = pace.runs.every((run) => run.afterRealChange === run.after + 1);
    if (!controlOk) controlFailed = true;
    if (maxExtra > churn.budgetExtra)
      misses.push(`${maxExtra} extra report(s) with a change every ${pace.intervalMs} ms`);
    rows.push([
      `every ${pace.intervalMs} ms for ${(pace.durationMs / 1000).toFixed(0)} s`,
      String(pace.runs.length),
      Math.min(...ticks) === Math.max(...ticks)
        ? String(ticks[0])
        : `${Math.min(...ticks)}–${Math.max(...ticks)}`,
      firsts.join(', '),
      extras.join(', '),
      controlOk ? 'counted (+1)' : '**not counted as expected**',
      maxExtra > churn.budgetExtra ? `**MISSED**: up to ${maxExtra} extra` : 'within budget',
    ]);
  }
  const verdict: Verdict = {
    metric: 'Reports sent while the DOM churns without changing the context',
    budget: `${churn.budgetExtra} extra reports beyond the first`,
    result: `max extra ${Math.max(...churn.paces.flatMap((p) => p.runs.map((r) => r.after - 1)))}`,
    how: 'the tab’s `reportPage` messages, counted in the service worker before and after the churn',
    ...(misses.length && { missed: misses.join('; ') }),
  };
  verdicts.push(verdict);
  return [
    '## 3. Reports sent when mutations do not change the context',
    `Budget: ${churn.budgetExtra} extra reports beyond the first. Status: ${status(verdict)}.`,
    table(
      [
        'Churn',
        'Runs',
        'Ticks per run',
        'Reports before churn',
        'Extra reports per run',
        'Control',
        'Status',
      ],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
    [
      '- With the built extension, a Gmail-like thread (scripts/bench/fixtures/gmail-thread.ts) is opened; ' +
        'once the panel shows the contact and the page has been quiet for a second, the page churns the DOM ' +
        'inside `div[role=main]`: each tick rewrites a ticker in the toolbar, appends a "typing" line to the ' +
        'newest message body and removes the previous one, and sets an attribute on a message. None of it ' +
        'changes who is on the page.',
      "- Counts are the content script's `reportPage` messages from the tab, counted as they reach the " +
        'service worker by a `chrome.runtime.onMessage` listener the benchmark adds there beside the ' +
        "background's own (it never answers; scripts/bench/extension-page.ts `ReportCounter`), read " +
        'before the churn and one quiet second after it; extra = reports after the churn − 1 (the first report).',
      '- Every 10 ms is faster than the content script’s mutation debounce, so reads wait until the churn ' +
        'stops; every 400 ms is slower, so each tick causes a full re-read whose result must be recognised ' +
        'as unchanged.',
      `- Control: each run then swaps in another customer’s thread, which must be reported once more` +
        `${controlFailed ? ' — **it was not, so the counts above cannot be trusted**' : ''}.`,
    ].join('\n'),
  ].join('\n\n');
}
