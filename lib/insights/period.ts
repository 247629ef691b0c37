/** The date ranges the insights can be filtered by: the last 30, 90 or 365 days, or all time. */
import { DAY_MS } from '../dates/due';

export const INSIGHTS_PERIODS = ['30', '90', '365', 'all'] as const;
export type InsightsPeriod = (typeof INSIGHTS_PERIODS)[number];

/** The first instant inside the period; 0 for all time (instants are never negative). */
export function periodStart(period: InsightsPeriod, now: number): number {
  if (period === 'all') return 0;
  return Math.max(0, now - Number(period) * DAY_MS);
}
