/**
 * The pipeline board's columns: one per playbook stage, in the playbook's order, and one last column for
 * deals with no stage or a stage the playbook no longer has. Each column counts its deals, sums their
 * value per currency and holds them soonest close day first (then largest value), so the first cards
 * shown of a long column are the ones closing next.
 */
import type { PipelineDeal } from '../messaging/protocol';

/** The `data-stage-id` of the column for deals outside the playbook's stages. */
export const OTHER_STAGES_COLUMN = '';

export interface BoardColumn {
  /** The playbook stage's id, or OTHER_STAGES_COLUMN. */
  stageId: string;
  deals: PipelineDeal[];
  /** Summed value per currency code ('' for values without a currency), largest first. */
  totals: { currency: string; value: number }[];
}

/** Soonest close day first, deals without one last; then the larger value first; then by id. */
export function inBoardOrder(a: PipelineDeal, b: PipelineDeal): number {
  if (a.closeDate !== b.closeDate) {
    if (a.closeDate === undefined) return 1;
    if (b.closeDate === undefined) return -1;
    return a.closeDate < b.closeDate ? -1 : 1;
  }
  return (b.value ?? -1) - (a.value ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function totalsOf(deals: readonly PipelineDeal[]): BoardColumn['totals'] {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    if (deal.value === undefined) continue;
    const currency = deal.currency ?? '';
    sums.set(currency, (sums.get(currency) ?? 0) + deal.value);
  }
  return [...sums]
    .map(([currency, value]) => ({ currency, value }))
    .sort((a, b) => b.value - a.value || (a.currency < b.currency ? -1 : 1));
}

/**
 * The board for these deals. The "other" column is there only when a deal belongs in it: a playbook
 * change or an old deal without a stage, not an empty column on every board.
 */
export function boardColumns(deals: readonly PipelineDeal[], stageIds: readonly string[]): BoardColumn[] {
  const known = new Set(stageIds);
  const byStage = new Map<string, PipelineDeal[]>(stageIds.map((id) => [id, []]));
  const other: PipelineDeal[] = [];
  for (const deal of deals) {
    if (deal.stageId !== undefined && known.has(deal.stageId)) byStage.get(deal.stageId)!.push(deal);
    else other.push(deal);
  }
  const column = (stageId: string, list: PipelineDeal[]): BoardColumn => ({
    stageId,
    deals: list.sort(inBoardOrder),
    totals: totalsOf(list),
  });
  const columns = stageIds.map((id) => column(id, byStage.get(id)!));
  if (other.length > 0) columns.push(column(OTHER_STAGES_COLUMN, other));
  return columns;
}
