/**
 * Roles live on the person's row: they go where the person goes (a merge into another account) and
 * away with them (the account deleted).
 */
import { describe, expect, it } from 'vitest';
import { listAccountContacts } from '../../../lib/db/accounts';
import { setContactRoles } from '../../../lib/db/contact-roles';
import { deleteAccountWithData } from '../../../lib/db/delete-account';
import { mergeAccountRows } from '../../../lib/db/merge-accounts';
import type { Db } from '../../../lib/db/open';
import type { BuyingRole } from '../../../lib/contact/buying-roles';
import { rolesHeld } from '../../../lib/playbook/role-coverage';
import { freshDb } from './helpers';

async function withRoles(db: Db, accountKey: string, email: string, roles: BuyingRole[], now = 1000) {
  return setContactRoles(
    db,
    { accountKey, person: { email, accountKey }, addressAccountKey: accountKey, roles },
    now,
  );
}

describe('roles on the person row', () => {
  it('are stored in the usual order, and setting them keeps the rest of the row', async () => {
    const { db } = await freshDb();
    await setContactRoles(
      db,
      {
        accountKey: 'contoso.com',
        person: {
          email: 'ann@contoso.com',
          accountKey: 'contoso.com',
          name: 'Ann',
          lastSeenUrl: 'https://x.test/1',
        },
        addressAccountKey: 'contoso.com',
        roles: [],
      },
      1000,
    );
    const after = await withRoles(db, 'contoso.com', 'ann@contoso.com', ['other', 'champion', 'user'], 2000);
    expect(after).toEqual({
      email: 'ann@contoso.com',
      accountKey: 'contoso.com',
      name: 'Ann',
      lastSeenUrl: 'https://x.test/1',
      lastSeenAt: 1000,
      roles: ['champion', 'user', 'other'],
      createdAt: 1000,
      updatedAt: 2000,
    });
  });

  it('move with their people when an account is merged into another: the group holds both sides’ roles', async () => {
    const { db } = await freshDb();
    await withRoles(db, 'contoso.co.uk', 'ann@contoso.co.uk', ['decision-maker', 'champion']);
    await withRoles(db, 'contoso.co.uk', 'bob@contoso.co.uk', []);
    await withRoles(db, 'contoso.com', 'cy@contoso.com', ['economic-buyer', 'champion']);

    const moved = await mergeAccountRows(db, 'contoso.co.uk', 'contoso.com', 5000);
    expect(moved.contacts).toBe(2);
    const people = await listAccountContacts(db, 'contoso.com');
    expect(Object.fromEntries(people.map((person) => [person.email, person.roles]))).toEqual({
      'ann@contoso.co.uk': ['decision-maker', 'champion'],
      'bob@contoso.co.uk': undefined,
      'cy@contoso.com': ['economic-buyer', 'champion'],
    });
    expect([...rolesHeld(people)].sort()).toEqual(['champion', 'decision-maker', 'economic-buyer']);
    expect(await listAccountContacts(db, 'contoso.co.uk')).toEqual([]);
  });

  it('go away with the account', async () => {
    const { db } = await freshDb();
    await withRoles(db, 'contoso.com', 'ann@contoso.com', ['blocker']);
    const deleted = await deleteAccountWithData(db, 'contoso.com');
    expect(deleted.contacts).toBe(1);
    expect(await db.get('contacts', 'ann@contoso.com')).toBeUndefined();
  });
});
