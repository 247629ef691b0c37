/** A clean database for each test, the way the component tests start. */
import { database } from '../../../lib/background/db-connection';
import { DB_NAME } from '../../../lib/db/schema';

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

/** Empties the rep's data and keeps the database open, with its settings and playbook. */
export async function clearDataStores(): Promise<void> {
  const db = await database();
  for (const store of DATA_STORES) await db.clear(store);
}

export { database };
