/**
 * The pipeline board's columns: one per playbook stage, in the playbook's order, and one last column for
 * deals with no stage or a stage the playbook no longer has. Each column counts its deals, sums their
 * value per currency and holds them soonest close day first (then largest value), so the first cards
 * shown of a long column are the ones closing next.
 */
import { groupedBy } from '../grouped-by';
import type { PipelineDeal, PipelineStageGroup } from '../messaging/protocol';

/** The `data-stage-id` of the column for deals outside the playbook's stages. */
export const OTHER_STAGES_COLUMN = '';

export interface BoardColumn {
  /** The playbook stage's id, or OTHER_STAGES_COLUMN. */
  stageId: string;
  /** Its deals in board order: all of them, or only the first ones while the page has the first cards. */
  deals: PipelineDeal[];
  /** How many deals the column holds, whether or not all of them are in `deals`. */
  count: number;
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

type Totals = BoardColumn['totals'];

function sortedTotals(sums: ReadonlyMap<string, number>): Totals {
  return [...sums]
    .map(([currency, value]) => ({ currency, value }))
    .sort((a, b) => b.value - a.value || (a.currency < b.currency ? -1 : 1));
}

function totalsOf(deals: readonly PipelineDeal[]): Totals {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    if (deal.value === undefined) continue;
    const currency = deal.currency ?? '';
    sums.set(currency, (sums.get(currency) ?? 0) + deal.value);
  }
  return sortedTotals(sums);
}

function summedTotals(parts: readonly Totals[]): Totals {
  const sums = new Map<string, number>();
  for (const totals of parts)
    for (const { currency, value } of totals) sums.set(currency, (sums.get(currency) ?? 0) + value);
  return sortedTotals(sums);
}

/**
 * The first cards of each stage as the board shows them, and every stage's count and totals: what the
 * page draws before the rest of the deals arrive. Stages are the deals' own (`''` for none), whatever
 * the playbook says; `boardColumns` maps them onto columns.
 */
export function firstCardsByStage(
  deals: readonly PipelineDeal[],
  perStage: number,
): { deals: PipelineDeal[]; groups: PipelineStageGroup[] } {
  const byStage = groupedBy(deals, (deal) => deal.stageId ?? '');
  const first: PipelineDeal[] = [];
  const groups: PipelineStageGroup[] = [];
  for (const [stageId, list] of byStage) {
    list.sort(inBoardOrder);
    first.push(...list.slice(0, perStage));
    groups.push({ stageId, count: list.length, totals: totalsOf(list) });
  }
  return { deals: first, groups };
}

/**
 * The board for these deals. The "other" column is there only when a deal belongs in it: a playbook
 * change or an old deal without a stage, not an empty column on every board.
 *
 * With `groups` (the first cards only, from `firstCardsByStage`), each column's count and totals come
 * from the groups of its stages rather than from the deals at hand.
 */
export function boardColumns(
  deals: readonly PipelineDeal[],
  stageIds: readonly string[],
  groups?: readonly PipelineStageGroup[],
): BoardColumn[] {
  const known = new Set(stageIds);
  const columnOf = (stageId: string | undefined) =>
    stageId !== undefined && known.has(stageId) ? stageId : OTHER_STAGES_COLUMN;
  const byColumn = new Map<string, PipelineDeal[]>(stageIds.map((id) => [id, []]));
  byColumn.set(OTHER_STAGES_COLUMN, []);
  for (const deal of deals) byColumn.get(columnOf(deal.stageId))!.push(deal);
  const groupsByColumn = groupedBy(groups ?? [], (group) => columnOf(group.stageId || undefined));
  const column = (stageId: string): BoardColumn => {
    const list = byColumn.get(stageId)!.sort(inBoardOrder);
    if (!groups) return { stageId, deals: list, count: list.length, totals: totalsOf(list) };
    const parts = groupsByColumn.get(stageId) ?? [];
    return {
      stageId,
      deals: list,
      count: parts.reduce((sum, group) => sum + group.count, 0),
      totals: summedTotals(parts.map((group) => group.totals)),
    };
  };
  const columns = stageIds.map(column);
  const other = column(OTHER_STAGES_COLUMN);
  if (other.count > 0) columns.push(other);
  return columns;
}
