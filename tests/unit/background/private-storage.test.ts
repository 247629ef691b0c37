/**
 * What a web page must not read or forge — settings (own addresses, aliases, custom hosts), the playbook
 * and the contacts picked per page — lives in the background's database, never in `storage.local`, which
 * Firefox opens to content scripts. Deleting data forgets the picks and what open tabs showed; a tab that
 * leaves its site is forgotten.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pickedContact, setPickedContact } from '../../../lib/background/contact-picks';
import { contentScriptGone } from '../../../lib/background/content-script-copies';
import { database } from '../../../lib/background/db-connection';
import {
  allTabPages,
  panelFrames,
  recordPanelFrame,
  recordTabPage,
  resetPageRegistryMemory,
  tabNavigated,
} from '../../../lib/background/page-registry';
import { readPlaybook, writePlaybook } from '../../../lib/background/playbook-store';
import { resetPrivateItemsMove } from '../../../lib/background/private-items-db';
import { readSettings, updateSettings } from '../../../lib/background/settings-store';
import { saveNoteEdit } from '../../../lib/db/notes';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { PageContext } from '../../../lib/messaging/messages';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { deleteAccountData, deleteAllData } = await import('../../../lib/background/handlers/options-data');
const { listReadFailures, recordReadFailure } = await import('../../../lib/background/read-failures');

const STORES = ['accounts', 'contacts', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ1';

function threadWith(...emails: string[]): PageContext {
  return {
    site: 'gmail',
    kind: 'thread',
    participants: emails.map((email, order) => ({ email, role: 'from' as const, order })),
  };
}

async function showInTab(tabId: number, url: string, ...emails: string[]): Promise<void> {
  await recordTabPage(tabId, { url, context: threadWith(...emails), reportedAt: tabId });
}

/** Everything `storage.local` holds, as one string to search. */
async function storageLocalText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

beforeEach(async () => {
  resetPageRegistryMemory();
  resetPrivateItemsMove();
  const db = await database();
  for (const store of [...STORES, 'privateItems'] as const) await db.clear(store);
});

describe('private items', () => {
  it('keep contact picks, own addresses, aliases, custom hosts and the playbook out of storage.local', async () => {
    await setPickedContact(THREAD, 'buyer@northwind-trading.com', 1000);
    await updateSettings((current) => ({
      ...current,
      language: 'zh-CN',
      ownEmails: ['rep@dealside-sales.example'],
      ownDomains: ['dealside-sales.example'],
      accountAliases: { 'northwind.co.uk': 'northwind-trading.com' },
      customSites: ['crm.contoso.example'],
    }));
    const playbook = createDefaultPlaybook();
    playbook.stages[0]!.name.en = 'Qualified lead (team process)';
    await writePlaybook(playbook);

    expect(await pickedContact(THREAD)).toBe('buyer@northwind-trading.com');
    expect((await readSettings()).accountAliases).toEqual({ 'northwind.co.uk': 'northwind-trading.com' });
    expect((await readPlaybook()).stages[0]!.name.en).toBe('Qualified lead (team process)');

    const local = await storageLocalText();
    for (const secret of [
      'northwind',
      'FMfcgzQ1',
      'rep@dealside-sales.example',
      'crm.contoso.example',
      'team process',
    ]) {
      expect(local).not.toContain(secret);
    }
    // Only the language stays where extension pages read it before rendering.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ uiLanguage: 'zh-CN' });
  });

  it('move out of storage.local at start-up: copied into the database, then deleted there', async () => {
    const playbook = createDefaultPlaybook();
    playbook.stages[0]!.name.en = 'From the old version';
    await fakeBrowser.storage.local.set({
      settings: { language: 'zh-CN', ownEmails: ['rep@dealside-sales.example'] },
      settings$: { v: 1 },
      playbook,
      contactPicks: { [THREAD]: { email: 'buyer@northwind-trading.com', at: 5 } },
      frameLayoutBySite: { gmail: { collapsed: true } },
    });

    expect((await readSettings()).ownEmails).toEqual(['rep@dealside-sales.example']);
    expect(await pickedContact(THREAD)).toBe('buyer@northwind-trading.com');
    expect((await readPlaybook()).stages[0]!.name.en).toBe('From the old version');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      frameLayoutBySite: { gmail: { collapsed: true } },
      uiLanguage: 'zh-CN',
    });
  });

  it('a move repeated after a crash keeps what the database already has', async () => {
    await setPickedContact(THREAD, 'newer@northwind-trading.com', 2000);
    // As if the previous start copied the picks, the rep picked again, and the deletion never happened.
    await fakeBrowser.storage.local.set({
      contactPicks: { [THREAD]: { email: 'older@northwind-trading.com', at: 1 } },
    });
    resetPrivateItemsMove();
    expect(await pickedContact(THREAD)).toBe('newer@northwind-trading.com');
    expect(await fakeBrowser.storage.local.get('contactPicks')).toEqual({});
  });

  it('a damaged value an older version left is logged and removed, not carried over', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      playbook: { format: 'not a playbook' },
      playbook$: { v: 1 },
      contactPicks: { [THREAD]: { email: 'buyer@northwind-trading.com', at: 5 } },
    });

    expect(await readPlaybook()).toBe(DEFAULT_PLAYBOOK);
    expect(await pickedContact(THREAD)).toBe('buyer@northwind-trading.com');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await (await database()).get('privateItems', 'playbook')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('storage.local "playbook" is damaged'),
      expect.anything(),
    );
  });

  it('the default playbook is the default object until the rep stores one', async () => {
    expect(await readPlaybook()).toBe(DEFAULT_PLAYBOOK);
  });
});

describe('deleting data', () => {
  it('"delete everything" forgets the contacts picked per page and what every open tab showed', async () => {
    const db = await database();
    await saveNoteEdit(
      db,
      {
        id: 'n1',
        accountKey: 'northwind-trading.com',
        kind: 'note',
        body: 'Budget in Q3',
        baseRevision: null,
      },
      1000,
      () => 'n1',
    );
    await setPickedContact(THREAD, 'buyer@northwind-trading.com', 1000);
    await showInTab(3, THREAD, 'buyer@northwind-trading.com');
    await showInTab(4, 'https://mail.google.com/mail/u/0/#inbox/other', 'cfo@contoso.example');
    const unread = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0';
    await recordReadFailure(unread, {
      site: 'outlook',
      kind: 'unknown',
      participants: [],
      reason: 'no-message-header',
    });
    expect(await listReadFailures()).toHaveLength(1);

    await deleteAllData();

    expect(await listReadFailures()).toEqual([]);
    expect(await pickedContact(THREAD)).toBeUndefined();
    expect(await db.count('notes')).toBe(0);
    expect((await allTabPages()).size).toBe(0);
    resetPageRegistryMemory();
    expect((await allTabPages()).size).toBe(0);
  });

  it('"delete account" forgets its picks and the tabs showing its people, and nothing of others', async () => {
    const other = 'https://mail.google.com/mail/u/0/#inbox/contoso';
    await setPickedContact(THREAD, 'buyer@northwind-trading.com', 1000);
    await setPickedContact(other, 'cfo@contoso.example', 1000);
    await showInTab(3, THREAD, 'buyer@northwind-trading.com');
    await showInTab(4, other, 'cfo@contoso.example');

    await deleteAccountData({ accountKey: 'northwind-trading.com' });

    expect(await pickedContact(THREAD)).toBeUndefined();
    expect(await pickedContact(other)).toBe('cfo@contoso.example');
    expect([...(await allTabPages()).keys()]).toEqual([4]);
  });
});

describe('tabs that navigate', () => {
  it('are forgotten when they leave the site they reported from, kept while they stay on it', async () => {
    await showInTab(3, THREAD, 'buyer@northwind-trading.com');
    await recordPanelFrame(3, 12);
    expect(await tabNavigated(3, 'https://mail.google.com/mail/u/0/#inbox/another')).toBe(false);
    expect((await allTabPages()).has(3)).toBe(true);

    // No address: Chromium names none for in-app navigations of our own sites without the tabs
    // permission, so nothing is decided on it (the content script's port tells when the page went).
    expect(await tabNavigated(3, undefined)).toBe(false);
    expect((await allTabPages()).has(3)).toBe(true);

    await contentScriptGone(3);
    expect((await allTabPages()).has(3)).toBe(false);
    expect((await panelFrames()).has(3)).toBe(false);

    await showInTab(5, THREAD, 'buyer@northwind-trading.com');
    expect(await tabNavigated(5, 'https://attacker.example/mail.google.com')).toBe(true);
    expect((await allTabPages()).has(5)).toBe(false);
  });
});
