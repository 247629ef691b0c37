/**
 * Moving the accounts of stages a playbook no longer has. The playbook editor never orphans an account:
 * removing a stage names the stage its accounts go to, and the background moves them here in one
 * transaction, recording a stage event per account so the funnel shows where each deal went.
 */
import type { Db } from './open';
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

export interface MovedAccounts extends StageMove {
  accountKeys: string[];
}

/** Moves every account in each `from` stage to its `to` stage; returns the accounts moved, per move. */
export async function moveAccountsBetweenStages(
  db: Db,
  moves: readonly StageMove[],
  now: number,
  newId: () => string,
): Promise<MovedAccounts[]> {
  return inTransaction(db, ['accounts', 'stageEvents'], 'readwrite', async (tx) => {
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
    return moved;
  });
}
