/**
 * The touches store: threads and records the rep opened, one row per thread or record per local day.
 * Every read is bounded and goes through an index; no surface reads the whole store.
 */
import type { Db } from './open';
import { touchRecordSchema, type TouchRecord } from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRows } from './validate';

/** How many of an account's newest touches the panel reads: its "last touch" and its timeline. */
export const PANEL_TOUCHES_LIMIT = 50;

export type AddTouchOutcome = 'added' | 'already-recorded';

const idOf = (row: unknown) => (row as { id?: unknown }).id;

/** Every touch of `accountKey`, as a range of the `by-account-at` index. */
export function accountTouchRange(accountKey: string): IDBKeyRange {
  return IDBKeyRange.bound([accountKey, -Infinity], [accountKey, Infinity]);
}

/**
 * Adds `touch` unless its visit (`visitKey`) is recorded already; the first touch of a visit stays as
 * it was. Two tabs racing on one visit cannot both add: the unique index refuses the second add, which
 * is then answered like the check that would have found it.
 */
export async function addTouchOnce(db: Db, touch: TouchRecord): Promise<AddTouchOutcome> {
  const row = checkedRow(touchRecordSchema, 'touches', touch);
  try {
    return await inTransaction(db, ['touches'], 'readwrite', async (tx) => {
      const store = tx.objectStore('touches');
      if ((await store.index('by-visit').getKey(row.visitKey)) !== undefined) return 'already-recorded';
      await store.add(row);
      return 'added';
    });
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'ConstraintError') return 'already-recorded';
    throw error;
  }
}

/** The account's newest touches, newest first, at most `limit`. */
export async function listAccountTouches(
  db: Db,
  accountKey: string,
  limit = PANEL_TOUCHES_LIMIT,
): Promise<TouchRecord[]> {
  const rows: unknown[] = [];
  let cursor = await db
    .transaction('touches')
    .store.index('by-account-at')
    .openCursor(accountTouchRange(accountKey), 'prev');
  while (cursor && rows.length < limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return validRows(touchRecordSchema, 'touches', rows, idOf);
}

export async function countTouches(db: Db): Promise<number> {
  return db.count('touches');
}

/** Deletes every touch; answers how many there were and the accounts they were of. */
export async function deleteAllTouches(db: Db): Promise<{ deleted: number; accountKeys: string[] }> {
  return inTransaction(db, ['touches'], 'readwrite', async (tx) => {
    const store = tx.objectStore('touches');
    const deleted = await store.count();
    const accountKeys: string[] = [];
    // One step per account: past its last touch, straight to the next account's first.
    let cursor = await store.index('by-account-at').openKeyCursor();
    while (cursor) {
      const [accountKey] = cursor.key;
      accountKeys.push(accountKey);
      cursor = await cursor.continue([accountKey, Infinity]);
    }
    await store.clear();
    return { deleted, accountKeys };
  });
}
