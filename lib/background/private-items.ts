/**
 * The database behind the private items (settings, playbook, contact picks), with what an older version
 * left in `storage.local` moved in first. The move runs once per background start: every value found in
 * `storage.local` is copied into the database unless the database already has that item (a newer value,
 * from an earlier move), and only then removed from `storage.local`. A crash between the two steps
 * repeats the move harmlessly at the next start.
 */
import { browser } from 'wxt/browser';
import type { Db } from '../db/open';
import { changePrivateItems, PRIVATE_ITEM_KEYS } from '../db/private-items';
import { settingsSchema } from '../settings/schema';
import { database } from './database';

/** Where extension pages find the interface language the rep chose (set with every settings change). */
export const UI_LANGUAGE_KEY = 'uiLanguage';

let moved: Promise<void> | undefined;

async function moveOutOfStorageLocal(db: Db): Promise<void> {
  const stored = await browser.storage.local.get([...PRIVATE_ITEM_KEYS]);
  const found = PRIVATE_ITEM_KEYS.filter((key) => stored[key] !== undefined);
  if (found.length === 0) return;
  await changePrivateItems(db, async (store) => {
    for (const key of found) {
      if ((await store.getKey(key)) === undefined) await store.put(stored[key], key);
    }
  });
  // Extension pages read the chosen language before they render (lib/i18n.ts); it stays readable.
  if (stored.settings !== undefined) {
    const language = settingsSchema.shape.language.parse(
      (stored.settings as { language?: unknown }).language,
    );
    await browser.storage.local.set({ [UI_LANGUAGE_KEY]: language });
  }
  // WXT kept each item's version beside it, under `<key>$`.
  await browser.storage.local.remove(found.flatMap((key) => [key, `${key}$`]));
}

export async function privateItemsDb(): Promise<Db> {
  const db = await database();
  moved ??= moveOutOfStorageLocal(db).catch((error: unknown) => {
    moved = undefined;
    throw error;
  });
  await moved;
  return db;
}

/** For tests: act as a freshly started background, which looks in `storage.local` again. */
export function resetPrivateItemsMove(): void {
  moved = undefined;
}
