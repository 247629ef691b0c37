/**
 * Moving the deals of stages a playbook no longer has. The playbook editor never orphans a deal:
 * removing a stage names the stage its deals go to, and the background moves them here in one
 * transaction, recording a stage event per deal so the funnel shows where each went. Closed deals move
 * too: a won or lost deal keeps the stage it ended in, and that stage must exist to be counted.
 */
import type { Playbook } from '../playbook/schema';
import type { Db } from './open';
import { readPlaybookIn, writePlaybookIn } from './private-items';
import { DEAL_OUTCOMES, dealRecordSchema, stageEventRecordSchema, type DealRecord } from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRows } from './validate';

export interface StageMove {
  from: string;
  to: string;
}

/** The part of the deals store's `by-outcome-stage` index that finding a stage's deals needs. */
interface DealsByOutcomeStage {
  count(key: [string, string]): Promise<number>;
  getAll(key: [string, string]): Promise<unknown[]>;
}

async function countInStage(index: DealsByOutcomeStage, stageId: string): Promise<number> {
  let count = 0;
  for (const outcome of DEAL_OUTCOMES) count += await index.count([outcome, stageId]);
  return count;
}

async function dealsInStage(index: DealsByOutcomeStage, stageId: string): Promise<DealRecord[]> {
  const rows: unknown[] = [];
  for (const outcome of DEAL_OUTCOMES) rows.push(...(await index.getAll([outcome, stageId])));
  return validRows(dealRecordSchema, 'deals', rows, (row) => (row as { id?: unknown }).id);
}

/** How many deals, open or closed, stand in each of `stageIds`. */
export async function countDealsInStages(db: Db, stageIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const tx = db.transaction('deals');
  const index = tx.store.index('by-outcome-stage') as unknown as DealsByOutcomeStage;
  for (const stageId of stageIds) counts.set(stageId, await countInStage(index, stageId));
  await tx.done;
  return counts;
}

/**
 * A playbook would leave deals in stages it does not have (and no move takes them elsewhere): nothing
 * was written.
 */
export class StagesNeedAHome extends Error {
  constructor(readonly stageIds: string[]) {
    super(`Deals stand in stages the new playbook does not have: ${stageIds.join(', ')}`);
    this.name = 'StagesNeedAHome';
  }
}

/**
 * Throws `StagesNeedAHome` when deals stand in a stage of `stored` that `next` lacks. Run inside the
 * transaction that stores `next`, after its other writes, so it sees the deals as they will be.
 */
export async function refuseStrandedDeals(
  dealsByOutcomeStage: DealsByOutcomeStage,
  stored: Playbook,
  next: Playbook,
): Promise<void> {
  const kept = new Set(next.stages.map((stage) => stage.id));
  const holding: string[] = [];
  for (const { id } of stored.stages) {
    if (!kept.has(id) && (await countInStage(dealsByOutcomeStage, id)) > 0) holding.push(id);
  }
  if (holding.length > 0) throw new StagesNeedAHome(holding);
}

export interface MovedDeals extends StageMove {
  dealIds: string[];
  /** The accounts of those deals, each once. */
  accountKeys: string[];
}

/**
 * Moves every deal in each `from` stage to its `to` stage; returns the deals moved, per move. With
 * `playbook`, the same transaction stores it (the playbook whose stages made the moves necessary), so
 * deals never stand in a stage the stored playbook lacks, nor the playbook change without them; if deals
 * would still stand in one of its removed stages, it throws `StagesNeedAHome` and nothing is written.
 */
export async function moveDealsBetweenStages(
  db: Db,
  moves: readonly StageMove[],
  now: number,
  newId: () => string,
  playbook?: Playbook,
): Promise<MovedDeals[]> {
  return inTransaction(db, ['deals', 'stageEvents', 'privateItems'], 'readwrite', async (tx) => {
    const deals = tx.objectStore('deals');
    const byOutcomeStage = deals.index('by-outcome-stage') as unknown as DealsByOutcomeStage;
    const events = tx.objectStore('stageEvents');
    const moved: MovedDeals[] = [];
    // Read every stage before writing any: a chain (a → b, b → c) must not move a's deals twice.
    const rowsPerMove = [];
    for (const move of moves) rowsPerMove.push({ move, rows: await dealsInStage(byOutcomeStage, move.from) });
    for (const { move, rows } of rowsPerMove) {
      for (const deal of rows) {
        await deals.put(
          checkedRow(dealRecordSchema, 'deals', {
            ...deal,
            stageId: move.to,
            stageEnteredAt: now,
            updatedAt: now,
          }),
        );
        await events.put(
          checkedRow(stageEventRecordSchema, 'stageEvents', {
            id: newId(),
            accountKey: deal.accountKey,
            dealId: deal.id,
            from: move.from,
            to: move.to,
            at: now,
          }),
        );
      }
      moved.push({
        ...move,
        dealIds: rows.map((deal) => deal.id),
        accountKeys: [...new Set(rows.map((deal) => deal.accountKey))],
      });
    }
    if (playbook) {
      const privateItems = tx.objectStore('privateItems');
      await refuseStrandedDeals(byOutcomeStage, await readPlaybookIn(privateItems), playbook);
      await writePlaybookIn(privateItems, playbook);
    }
    return moved;
  });
}
