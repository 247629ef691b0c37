/**
 * What the background keeps about sync, in its database's private items (never exported, never shown
 * to a page; `storage.local` would be open to content scripts on Firefox):
 * - `syncConfig`: the server, database, user name and password. Present exactly while sync is on.
 * - `syncRun`: how the last attempts went (for the status, and the back-off after failures).
 */
import { z } from 'zod';
import { changePrivateItems, readPrivateItem, type PrivateStore } from '../../db/private-items';
import type { Db } from '../../db/open';

export const SYNC_CONFIG_ITEM = 'syncConfig';
export const SYNC_RUN_ITEM = 'syncRun';

export const syncConfigSchema = z.object({
  url: z.string(),
  database: z.string(),
  username: z.string(),
  password: z.string(),
  startedAt: z.number(),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

const syncProblemSchema = z.enum([
  'cannot-reach',
  'wrong-password',
  'sign-in-needed',
  'no-permission',
  'no-such-database',
  'not-couchdb',
  'server-error',
  'permission-missing',
  'rejected-documents',
  'local-database',
]);

export const syncRunSchema = z
  .object({
    lastSyncAt: z.number().optional(),
    lastError: z
      .object({
        problem: syncProblemSchema,
        at: z.number(),
        count: z.number().optional(),
        document: z.string().optional(),
      })
      .optional(),
    /** Failed attempts in a row; the wait before the next one doubles with each. */
    failures: z.number().int().nonnegative().default(0),
    nextAttemptAt: z.number().optional(),
  })
  .catch({ failures: 0 });
export type SyncRun = z.infer<typeof syncRunSchema>;

export async function readSyncConfigIn(store: PrivateStore): Promise<SyncConfig | undefined> {
  const parsed = syncConfigSchema.safeParse(await store.get(SYNC_CONFIG_ITEM));
  return parsed.success ? parsed.data : undefined;
}

export function readSyncConfig(db: Db): Promise<SyncConfig | undefined> {
  return readPrivateItem(db, readSyncConfigIn);
}

export function readSyncRun(db: Db): Promise<SyncRun> {
  return readPrivateItem(db, async (store) => syncRunSchema.parse((await store.get(SYNC_RUN_ITEM)) ?? {}));
}

export function writeSyncRun(db: Db, run: SyncRun): Promise<void> {
  return changePrivateItems(db, (store) =>
    store.put(syncRunSchema.parse(run), SYNC_RUN_ITEM).then(() => undefined),
  );
}
