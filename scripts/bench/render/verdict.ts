/**
 * A line of the summary table: what a section judged against its budget. Each section's renderer adds its
 * verdicts while it renders; ./summary.ts lists them all at the top of BENCHMARKS.md.
 */
import { ms } from '../markdown';
import type { Summary } from '../stats';

/** One line of the summary, and the reason when the budget is missed. */
export interface Verdict {
  metric: string;
  budget: string;
  /** The timings, when the metric is one. */
  summary?: Summary;
  /** What else the line reports: sizes, counts, ratios to a baseline. */
  result: string;
  /** In a few words; the group's section says it in full. */
  how: string;
  missed?: string;
  /** Reported without a budget to check against. */
  unbudgeted?: boolean;
}

export function timingVerdict(metric: string, s: Summary, budgetMs: number, how: string): Verdict {
  const verdict = medianVerdict(metric, s, budgetMs, how);
  if (!verdict.missed && s.p95 > budgetMs)
    verdict.missed = `median within budget, but p95 ${ms(s.p95)} is over ${ms(budgetMs)}: the slowest runs miss it`;
  return verdict;
}

/**
 * A budget on the median alone: for figures whose slowest runs have a budget of their own (beside it,
 * `p95Verdict`), and for those whose budget is set on the median and nothing else (the speed budgets at
 * 100,000 notes: autosave, in-app navigation, the first query, insights, the popup). Their p95 is shown
 * beside the median, not judged against the median's budget.
 */
export function medianVerdict(metric: string, s: Summary, budgetMs: number, how: string): Verdict {
  const verdict: Verdict = { metric, budget: `≤ ${ms(budgetMs)} (median)`, summary: s, result: '', how };
  if (s.median > budgetMs)
    verdict.missed = `median ${ms(s.median)} is over the ${ms(budgetMs)} budget by ${ms(s.median - budgetMs)}`;
  return verdict;
}

/** A budget on the 95th percentile itself. */
export function p95Verdict(metric: string, s: Summary, budgetMs: number, how: string): Verdict {
  const verdict: Verdict = { metric, budget: `≤ ${ms(budgetMs)} (p95)`, summary: s, result: '', how };
  if (s.p95 > budgetMs)
    verdict.missed = `p95 ${ms(s.p95)} is over the ${ms(budgetMs)} budget by ${ms(s.p95 - budgetMs)}`;
  return verdict;
}

export const status = (verdict: Verdict | undefined): string =>
  !verdict
    ? ''
    : verdict.missed
      ? `**MISSED**: ${verdict.missed}`
      : verdict.unbudgeted
        ? 'reported (no fixed budget)'
        : 'within budget';
