/**
 * The pipeline page's filters, as pure functions of a deal and the moment: stale (no touch for N days),
 * no next step (no open follow-up), overdue (the next follow-up or the close day has passed) and closing
 * this month (the close day falls in the current local month).
 */
import { calendarDaysBetween } from '../dates/due';
import type { PipelineDeal } from '../messaging/protocol';

export const PIPELINE_FILTERS = ['all', 'stale', 'no-next-step', 'overdue', 'closing-this-month'] as const;
export type PipelineFilter = (typeof PIPELINE_FILTERS)[number];

export const DEFAULT_STALE_DAYS = 14;
export const MIN_STALE_DAYS = 1;
export const MAX_STALE_DAYS = 365;

export function isPipelineFilter(value: unknown): value is PipelineFilter {
  return (PIPELINE_FILTERS as readonly unknown[]).includes(value);
}

/** A typed number of days for "stale", or null when it is not a whole number from 1 to 365. */
export function parseStaleDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= MIN_STALE_DAYS && days <= MAX_STALE_DAYS ? days : null;
}

export interface FilterContext {
  now: number;
  staleDays: number;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of an instant's local calendar day: compared as text with close days. */
function localDayOf(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whole local calendar days since the last touch; undefined when there never was one. */
export function daysSinceTouch(deal: Pick<PipelineDeal, 'lastTouchAt'>, now: number): number | undefined {
  return deal.lastTouchAt === undefined
    ? undefined
    : calendarDaysBetween(new Date(deal.lastTouchAt), new Date(now));
}

/** Whole local calendar days the deal has stood in its stage; undefined when that is not known. */
export function daysInStage(deal: Pick<PipelineDeal, 'stageEnteredAt'>, now: number): number | undefined {
  return deal.stageEnteredAt === undefined
    ? undefined
    : Math.max(0, calendarDaysBetween(new Date(deal.stageEnteredAt), new Date(now)));
}

/** The test a filter applies to each deal, with the day boundaries worked out once. */
export function filterTest(
  filter: PipelineFilter,
  { now, staleDays }: FilterContext,
): (deal: PipelineDeal) => boolean {
  switch (filter) {
    case 'all':
      return () => true;
    case 'stale':
      // Never touched is the stalest of all.
      return (deal) => {
        const days = daysSinceTouch(deal, now);
        return days === undefined || days >= staleDays;
      };
    case 'no-next-step':
      return (deal) => deal.nextFollowUp === undefined;
    case 'overdue': {
      const today = localDayOf(now);
      return (deal) =>
        (deal.nextFollowUp !== undefined && deal.nextFollowUp.due < now) ||
        (deal.closeDate !== undefined && deal.closeDate < today);
    }
    case 'closing-this-month': {
      const month = localDayOf(now).slice(0, 7);
      return (deal) => deal.closeDate?.slice(0, 7) === month;
    }
  }
}

export function filterDeals(
  deals: readonly PipelineDeal[],
  filter: PipelineFilter,
  context: FilterContext,
): PipelineDeal[] {
  if (filter === 'all') return [...deals];
  return deals.filter(filterTest(filter, context));
}
