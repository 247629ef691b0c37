/**
 * Moving the accounts of stages a playbook no longer has. The playbook editor never orphans an account:
 * removing a stage names the stage its accounts go to, and the background moves them here in one
 * transaction, recording a stage event per account so the funnel shows where each deal went.
 */
import type { Playbook } from '../playbook/schema';
import type { Db } from './open';
import { readPlaybookIn, writePlaybookIn } from './private-items';
import { accountRecordSchema, stageEventRecordSchema } from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRows } from './validate';

export interface StageMove {
  from: string;
  to: string;
}

/** How many accounts stand in each of `stageIds`. */
export async function countAccountsInStages(
  db: Db,
  stageIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const tx = db.transaction('accounts');
  const index = tx.store.index('by-stage');
  for (const stageId of stageIds) counts.set(stageId, await index.count(stageId));
  await tx.done;
  return counts;
}

/**
 * A playbook would leave accounts in stages it does not have (and no move takes them elsewhere): nothing
 * was written.
 */
export class StagesNeedAHome extends Error {
  constructor(readonly stageIds: string[]) {
    super(`Accounts stand in stages the new playbook does not have: ${stageIds.join(', ')}`);
    this.name = 'StagesNeedAHome';
  }
}

type AccountsByStage = { count(stageId: string): Promise<number> };

/**
 * Throws `StagesNeedAHome` when accounts stand in a stage of `stored` that `next` lacks. Run inside the
 * transaction that stores `next`, after its other writes, so it sees the accounts as they will be.
 */
export async function refuseStrandedAccounts(
  accountsByStage: AccountsByStage,
  stored: Playbook,
  next: Playbook,
): Promise<void> {
  const kept = new Set(next.stages.map((stage) => stage.id));
  const holding: string[] = [];
  for (const { id } of stored.stages) {
    if (!kept.has(id) && (await accountsByStage.count(id)) > 0) holding.push(id);
  }
  if (holding.length > 0) throw new StagesNeedAHome(holding);
}

export interface MovedAccounts extends StageMove {
  accountKeys: string[];
}

/**
 * Moves every account in each `from` stage to its `to` stage; returns the accounts moved, per move.
 * With `playbook`, the same transaction stores it (the playbook whose stages made the moves necessary),
 * so accounts never stand in a stage the stored playbook lacks, nor the playbook change without them;
 * if accounts would still stand in one of its removed stages, it throws `StagesNeedAHome` and nothing
 * is written.
 */
export async function moveAccountsBetweenStages(
  db: Db,
  moves: readonly StageMove[],
  now: number,
  newId: () => string,
  playbook?: Playbook,
): Promise<MovedAccounts[]> {
  return inTransaction(db, ['accounts', 'stageEvents', 'privateItems'], 'readwrite', async (tx) => {
    const accounts = tx.objectStore('accounts');
    const events = tx.objectStore('stageEvents');
    const moved: MovedAccounts[] = [];
    // Read every stage before writing any: a chain (a → b, b → c) must not move a's accounts twice.
    const rowsPerMove = [];
    for (const move of moves) {
      const rows = validRows(
        accountRecordSchema,
        'accounts',
        await accounts.index('by-stage').getAll(move.from),
        (row) => (row as { key?: unknown }).key,
      );
      rowsPerMove.push({ move, rows });
    }
    for (const { move, rows } of rowsPerMove) {
      for (const account of rows) {
        await accounts.put(
          checkedRow(accountRecordSchema, 'accounts', { ...account, stageId: move.to, updatedAt: now }),
        );
        await events.put(
          checkedRow(stageEventRecordSchema, 'stageEvents', {
            id: newId(),
            accountKey: account.key,
            from: move.from,
            to: move.to,
            at: now,
          }),
        );
      }
      moved.push({ ...move, accountKeys: rows.map((account) => account.key) });
    }
    if (playbook) {
      const privateItems = tx.objectStore('privateItems');
      await refuseStrandedAccounts(accounts.index('by-stage'), await readPlaybookIn(privateItems), playbook);
      await writePlaybookIn(privateItems, playbook);
    }
    return moved;
  });
}
