import { accountRecordSchema, contactRecordSchema, type AccountRecord } from './records';
import type { IDBPObjectStore } from 'idb';
import type { DealsideDb, StoreName } from './schema';
import { checkedRow, validRow } from './validate';

export interface PersonSeen {
  email: string;
  name?: string;
  accountKey: string;
}

/**
 * Makes sure the account (and the contact, when given) exist, inside the caller's transaction. Accounts
 * are created on the rep's first write, not on every page view, so the funnel counts deals the rep
 * works on rather than every sender of a newsletter.
 */
export interface AccountStores {
  accounts: IDBPObjectStore<DealsideDb, ArrayLike<StoreName>, 'accounts', 'readwrite'>;
  contacts: IDBPObjectStore<DealsideDb, ArrayLike<StoreName>, 'contacts', 'readwrite'>;
}

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
    if (
      !existing ||
      (person.name && existing.name !== person.name) ||
      existing.accountKey !== person.accountKey
    ) {
      await contacts.put(
        checkedRow(contactRecordSchema, 'contacts', {
          ...existing,
          email: person.email,
          accountKey: person.accountKey,
          name: person.name ?? existing?.name,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        }),
      );
    }
  }
  return account;
}
