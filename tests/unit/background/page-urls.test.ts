/**
 * Page URLs as the background keeps them: taken from the browser (never from a page's report), bounded
 * so no URL can fail a save, and made a contact's "last seen" page only when the rep acts there.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '../../../lib/messaging/messages';

type Listener = (message: { data: unknown; sender: unknown }) => unknown;
const registered = vi.hoisted(() => new Map<string, Listener>());
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: (type: string, listener: Listener) => {
    registered.set(type, listener);
    return () => registered.delete(type);
  },
}));

const { registerHandlers } = await import('../../../lib/background/router');
const { handlers } = await import('../../../lib/background/handlers');
const { saveNote } = await import('../../../lib/background/handlers/panel-writes');
const { setStage } = await import('../../../lib/background/handlers/panel-writes');
const { addFollowUpFor } = await import('../../../lib/background/handlers/panel-writes');
const { pickContact } = await import('../../../lib/background/handlers/panel');
const { saveDraftOfClosedPanel } = await import('../../../lib/background/note-drafts');
const { database } = await import('../../../lib/background/db-connection');
const { forgetTab, recordTabPage, tabPage } = await import('../../../lib/background/page-registry');
const { PAGE_URL_MAX_LENGTH } = await import('../../../lib/limits');

registerHandlers(handlers);

const TAB = 7;
const ACCOUNT = 'northwind-trading.com';
const BUYER = 'li.wei@northwind-trading.com';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxVqWfJ';
const thread: PageContext = {
  site: 'gmail',
  kind: 'thread',
  participants: [{ email: BUYER, name: 'Li Wei', role: 'from' }],
};

/** A URL of exactly `length` characters on the thread's page. */
const longUrl = (length: number) => `${THREAD}?q=`.padEnd(length, 'x');

/** The content script's report, as the browser delivers it: the tab's URL is the browser's. */
function report(context: PageContext, tabUrl: string, claimedUrl = tabUrl): Promise<unknown> {
  const sender = {
    id: fakeBrowser.runtime.id,
    // What Chromium gives as `sender.url`: the URL the document loaded with.
    url: 'https://mail.google.com/mail/u/0/#inbox',
    tab: { id: TAB, url: tabUrl },
    frameId: 0,
  };
  return Promise.resolve(registered.get('reportPage')!({ data: { url: claimedUrl, context }, sender }));
}

async function contactRow() {
  return (await database()).get('contacts', BUYER);
}

/** The rep's four writes about the buyer from the panel docked in the tab, the last when it closes. */
async function writeEverything(): Promise<void> {
  const change = { accountKey: ACCOUNT, contactEmail: BUYER };
  await saveNote(
    { ...change, id: 'n1', kind: 'note', body: 'Pilot at three sites', baseRevision: null },
    TAB,
  );
  await setStage({ ...change, stageId: 'discovery', locale: 'en' }, Date.now(), TAB);
  await addFollowUpFor({ ...change, title: 'Send the pilot plan', due: Date.now() + 86_400_000 }, TAB);
  await saveDraftOfClosedPanel(
    { draft: { ...change, id: 'n2', kind: 'note', body: 'Typed as the tab closed', baseRevision: null } },
    TAB,
  );
}

async function expectEverythingSaved(): Promise<void> {
  const db = await database();
  expect((await db.getAll('notes')).map((note) => note.body).sort()).toEqual([
    'Pilot at three sites',
    'Typed as the tab closed',
  ]);
  const deals = await db.getAllFromIndex('deals', 'by-account', ACCOUNT);
  expect(deals.map((deal) => deal.stageId)).toEqual(['discovery']);
  expect((await db.getAll('followUps')).map((followUp) => followUp.title)).toContain('Send the pilot plan');
}

beforeEach(async () => {
  const db = await database();
  for (const store of ['accounts', 'contacts', 'deals', 'notes', 'followUps', 'stageEvents'] as const)
    await db.clear(store);
  await forgetTab(TAB);
});

describe('a long page URL', () => {
  it('fails no write, and is kept as the contact’s page while it fits', async () => {
    const url = longUrl(3_000);
    await report(thread, url);
    await writeEverything();
    await expectEverythingSaved();
    expect((await contactRow())?.lastSeenUrl).toBe(url);
  });

  it('of 5,000 characters fails no write either: the link is dropped, never cut', async () => {
    const url = longUrl(5_000);
    await report(thread, url);
    // The tab's page is still told apart from others, by the URL cut at the limit.
    expect((await tabPage(TAB))?.url).toBe(url.slice(0, PAGE_URL_MAX_LENGTH));
    await writeEverything();
    await expectEverythingSaved();
    expect(await contactRow()).toMatchObject({ email: BUYER });
    expect((await contactRow())?.lastSeenUrl).toBeUndefined();
  });

  it('held for a tab however it got there fails no write', async () => {
    await recordTabPage(TAB, { url: longUrl(5_000), context: thread, reportedAt: Date.now() });
    await writeEverything();
    await expectEverythingSaved();
    expect((await contactRow())?.lastSeenUrl).toBeUndefined();
  });
});

describe('where a contact was last seen', () => {
  const known = { email: BUYER, accountKey: ACCOUNT, lastSeenUrl: THREAD, createdAt: 1, updatedAt: 1 };
  const tenant = 'https://app.hubspot.com/contacts/66600666/record/0-1/4242';
  const tenantPage: PageContext = {
    site: 'hubspot',
    kind: 'record',
    participants: [{ email: BUYER, role: 'record' }],
  };

  it('is the browser’s URL for the tab, never the one the page claims', async () => {
    await report(thread, THREAD, 'https://phish.example/login');
    expect((await tabPage(TAB))?.url).toBe(THREAD);
  });

  it('does not move to a page that merely shows the contact', async () => {
    await (await database()).put('contacts', known);
    await report(tenantPage, tenant);
    await vi.waitFor(async () => expect((await tabPage(TAB))?.url).toBe(tenant));
    // Give a late write every chance to land before looking.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await contactRow())?.lastSeenUrl).toBe(THREAD);
  });

  it('moves to the page where the rep writes about the contact', async () => {
    await (await database()).put('contacts', known);
    await report(tenantPage, tenant);
    await saveNote(
      {
        id: 'n1',
        accountKey: ACCOUNT,
        contactEmail: BUYER,
        kind: 'note',
        body: 'Met at the fair',
        baseRevision: null,
      },
      TAB,
    );
    expect((await contactRow())?.lastSeenUrl).toBe(tenant);
  });

  it('moves to the page where the rep picks the contact, when the page shows them', async () => {
    await (await database()).put('contacts', known);
    await report(tenantPage, tenant);
    expect(await pickContact({ email: BUYER }, TAB)).toEqual({ ok: true });
    expect((await contactRow())?.lastSeenUrl).toBe(tenant);

    await report({ ...tenantPage, participants: [] }, `${tenant}/other`);
    expect(await pickContact({ email: BUYER }, TAB)).toEqual({ ok: true });
    expect((await contactRow())?.lastSeenUrl).toBe(tenant);
  });
});
