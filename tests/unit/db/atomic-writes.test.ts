/**
 * Writes that span records and private items (settings, playbook) are one transaction: an import with the
 * playbook and settings it replaces, a merge with its alias, a playbook save with the deals it moves.
 * A failure at the last step — the private item's write — leaves nothing half-written. And an import that
 * replaces the playbook refuses, like a playbook save, to strand deals in stages the new one lacks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importRows, readSnapshot } from '../../../lib/data-transfer/database';
import { exportDocument, type StoreRows } from '../../../lib/data-transfer/format';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { getAccount } from '../../../lib/db/accounts';
import { changeDealStage, getDeal, listAccountDeals } from '../../../lib/db/deals';
import { mergeAccountRows } from '../../../lib/db/merge-accounts';
import {
  readPlaybookIn,
  readPrivateItem,
  readSettingsIn,
  changePrivateItems,
  writeSettingsIn,
} from '../../../lib/db/private-items';
import { moveDealsBetweenStages, StagesNeedAHome } from '../../../lib/db/stage-moves';
import { createDefaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { account, deal, emptyRows, note, sampleRows, T0 } from '../data-transfer/rows';
import { freshDb } from './helpers';

let ids = 0;
const newId = () => `id-${++ids}`;

/** Makes every write to the private items store fail, as a full disk would at that moment. */
function failPrivateItemWrites(): void {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === 'privateItems') throw new DOMException('The disk is full', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

function importFile(rows: StoreRows, playbook: Playbook | null = null) {
  const text = JSON.stringify(exportDocument(rows, { playbook, settings: DEFAULT_SETTINGS, now: T0 }));
  const read = readImportText(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.file;
}

/** The default playbook without its `discovery` stage. */
function playbookWithoutDiscovery(): Playbook {
  const playbook = createDefaultPlaybook();
  playbook.stages = playbook.stages.filter((stage) => stage.id !== 'discovery');
  playbook.cadences = playbook.cadences.filter((cadence) => cadence.stageId !== 'discovery');
  playbook.questions = playbook.questions.map((question) => ({
    ...question,
    stages: question.stages.includes('discovery')
      ? [...new Set(question.stages.map((id) => (id === 'discovery' ? 'lead' : id)))]
      : question.stages,
  }));
  return playbook;
}

describe('import', () => {
  it('writes no row when the settings it replaces cannot be written', async () => {
    const { db } = await freshDb();
    const before = await readSnapshot(db);
    failPrivateItemWrites();
    await expect(
      importRows(db, importFile(sampleRows()), {
        settings: (current) => ({ ...current, ownEmails: ['rep@dealside-sales.example'] }),
      }),
    ).rejects.toThrow('The disk is full');
    vi.restoreAllMocks();
    expect(await readSnapshot(db)).toEqual(before);
    expect((await readPrivateItem(db, readSettingsIn)).ownEmails).toEqual([]);
  });

  it('writes rows, playbook and settings together', async () => {
    const { db } = await freshDb();
    const playbook = createDefaultPlaybook();
    playbook.stages[0]!.name.en = 'Imported lead stage';
    const plan = await importRows(db, importFile(sampleRows(), playbook), {
      playbook,
      settings: (current) => ({ ...current, ownDomains: ['dealside-sales.example'] }),
    });
    expect(plan.settings?.ownDomains).toEqual(['dealside-sales.example']);
    expect((await readPrivateItem(db, readPlaybookIn)).stages[0]!.name.en).toBe('Imported lead stage');
    expect((await readSnapshot(db)).rows.notes.length).toBeGreaterThan(0);
  });

  it('replacing the playbook refuses to strand deals in stages it lacks, and writes nothing', async () => {
    const { db } = await freshDb();
    await changeDealStage(db, { accountKey: 'a.com', stageId: 'discovery', proposals: [] }, 1000, newId);
    const before = await readSnapshot(db);
    const playbook = playbookWithoutDiscovery();
    const rows = { ...emptyRows(), notes: [note('from-file', 'b.com')] };

    const refused = importRows(db, importFile(rows, playbook), { playbook });
    await expect(refused).rejects.toBeInstanceOf(StagesNeedAHome);
    await expect(refused).rejects.toMatchObject({ stageIds: ['discovery'] });
    expect(await readSnapshot(db)).toEqual(before);
    expect(await readPrivateItem(db, readPlaybookIn)).toBe(DEFAULT_PLAYBOOK);
  });

  it('counts the deals the file itself brings into a stage the new playbook lacks', async () => {
    const { db } = await freshDb();
    const playbook = playbookWithoutDiscovery();
    const rows = {
      ...emptyRows(),
      accounts: [account('c.com')],
      deals: [deal('c-deal', 'c.com', { stageId: 'discovery' })],
    };
    await expect(importRows(db, importFile(rows, playbook), { playbook })).rejects.toMatchObject({
      stageIds: ['discovery'],
    });
    expect(await getAccount(db, 'c.com')).toBeUndefined();
    expect(await getDeal(db, 'c-deal')).toBeUndefined();
  });

  it('counts a closed deal the file brings into a stage the new playbook lacks too', async () => {
    const { db } = await freshDb();
    const playbook = playbookWithoutDiscovery();
    const rows = {
      ...emptyRows(),
      accounts: [account('c.com')],
      deals: [
        deal('c-lost', 'c.com', { stageId: 'discovery', outcome: 'lost', lostReason: 'price', closedAt: T0 }),
      ],
    };
    await expect(importRows(db, importFile(rows, playbook), { playbook })).rejects.toMatchObject({
      stageIds: ['discovery'],
    });
    expect(await getDeal(db, 'c-lost')).toBeUndefined();
  });
});

describe('merge', () => {
  it('moves no row when the alias cannot be recorded', async () => {
    const { db } = await freshDb();
    await changeDealStage(db, { accountKey: 'contoso.co.uk', stageId: 'lead', proposals: [] }, 1000, newId);
    failPrivateItemWrites();
    await expect(
      mergeAccountRows(db, 'contoso.co.uk', 'contoso.com', 2000, { recordAlias: true }),
    ).rejects.toThrow('The disk is full');
    vi.restoreAllMocks();
    expect(await getAccount(db, 'contoso.co.uk')).toBeDefined();
    expect((await listAccountDeals(db, 'contoso.co.uk')).map((row) => row.stageId)).toEqual(['lead']);
    expect(await getAccount(db, 'contoso.com')).toBeUndefined();
    expect(await listAccountDeals(db, 'contoso.com')).toEqual([]);
  });

  it('records the alias with the rows it moves, keeping the other settings', async () => {
    const { db } = await freshDb();
    await changePrivateItems(db, (store) =>
      writeSettingsIn(store, { ...DEFAULT_SETTINGS, ownEmails: ['rep@dealside-sales.example'] }),
    );
    await changeDealStage(db, { accountKey: 'contoso.co.uk', stageId: 'lead', proposals: [] }, 1000, newId);
    await mergeAccountRows(db, 'contoso.co.uk', 'contoso.com', 2000, { recordAlias: true });
    const settings = await readPrivateItem(db, readSettingsIn);
    expect(settings.accountAliases).toEqual({ 'contoso.co.uk': 'contoso.com' });
    expect(settings.ownEmails).toEqual(['rep@dealside-sales.example']);
    expect(await getAccount(db, 'contoso.com')).toBeDefined();
    expect((await listAccountDeals(db, 'contoso.com')).map((row) => row.stageId)).toEqual(['lead']);
    expect(await listAccountDeals(db, 'contoso.co.uk')).toEqual([]);
  });
});

describe('playbook save', () => {
  it('moves no deal when the playbook cannot be stored', async () => {
    const { db } = await freshDb();
    await changeDealStage(db, { accountKey: 'a.com', stageId: 'discovery', proposals: [] }, 1000, newId);
    failPrivateItemWrites();
    await expect(
      moveDealsBetweenStages(
        db,
        [{ from: 'discovery', to: 'lead' }],
        5000,
        newId,
        playbookWithoutDiscovery(),
      ),
    ).rejects.toThrow('The disk is full');
    vi.restoreAllMocks();
    expect((await listAccountDeals(db, 'a.com')).map((row) => row.stageId)).toEqual(['discovery']);
    expect(await db.count('stageEvents')).toBe(1);
  });

  it('refuses a playbook that would strand deals no move takes elsewhere', async () => {
    const { db } = await freshDb();
    await changeDealStage(db, { accountKey: 'a.com', stageId: 'discovery', proposals: [] }, 1000, newId);
    await expect(
      moveDealsBetweenStages(db, [], 5000, newId, playbookWithoutDiscovery()),
    ).rejects.toMatchObject({ stageIds: ['discovery'] });
    expect(await readPrivateItem(db, readPlaybookIn)).toBe(DEFAULT_PLAYBOOK);
  });
});
