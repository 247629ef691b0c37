import type { IDBPTransaction } from 'idb';
import { announceCommitted, recordingTransaction, type StoreChange } from './committed-changes';
import type { Db } from './open';
import type { AnyStoreName, DealsideDb } from './schema';

export type Tx<Stores extends AnyStoreName[], Mode extends IDBTransactionMode> = IDBPTransaction<
  DealsideDb,
  Stores,
  Mode
>;

/**
 * The one way the app opens a transaction. `work` must only touch the transaction: awaiting anything
 * else (a message, a timer, a fetch) lets IndexedDB auto-commit under it. The returned promise settles
 * when the transaction has committed, so a caller that sees success knows the data is on disk. A write
 * transaction's changes are then announced to the listeners of ./committed-changes.ts.
 */
export async function inTransaction<Stores extends AnyStoreName[], Mode extends IDBTransactionMode, T>(
  db: Db,
  stores: Stores,
  mode: Mode,
  work: (tx: Tx<Stores, Mode>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, mode, { durability: 'strict' }) as Tx<Stores, Mode>;
  const changes: StoreChange[] = [];
  try {
    const result = await work(mode === 'readwrite' ? recordingTransaction(tx, changes) : tx);
    await tx.done;
    announceCommitted(changes);
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the original error is the one worth reporting.
    }
    // Let the abort settle so the caller never races a half-open transaction.
    await tx.done.catch(() => undefined);
    throw error;
  }
}
