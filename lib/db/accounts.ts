import type { IDBPObjectStore } from 'idb';
import type { Db } from './open';
import {
  accountRecordSchema,
  contactRecordSchema,
  followUpRecordSchema,
  stageEventRecordSchema,
  type AccountRecord,
  type ContactRecord,
  type FollowUpRecord,
} from './records';
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

/**
 * Makes sure the account (and the contact, when given) exist, inside the caller's transaction. Accounts
 * are created on the rep's first write, not on every page view, so the funnel counts deals the rep
 * works on rather than every sender of a newsletter.
 */
export async function ensureAccount(
  { accounts, contacts }: AccountStores,
  accountKey: string,
  now: number,
  person?: PersonSeen,
): Promise<AccountRecord> {
  let account = validRow(accountRecordSchema, 'accounts', await accounts.get(accountKey), accountKey);
  if (!account) {
    account = checkedRow(accountRecordSchema, 'accounts', {
      key: accountKey,
      checklist: {},
      createdAt: now,
      updatedAt: now,
    });
    await accounts.put(account);
  }
  if (person) {
    const existing = validRow(
      contactRecordSchema,
      'contacts',
      await contacts.get(person.email),
      person.email,
    );
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

export interface StageChange {
  accountKey: string;
  stageId: string;
  person?: PersonSeen;
  /** Follow-ups the playbook's cadence proposes on entering the stage, titles already in the rep's language. */
  proposals: { stepId: string; title: string; due: number }[];
}

/**
 * Moves an account to a stage (forwards or back), records the stage event the funnel is computed from,
 * and stores the cadence's proposed follow-ups for the rep to accept or dismiss. Proposals left from an
 * earlier stage are dismissed: they belonged to a step of the deal that is over.
 */
export async function changeStage(
  db: Db,
  change: StageChange,
  now: number,
  newId: () => string,
): Promise<{ account: AccountRecord; proposals: FollowUpRecord[] }> {
  return inTransaction(db, ['accounts', 'contacts', 'stageEvents', 'followUps'], 'readwrite', async (tx) => {
    const stores = { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') };
    const before = await ensureAccount(stores, change.accountKey, now, change.person);
    if (before.stageId === change.stageId) return { account: before, proposals: [] };

    const account = checkedRow(accountRecordSchema, 'accounts', {
      ...before,
      stageId: change.stageId,
      updatedAt: now,
    });
    await stores.accounts.put(account);
    await tx.objectStore('stageEvents').put(
      checkedRow(stageEventRecordSchema, 'stageEvents', {
        id: newId(),
        accountKey: change.accountKey,
        ...(before.stageId ? { from: before.stageId } : {}),
        to: change.stageId,
        at: now,
      }),
    );

    const followUps = tx.objectStore('followUps');
    const existing = validRows(
      followUpRecordSchema,
      'followUps',
      await followUps.index('by-account').getAll(change.accountKey),
      (row) => (row as { id?: unknown }).id,
    );
    for (const stale of existing.filter((followUp) => followUp.status === 'proposed')) {
      await followUps.delete(stale.id);
    }
    const proposals = change.proposals.map((proposal) =>
      checkedRow(followUpRecordSchema, 'followUps', {
        id: newId(),
        accountKey: change.accountKey,
        ...(change.person ? { contactEmail: change.person.email } : {}),
        title: proposal.title,
        due: proposal.due,
        status: 'proposed',
        source: 'plan',
        planStepId: proposal.stepId,
        createdAt: now,
        updatedAt: now,
      }),
    );
    for (const proposal of proposals) await followUps.put(proposal);
    return { account, proposals };
  });
}

/** Applies a change to one account row (industry, checklist), creating the account on first write. */
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

/** Ticks or unticks one checklist item of one stage. */
export function withChecklistItem(
  account: AccountRecord,
  stageId: string,
  itemId: string,
  done: boolean,
): AccountRecord {
  const ticked = new Set(account.checklist[stageId] ?? []);
  if (done) ticked.add(itemId);
  else ticked.delete(itemId);
  return { ...account, checklist: { ...account.checklist, [stageId]: [...ticked] } };
}
