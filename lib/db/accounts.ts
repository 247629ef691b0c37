import type { IDBPObjectStore } from 'idb';
import type { Db } from './open';
import { accountRecordSchema, contactRecordSchema, type AccountRecord, type ContactRecord } from './records';
import type { DealsideDb, StoreName } from './schema';
import { inTransaction } from './transaction';
import { checkedRow, validRow, validRows } from './validate';

export interface PersonSeen {
  email: string;
  name?: string;
  accountKey: string;
  /** The page where the rep was looking at this person when writing. */
  lastSeenUrl?: string;
}

export interface AccountStores {
  accounts: IDBPObjectStore<DealsideDb, ArrayLike<StoreName>, 'accounts', 'readwrite'>;
  contacts: IDBPObjectStore<DealsideDb, ArrayLike<StoreName>, 'contacts', 'readwrite'>;
}

/** An account's row and one person's, as stored (undefined: none, or damaged). */
export interface AccountRows {
  account: AccountRecord | undefined;
  contact: ContactRecord | undefined;
}

/**
 * Reads the rows `ensureAccount` decides from, both requests at once. A caller with reads of its own can
 * issue them together with these, so the transaction waits for the database once.
 */
export async function readAccountRows(
  { accounts, contacts }: AccountStores,
  accountKey: string,
  person?: PersonSeen,
): Promise<AccountRows> {
  const [account, contact] = await Promise.all([
    accounts.get(accountKey),
    person ? contacts.get(person.email) : undefined,
  ]);
  return {
    account: validRow(accountRecordSchema, 'accounts', account, accountKey),
    contact: person ? validRow(contactRecordSchema, 'contacts', contact, person.email) : undefined,
  };
}

/**
 * Makes sure the account (and the contact, when given) exist, inside the caller's transaction. Accounts
 * are created on the rep's first write, not on every page view, so the funnel counts deals the rep
 * works on rather than every sender of a newsletter. `rows`: what `readAccountRows` read for the same
 * account and person in this transaction, when the caller read it already.
 */
export async function ensureAccount(
  stores: AccountStores,
  accountKey: string,
  now: number,
  person?: PersonSeen,
  rows?: AccountRows,
): Promise<AccountRecord> {
  const { accounts, contacts } = stores;
  const read = rows ?? (await readAccountRows(stores, accountKey, person));
  let account = read.account;
  if (!account) {
    account = checkedRow(accountRecordSchema, 'accounts', {
      key: accountKey,
      createdAt: now,
      updatedAt: now,
    });
    await accounts.put(account);
  }
  if (person) {
    const existing = read.contact;
    const changed =
      !existing ||
      existing.accountKey !== person.accountKey ||
      (person.name !== undefined && existing.name !== person.name) ||
      (person.lastSeenUrl !== undefined && existing.lastSeenUrl !== person.lastSeenUrl);
    if (changed) {
      await contacts.put(
        checkedRow(contactRecordSchema, 'contacts', {
          ...existing,
          email: person.email,
          accountKey: person.accountKey,
          name: person.name ?? existing?.name,
          ...(person.lastSeenUrl ? { lastSeenUrl: person.lastSeenUrl, lastSeenAt: now } : {}),
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        }),
      );
    }
  }
  return account;
}

export async function getAccount(db: Db, key: string): Promise<AccountRecord | undefined> {
  return validRow(accountRecordSchema, 'accounts', await db.get('accounts', key), key);
}

/**
 * How many accounts carry each stored industry value (accounts without one are not counted). The playbook
 * editor says how many accounts an industry it is about to remove still has.
 */
export async function countAccountsByIndustry(db: Db): Promise<Record<string, number>> {
  return inTransaction(db, ['accounts'], 'readonly', async (tx) => {
    const counts: Record<string, number> = {};
    // A cursor, not getAll: only one field of each row is needed, and there may be thousands of rows.
    for (
      let cursor = await tx.objectStore('accounts').openCursor();
      cursor;
      cursor = await cursor.continue()
    ) {
      const industry = (cursor.value as { industry?: unknown }).industry;
      if (typeof industry === 'string') counts[industry] = (counts[industry] ?? 0) + 1;
    }
    return counts;
  });
}

/** The people seen for an account, most recently updated first. */
export async function listAccountContacts(db: Db, accountKey: string): Promise<ContactRecord[]> {
  const rows = await db.getAllFromIndex('contacts', 'by-account', accountKey, 200);
  return validRows(contactRecordSchema, 'contacts', rows, (row) => (row as { email?: unknown }).email).sort(
    (a, b) => b.updatedAt - a.updatedAt,
  );
}

/** Remembers where a known contact was last seen, so "open" can go back there. Unknown people are skipped. */
export async function recordContactSeen(db: Db, email: string, url: string, now: number): Promise<void> {
  await inTransaction(db, ['contacts'], 'readwrite', async (tx) => {
    const store = tx.objectStore('contacts');
    const existing = validRow(contactRecordSchema, 'contacts', await store.get(email), email);
    if (!existing || existing.lastSeenUrl === url) return;
    await store.put(
      checkedRow(contactRecordSchema, 'contacts', { ...existing, lastSeenUrl: url, lastSeenAt: now }),
    );
  });
}

/** Applies a change to one account row (its industry), creating the account on first write. */
export async function updateAccount(
  db: Db,
  accountKey: string,
  now: number,
  change: (account: AccountRecord) => AccountRecord,
  person?: PersonSeen,
): Promise<AccountRecord> {
  return inTransaction(db, ['accounts', 'contacts'], 'readwrite', async (tx) => {
    const stores = { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') };
    const before = await ensureAccount(stores, accountKey, now, person);
    const after = checkedRow(accountRecordSchema, 'accounts', {
      ...change(before),
      key: accountKey,
      updatedAt: now,
    });
    await stores.accounts.put(after);
    return after;
  });
}
