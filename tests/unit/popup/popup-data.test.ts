import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { openFollowUp } from '../../../lib/background/open-follow-up';
import { recordTabPage, resetPageRegistryMemory } from '../../../lib/background/page-registry';
import { popupFollowUps, POPUP_SECTION_LIMIT } from '../../../lib/background/popup-follow-ups';
import { tabContacts } from '../../../lib/background/tab-contacts';
import { recordContactSeen, updateAccount } from '../../../lib/db/accounts';
import { deleteAccountWithData } from '../../../lib/db/delete-account';
import { addFollowUp } from '../../../lib/db/follow-ups';
import type { PageContext } from '../../../lib/messaging/messages';
import { local } from '../reminders/time-zone';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const NORTHWIND = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
const jane = { email: JANE, name: 'Jane Cooper', accountKey: NORTHWIND };
const STORES = ['accounts', 'contacts', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;
const NOW = local(2025, 6, 12, 12);
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
let ids = 0;

const threadWithJane: PageContext = {
  site: 'gmail',
  kind: 'thread',
  participants: [
    { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    { email: JANE, name: 'Jane Cooper', role: 'from', order: 0 },
  ],
};

/** `person: null` for a follow-up about the account, no one in particular. */
async function seed(title: string, due: number, person: typeof jane | null = jane, accountKey = NORTHWIND) {
  return addFollowUp(
    await database(),
    { accountKey, title, due, ...(person ? { person } : {}) },
    NOW - 1000,
    `f-${++ids}`,
  );
}

beforeEach(async () => {
  resetPageRegistryMemory();
  const db = await database();
  for (const store of STORES) await db.clear(store);
});

describe('popupFollowUps', () => {
  it('splits overdue, today and the next 7 days, with the account name and the contact name', async () => {
    await updateAccount(await database(), NORTHWIND, NOW, (account) => ({
      ...account,
      displayName: 'Northwind Trading',
    }));
    await seed('overdue', NOW - 1);
    await seed('today', NOW);
    await seed('tonight', local(2025, 6, 12, 23, 59));
    await seed('tomorrow', local(2025, 6, 13, 0));
    await seed('in a week', local(2025, 6, 19, 23, 59));
    await seed('too far', local(2025, 6, 20, 0));
    await seed('about no one', NOW + 5, null, 'contoso.com');

    const lists = await popupFollowUps(await database(), NOW);
    const names = (section: { rows: { title: string }[] }) => section.rows.map((row) => row.title);
    expect(names(lists.overdue)).toEqual(['overdue']);
    expect(names(lists.today)).toEqual(['today', 'about no one', 'tonight']);
    expect(names(lists.week)).toEqual(['tomorrow', 'in a week']);
    expect(lists.today.rows[0]).toMatchObject({
      accountLabel: 'Northwind Trading',
      contactEmail: JANE,
      contactName: 'Jane Cooper',
      fromCadence: false,
    });
    expect(lists.today.rows[1]).toMatchObject({ accountLabel: 'contoso.com' });
    expect(lists.today.rows[1]).not.toHaveProperty('contactEmail');
  });

  it('cuts a long section and says how many there are', async () => {
    const db = await database();
    const tx = db.transaction('followUps', 'readwrite');
    for (let index = 0; index < POPUP_SECTION_LIMIT + 25; index++) {
      void tx.store.put({
        id: `bulk-${index}`,
        accountKey: NORTHWIND,
        title: `overdue ${index}`,
        due: NOW - 1000 - index,
        status: 'open',
        source: 'manual',
        createdAt: 1,
        updatedAt: 1,
      });
    }
    await tx.done;
    const lists = await popupFollowUps(db, NOW);
    expect(lists.overdue.rows).toHaveLength(POPUP_SECTION_LIMIT);
    expect(lists.overdue.total).toBe(POPUP_SECTION_LIMIT + 25);
  });

  it("a deleted account's follow-ups leave the lists with it", async () => {
    await seed('today', NOW + 10);
    await deleteAccountWithData(await database(), NORTHWIND);
    const lists = await popupFollowUps(await database(), NOW);
    expect(lists.today.total).toBe(0);
  });

  it('takes a contact name the database lacks from a page showing them', async () => {
    const tab = await fakeBrowser.tabs.create({ url: THREAD });
    await recordTabPage(tab.id!, { url: THREAD, context: threadWithJane, reportedAt: NOW });
    await seed('today', NOW + 10, { email: JANE, accountKey: NORTHWIND } as typeof jane);
    const lists = await popupFollowUps(await database(), NOW, await tabContacts());
    expect(lists.today.rows[0]).toMatchObject({ contactEmail: JANE, contactName: 'Jane Cooper' });
  });

  it('names the tab already showing the contact', async () => {
    const tab = await fakeBrowser.tabs.create({ url: THREAD });
    await recordTabPage(tab.id!, { url: THREAD, context: threadWithJane, reportedAt: NOW });
    await seed('today', NOW + 10);
    await seed('about an unnamed contact', NOW + 20, {
      email: 'sam@northwind-trading.com',
      accountKey: NORTHWIND,
    } as typeof jane);
    const lists = await popupFollowUps(await database(), NOW, await tabContacts());
    expect(lists.today.rows[0]?.tabId).toBe(tab.id);
    expect(lists.today.rows[1]).not.toHaveProperty('tabId');
  });
});

describe('openFollowUp', () => {
  it('focuses a tab already showing the contact', async () => {
    const followUp = await seed('today', NOW + 10);
    const tab = await fakeBrowser.tabs.create({ url: THREAD });
    await recordTabPage(tab.id!, { url: THREAD, context: threadWithJane, reportedAt: NOW });
    expect(await openFollowUp(followUp.id)).toEqual({ opened: 'tab', tabId: tab.id });
    expect((await fakeBrowser.tabs.query({})).length).toBe(2); // the default tab and the thread: none new
  });

  it('skips a tab that has closed since it reported, and opens where the contact was last seen', async () => {
    const followUp = await seed('today', NOW + 10);
    await recordTabPage(999, { url: THREAD, context: threadWithJane, reportedAt: NOW });
    await recordContactSeen(await database(), JANE, THREAD, NOW);
    const result = await openFollowUp(followUp.id);
    expect(result).toMatchObject({ opened: 'last-seen-page' });
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(THREAD);
  });

  it('writes a new mail when the contact was never seen on a page', async () => {
    const followUp = await seed('today', NOW + 10);
    expect(await openFollowUp(followUp.id)).toMatchObject({ opened: 'new-mail' });
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(`mailto:${JANE}`);
  });

  it('says so when there is nobody to open or no such follow-up', async () => {
    const solo = await seed('about no one', NOW + 10, null, 'contoso.com');
    expect(await openFollowUp(solo.id)).toEqual({ opened: 'nothing', reason: 'no-contact' });
    expect(await openFollowUp('gone')).toEqual({ opened: 'nothing', reason: 'missing' });
  });
});
