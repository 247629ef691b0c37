/** Insights and notes search (group `insights-search`): section 8. */
import type { InsightsSearchResult } from '../insights-search';
import { renderNotesSearch } from './notes-search';
import { count, counted, ms, ratio, rowsText, summaryRows, table } from '../markdown';
import { medianVerdict, type Verdict } from './verdict';

/** Issue 15: insights over all time at 100,000 stage events. */
const INSIGHTS_ALL_TIME_BUDGET_MS = 50;

export function renderInsightsSearch(result: InsightsSearchResult, verdicts: Verdict[]): string {
  const db = result.database;
  const noBudget = 'no fixed budget (“quick”)';
  const periodName = (period: string) => (period === 'all' ? 'all time' : `last ${period} days`);
  const against = (period: InsightsSearchResult['insights'][number]) =>
    `today's method (the period's records read): ${ms(period.baseline.median)} (median), ` +
    `${ratio(period.baseline.median / period.roundTrip.median)} faster` +
    (period.differing ? `; **figures differ in ${counted(period.differing, 'run')}**` : '; same figures');
  for (const period of result.insights) {
    const metric =
      `Insights (\`getInsights\`, from the aggregates), ${periodName(period.period)}: ` +
      `${count(db.stageEvents ?? 0)} stage events, ${count(db.accounts ?? 0)} accounts`;
    const how = 'round trip in an extension page, `performance.now()`';
    if (period.period === 'all') {
      // Insights over all time at 100,000 stage events within 50 ms (median; the p95 beside it).
      const verdict = medianVerdict(metric, period.roundTrip, INSIGHTS_ALL_TIME_BUDGET_MS, how);
      verdict.result = against(period);
      if (period.differing) verdict.missed ??= 'the figures differ from those read from the records';
      verdicts.push(verdict);
    } else {
      verdicts.push({
        metric,
        budget: noBudget,
        summary: period.roundTrip,
        result: against(period),
        how,
        unbudgeted: true,
      });
    }
  }
  return [
    '## 8. Insights',
    'No fixed budget: the design asks for these to be quick, so the figures are reported, not judged. ' +
      `Database: ${rowsText(db)}.`,
    table(
      [
        'Insights period',
        'Records of the period',
        'n',
        'Median',
        'p95',
        'Min',
        'Max',
        'Baseline: today’s method (median, n)',
        'Faster',
        'Same figures',
        'Same rows, read alone (median)',
      ],
      result.insights.map((period) => [
        periodName(period.period),
        count(period.stageEventsRead),
        ...summaryRows(period.roundTrip),
        `${ms(period.baseline.median)} (${period.baseline.n})`,
        ratio(period.baseline.median / period.roundTrip.median),
        period.differing ? `**no (${period.differing})**` : 'yes',
        ms(period.rowsRead.median),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'],
    ),
    [
      '- All from the quiet extension page, round trips timed there with `performance.now()` from just ' +
        'before the send to the answer. The empty query is answered without the index or the database, so ' +
        'its round trip is the message passing and the background’s checks of the message alone.',
      '- Insights: the four periods take turns, ' +
        `${counted(result.warmup, 'warm-up round')} not counted. The background answers from the insights ` +
        'aggregates (lib/db/insights-aggregates.ts, schema version 8): compact rows kept in the same transaction ' +
        'as every write of stage events, deals, follow-ups and the SPIN log, all read in one transaction and ' +
        'filtered to the period in memory. Budget (issue 15): all time ≤ 50 ms. ' +
        `The first report after the aggregates were dropped (as after the upgrade) built them from the records: ${ms(result.insightsFirst)}.`,
      '- Baseline, in the same run: today’s method before the aggregates — `insightsReport` ' +
        '(lib/background/insights-query.ts): the period’s records read by index ranges (stage events on ' +
        '`by-at`, SPIN questions on `by-asked`, done follow-ups on `by-status-due`, deals closed in the period ' +
        'or closing before the forecast’s horizon) and validated, and the figures computed — run in the page ' +
        'against the same database (no message, which favours the baseline), right after a `getInsights` whose ' +
        'answer it must equal ("Same figures"). "Records of the period": the rows it reads; "Same rows, read ' +
        'alone": those rows read with no validation and no figures, IndexedDB’s share of it.',
    ].join('\n'),
    renderNotesSearch(result.search, verdicts),
  ].join('\n\n');
}
