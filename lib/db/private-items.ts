/**
 * The private items (schema version 3): the settings, the playbook and the contacts picked per page, one
 * row each in the `privateItems` store. Kept in the background's database because `storage.local` is
 * open to content scripts on Firefox (and, before `setAccessLevel`, on Chrome): a page that took over its
 * renderer could read who the rep's customers are, or forge them.
 *
 * Being rows, they join the records' transactions: an import writes rows, playbook and settings in one
 * transaction, a merge moves rows and records the alias in one, a playbook save moves accounts and stores
 * the playbook in one. The helpers here take the open store so callers can do exactly that.
 */
import type { IDBPObjectStore } from 'idb';
import { z } from 'zod';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { parsePlaybook, type Playbook } from '../playbook/schema';
import { settingsSchema, type Settings } from '../settings/schema';
import type { Db } from './open';
import { emailSchema, type Author } from './records';
import type { AnyStoreName, DealsideDb } from './schema';
import { inTransaction } from './transaction';

export const PRIVATE_ITEM_KEYS = ['settings', 'playbook', 'contactPicks'] as const;
export type PrivateItemKey = (typeof PRIVATE_ITEM_KEYS)[number];

export type PrivateStore<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPObjectStore<
  DealsideDb,
  ArrayLike<AnyStoreName>,
  'privateItems',
  Mode
>;

export async function readSettingsIn(store: PrivateStore): Promise<Settings> {
  return settingsSchema.parse((await store.get('settings')) ?? {});
}

/**
 * The rep as the author of what they write: their name as they sign emails and their first own address,
 * from settings; undefined while settings name neither.
 */
export function authorFromSettings(settings: Settings): Author | undefined {
  const name = settings.senderName.trim();
  const email = settings.ownEmails.find((address) => emailSchema.safeParse(address).success);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/** The author the settings row last read gave, with the row as JSON: the same row gives the same author. */
let lastAuthor: { row: string; author: Author | undefined } | undefined;

/**
 * `authorFromSettings` of the stored settings. Every note save asks, and the row rarely changes: the
 * settings are parsed again only when the row read differs from the last one, so a change made any way at
 * all (through the app or not) is seen at once.
 */
export async function readAuthorIn(store: PrivateStore): Promise<Author | undefined> {
  const stored: unknown = await store.get('settings');
  const row = JSON.stringify(stored ?? null);
  if (lastAuthor?.row !== row) {
    lastAuthor = { row, author: authorFromSettings(settingsSchema.parse(stored ?? {})) };
  }
  return lastAuthor.author;
}

export async function writeSettingsIn(store: PrivateStore<'readwrite'>, settings: Settings): Promise<void> {
  await store.put(settingsSchema.parse(settings), 'settings');
}

/**
 * The rep's playbook, or the default one (the very `DEFAULT_PLAYBOOK` object, so callers can tell) when
 * they have none or theirs is damaged.
 */
export async function readPlaybookIn(store: PrivateStore): Promise<Playbook> {
  const stored = await store.get('playbook');
  if (stored === undefined || stored === null) return DEFAULT_PLAYBOOK;
  const parsed = parsePlaybook(stored);
  if (parsed.ok) return parsed.playbook;
  console.warn('[dealside] the stored playbook is damaged; using the default', parsed.errors.slice(0, 3));
  return DEFAULT_PLAYBOOK;
}

/** Stores a playbook the caller validated with `parsePlaybook`. */
export async function writePlaybookIn(store: PrivateStore<'readwrite'>, playbook: Playbook): Promise<void> {
  await store.put(playbook, 'playbook');
}

/** Page URL → the contact the rep picked there, and when. */
export const contactPicksSchema = z
  .record(z.string(), z.object({ email: z.string(), at: z.number() }))
  .catch({});
export type ContactPicks = z.infer<typeof contactPicksSchema>;

export async function readContactPicksIn(store: PrivateStore): Promise<ContactPicks> {
  return contactPicksSchema.parse((await store.get('contactPicks')) ?? {});
}

export async function writeContactPicksIn(
  store: PrivateStore<'readwrite'>,
  picks: ContactPicks,
): Promise<void> {
  await store.put(picks, 'contactPicks');
}

/** Drops the picks `forget` selects (by picked address); returns how many went. */
export async function forgetContactPicksIn(
  store: PrivateStore<'readwrite'>,
  forget: (email: string) => boolean,
): Promise<number> {
  const picks = await readContactPicksIn(store);
  const kept = Object.entries(picks).filter(([, pick]) => !forget(pick.email));
  const dropped = Object.keys(picks).length - kept.length;
  if (dropped > 0) await writeContactPicksIn(store, Object.fromEntries(kept));
  return dropped;
}

/** Reads one private item in its own transaction. */
export function readPrivateItem<T>(
  db: Db,
  read: (store: PrivateStore<'readonly'>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, ['privateItems'], 'readonly', (tx) => read(tx.objectStore('privateItems')));
}

/**
 * Reads and writes private items in one transaction: two changes arriving together run one after the
 * other (IndexedDB serialises overlapping read-write transactions), so neither loses the other's edit.
 */
export function changePrivateItems<T>(
  db: Db,
  change: (store: PrivateStore<'readwrite'>) => Promise<T>,
): Promise<T> {
  return inTransaction(db, ['privateItems'], 'readwrite', (tx) => change(tx.objectStore('privateItems')));
}
