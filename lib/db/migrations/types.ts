import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DealsideDb } from '../schema';

/**
 * One schema change. `apply` runs inside the upgrade transaction: it may create or delete stores and
 * indexes and rewrite rows through `transaction`, but must not await anything else (the upgrade
 * transaction would auto-commit under it).
 */
export interface Migration {
  version: number;
  description: string;
  apply(
    db: IDBPDatabase<DealsideDb>,
    transaction: IDBPTransaction<DealsideDb, StoreNames<DealsideDb>[], 'versionchange'>,
  ): void | Promise<void>;
}
