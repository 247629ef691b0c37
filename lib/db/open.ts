import { openDB, type IDBPDatabase } from 'idb';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { DB_NAME, type DealsideDb } from './schema';

export type Db = IDBPDatabase<DealsideDb>;

/**
 * Opens the database, running every migration between the stored version and `targetVersion`.
 * `targetVersion` and `migrations` exist for migration tests, which open an old version, seed it and
 * then upgrade.
 */
export async function openDealsideDb(
  options: {
    name?: string;
    targetVersion?: number;
    migrations?: readonly Migration[];
    onClosed?: () => void;
  } = {},
): Promise<Db> {
  const steps = options.migrations ?? allMigrations;
  const targetVersion = options.targetVersion ?? steps.length;
  const connection: Db = await openDB<DealsideDb>(options.name ?? DB_NAME, targetVersion, {
    async upgrade(db, oldVersion, newVersion, transaction) {
      for (const step of steps) {
        if (step.version > oldVersion && step.version <= (newVersion ?? targetVersion)) {
          await step.apply(db, transaction);
        }
      }
    },
    blocking() {
      // A newer version (an updated extension) wants the database: let it have it.
      connection.close();
      options.onClosed?.();
    },
    terminated() {
      options.onClosed?.();
    },
  });
  return connection;
}
