import { beforeEach, describe, expect, it, vi } from 'vitest';
import { syncCustomSiteScripts } from '../../../lib/background/custom-site-scripts';
import { database } from '../../../lib/background/db-connection';
import { recordTabPage, resetPageRegistryMemory, tabPage } from '../../../lib/background/page-registry';
import { panelStateForTab } from '../../../lib/background/panel-state';
import { readPlaybook } from '../../../lib/background/playbook-store';
import { readSettings, updateSettings } from '../../../lib/background/settings-store';
import { changeDealStage, listAccountDeals } from '../../../lib/db/deals';
import { listNotes, saveNoteEdit } from '../../../lib/db/notes';
import { messages } from '../../../lib/messaging/messages';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { PageContext } from '../../../lib/messaging/messages';
import { installFakeHostAccess, type FakeHostAccess } from '../support/fake-host-access';
import { inProcessMessenger } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { savePlaybook } = await import('../../../lib/background/handlers/options-playbook');
const { addCustomSite, mergeAccounts, removeCustomSite, saveSettings, settingsView } =
  await import('../../../lib/background/handlers/options-settings');

const STORES = ['accounts', 'contacts', 'deals', 'notes', 'followUps', 'stageEvents', 'questionLog'] as const;
let ids = 0;
const newId = () => `id-${++ids}`;

/** Events the background broadcast to pages during a test, by type. */
function listen(...types: string[]) {
  const seen: { type: string; data: unknown }[] = [];
  for (const type of types) inProcessMessenger.onMessage(type, ({ data }) => void seen.push({ type, data }));
  return seen;
}

let hostAccess: FakeHostAccess;
beforeEach(async () => {
  resetPageRegistryMemory();
  hostAccess = installFakeHostAccess();
  const db = await database();
  for (const store of STORES) await db.clear(store);
  await db.clear('privateItems');
});

describe('saving the playbook', () => {
  it('refuses an invalid playbook with every problem and where it is, and stores nothing', async () => {
    const playbook = createDefaultPlaybook();
    playbook.stages[0]!.name.en = '';
    playbook.cadences[0]!.steps[0]!.offsetDays = 1.5;
    const result = await savePlaybook({ playbook, stageMoves: [] });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok || result.reason !== 'invalid') return;
    expect(result.errors.map((error) => error.path)).toEqual([
      'stages[0].name.en',
      'cadences[0].steps[0].offsetDays',
    ]);
    expect(await readPlaybook()).toEqual(DEFAULT_PLAYBOOK);
  });

  it('stores a valid playbook, moves the deals of a removed stage and tells open pages', async () => {
    const db = await database();
    await changeDealStage(db, { accountKey: 'a.com', stageId: 'discovery', proposals: [] }, 1000, newId);
    await changeDealStage(db, { accountKey: 'b.com', stageId: 'solution', proposals: [] }, 1000, newId);
    const seen = listen('playbookChanged', 'dataChanged');
    const playbook = createDefaultPlaybook();
    playbook.stages = playbook.stages.filter((stage) => stage.id !== 'discovery');
    playbook.cadences = playbook.cadences.filter((cadence) => cadence.stageId !== 'discovery');
    playbook.questions = playbook.questions.map((question) => ({
      ...question,
      stages: question.stages.includes('discovery')
        ? [...new Set(question.stages.map((id) => (id === 'discovery' ? 'lead' : id)))]
        : question.stages,
    }));

    expect(await savePlaybook({ playbook, stageMoves: [{ from: 'discovery', to: 'lead' }] }, 5000)).toEqual({
      ok: true,
      movedDeals: 1,
    });
    expect((await readPlaybook()).stages.map((stage) => stage.id)).not.toContain('discovery');
    const [dealA] = await listAccountDeals(db, 'a.com');
    expect(dealA?.stageId).toBe('lead');
    expect((await listAccountDeals(db, 'b.com')).map((deal) => deal.stageId)).toEqual(['solution']);
    const events = (await db.getAllFromIndex('stageEvents', 'by-account', 'a.com')).sort(
      (x, y) => x.at - y.at,
    );
    expect(events.at(-1)).toMatchObject({ dealId: dealA?.id, from: 'discovery', to: 'lead', at: 5000 });
    expect(seen).toEqual([
      { type: 'playbookChanged', data: {} },
      { type: 'dataChanged', data: { accountKeys: ['a.com'] } },
    ]);
  });

  it('never orphans deals: a removed stage that holds some needs a home', async () => {
    const db = await database();
    await changeDealStage(db, { accountKey: 'a.com', stageId: 'negotiation', proposals: [] }, 1000, newId);
    const playbook = createDefaultPlaybook();
    playbook.stages = playbook.stages.filter((stage) => !['negotiation', 'after-sales'].includes(stage.id));
    playbook.cadences = playbook.cadences.filter((cadence) =>
      playbook.stages.some((s) => s.id === cadence.stageId),
    );
    playbook.questions = playbook.questions
      .map((question) => ({
        ...question,
        stages: question.stages.filter((id) => playbook.stages.some((s) => s.id === id)),
      }))
      .filter((question) => question.stages.length > 0);

    // After-sales holds nobody; negotiation holds a.com.
    expect(await savePlaybook({ playbook, stageMoves: [] })).toEqual({
      ok: false,
      reason: 'stages-need-a-home',
      stageIds: ['negotiation'],
    });
    expect(await readPlaybook()).toEqual(DEFAULT_PLAYBOOK);
    expect(await savePlaybook({ playbook, stageMoves: [{ from: 'lead', to: 'solution' }] })).toEqual({
      ok: false,
      reason: 'invalid-moves',
      stageIds: ['lead'],
    });
    expect(await savePlaybook({ playbook, stageMoves: [{ from: 'negotiation', to: 'solution' }] })).toEqual({
      ok: true,
      movedDeals: 1,
    });
    expect((await listAccountDeals(db, 'a.com')).map((deal) => deal.stageId)).toEqual(['solution']);
  });

  it('bounds what a page may send', () => {
    const moves = Array.from({ length: 100 }, () => ({ from: 'a', to: 'b' }));
    expect(messages.savePlaybook.request.safeParse({ playbook: {}, stageMoves: moves }).success).toBe(false);
    expect(
      messages.savePlaybook.request.safeParse({ playbook: { huge: 'x'.repeat(5_000_001) }, stageMoves: [] })
        .success,
    ).toBe(false);
  });
});

describe('settings', () => {
  it('stores addresses and domains normalised, and refuses what is not one', async () => {
    const view = await saveSettings({
      ownEmails: ['Alex.Morgan@Dealside-Demo.com', 'alex.morgan@dealside-demo.com'],
      ownDomains: ['@Dealside-Group.com'],
      disabledSites: ['outlook', 'no-such-site'],
    });
    expect(view.settings).toMatchObject({
      ownEmails: ['alex.morgan@dealside-demo.com'],
      ownDomains: ['dealside-group.com'],
      disabledSites: ['outlook'],
    });
    expect(view.sites.map((site) => site.id)).toContain('gmail');
    expect(messages.saveSettings.request.safeParse({ ownEmails: ['not an address'] }).success).toBe(false);
    expect(messages.saveSettings.request.safeParse({ ownDomains: ['gmail.com'] }).success).toBe(false);
    expect(
      messages.saveSettings.request.safeParse({ quietHours: { enabled: true, start: '7pm', end: '08:00' } })
        .success,
    ).toBe(false);
    expect(messages.saveSettings.request.safeParse({ language: 'fr' }).success).toBe(false);
  });

  it('keeps both of two changes saved at once', async () => {
    await Promise.all([
      saveSettings({ ownEmails: ['a@dealside-demo.com'] }),
      saveSettings({ remindersEnabled: false }),
    ]);
    expect(await readSettings()).toMatchObject({
      ownEmails: ['a@dealside-demo.com'],
      remindersEnabled: false,
    });
  });

  it('makes a colleague at an own domain never the contact, and tells open panels', async () => {
    const thread: PageContext = {
      site: 'gmail',
      kind: 'thread',
      participants: [
        { email: 'alex.morgan@dealside-demo.com', role: 'self' },
        { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
        { email: 'sam.lee@dealside-group.com', name: 'Sam Lee', role: 'from', order: 1 },
      ],
    };
    await recordTabPage(3, {
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
      context: thread,
      reportedAt: 1,
    });
    expect((await panelStateForTab(3)).contact?.email).toBe('sam.lee@dealside-group.com');
    const seen = listen('pageChanged');
    await saveSettings({ ownDomains: ['dealside-group.com'] });
    const state = await panelStateForTab(3);
    expect(state.contact?.email).toBe('jane.cooper@northwind-trading.com');
    expect(state.others.map((person) => person.email)).not.toContain('sam.lee@dealside-group.com');
    expect(seen).toEqual([{ type: 'pageChanged', data: { tabId: 3 } }]);
  });

  it('hides the panel at once in open tabs of a site switched off, and forgets their pages', async () => {
    const context: PageContext = { site: 'gmail', kind: 'list', participants: [] };
    await recordTabPage(4, {
      url: 'https://mail.google.com/mail/u/0/#inbox',
      context,
      reportedAt: 1,
    });
    await recordTabPage(5, {
      url: 'https://outlook.office.com/mail/',
      context: { ...context, site: 'outlook' },
      reportedAt: 1,
    });
    const seen = listen('applyFrameLayout');
    await saveSettings({ disabledSites: ['gmail'] });
    expect(seen).toEqual([{ type: 'applyFrameLayout', data: { collapsed: true, hidden: true } }]);
    expect(await tabPage(4)).toBeUndefined();
    expect(await tabPage(5)).toBeDefined();
  });
});

describe('merging accounts', () => {
  it('moves the rows, adds the alias, and panels then file the old domain under the new one', async () => {
    const db = await database();
    await saveNoteEdit(
      db,
      {
        id: 'n1',
        accountKey: 'contoso-industrial.co.uk',
        kind: 'note',
        body: 'Quote sent',
        baseRevision: null,
      },
      1000,
      newId,
    );
    const result = await mergeAccounts(
      { from: 'www.contoso-industrial.co.uk', into: 'Contoso-Industrial.com' },
      2000,
    );
    expect(result).toMatchObject({
      ok: true,
      from: 'contoso-industrial.co.uk',
      into: 'contoso-industrial.com',
      moved: { notes: 1, account: true },
    });
    expect((await readSettings()).accountAliases).toEqual({
      'contoso-industrial.co.uk': 'contoso-industrial.com',
    });
    expect((await listNotes(db, 'contoso-industrial.com')).map((note) => note.body)).toEqual(['Quote sent']);

    await recordTabPage(6, {
      url: 'https://mail.google.com/mail/u/0/#inbox/y',
      context: {
        site: 'gmail',
        kind: 'thread',
        participants: [{ email: 'oliver.grant@contoso-industrial.co.uk', role: 'from', order: 0 }],
      },
      reportedAt: 1,
    });
    const state = await panelStateForTab(6);
    expect(state.account?.key).toBe('contoso-industrial.com');
    expect(state.notes.map((note) => note.body)).toEqual(['Quote sent']);
  });

  it('follows existing aliases so a merge never makes a loop, and refuses nonsense', async () => {
    await updateSettings((settings) => ({ ...settings, accountAliases: { 'b.com': 'a.com' } }));
    expect(await mergeAccounts({ from: 'a.com', into: 'b.com' })).toEqual({
      ok: false,
      reason: 'same-account',
    });
    expect(await mergeAccounts({ from: 'gmail.com', into: 'a.com' })).toEqual({
      ok: false,
      reason: 'invalid-from',
    });
    expect(await mergeAccounts({ from: 'a.com', into: 'not a domain' })).toEqual({
      ok: false,
      reason: 'invalid-into',
    });
    expect(await mergeAccounts({ from: 'c.com', into: 'b.com' })).toMatchObject({ ok: true, into: 'a.com' });
  });
});

describe('custom CRM sites', () => {
  const HOST = 'crm.northwind-intranet.example.com';
  const ORIGIN = `https://${HOST}/*`;

  it('registers nothing without the host permission', async () => {
    expect(await addCustomSite(HOST)).toEqual({ ok: false, reason: 'permission-missing' });
    expect(hostAccess.scripts.size).toBe(0);
    expect((await readSettings()).customSites).toEqual([]);
  });

  it('registers the generic content script on a granted host, and removes it with its permission', async () => {
    hostAccess.granted.add(ORIGIN);
    const added = await addCustomSite(`https://${HOST}/customers/42`);
    expect(added).toMatchObject({
      ok: true,
      view: { customSites: [{ host: HOST, granted: true, registered: true }] },
    });
    expect(hostAccess.scripts.get(`custom-${HOST}`)).toEqual({
      id: `custom-${HOST}`,
      matches: [ORIGIN],
      js: ['content-generic.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    // Adding it again (after a new grant) registers it again rather than failing.
    expect(await addCustomSite(HOST)).toMatchObject({ ok: true });

    const view = await removeCustomSite(HOST);
    expect(view.customSites).toEqual([]);
    expect(hostAccess.scripts.size).toBe(0);
    expect(hostAccess.granted.has(ORIGIN)).toBe(false);
  });

  it('keeps a permission another site still needs, and refuses hosts it must not take', async () => {
    hostAccess.granted.add('https://*.northwind-intranet.example.com/*');
    hostAccess.granted.add(ORIGIN);
    await addCustomSite('*.northwind-intranet.example.com');
    await addCustomSite(HOST);
    await removeCustomSite(HOST);
    expect(hostAccess.granted.has(ORIGIN)).toBe(true);
    expect(await addCustomSite('mail.google.com')).toEqual({ ok: false, reason: 'supported' });
    expect(await addCustomSite('http://crm.example.com')).toEqual({ ok: false, reason: 'not-https' });
  });

  it('brings registrations in line with settings and grants at start-up', async () => {
    hostAccess.granted.add(ORIGIN);
    await updateSettings((settings) => ({ ...settings, customSites: [HOST, 'crm.other.example.com'] }));
    hostAccess.scripts.set('custom-stale.example.com', { id: 'custom-stale.example.com' });
    await syncCustomSiteScripts();
    expect([...hostAccess.scripts.keys()]).toEqual([`custom-${HOST}`]);
    expect((await settingsView()).customSites).toEqual([
      { host: HOST, granted: true, registered: true },
      { host: 'crm.other.example.com', granted: false, registered: false },
    ]);
  });
});
