/**
 * A version-1 user's database, upgraded to the current schema.
 *
 * The snapshot (tests/fixtures/db/v1-realistic.json, written once by scripts/make-v1-fixture.ts) is seeded
 * into a database built by the version-1 migrations only, then opened the way the extension opens it.
 * Every migration appended after version 1 runs here against it (002 adds the SPIN log's time index). A
 * migration that rewrites rows states what a version-1 row becomes in `expectedAfterUpgrade` below;
 * everything else is checked as it is.
 */
import { deleteDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import snapshot from '../../fixtures/db/v1-realistic.json';
import {
  firstOpenFollowUpDueAfter,
  listAccountFollowUps,
  listOpenFollowUpsDue,
} from '../../../lib/db/follow-ups';
import { DB_VERSION, migrations } from '../../../lib/db/migrations';
import { listNotes } from '../../../lib/db/notes';
import { openDealsideDb } from '../../../lib/db/open';
import { getAccount, listAccountContacts } from '../../../lib/db/accounts';
import { listAccountDeals } from '../../../lib/db/deals';
import {
  accountRecordSchema,
  contactRecordSchema,
  followUpRecordSchema,
  noteRecordSchema,
  questionLogRecordSchema,
  stageEventRecordSchema,
} from '../../../lib/db/records';

type StoreName = 'accounts' | 'contacts' | 'notes' | 'followUps' | 'stageEvents' | 'questionLog';
type Row = Record<string, unknown>;

const STORES: readonly StoreName[] = [
  'accounts',
  'contacts',
  'notes',
  'followUps',
  'stageEvents',
  'questionLog',
];
const KEY_PATH: Record<StoreName, string> = {
  accounts: 'key',
  contacts: 'email',
  notes: 'id',
  followUps: 'id',
  stageEvents: 'id',
  questionLog: 'id',
};
/** The current schema of each store's rows: every upgraded row must pass it. */
const CURRENT_SCHEMA = {
  accounts: accountRecordSchema,
  contacts: contactRecordSchema,
  notes: noteRecordSchema,
  followUps: followUpRecordSchema,
  stageEvents: stageEventRecordSchema,
  questionLog: questionLogRecordSchema,
} as const;

const v1 = snapshot.stores as unknown as Record<StoreName, Row[]>;

/** The accounts migration 004 gives a deal: every account of the snapshot with a stage. */
const STAGED = new Set(
  (snapshot.stores.accounts as Row[])
    .filter((row) => row.stageId !== undefined)
    .map((row) => String(row.key)),
);

/** The deal migration 004 gives an account with a stage: named after the account. */
const dealIdOf = (accountKey: string) => `deal:${accountKey}`;

/**
 * What a version-1 row is after every migration up to DB_VERSION. 002 and 003 change no row; 004 moves
 * an account's stage and checklist to its deal and names that deal on its stage events. A migration that
 * adds a field, renames one or moves rows between stores says so here (and only here).
 */
function expectedAfterUpgrade(store: StoreName, row: Row): Row {
  if (store === 'accounts') {
    const { stageId: _stageId, checklist: _checklist, ...rest } = row;
    void _stageId;
    void _checklist;
    return rest;
  }
  if (store === 'stageEvents') return { ...row, dealId: dealIdOf(String(row.accountKey)) };
  // Follow-ups of a staged account name its deal.
  if (store === 'followUps' && STAGED.has(String(row.accountKey))) {
    return { ...row, dealId: dealIdOf(String(row.accountKey)) };
  }
  return row;
}

const NORTHWIND = 'northwind-trading.com';
const SHENZHEN = 'xn--fesq9gz2uv0g.xn--fiqs8s';
const QQ_ADDRESS = 'li.wei@qq.com';

let counter = 0;

/** A database at version 1 holding the snapshot, closed again; returns its name. */
async function seededVersion1(): Promise<string> {
  const name = `upgrade-from-v1-${process.pid}-${++counter}`;
  await deleteDB(name);
  const old = await openDealsideDb({
    name,
    targetVersion: 1,
    migrations: migrations.filter((step) => step.version <= 1),
  });
  expect(old.version).toBe(1);
  // Rows go in raw, the way they sit on a version-1 user's disk: no validation, no defaults.
  const tx = old.transaction(STORES, 'readwrite');
  for (const store of STORES) {
    for (const row of v1[store]) void (tx.objectStore(store) as unknown as IDBObjectStoreLike).put(row);
  }
  await tx.done;
  old.close();
  return name;
}

interface IDBObjectStoreLike {
  put(value: unknown): Promise<unknown>;
}

function byKey(store: StoreName) {
  const key = KEY_PATH[store];
  return (a: Row, b: Row) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0);
}

async function allRows(db: IDBPDatabase<unknown>, store: StoreName): Promise<Row[]> {
  return ((await db.getAll(store as never)) as Row[]).sort(byKey(store));
}

describe('upgrading a realistic version-1 database to the current schema', () => {
  it('the snapshot is a version-1 snapshot with rows in every store', () => {
    expect(snapshot.schemaVersion).toBe(1);
    for (const store of STORES) expect(v1[store].length, store).toBeGreaterThan(0);
    expect(v1.accounts.map((row) => row.key)).toEqual(expect.arrayContaining([SHENZHEN, QQ_ADDRESS]));
    expect(new Set(v1.followUps.map((row) => row.status))).toEqual(new Set(['proposed', 'open', 'done']));
    expect(Math.max(...v1.notes.map((row) => String(row.body).length))).toBeGreaterThanOrEqual(100 * 1024);
  });

  it('keeps every record of every store, equal to what was stored, and valid by the current schema', async () => {
    const name = await seededVersion1();
    const db = await openDealsideDb({ name });
    expect(db.version).toBe(DB_VERSION);
    try {
      for (const store of STORES) {
        const rows = await allRows(db as unknown as IDBPDatabase<unknown>, store);
        const expected = v1[store].map((row) => expectedAfterUpgrade(store, row)).sort(byKey(store));
        expect(rows, store).toEqual(expected);
        for (const row of rows) {
          const parsed = CURRENT_SCHEMA[store].safeParse(row);
          expect(parsed.success, `${store} ${String(row[KEY_PATH[store]])}`).toBe(true);
        }
      }
    } finally {
      db.close();
    }
  });

  it('has every store with the indexes the current migrations create, answering for every row', async () => {
    const name = await seededVersion1();
    const db = await openDealsideDb({ name });
    // A database built from nothing by the current migrations: the upgraded one must have the same shape.
    const freshName = `${name}-fresh`;
    await deleteDB(freshName);
    const fresh = await openDealsideDb({ name: freshName });
    try {
      expect([...db.objectStoreNames].sort()).toEqual([...fresh.objectStoreNames].sort());
      for (const store of [...fresh.objectStoreNames]) {
        const upgradedStore = db.transaction(store).store;
        const freshStore = fresh.transaction(store).store;
        expect(upgradedStore.keyPath, store).toEqual(freshStore.keyPath);
        expect([...upgradedStore.indexNames].sort(), store).toEqual([...freshStore.indexNames].sort());
        for (const indexName of [...freshStore.indexNames]) {
          const freshIndex = freshStore.index(indexName as never);
          const index = upgradedStore.index(indexName as never);
          expect(index.keyPath, `${store}.${indexName}`).toEqual(freshIndex.keyPath);
          expect(index.unique, `${store}.${indexName}`).toBe(freshIndex.unique);
          expect(index.multiEntry, `${store}.${indexName}`).toBe(freshIndex.multiEntry);
        }
      }
      // Every row is found by every index of its store under its own index key.
      for (const store of STORES) {
        // Index shapes are read first: the transaction ends at the first await below.
        const objectStore = db.transaction(store as never).store as unknown as IDBObjectStore;
        const indexes = [...objectStore.indexNames].map((indexName) => ({
          indexName,
          keyPath: objectStore.index(indexName).keyPath,
        }));
        const rows = (await db.getAll(store as never)) as Row[];
        for (const { indexName, keyPath } of indexes) {
          for (const row of rows) {
            const key = Array.isArray(keyPath) ? keyPath.map((part) => row[part]) : row[keyPath as string];
            if (key === undefined || (Array.isArray(key) && key.includes(undefined))) continue;
            const primaryKeys = await db.getAllKeysFromIndex(
              store as never,
              indexName as never,
              key as never,
            );
            expect(primaryKeys, `${store}.${indexName} ${JSON.stringify(key)}`).toContain(
              row[KEY_PATH[store]],
            );
          }
        }
      }
    } finally {
      db.close();
      fresh.close();
      await deleteDB(freshName);
    }
  });

  it('answers the range reads the surfaces make', async () => {
    const name = await seededVersion1();
    const db = await openDealsideDb({ name });
    try {
      // notes by-account-created: an account's notes newest first, including two created in the same ms.
      const northwindNotes = await listNotes(db, NORTHWIND);
      const expectedNorthwind = v1.notes
        .filter((row) => row.accountKey === NORTHWIND)
        .sort((a, b) => Number(b.createdAt) - Number(a.createdAt) || (String(a.id) < String(b.id) ? 1 : -1));
      expect(northwindNotes.map((note) => note.id)).toEqual(expectedNorthwind.map((row) => row.id));
      expect(northwindNotes.find((note) => note.body.length >= 100 * 1024)?.body).toBe(
        v1.notes.find((row) => String(row.body).length >= 100 * 1024)?.body,
      );
      // A range on the compound index: Northwind's notes created in its first week only.
      const t0 = Number(v1.accounts.find((row) => row.key === NORTHWIND)!.createdAt);
      const firstWeek = await db.getAllKeysFromIndex(
        'notes',
        'by-account-created',
        IDBKeyRange.bound([NORTHWIND, t0], [NORTHWIND, t0 + 7 * 86_400_000], false, true),
      );
      expect(firstWeek.sort()).toEqual(
        v1.notes
          .filter((row) => row.accountKey === NORTHWIND && Number(row.createdAt) < t0 + 7 * 86_400_000)
          .map((row) => row.id)
          .sort(),
      );
      const cjk = await listNotes(db, SHENZHEN);
      expect(cjk.map((note) => note.body)).toEqual([expect.stringContaining('张总关注交付周期')]);
      expect((await listNotes(db, QQ_ADDRESS)).map((note) => note.contactEmail)).toEqual([QQ_ADDRESS]);

      // followUps by-status-due: open ones by due time, ties kept; none proposed or done among them.
      const open = await listOpenFollowUpsDue(db, 0, Number.MAX_SAFE_INTEGER);
      const expectedOpen = v1.followUps
        .filter((row) => row.status === 'open')
        .sort((a, b) => Number(a.due) - Number(b.due) || (String(a.id) < String(b.id) ? -1 : 1));
      expect(open.map((row) => row.id)).toEqual(expectedOpen.map((row) => row.id));
      expect(await firstOpenFollowUpDueAfter(db, 0)).toMatchObject({ id: expectedOpen[0]!.id });
      expect(
        await db.countFromIndex(
          'followUps',
          'by-status-due',
          IDBKeyRange.bound(['proposed', 0], ['proposed', Number.MAX_SAFE_INTEGER]),
        ),
      ).toBe(v1.followUps.filter((row) => row.status === 'proposed').length);
      expect((await listAccountFollowUps(db, NORTHWIND)).map((row) => row.status)).toEqual([
        'open',
        'open',
        'proposed',
        'done',
      ]);

      // accounts, deals, contacts, stage events and the question log by account / by time.
      expect(await getAccount(db, SHENZHEN)).toEqual(
        expect.objectContaining({ displayName: '深圳电子有限公司' }),
      );
      expect(await listAccountDeals(db, SHENZHEN)).toEqual([
        expect.objectContaining({
          stageId: 'discovery',
          checklist: { lead: ['first-contact'] },
          outcome: 'open',
        }),
      ]);
      expect((await listAccountContacts(db, NORTHWIND)).map((row) => row.email).sort()).toEqual(
        v1.contacts
          .filter((row) => row.accountKey === NORTHWIND)
          .map((row) => row.email)
          .sort(),
      );
      expect(await db.getAllKeysFromIndex('deals', 'by-outcome-stage', ['open', 'negotiation'])).toEqual([
        dealIdOf(NORTHWIND),
      ]);
      const moves = await db.getAllFromIndex('stageEvents', 'by-account', NORTHWIND);
      expect(moves.sort((a, b) => a.at - b.at).map((row) => row.to)).toEqual([
        'lead',
        'discovery',
        'solution',
        'negotiation',
      ]);
      expect(await db.countFromIndex('stageEvents', 'by-at', IDBKeyRange.lowerBound(0))).toBe(
        v1.stageEvents.length,
      );
      expect(
        (await db.getAllFromIndex('questionLog', 'by-account', NORTHWIND)).map((row) => row.spinType).sort(),
      ).toEqual(['P', 'P', 'S', 'S']);
      expect(await db.get('questionLog', `${QQ_ADDRESS}\u0000gen-s-priorities`)).toMatchObject({
        spinType: 'S',
      });
      // questionLog by-asked (added by 002): the questions asked since a moment, oldest first.
      const askedTimes = v1.questionLog.map((row) => Number(row.askedAt)).sort((a, b) => a - b);
      const since = askedTimes[Math.floor(askedTimes.length / 2)]!;
      const askedSince = await db.getAllFromIndex('questionLog', 'by-asked', IDBKeyRange.lowerBound(since));
      expect(askedSince.map((row) => row.askedAt)).toEqual(askedTimes.filter((time) => time >= since));
    } finally {
      db.close();
    }
  });

  it("turns each staged account's stage, checklist and history into one open deal", async () => {
    const name = await seededVersion1();
    const db = await openDealsideDb({ name });
    try {
      const deals = ((await db.getAll('deals')) as Row[]).sort(byKey('stageEvents'));
      // Every account with a stage, a ticked item or a stage move has one deal; the one never staged has none.
      const staged = v1.accounts.filter(
        (row) =>
          row.stageId !== undefined ||
          Object.values((row.checklist ?? {}) as Record<string, string[]>).some(
            (items) => items.length > 0,
          ) ||
          v1.stageEvents.some((event) => event.accountKey === row.key),
      );
      expect(staged.map((row) => row.key)).not.toContain('example-gmbh.de');
      expect(deals.map((deal) => deal.accountKey).sort()).toEqual(staged.map((row) => row.key).sort());
      for (const account of staged) {
        const deal = deals.find((candidate) => candidate.accountKey === account.key)!;
        const events = v1.stageEvents.filter((event) => event.accountKey === account.key);
        expect(deal, String(account.key)).toEqual({
          id: dealIdOf(String(account.key)),
          accountKey: account.key,
          title: account.displayName ?? account.key,
          stageId: account.stageId,
          // Entered its stage with the latest move to it.
          stageEnteredAt: Math.max(
            ...events.filter((event) => event.to === account.stageId).map((event) => Number(event.at)),
          ),
          checklist: account.checklist,
          outcome: 'open',
          createdAt: Math.min(Number(account.createdAt), ...events.map((event) => Number(event.at))),
          updatedAt: account.updatedAt,
        });
      }
      // A stage the playbook no longer has stays named on the deal, shown as removed.
      expect(deals.find((deal) => deal.accountKey === 'contoso.co.uk')).toMatchObject({
        stageId: 'pilot-legacy',
      });
    } finally {
      db.close();
    }
  });

  it('is a no-op when the upgraded database is opened again', async () => {
    const name = await seededVersion1();
    (await openDealsideDb({ name })).close();
    const again = await openDealsideDb({ name });
    try {
      for (const store of STORES) {
        expect(await again.count(store as never), store).toBe(v1[store].length);
      }
    } finally {
      again.close();
    }
  });
});
