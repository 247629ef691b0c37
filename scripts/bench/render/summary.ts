/** The summary at the top of BENCHMARKS.md: every section's verdicts in one table, then the misses. */
import { ms, table } from '../markdown';
import { status, type Verdict } from './verdict';

export function renderSummary(verdicts: readonly Verdict[]): string {
  const missed = verdicts.filter((verdict) => verdict.missed);
  return [
    '## Summary',
    table(
      ['Metric', 'Budget', 'Median', 'p95', 'n', 'Result', 'Status', 'How measured'],
      verdicts.map((verdict) => [
        verdict.metric,
        verdict.budget,
        verdict.summary ? ms(verdict.summary.median) : '—',
        verdict.summary ? ms(verdict.summary.p95) : '—',
        verdict.summary ? String(verdict.summary.n) : '—',
        verdict.result || '—',
        status(verdict),
        verdict.how,
      ]),
      ['left', 'left', 'right', 'right', 'right', 'left', 'left', 'left'],
    ),
    missed.length
      ? `**Budgets missed (${missed.length}):**\n\n${missed.map((verdict) => `- ${verdict.metric}: ${verdict.missed}.`).join('\n')}`
      : 'All budgets met.',
  ].join('\n\n');
}
