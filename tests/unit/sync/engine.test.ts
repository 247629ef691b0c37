// @vitest-environment node
/**
 * Two devices (two databases, two mirrors) syncing through one server database, all in memory: the
 * engine's bridge between the records and PouchDB, and CouchDB's conflict handling as the rep sees it.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchDoc, type CouchServer } from '../../support/couch-server';
import { nodePouch } from '../../support/node-pouch';
import { addDeal, changeDealStage, getDeal } from '../../../lib/db/deals';
import { saveNoteEdit } from '../../../lib/db/notes';
import { mergeAccountRows } from '../../../lib/db/merge-accounts';
import { readSettingsIn, writeSettingsIn } from '../../../lib/db/private-items';
import { addTouchOnce } from '../../../lib/db/touches';
import { openDealsideDb, type Db } from '../../../lib/db/open';
import type { NoteRecord } from '../../../lib/db/records';
import { inTransaction, setChangeJournal } from '../../../lib/db/transaction';
import { SyncEngine } from '../../../lib/background/sync/engine';
import { outboxJournal } from '../../../lib/background/sync/outbox';
import type { RecordDocBody } from '../../../lib/sync/documents';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import { readTeamPlaybook } from '../../../lib/background/sync/team-playbook';

const Pouch = nodePouch();

let couch: CouchServer;
let request: { url: string; database: string; username: string; password: string };
let run = 0;
let now = Date.UTC(2026, 11, 4, 9);
const ids = (prefix: string) => {
  let next = 0;
  return () => `${prefix}-${++next}`;
};

interface Device {
  name: string;
  db: Db;
  engine: SyncEngine;
  announced: string[][];
  online: boolean;
  /** The device's playbook (the default object itself until one is saved). */
  playbook: Playbook;
}

const devices: Device[] = [];

async function device(name: string): Promise<Device> {
  const db = await openDealsideDb({ name: `${name}-${run}` });
  const mirrorName = `${name}-mirror-${run}`;
  const created: Device = {
    name,
    db,
    announced: [],
    online: true,
    playbook: DEFAULT_PLAYBOOK,
    engine: undefined as unknown as SyncEngine,
  };
  created.engine = new SyncEngine({
    database: () => Promise.resolve(db),
    openMirror: () => new Pouch<RecordDocBody>(mirrorName, { adapter: 'memory' }),
    openRemote: (server, credentials) =>
      new Pouch<RecordDocBody>(server.databaseUrl, {
        adapter: 'http',
        skip_setup: true,
        auth: credentials,
        fetch: (url, init) => reach(created, url, init),
      }),
    hasPermission: () => Promise.resolve(true),
    fetch: ((url: string, init: RequestInit) => reach(created, url, init)) as typeof fetch,
    now: () => now,
    announce: (keys) => created.announced.push(keys),
    setAlarm: () => Promise.resolve(),
    playbooks: {
      current: () => Promise.resolve(created.playbook),
      adopt: (playbook) => {
        created.playbook = playbook;
        return Promise.resolve(true);
      },
    },
    playbookChanged: () => undefined,
    teamPlaybookChanged: () => undefined,
    author: () => Promise.resolve({ name: name === 'a' ? 'Anna' : 'Ben' }),
    aliases: {
      current: async () => (await settingsOf(db)).accountAliases,
      merge: async (from, into) => {
        await mergeAccountRows(db, from, into, now, { recordAlias: true });
        return true;
      },
      remove: (from) =>
        inTransaction(db, ['privateItems'], 'readwrite', async (tx) => {
          const store = tx.objectStore('privateItems');
          const settings = await readSettingsIn(store);
          const { [from]: _removed, ...rest } = settings.accountAliases;
          await writeSettingsIn(store, { ...settings, accountAliases: rest });
        }),
    },
  });
  devices.push(created);
  return created;
}

/** The network as this device sees it: the server, or nothing at all while the device is offline. */
function reach(device: Device, url: string, init: RequestInit): Promise<Response> {
  return device.online ? fetch(url, init) : Promise.reject(new TypeError('fetch failed'));
}

async function serverDoc(id: string): Promise<CouchDoc | undefined> {
  return couch.getDoc(request.database, id, { conflicts: true });
}

async function startBoth(): Promise<[Device, Device]> {
  const a = await device('a');
  const b = await device('b');
  for (const each of [a, b]) {
    const started = await each.engine.start(request);
    expect(started.kind).toBe('started');
  }
  return [a, b];
}

/** Replication here is the engine's own exchange, run until both devices and the server agree. */
async function settle(...order: Device[]): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    for (const each of order) await each.engine.exchange('alarm');
  }
}

function settingsOf(db: Db) {
  return inTransaction(db, ['privateItems'], 'readonly', (tx) =>
    readSettingsIn(tx.objectStore('privateItems')),
  );
}

function notes(db: Db): Promise<NoteRecord[]> {
  return inTransaction(db, ['notes'], 'readonly', (tx) => tx.objectStore('notes').getAll());
}

beforeAll(async () => {
  couch = await startCouchServer({ users: [{ name: 'rep', password: 'secret' }] });
});

afterAll(() => couch.close());

beforeEach(async () => {
  run += 1;
  const database = `team-${run}`;
  await couch.createDatabase(database, ['rep']);
  request = { url: couch.url, database, username: 'rep', password: 'secret' };
  setChangeJournal(outboxJournal(() => true));
});

afterEach(async () => {
  setChangeJournal(undefined);
  for (const each of devices.splice(0)) {
    await each.engine.stop();
    each.db.close();
  }
});

describe('sync between two devices through one server', { timeout: 30_000 }, () => {
  it('brings a note written on one device into the other', async () => {
    const [a, b] = await startBoth();
    const saved = await saveNoteEdit(
      a.db,
      {
        id: 'n1',
        accountKey: 'acme.com',
        kind: 'note',
        body: 'Budget approved in March',
        baseRevision: null,
      },
      now,
      ids('a'),
    );
    expect(saved.status).toBe('saved');
    await settle(a, b);
    expect((await notes(b.db)).map((note) => note.body)).toEqual(['Budget approved in March']);
    expect(b.announced.flat()).toContain('acme.com');
    expect(await b.engine.status({ asked: false })).toMatchObject({ state: 'up-to-date', pending: 0 });
    expect((await serverDoc('notes:n1'))?.row).toMatchObject({ body: 'Budget approved in March' });
  });

  it('keeps both texts when two offline devices edit the same note, and agrees on the winner', async () => {
    const [a, b] = await startBoth();
    await saveNoteEdit(
      a.db,
      { id: 'n1', accountKey: 'acme.com', kind: 'note', body: 'v1', baseRevision: null },
      now,
      ids('a'),
    );
    await settle(a, b);
    a.online = false;
    b.online = false;
    await saveNoteEdit(
      a.db,
      { id: 'n1', accountKey: 'acme.com', kind: 'note', body: 'from A', baseRevision: 1 },
      now,
      ids('a'),
    );
    await saveNoteEdit(
      b.db,
      { id: 'n1', accountKey: 'acme.com', kind: 'note', body: 'from B', baseRevision: 1 },
      now,
      ids('b'),
    );
    await a.engine.exchange('alarm');
    expect((await a.engine.status({ asked: false })).state).toBe('offline');
    a.online = true;
    b.online = true;
    await settle(a, b);

    const winnerA = (await notes(a.db))[0]!.body;
    const winnerB = (await notes(b.db))[0]!.body;
    expect(winnerA).toBe(winnerB);
    const loser = winnerA === 'from A' ? 'from B' : 'from A';
    for (const each of [a, b]) {
      const conflicts = await inTransaction(each.db, ['syncConflicts'], 'readonly', (tx) =>
        tx.objectStore('syncConflicts').getAll(),
      );
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.versions.map((version) => version.body)).toEqual([loser]);
    }
  });

  it('settles a conflicting version on one device, and every device follows', async () => {
    const [a, b] = await startBoth();
    const edit = (device: Device, body: string, baseRevision: number | null) =>
      saveNoteEdit(
        device.db,
        { id: 'n1', accountKey: 'acme.com', kind: 'note', body, baseRevision },
        now,
        ids(device.name),
      );
    await edit(a, 'v1', null);
    await settle(a, b);
    a.online = false;
    b.online = false;
    await edit(a, 'from A', 1);
    await edit(b, 'from B', 1);
    a.online = true;
    b.online = true;
    await settle(a, b);
    const conflictOn = (device: Device) =>
      inTransaction(device.db, ['syncConflicts'], 'readonly', (tx) =>
        tx.objectStore('syncConflicts').getAll(),
      );
    const [conflict] = await conflictOn(b);
    const version = conflict!.versions[0]!;
    const shown = (await notes(b.db))[0]!;

    // Chosen against an older text: refused, nothing changes.
    expect(await b.engine.resolveNoteConflict('n1', version.rev, 'keep', shown.revision - 1)).toEqual({
      ok: false,
      reason: 'changed',
    });
    expect(await b.engine.resolveNoteConflict('n1', version.rev, 'merge', shown.revision)).toEqual({
      ok: true,
    });
    await settle(b, a, b);
    const merged = `${shown.body}\n\n${version.body}`;
    for (const device of [a, b]) {
      expect((await notes(device.db)).map((note) => note.body)).toEqual([merged]);
      expect(await conflictOn(device)).toEqual([]);
    }
    expect((await serverDoc('notes:n1'))?._conflicts ?? []).toEqual([]);
    expect(await a.engine.resolveNoteConflict('n1', version.rev, 'discard')).toEqual({
      ok: false,
      reason: 'gone',
    });
  });

  it('moves a deal to the same stage on both devices after concurrent moves, and keeps both stage events', async () => {
    const [a, b] = await startBoth();
    const deal = await addDeal(a.db, { accountKey: 'acme.com', title: 'Fleet renewal' }, now, ids('a'));
    await settle(a, b);
    a.online = false;
    b.online = false;
    now += 60_000;
    await changeDealStage(
      a.db,
      { accountKey: 'acme.com', dealId: deal.id, stageId: 'proposal', proposals: [] },
      now,
      ids('a'),
    );
    await changeDealStage(
      b.db,
      { accountKey: 'acme.com', dealId: deal.id, stageId: 'negotiation', proposals: [] },
      now,
      ids('b'),
    );
    a.online = true;
    b.online = true;
    await settle(a, b, a);
    const stageA = (await getDeal(a.db, deal.id))?.stageId;
    const stageB = (await getDeal(b.db, deal.id))?.stageId;
    expect(stageA).toBe(stageB);
    expect(['proposal', 'negotiation']).toContain(stageA);
    for (const each of [a, b]) {
      const events = await inTransaction(each.db, ['stageEvents'], 'readonly', (tx) =>
        tx.objectStore('stageEvents').getAll(),
      );
      expect(events.map((event) => event.to).sort()).toEqual(['negotiation', 'proposal']);
    }
    // The losing revision is gone from the server: nothing left for another device to trip on.
    expect((await serverDoc(`deals:${deal.id}`))?._conflicts ?? []).toEqual([]);
  });

  it('keeps one touch per visit when two devices recorded the same visit', async () => {
    const [a, b] = await startBoth();
    const visit = (id: string) => ({
      id,
      accountKey: 'acme.com',
      at: now,
      site: 'gmail',
      title: 'Re: pilot scope',
      visitKey: 'gmail:thread-1:2026-12-04',
    });
    a.online = false;
    b.online = false;
    expect(await addTouchOnce(a.db, visit('touch-a'))).toBe('added');
    expect(await addTouchOnce(b.db, visit('touch-b'))).toBe('added');
    a.online = true;
    b.online = true;
    await settle(a, b);
    for (const device of [a, b]) {
      const touches = await inTransaction(device.db, ['touches'], 'readonly', (tx) =>
        tx.objectStore('touches').getAll(),
      );
      expect(touches).toHaveLength(1);
    }
    // Both stay on the server: a union, each device showing the visit once.
    expect(
      (await couch.allDocs(request.database)).filter((doc) => doc._id.startsWith('touches:')),
    ).toHaveLength(2);
  });

  it('replicates a deletion', async () => {
    const [a, b] = await startBoth();
    await saveNoteEdit(
      a.db,
      { id: 'n1', accountKey: 'acme.com', kind: 'note', body: 'to go', baseRevision: null },
      now,
      ids('a'),
    );
    await settle(a, b);
    expect(await notes(b.db)).toHaveLength(1);
    await saveNoteEdit(
      a.db,
      { id: 'n1', accountKey: 'acme.com', kind: 'note', body: '', baseRevision: 1 },
      now,
      ids('a'),
    );
    await settle(a, b);
    expect(await notes(a.db)).toHaveLength(0);
    expect(await notes(b.db)).toHaveLength(0);
  });

  it('converges on an account merge made on one device, moving what the other wrote offline', async () => {
    const [a, b] = await startBoth();
    const note = (id: string, accountKey: string, body: string) => ({
      id,
      accountKey,
      kind: 'note' as const,
      body,
      baseRevision: null,
    });
    await saveNoteEdit(a.db, note('n1', 'acme-gmbh.de', 'Met at the fair'), now, ids('a'));
    await settle(a, b);
    b.online = false;
    // Offline, B writes about the old account while A merges it into the main one.
    await saveNoteEdit(b.db, note('n2', 'acme-gmbh.de', 'Asked for references'), now, ids('b'));
    await mergeAccountRows(a.db, 'acme-gmbh.de', 'acme.com', now, { recordAlias: true });
    a.engine.settingsChanged();
    await settle(a);
    expect((await serverDoc('alias:acme-gmbh.de'))?.into).toBe('acme.com');
    b.online = true;
    await settle(b, a, b);
    for (const each of [a, b]) {
      expect((await settingsOf(each.db)).accountAliases).toEqual({ 'acme-gmbh.de': 'acme.com' });
      const byAccount = (await notes(each.db)).map((row) => [row.id, row.accountKey]).sort();
      expect(byAccount).toEqual([
        ['n1', 'acme.com'],
        ['n2', 'acme.com'],
      ]);
    }

    // The alias removed on B is removed on A; the notes stay where they are.
    await inTransaction(b.db, ['privateItems'], 'readwrite', async (tx) => {
      const store = tx.objectStore('privateItems');
      await writeSettingsIn(store, { ...(await readSettingsIn(store)), accountAliases: {} });
    });
    await settle(b, a);
    expect((await settingsOf(a.db)).accountAliases).toEqual({});
    // Deleted on the server: gone for a plain read.
    expect(await serverDoc('alias:acme-gmbh.de')).toBeUndefined();
  });

  it('takes a large pull in batches of hundreds without writing over an edit waiting here', async () => {
    const [a, b] = await startBoth();
    const write = (device: Device, id: string, body: string, baseRevision: number | null) =>
      saveNoteEdit(
        device.db,
        { id, accountKey: 'acme.com', kind: 'note', body, baseRevision },
        now,
        ids(device.name),
      );
    const first = Array.from({ length: 300 }, (_, index) => `bulk-${index}`);
    for (const id of first) await write(a, id, `${id}: first words`, null);
    // A note B keeps to itself (handed over to nothing), and later a note of A's with the same id.
    await saveNoteEdit(
      b.db,
      {
        id: 'aa-same-id',
        accountKey: 'acme.com',
        kind: 'note',
        body: 'B only',
        baseRevision: null,
        private: true,
      },
      now,
      ids('b'),
    );
    await settle(a, b);
    expect(await notes(b.db)).toHaveLength(301);

    await write(a, 'aa-same-id', 'from A', null);
    // A edits all of them and adds as many; B meanwhile edits one of them, not handed over yet.
    for (const id of first) await write(a, id, `${id}: edited in A`, 1);
    for (const index of first.keys()) await write(a, `new-${index}`, `new-${index}: from A`, null);
    await write(b, 'bulk-5', 'bulk-5: edited in B', 1);
    await a.engine.exchange('alarm');
    await b.engine.exchange('alarm');

    const inB = new Map((await notes(b.db)).map((note) => [note.id, note]));
    expect(inB.size).toBe(601);
    expect(inB.get('aa-same-id')?.body).toBe('B only');
    expect(inB.get('bulk-0')).toMatchObject({ body: 'bulk-0: edited in A', revision: 2 });
    expect(inB.get('new-299')?.body).toBe('new-299: from A');
    const texts = async (device: Device) => {
      const note = (await notes(device.db)).find((row) => row.id === 'bulk-5');
      const versions = await inTransaction(device.db, ['syncConflicts'], 'readonly', (tx) =>
        tx.objectStore('syncConflicts').getAll(),
      );
      return [
        note?.body,
        ...versions.flatMap((entry) => entry.versions.map((version) => version.body)),
      ].sort();
    };
    // B's own edit is never silently replaced: one text is the note, the other a version to settle.
    expect(await texts(b)).toEqual(['bulk-5: edited in A', 'bulk-5: edited in B']);
    await settle(b, a, b);
    expect(await texts(a)).toEqual(['bulk-5: edited in A', 'bulk-5: edited in B']);
  });

  it('offers rows written before sync started, and takes what the server already had', async () => {
    const a = await device('a');
    const b = await device('b');
    await saveNoteEdit(
      a.db,
      { id: 'old-a', accountKey: 'acme.com', kind: 'note', body: 'before sync, A', baseRevision: null },
      now,
      ids('a'),
    );
    await saveNoteEdit(
      b.db,
      { id: 'old-b', accountKey: 'acme.com', kind: 'note', body: 'before sync, B', baseRevision: null },
      now,
      ids('b'),
    );
    await a.engine.start(request);
    await b.engine.start(request);
    await settle(a, b);
    for (const each of [a, b]) {
      expect((await notes(each.db)).map((note) => note.id).sort()).toEqual(['old-a', 'old-b']);
    }
  });

  it('skips and reports a malformed document from the server, and applies the rest', async () => {
    const [a] = await startBoth();
    await couch.bulkDocs(request.database, [
      { _id: 'notes:bad', type: 'notes', row: { id: 'bad', body: 42 } } as never,
      {
        _id: 'notes:other-id',
        type: 'notes',
        row: {
          id: 'x',
          accountKey: 'acme.com',
          kind: 'note',
          body: 'id mismatch',
          createdAt: 1,
          updatedAt: 1,
          revision: 1,
        },
      } as never,
      {
        _id: 'notes:good',
        type: 'notes',
        row: {
          id: 'good',
          accountKey: 'acme.com',
          kind: 'note',
          body: 'fine',
          createdAt: 1,
          updatedAt: 1,
          revision: 1,
        },
      } as never,
    ]);
    await a.engine.exchange('alarm');
    expect((await notes(a.db)).map((note) => note.id)).toEqual(['good']);
    const status = await a.engine.status({ asked: false });
    expect(status.lastError).toMatchObject({
      problem: 'rejected-documents',
      count: 2,
      document: 'notes:bad',
    });
  });

  it('queues a change in the write’s own transaction: a write rolled back queues nothing', async () => {
    const [a] = await startBoth();
    await a.engine.exchange('alarm');
    await expect(
      inTransaction(a.db, ['notes'], 'readwrite', async (tx) => {
        await tx.objectStore('notes').put({
          id: 'n9',
          accountKey: 'acme.com',
          kind: 'note',
          body: 'x',
          createdAt: 1,
          updatedAt: 1,
          revision: 1,
        });
        throw new Error('the rest of the write failed');
      }),
    ).rejects.toThrow('failed');
    const queued = await inTransaction(a.db, ['syncOutbox'], 'readonly', (tx) =>
      tx.objectStore('syncOutbox').count(),
    );
    expect(queued).toBe(0);
    await saveNoteEdit(
      a.db,
      { id: 'n10', accountKey: 'acme.com', kind: 'note', body: 'kept', baseRevision: null },
      now,
      ids('a'),
    );
    expect((await a.engine.status({ asked: false })).pending).toBeGreaterThan(0);
  });

  it('exchanges changes live while a page keeps asking for the status', async () => {
    const [a, b] = await startBoth();
    await settle(a, b);
    // An open panel or options page asks every few seconds: replication then runs live.
    await a.engine.status();
    await b.engine.status();
    a.engine.register();
    await saveNoteEdit(
      a.db,
      { id: 'live', accountKey: 'acme.com', kind: 'note', body: 'said on the call', baseRevision: null },
      now,
      ids('a'),
    );
    await expect
      .poll(async () => (await notes(b.db)).map((note) => note.body), { timeout: 10_000 })
      .toEqual(['said on the call']);
    a.engine.unregister();
    setChangeJournal(outboxJournal(() => true));
  });

  it('never sends a private note, and takes one made private back off the server and the other devices', async () => {
    const [a, b] = await startBoth();
    const note = (body: string, baseRevision: number | null, isPrivate?: boolean) =>
      saveNoteEdit(
        a.db,
        { id: 'p1', accountKey: 'acme.com', kind: 'note', body, baseRevision, private: isPrivate },
        now,
        ids('a'),
      );
    await note('Their budget is 40k, keep to myself', null, true);
    await settle(a, b);
    expect(await serverDoc('notes:p1')).toBeUndefined();
    expect(await notes(b.db)).toEqual([]);

    await note('Shared after all', 1, false);
    await settle(a, b);
    expect((await notes(b.db)).map((row) => row.body)).toEqual(['Shared after all']);
    await note('Private again', 2, true);
    await settle(a, b);
    expect((await serverDoc('notes:p1'))?._deleted ?? true).toBe(true);
    expect(await notes(b.db)).toEqual([]);
    expect((await notes(a.db)).map((row) => [row.body, row.private])).toEqual([['Private again', true]]);
  });

  it('publishes a playbook to the team: taken at once by a rep who never edited theirs, asked of one who did', async () => {
    const [a, b] = await startBoth();
    const renamed = (name: string): Playbook => ({
      ...DEFAULT_PLAYBOOK,
      stages: DEFAULT_PLAYBOOK.stages.map((stage, index) =>
        index === 0 ? { ...stage, name: { en: name, 'zh-CN': name } } : stage,
      ),
    });
    a.playbook = renamed('Inbound lead');
    expect(await a.engine.publishPlaybook()).toMatchObject({ ok: true });
    await settle(a, b);
    expect(b.playbook.stages[0]!.name.en).toBe('Inbound lead');
    expect(await readTeamPlaybook(b.db)).toMatchObject({ state: 'adopted', publishedBy: { name: 'Anna' } });
    expect(await readTeamPlaybook(a.db)).toMatchObject({ state: 'adopted' });

    // Ben edits his own; Anna publishes again: Ben keeps his until he says otherwise.
    b.playbook = renamed('Ben’s leads');
    a.playbook = renamed('Qualified lead');
    now += 1000;
    await a.engine.publishPlaybook();
    await settle(a, b);
    expect(b.playbook.stages[0]!.name.en).toBe('Ben’s leads');
    const waiting = await readTeamPlaybook(b.db);
    expect(waiting).toMatchObject({ state: 'waiting', publishedAt: now });
    expect(waiting?.playbook.stages[0]!.name.en).toBe('Qualified lead');
  });

  it('stops syncing and keeps every local record', async () => {
    const [a] = await startBoth();
    await saveNoteEdit(
      a.db,
      { id: 'n1', accountKey: 'acme.com', kind: 'note', body: 'mine', baseRevision: null },
      now,
      ids('a'),
    );
    await a.engine.exchange('alarm');
    expect(await a.engine.stop()).toEqual({ state: 'off', pending: 0 });
    expect((await notes(a.db)).map((note) => note.body)).toEqual(['mine']);
  });
});
