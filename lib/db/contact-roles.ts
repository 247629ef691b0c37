/**
 * The buying group: which parts the account's people play in the purchase. Roles live on the person's
 * row, so they move, export and are deleted with the person.
 */
import { orderedRoles, type BuyingRole } from '../contact/buying-roles';
import { ensureAccount, type PersonSeen } from './accounts';
import type { Db } from './open';
import { contactRecordSchema, type ContactRecord } from './records';
import { inTransaction } from './transaction';
import { checkedRow, validRow } from './validate';

export interface RolesChange {
  accountKey: string;
  /** The person, as the page or the rep's earlier writes knew them (name and page when on screen). */
  person: PersonSeen;
  /** The account the person's address keys to (after merges): a person not yet stored must belong here. */
  addressAccountKey: string | null;
  /** Every role the person holds from now on; empty when none is known. */
  roles: readonly BuyingRole[];
}

/**
 * Sets the roles a person plays, replacing the ones they had. A person already filed under another
 * account, or not yet stored and not of this account by their address, is refused: roles are never
 * filed under an account the person does not belong to. Like every panel write, the first one creates
 * the account.
 */
export async function setContactRoles(db: Db, change: RolesChange, now: number): Promise<ContactRecord> {
  return inTransaction(db, ['accounts', 'contacts'], 'readwrite', async (tx) => {
    const contacts = tx.objectStore('contacts');
    const email = change.person.email;
    const before = validRow(contactRecordSchema, 'contacts', await contacts.get(email), email);
    if (before && before.accountKey !== change.accountKey) {
      throw new Error(`${email} belongs to the account ${before.accountKey}, not ${change.accountKey}.`);
    }
    if (!before && change.addressAccountKey !== change.accountKey) {
      throw new Error(`${email} is not one of the people of ${change.accountKey}.`);
    }
    await ensureAccount({ accounts: tx.objectStore('accounts'), contacts }, change.accountKey, now, {
      ...change.person,
      accountKey: change.accountKey,
    });
    // ensureAccount has just kept or written the person's row (with their name and page, when shown).
    const seen = validRow(contactRecordSchema, 'contacts', await contacts.get(email), email)!;
    const { roles: _previous, ...rest } = seen;
    const roles = orderedRoles(change.roles);
    const after = checkedRow(contactRecordSchema, 'contacts', {
      ...rest,
      ...(roles.length > 0 ? { roles } : {}),
      updatedAt: now,
    });
    await contacts.put(after);
    return after;
  });
}
