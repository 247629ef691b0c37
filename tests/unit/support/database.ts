/** A clean database for each test, the way the component tests start. */
import { database } from '../../../lib/background/db-connection';
import { DB_NAME } from '../../../lib/db/schema';
import { inTransaction } from '../../../lib/db/transaction';

/** The stores of the rep's data (not settings or the playbook). */
const DATA_STORES = [
  'accounts',
  'contacts',
  'deals',
  'notes',
  'followUps',
  'stageEvents',
  'questionLog',
  'touches',
] as const;

/** Deletes the whole database: the background opens a fresh one (default playbook and settings) on next use. */
export function resetDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the database'));
  });
}

/**
 * Empties the rep's data and keeps the database open, with its settings and playbook. Written as the app
 * writes, so what the background keeps in memory (the pipeline's cards) hears of it.
 */
export async function clearDataStores(): Promise<void> {
  await inTransaction(await database(), [...DATA_STORES], 'readwrite', async (tx) => {
    await Promise.all(DATA_STORES.map((store) => tx.objectStore(store).clear()));
  });
}

export { database };
