/**
 * The data handlers as the background runs them: exports read back chunk by chunk, imports previewed and
 * applied with the change events open pages need, deletes that tell every panel, and the receiver's
 * checks on the most privileged messages.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const sent = vi.hoisted(() => [] as { type: string; data: unknown }[]);
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async (type: string, data: unknown) => {
    sent.push({ type, data });
  },
  onMessage: () => () => undefined,
}));

const {
  accountNotesMarkdownFor,
  applyImport,
  deleteAccountData,
  deleteAllData,
  listDataAccounts,
  prepareExport,
  previewImport,
  readExportChunk,
  uploadImportChunk,
} = await import('../../../lib/background/handlers/options-data');
const { database } = await import('../../../lib/background/db-connection');
const { readPlaybook, writePlaybook } = await import('../../../lib/background/playbook-store');
const { readSettings, updateSettings } = await import('../../../lib/background/settings-store');
const { admitMessage } = await import('../../../lib/background/router');
const { splitText } = await import('../../../lib/data-transfer/chunks');
const { DATA_STORES } = await import('../../../lib/data-transfer/format');
const { DEFAULT_PLAYBOOK } = await import('../../../lib/playbook/default-playbook');
const { DEFAULT_SETTINGS } = await import('../../../lib/settings/schema');
const { account, contact, deal, note, sampleFile, sampleRows, T0 } = await import('./rows');

async function seed(rows = sampleRows()) {
  const db = await database();
  for (const store of DATA_STORES) for (const row of rows[store]) await db.put(store, row as never);
}

async function exportedText(kind: 'json' | 'notes-csv' = 'json'): Promise<string> {
  const prepared = await prepareExport({ kind, locale: 'en' });
  let text = '';
  for (let index = 0; index < prepared.chunkCount; index++) {
    text += readExportChunk({ exportId: prepared.exportId, index }).text;
  }
  return text;
}

async function upload(text: string): Promise<string> {
  const uploadId = crypto.randomUUID();
  const chunks = splitText(text, 1000);
  for (const [index, chunk] of chunks.entries()) {
    expect(uploadImportChunk({ uploadId, index, count: chunks.length, text: chunk })).toMatchObject({
      ok: true,
    });
  }
  return uploadId;
}

const changedAccounts = () =>
  sent
    .filter((message) => message.type === 'dataChanged')
    .flatMap((message) => (message.data as { accountKeys: string[] }).accountKeys);

describe('data handlers', () => {
  beforeEach(async () => {
    sent.length = 0;
    const db = await database();
    for (const store of DATA_STORES) await db.clear(store);
    await db.clear('privateItems');
    await fakeBrowser.storage.local.clear();
  });

  it('exports everything as JSON through chunks, with the playbook only when the rep has their own', async () => {
    await seed();
    const file = JSON.parse(await exportedText()) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'dealside-export',
      version: 1,
      playbook: null,
      settings: DEFAULT_SETTINGS,
    });
    expect(file.notes).toEqual(sampleRows().notes);

    const own = { ...DEFAULT_PLAYBOOK, name: { en: 'Our way', 'zh-CN': '我们的方法' } };
    await writePlaybook(own);
    expect((JSON.parse(await exportedText()) as { playbook: unknown }).playbook).toEqual(own);
    expect(await exportedText('notes-csv')).toContain('Budget ""approved""');
  });

  it('previews and imports a file, telling open pages which accounts changed', async () => {
    const uploadId = await upload(JSON.stringify(sampleFile()));
    const preview = await previewImport({ uploadId });
    expect(preview).toMatchObject({
      ok: true,
      preview: { nothingNew: false, playbook: 'none', settings: 'same', playbookIsDefault: true },
    });
    const result = await applyImport({ uploadId, replacePlaybook: false, replaceSettings: false });
    expect(result).toMatchObject({ ok: true, outcome: { accountCount: 1, playbookReplaced: false } });
    expect(changedAccounts()).toEqual(['northwind-trading.com']);
    expect(sent.some((message) => message.type === 'playbookChanged')).toBe(false);

    sent.length = 0;
    const again = await upload(JSON.stringify(sampleFile()));
    expect(await previewImport({ uploadId: again })).toMatchObject({
      ok: true,
      preview: { nothingNew: true },
    });
    await applyImport({ uploadId: again, replacePlaybook: false, replaceSettings: false });
    expect(changedAccounts()).toEqual([]);
  });

  it('replaces the playbook and settings only when asked, keeping this browser custom sites', async () => {
    const own = { ...DEFAULT_PLAYBOOK, name: { en: 'Team playbook', 'zh-CN': '团队手册' } };
    await updateSettings((current) => ({ ...current, customSites: ['crm.example.com'] }));
    const file = {
      ...sampleFile(),
      playbook: own,
      settings: { ...DEFAULT_SETTINGS, ownDomains: ['dealside-demo.com'], customSites: ['evil.example'] },
    };
    const uploadId = await upload(JSON.stringify(file));
    expect(await previewImport({ uploadId })).toMatchObject({
      ok: true,
      preview: {
        playbook: 'different',
        settings: 'different',
        playbookIsDefault: true,
        settingsAreDefault: false,
      },
    });
    await applyImport({ uploadId, replacePlaybook: true, replaceSettings: true });
    expect(await readPlaybook()).toEqual(own);
    expect(await readSettings()).toMatchObject({
      ownDomains: ['dealside-demo.com'],
      customSites: ['crm.example.com'],
    });
    expect(sent.some((message) => message.type === 'playbookChanged')).toBe(true);
  });

  it('refuses to replace the playbook when deals would be left in stages it lacks, and writes nothing', async () => {
    await seed({
      ...sampleRows(),
      accounts: [account('contoso.com')],
      deals: [deal('contoso-pilot', 'contoso.com', { stageId: 'discovery' })],
    });
    const before = await (await database()).count('notes');
    const withoutDiscovery = {
      ...DEFAULT_PLAYBOOK,
      stages: DEFAULT_PLAYBOOK.stages.filter((stage) => stage.id !== 'discovery'),
      cadences: DEFAULT_PLAYBOOK.cadences.filter((cadence) => cadence.stageId !== 'discovery'),
      questions: DEFAULT_PLAYBOOK.questions.map((question) => ({
        ...question,
        stages: question.stages.includes('discovery')
          ? [...new Set(question.stages.map((id) => (id === 'discovery' ? 'lead' : id)))]
          : question.stages,
      })),
    };
    const file = {
      ...sampleFile({ ...sampleRows(), notes: [note('from-the-file', 'contoso.com')] }),
      playbook: withoutDiscovery,
      settings: { ...DEFAULT_SETTINGS, ownDomains: ['dealside-demo.com'] },
    };
    const uploadId = await upload(JSON.stringify(file));
    expect(await applyImport({ uploadId, replacePlaybook: true, replaceSettings: true })).toEqual({
      ok: false,
      problem: { kind: 'stages-need-a-home', stageIds: ['discovery'] },
    });
    expect(await readPlaybook()).toBe(DEFAULT_PLAYBOOK);
    expect((await readSettings()).ownDomains).toEqual([]);
    expect(await (await database()).count('notes')).toBe(before);
    expect((await (await database()).getAll('deals')).map((row) => row.id)).toEqual(['contoso-pilot']);
    expect(changedAccounts()).toEqual([]);
  });

  it('answers a refused file with the reason and writes nothing', async () => {
    const text = JSON.stringify(sampleFile());
    const uploadId = await upload(text.slice(0, text.length - 40));
    expect(await previewImport({ uploadId })).toMatchObject({ ok: false, problem: { kind: 'truncated' } });
    expect(await applyImport({ uploadId, replacePlaybook: true, replaceSettings: true })).toMatchObject({
      ok: false,
      problem: { kind: 'upload-expired' },
    });
    expect(await (await database()).count('accounts')).toBe(0);
    expect(changedAccounts()).toEqual([]);
  });

  it('lists accounts matching the search, most recent first', async () => {
    await seed({
      ...sampleRows(),
      accounts: [
        account('contoso.com', { displayName: 'Contoso Industrial', updatedAt: 3 }),
        account('xn--fiqs8s.cn', { updatedAt: 2 }),
        account('northwind-trading.com', { updatedAt: 1 }),
      ],
    });
    expect((await listDataAccounts({ query: '' })).accounts.map((row) => row.key)).toEqual([
      'contoso.com',
      'xn--fiqs8s.cn',
      'northwind-trading.com',
    ]);
    expect(await listDataAccounts({ query: 'INDUSTRIAL' })).toMatchObject({
      total: 1,
      accounts: [{ key: 'contoso.com' }],
    });
    expect((await listDataAccounts({ query: '中国' })).accounts.map((row) => row.displayKey)).toEqual([
      '中国.cn',
    ]);
    expect(await listDataAccounts({ query: '', limit: 1 })).toMatchObject({
      total: 3,
      accounts: [{ key: 'contoso.com' }],
    });
  });

  it("copies an account's notes as Markdown with its open deal's stage in the rep language", async () => {
    await seed({
      ...sampleRows(),
      accounts: [account('northwind-trading.com')],
      deals: [
        deal('pilot', 'northwind-trading.com', { stageId: 'discovery' }),
        // A won deal no longer stands in a stage of the pipeline.
        deal('first-order', 'northwind-trading.com', {
          stageId: 'negotiation',
          outcome: 'won',
          closedAt: T0,
        }),
      ],
      contacts: [
        contact('jane.cooper@northwind-trading.com', 'northwind-trading.com', { name: 'Jane Cooper' }),
      ],
    });
    const result = await accountNotesMarkdownFor({ accountKey: 'northwind-trading.com', locale: 'zh-CN' });
    expect(result.noteCount).toBe(1);
    expect(result.markdown).toContain('- Stage: 需求沟通\n');
    expect(result.markdown).not.toContain('谈判签约');
    expect(result.markdown).toContain('· Note · Jane Cooper');
    expect(result.markdown).toContain('Budget "approved", next: pilot 🚚');
  });

  it('deletes one account with its rows, or everything, and tells open pages', async () => {
    await seed({
      ...sampleRows(),
      accounts: [...sampleRows().accounts, account('contoso.com')],
      deals: [...sampleRows().deals, deal('c-deal', 'contoso.com')],
      notes: [...sampleRows().notes, note('c1', 'contoso.com')],
    });
    expect(await deleteAccountData({ accountKey: 'northwind-trading.com' })).toMatchObject({
      account: true,
      deals: 1,
      notes: 1,
    });
    expect(changedAccounts()).toEqual(['northwind-trading.com']);
    expect((await (await database()).getAll('notes')).map((row) => row.id)).toEqual(['c1']);
    expect((await (await database()).getAll('deals')).map((row) => row.id)).toEqual(['c-deal']);

    sent.length = 0;
    expect(await deleteAllData()).toMatchObject({ accounts: 1, deals: 1, notes: 1 });
    expect(changedAccounts()).toEqual(['contoso.com']);
    for (const store of DATA_STORES) expect(await (await database()).count(store)).toBe(0);
  });

  it('admits "delete everything" only with the typed word, and only from extension pages', () => {
    const page = {
      id: fakeBrowser.runtime.id,
      url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`,
    };
    for (const confirmation of ['DELETE', '删除']) {
      expect(admitMessage('deleteAllData', { confirmation }, page).payload).toEqual({
        confirmation,
      });
    }
    for (const confirmation of ['delete', 'yes', '', undefined]) {
      expect(() => admitMessage('deleteAllData', { confirmation }, page)).toThrow(/malformed/);
    }
    const contentScript = {
      id: fakeBrowser.runtime.id,
      url: 'https://mail.google.com/',
      tab: { id: 1 } as never,
      frameId: 0,
    };
    expect(() => admitMessage('deleteAllData', { confirmation: 'DELETE' }, contentScript)).toThrow(
      /not accepted/,
    );
    // Not from the panel docked in a web page either: only the options page offers it.
    const panelFrame = {
      ...page,
      url: `chrome-extension://${fakeBrowser.runtime.id}/panel.html`,
      tab: { id: 1 } as never,
      frameId: 4,
    };
    expect(() => admitMessage('deleteAllData', { confirmation: 'DELETE' }, panelFrame)).toThrow(
      /not accepted/,
    );
    expect(() =>
      admitMessage(
        'uploadImportChunk',
        { uploadId: 'u', index: 0, count: 1, text: 'x'.repeat(5_000_000) },
        page,
      ),
    ).toThrow(/malformed payload at text/);
  });
});
