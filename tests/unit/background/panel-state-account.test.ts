/**
 * The panel's state on pages whose account comes without a person: a company record keyed by its
 * website, and a page the rep attached to an account by hand (remembered per page, one manual choice at
 * a time, with a way back to automatic detection).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { attachedAccount, pickedContact } from '../../../lib/background/contact-picks';
import { database } from '../../../lib/background/db-connection';
import { recordTabPage, resetPageRegistryMemory } from '../../../lib/background/page-registry';
import { panelStateForTab } from '../../../lib/background/panel-state';
import { updateSettings } from '../../../lib/background/settings-store';
import type { PageContext } from '../../../lib/messaging/messages';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { attachAccount } = await import('../../../lib/background/handlers/panel');
const { pickContact } = await import('../../../lib/background/handlers/panel');

const TAB = 3;
const STORES = ['accounts', 'contacts', 'deals', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;
const OPPORTUNITY_URL = 'https://harbour.lightning.force.com/lightning/r/Opportunity/006Hx/view';
const INBOX_URL = 'https://outlook.office.com/mail/inbox';

async function showPage(url: string, context: PageContext) {
  await recordTabPage(TAB, { url, context, reportedAt: 1 });
}

async function seedAccount(key: string, displayName?: string) {
  const db = await database();
  await db.put('accounts', {
    key,
    ...(displayName ? { displayName } : {}),
    createdAt: 1,
    updatedAt: 1,
  });
}

const unreadable: PageContext = {
  site: 'outlook',
  kind: 'unknown',
  participants: [
    { email: 'jane@contoso.com', role: 'to' },
    { email: 'news@harbour-foods.co.uk', role: 'from' },
  ],
  reason: 'no-message-header',
};

beforeEach(async () => {
  resetPageRegistryMemory();
  const db = await database();
  for (const store of STORES) await db.clear(store);
  await db.clear('privateItems');
});

describe('a company or deal record keyed by its website', () => {
  it('shows the account without a contact, with its notes', async () => {
    await showPage(OPPORTUNITY_URL, {
      site: 'salesforce',
      kind: 'record',
      participants: [],
      title: 'Harbour Foods: cold-chain pilot',
      website: 'https://www.harbour-foods.co.uk/',
    });
    const state = await panelStateForTab(TAB);
    expect(state.contact).toBeNull();
    expect(state.account).toMatchObject({
      key: 'harbour-foods.co.uk',
      displayKey: 'harbour-foods.co.uk',
      source: 'website',
    });
    expect(state.page).toMatchObject({ site: 'salesforce', siteName: 'Salesforce', kind: 'record' });
    expect(state.accountAttached).toBe(false);
  });

  it('has the contact at the website domain when the record names people too', async () => {
    await showPage(OPPORTUNITY_URL, {
      site: 'salesforce',
      kind: 'record',
      participants: [
        { email: 'owner.harbour@gmail.com', role: 'record' },
        { email: 'priya@harbour-foods.co.uk', name: 'Priya Shah', role: 'record' },
      ],
      website: 'harbour-foods.co.uk',
    });
    const state = await panelStateForTab(TAB);
    expect(state.account?.key).toBe('harbour-foods.co.uk');
    expect(state.contact).toEqual({
      email: 'priya@harbour-foods.co.uk',
      name: 'Priya Shah',
      accountKey: 'harbour-foods.co.uk',
    });
    expect(state.others.map((person) => person.email)).toEqual(['owner.harbour@gmail.com']);
  });
});

describe('the "could not tell" state', () => {
  it("says the site, the reason code and the page's addresses", async () => {
    await showPage(INBOX_URL, unreadable);
    const state = await panelStateForTab(TAB);
    expect(state.account).toBeNull();
    expect(state.contact).toBeNull();
    expect(state.page).toMatchObject({ site: 'outlook', siteName: 'Outlook', reason: 'no-message-header' });
    // Senders before recipients, as everywhere.
    expect(state.others.map((person) => person.email)).toEqual([
      'news@harbour-foods.co.uk',
      'jane@contoso.com',
    ]);
  });

  it('names a custom site by its host', async () => {
    await showPage('https://crm.example-tools.io/people/7', {
      site: 'generic',
      kind: 'unknown',
      participants: [],
      reason: 'no-addresses',
    });
    expect((await panelStateForTab(TAB)).page?.siteName).toBe('crm.example-tools.io');
  });
});

describe('attaching a page to an account', () => {
  it('shows the attached account on that page, and only that page', async () => {
    await seedAccount('northwind-trading.com', 'Northwind Trading');
    await showPage(INBOX_URL, unreadable);
    expect(await attachAccount({ accountKey: 'Northwind-Trading.com' }, TAB, 10)).toEqual({ ok: true });
    expect(await attachedAccount(INBOX_URL)).toBe('northwind-trading.com');

    const state = await panelStateForTab(TAB);
    expect(state.account).toMatchObject({ key: 'northwind-trading.com', source: 'attached' });
    expect(state.account?.record?.displayName).toBe('Northwind Trading');
    expect(state.accountAttached).toBe(true);
    expect(state.contact).toBeNull();
    // The page's addresses stay on offer.
    expect(state.others).toHaveLength(2);

    await showPage('https://outlook.office.com/mail/sentitems', unreadable);
    expect((await panelStateForTab(TAB)).account).toBeNull();
  });

  it('keeps the detected contact when they belong to the attached account', async () => {
    await seedAccount('contoso.com');
    const url = 'https://mail.google.com/mail/u/0/#inbox/abc';
    await showPage(url, {
      site: 'gmail',
      kind: 'thread',
      participants: [{ email: 'jane@contoso.com', role: 'from', order: 0 }],
    });
    await attachAccount({ accountKey: 'contoso.com' }, TAB, 10);
    const state = await panelStateForTab(TAB);
    expect(state.contact?.email).toBe('jane@contoso.com');
    expect(state.account?.source).toBe('attached');
  });

  it('refuses an account that does not exist, and a tab with no page, changing nothing', async () => {
    await showPage(INBOX_URL, unreadable);
    expect(await attachAccount({ accountKey: 'nobody-here.com' }, TAB, 10)).toEqual({
      ok: false,
      reason: 'unknown-account',
    });
    expect(await attachAccount({ accountKey: 'nobody-here.com' }, 99, 10)).toEqual({
      ok: false,
      reason: 'no-page',
    });
    expect(await attachedAccount(INBOX_URL)).toBeUndefined();
  });

  it('follows a merge of the attached account, and ignores one deleted since', async () => {
    await seedAccount('northwind.co.uk');
    await seedAccount('northwind-trading.com');
    await showPage(INBOX_URL, unreadable);
    await attachAccount({ accountKey: 'northwind.co.uk' }, TAB, 10);
    await updateSettings((settings) => ({
      ...settings,
      accountAliases: { 'northwind.co.uk': 'northwind-trading.com' },
    }));
    expect((await panelStateForTab(TAB)).account?.key).toBe('northwind-trading.com');

    await (await database()).delete('accounts', 'northwind-trading.com');
    const state = await panelStateForTab(TAB);
    expect(state.account).toBeNull();
    expect(state.page?.reason).toBe('no-message-header');
  });

  it('is one manual choice per page: a pick replaces it, attaching replaces a pick, null returns to automatic', async () => {
    await seedAccount('northwind-trading.com');
    await showPage(INBOX_URL, unreadable);

    await attachAccount({ accountKey: 'northwind-trading.com' }, TAB, 10);
    expect(await pickContact({ email: 'jane@contoso.com' }, TAB)).toEqual({ ok: true });
    expect(await attachedAccount(INBOX_URL)).toBeUndefined();
    let state = await panelStateForTab(TAB);
    expect(state).toMatchObject({ contactPicked: true, accountAttached: false });
    expect(state.account?.key).toBe('contoso.com');

    await attachAccount({ accountKey: 'northwind-trading.com' }, TAB, 20);
    expect(await pickedContact(INBOX_URL)).toBeUndefined();
    state = await panelStateForTab(TAB);
    expect(state).toMatchObject({ contactPicked: false, accountAttached: true, contact: null });

    expect(await attachAccount({ accountKey: null }, TAB, 30)).toEqual({ ok: true });
    state = await panelStateForTab(TAB);
    expect(state).toMatchObject({ account: null, contactPicked: false, accountAttached: false });
  });
});
