/**
 * Setting the roles of an account's people through the message table, as the panel does: what is stored,
 * what is refused (with nothing written), and who is told.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recordTabPage } from '../../../lib/background/page-registry';
import { getAccount, listAccountContacts } from '../../../lib/db/accounts';
import { contactRecordSchema } from '../../../lib/db/records';
import type { MessageType, RequestOf, ResultOf } from '../../../lib/messaging/messages';
import { database, resetDatabase } from '../support/database';
import { installFakeHostAccess } from '../support/fake-host-access';
import { extensionPageMessenger, inProcessMessenger, PANEL_TAB_ID } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

/** Sends as the panel docked in tab PANEL_TAB_ID would, typed by the message table. */
const sendMessage = <T extends MessageType>(type: T, data: RequestOf<T>) =>
  inProcessMessenger.sendMessage(type, data) as Promise<ResultOf<T>>;

const ACCOUNT = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
const TOM = 'tom.becker@northwind-trading.com';
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';

const people = async () => listAccountContacts(await database(), ACCOUNT);

/** Accounts named by the `dataChanged` events of a test. */
function changedAccounts() {
  const seen: string[] = [];
  inProcessMessenger.onMessage('dataChanged', ({ data }) => {
    seen.push(...(data as { accountKeys: string[] }).accountKeys);
  });
  return seen;
}

beforeEach(async () => {
  installFakeHostAccess();
  await resetDatabase();
  // The panel's tab shows a thread from Jane, copied to Tom.
  await recordTabPage(PANEL_TAB_ID, {
    url: THREAD_URL,
    reportedAt: 1,
    context: {
      site: 'gmail',
      kind: 'thread',
      participants: [
        { email: 'Jane.Cooper@Northwind-Trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
        { email: TOM, name: 'Tom Becker', role: 'cc', order: 0 },
        { email: 'alex.morgan@dealside-demo.com', role: 'self' },
      ],
    },
  });
});

describe('setting the roles of a person', () => {
  it('stores them in the usual order on a person first seen now, creates the account and tells open panels', async () => {
    const seen = changedAccounts();
    const before = Date.now();
    const stored = await sendMessage('setContactRoles', {
      accountKey: ACCOUNT,
      email: TOM,
      roles: ['champion', 'decision-maker'],
    });
    expect(stored).toMatchObject({
      email: TOM,
      accountKey: ACCOUNT,
      name: 'Tom Becker',
      roles: ['decision-maker', 'champion'],
      // Set from the panel on the page that shows him: that page is where he was last seen.
      lastSeenUrl: THREAD_URL,
    });
    expect(stored.lastSeenAt).toBeGreaterThanOrEqual(before);
    expect(await people()).toEqual([stored]);
    expect(await getAccount(await database(), ACCOUNT)).toBeDefined();
    expect(seen).toEqual([ACCOUNT]);
  });

  it('replaces the roles a person had, and an empty list leaves no roles at all', async () => {
    await sendMessage('setContactRoles', { accountKey: ACCOUNT, email: JANE, roles: ['user', 'blocker'] });
    await sendMessage('setContactRoles', { accountKey: ACCOUNT, email: JANE, roles: ['influencer'] });
    expect((await people())[0]?.roles).toEqual(['influencer']);

    const cleared = await sendMessage('setContactRoles', { accountKey: ACCOUNT, email: JANE, roles: [] });
    expect(cleared).not.toHaveProperty('roles');
    expect((await people())[0]).not.toHaveProperty('roles');
    // Name and page survive: only the roles changed.
    expect((await people())[0]).toMatchObject({ name: 'Jane Cooper', lastSeenUrl: THREAD_URL });
  });

  it('is accepted from an extension page too (the side panel), for a person not on any page', async () => {
    const stored = (await extensionPageMessenger.sendMessage('setContactRoles', {
      accountKey: ACCOUNT,
      email: 'sam.okafor@northwind-trading.com',
      roles: ['economic-buyer'],
    })) as ResultOf<'setContactRoles'>;
    expect(stored).toMatchObject({ email: 'sam.okafor@northwind-trading.com', roles: ['economic-buyer'] });
    expect(stored).not.toHaveProperty('lastSeenUrl');
  });
});

describe('refusals: each says what is wrong and writes nothing', () => {
  async function expectNothingWritten() {
    expect(await people()).toEqual([]);
    expect(await getAccount(await database(), ACCOUNT)).toBeUndefined();
  }

  it('refuses a role that is not one of the seven, by name', async () => {
    await expect(
      sendMessage('setContactRoles', {
        accountKey: ACCOUNT,
        email: JANE,
        roles: ['decision-maker', 'kingmaker' as never],
      }),
    ).rejects.toThrow(/roles\.1.*Unknown role "kingmaker": a role is one of decision-maker, economic-buyer/);
    await expectNothingWritten();
  });

  it('refuses a role listed twice', async () => {
    await expect(
      sendMessage('setContactRoles', { accountKey: ACCOUNT, email: JANE, roles: ['user', 'user'] }),
    ).rejects.toThrow(/listed twice/);
    await expectNothingWritten();
  });

  it('refuses something that is not an address', async () => {
    await expect(
      sendMessage('setContactRoles', { accountKey: ACCOUNT, email: 'jane at northwind', roles: ['user'] }),
    ).rejects.toThrow(/not an email address/);
    await expectNothingWritten();
  });

  it('refuses a person whose address is of another company', async () => {
    await expect(
      sendMessage('setContactRoles', {
        accountKey: ACCOUNT,
        email: 'klaus.richter@acme-robotics.de',
        roles: ['champion'],
      }),
    ).rejects.toThrow(/klaus.richter@acme-robotics.de is not one of the people of northwind-trading.com/);
    await expectNothingWritten();
  });

  it('refuses a person filed under another account, and leaves their roles as they were', async () => {
    await sendMessage('setContactRoles', {
      accountKey: 'acme-robotics.de',
      email: 'klaus.richter@acme-robotics.de',
      roles: ['champion'],
    });
    await expect(
      sendMessage('setContactRoles', {
        accountKey: ACCOUNT,
        email: 'klaus.richter@acme-robotics.de',
        roles: ['blocker'],
      }),
    ).rejects.toThrow(/belongs to the account acme-robotics.de/);
    const klaus = await listAccountContacts(await database(), 'acme-robotics.de');
    expect(klaus.map((person) => person.roles)).toEqual([['champion']]);
    await expectNothingWritten();
  });
});

describe('the stored row', () => {
  it('reads rows written before roles existed, and refuses unknown or repeated roles', () => {
    const row = { email: JANE, accountKey: ACCOUNT, createdAt: 1, updatedAt: 1 };
    expect(contactRecordSchema.safeParse(row).success).toBe(true);
    expect(contactRecordSchema.safeParse({ ...row, roles: ['champion', 'other'] }).success).toBe(true);
    expect(contactRecordSchema.safeParse({ ...row, roles: ['boss'] }).success).toBe(false);
    expect(contactRecordSchema.safeParse({ ...row, roles: ['user', 'user'] }).success).toBe(false);
    expect(contactRecordSchema.safeParse({ ...row, roles: 'champion' }).success).toBe(false);
  });
});
