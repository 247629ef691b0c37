/**
 * The pipeline table's order: by any of its columns, either way. Deals missing the sorted field (no value,
 * no close day, never touched…) go last in both directions, so "soonest first" never starts with blanks.
 * Ties keep a stable order: account, then deal title, then id.
 */
import type { PipelineDeal } from '../messaging/protocol';

export const PIPELINE_SORT_COLUMNS = [
  'account',
  'deal',
  'value',
  'stage',
  'daysInStage',
  'lastTouch',
  'nextFollowUp',
  'closeDate',
] as const;
export type PipelineSortColumn = (typeof PIPELINE_SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface PipelineSort {
  column: PipelineSortColumn;
  direction: SortDirection;
}

export const DEFAULT_PIPELINE_SORT: PipelineSort = { column: 'closeDate', direction: 'ascending' };

export function isPipelineSortColumn(value: unknown): value is PipelineSortColumn {
  return (PIPELINE_SORT_COLUMNS as readonly unknown[]).includes(value);
}

type Key = string | number | undefined;

/**
 * Each column's sort key. Days in stage and last touch sort by their instants (an older entry is more
 * days), stages by their place in the playbook (stages it no longer has after its own).
 */
function keyOf(
  column: PipelineSortColumn,
  stageOrder: ReadonlyMap<string, number>,
): (deal: PipelineDeal) => Key {
  switch (column) {
    case 'account':
      return (deal) => deal.accountLabel;
    case 'deal':
      return (deal) => deal.title;
    case 'value':
      return (deal) => deal.value;
    case 'stage':
      return (deal) =>
        deal.stageId === undefined ? undefined : (stageOrder.get(deal.stageId) ?? stageOrder.size);
    case 'daysInStage':
      // More days in stage is an earlier entry: negate so ascending means fewest days first.
      return (deal) => (deal.stageEnteredAt === undefined ? undefined : -deal.stageEnteredAt);
    case 'lastTouch':
      return (deal) => deal.lastTouchAt;
    case 'nextFollowUp':
      return (deal) => deal.nextFollowUp?.due;
    case 'closeDate':
      return (deal) => deal.closeDate;
  }
}

function compareKeys(a: Key, b: Key, collator: Intl.Collator): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return (a as number) - (b as number);
}

/** A sorted copy; `locale` orders names as the rep reads them. */
export function sortDeals(
  deals: readonly PipelineDeal[],
  sort: PipelineSort,
  stageOrder: ReadonlyMap<string, number>,
  locale: string,
): PipelineDeal[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const key = keyOf(sort.column, stageOrder);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Keys are computed once per deal, not once per comparison.
  const keyed = deals.map((deal) => ({ deal, key: key(deal) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key !== b.key) return a.key === undefined ? 1 : -1;
    } else {
      const order = compareKeys(a.key, b.key, collator);
      if (order !== 0) return order * sign;
    }
    return (
      collator.compare(a.deal.accountLabel, b.deal.accountLabel) ||
      collator.compare(a.deal.title, b.deal.title) ||
      (a.deal.id < b.deal.id ? -1 : a.deal.id > b.deal.id ? 1 : 0)
    );
  });
  return keyed.map((entry) => entry.deal);
}
