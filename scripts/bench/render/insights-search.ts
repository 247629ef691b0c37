/** Insights and notes search (group `insights-search`): section 8. */
import type { InsightsSearchResult } from '../insights-search';
import { renderNotesSearch } from './notes-search';
import { count, counted, ms, rowsText, summaryRows, table } from '../markdown';
import type { Verdict } from './verdict';

export function renderInsightsSearch(result: InsightsSearchResult, verdicts: Verdict[]): string {
  const db = result.database;
  const noBudget = 'no fixed budget (“quick”)';
  for (const period of result.insights) {
    verdicts.push({
      metric:
        `Insights (\`getInsights\`), ${period.period === 'all' ? 'all time' : `last ${period.period} days`}: ` +
        `${count(period.stageEventsRead)} rows of the period read (stage events, questions, follow-ups done, deals closed or closing), ` +
        `${count(db.accounts ?? 0)} accounts`,
      budget: noBudget,
      summary: period.roundTrip,
      result: `the same rows read alone: ${ms(period.rowsRead.median)} (median)`,
      how: 'round trip in an extension page, `performance.now()`',
      unbudgeted: true,
    });
  }
  return [
    '## 8. Insights',
    'No fixed budget: the design asks for these to be quick, so the figures are reported, not judged. ' +
      `Database: ${rowsText(db)}.`,
    table(
      [
        'Insights period',
        'Rows of the period read',
        'n',
        'Median',
        'p95',
        'Min',
        'Max',
        'Same rows, read alone (median)',
      ],
      result.insights.map((period) => [
        period.period === 'all' ? 'all time' : `last ${period.period} days`,
        count(period.stageEventsRead),
        ...summaryRows(period.roundTrip),
        `${ms(period.rowsRead.median)} (${count(period.rowsReadCount)} rows)`,
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    [
      '- All from the quiet extension page, round trips timed there with `performance.now()` from just ' +
        'before the send to the answer. The empty query is answered without the index or the database, so ' +
        'its round trip is the message passing and the background’s checks of the message alone.',
      '- Insights: the four periods take turns, ' +
        `${counted(result.warmup, 'warm-up round')} not counted. Every period also counts ` +
        'accounts per stage, reads the done follow-ups due in the period and the SPIN questions asked in it ' +
        '(`questionLog.by-asked`, schema version 2), so the shortest period does not cost only its stage events. ' +
        '"Same rows, read alone": after each answer, the page reads the rows that period’s insights read ' +
        '(stage events, SPIN questions, done follow-ups, deals closed in the period or closing before the forecast’s ' +
        'horizon; the same indexes and ranges, one transaction) with no ' +
        'validation and no figures — IndexedDB’s share of the background’s time.',
    ].join('\n'),
    renderNotesSearch(result.search, verdicts),
  ].join('\n\n');
}
