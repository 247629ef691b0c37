/**
 * The database behind the private items (settings, playbook, contact picks), with what an older version
 * left in `storage.local` moved in first (its keys: lib/storage/legacy-items.ts). The move runs once per
 * background start: every sound value found in `storage.local` is copied into the database unless the
 * database already has that item (a newer value, from an earlier move), and only then removed from
 * `storage.local`. A crash between the two steps repeats the move harmlessly at the next start.
 */
import type { Db } from '../db/open';
import { changePrivateItems, PRIVATE_ITEM_KEYS, type PrivateItemKey } from '../db/private-items';
import { settingsSchema } from '../settings/schema';
import type { LegacyStorageItem } from '../storage/define';
import { uiLanguageItem } from '../storage/items';
import { legacyContactPicksItem, legacyPlaybookItem, legacySettingsItem } from '../storage/legacy-items';
import { database } from './db-connection';

/** Where an older version kept each private item in `storage.local`. */
const LEGACY_ITEMS = {
  settings: legacySettingsItem,
  playbook: legacyPlaybookItem,
  contactPicks: legacyContactPicksItem,
} satisfies Record<PrivateItemKey, LegacyStorageItem<unknown>>;

let moved: Promise<void> | undefined;

async function moveOutOfStorageLocal(db: Db): Promise<void> {
  const found = (
    await Promise.all(PRIVATE_ITEM_KEYS.map(async (key) => ({ key, value: await LEGACY_ITEMS[key].get() })))
  ).filter((entry) => entry.value !== undefined);
  if (found.length > 0) {
    await changePrivateItems(db, async (store) => {
      for (const { key, value } of found) {
        if ((await store.getKey(key)) === undefined) await store.put(value, key);
      }
    });
  }
  // Extension pages read the chosen language before they render (lib/i18n.ts); it stays readable.
  const settings = found.find((entry) => entry.key === 'settings');
  if (settings) await uiLanguageItem.set(settingsSchema.parse(settings.value).language);
  // A damaged value (logged, not carried over) goes too; removing a key that is not there changes nothing.
  await Promise.all(PRIVATE_ITEM_KEYS.map((key) => LEGACY_ITEMS[key].remove()));
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
