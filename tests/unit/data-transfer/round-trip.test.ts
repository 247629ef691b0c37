/**
 * Export → wipe → import through the real database code (fake-indexeddb): the data comes back whole,
 * importing twice changes nothing, conflicts follow the newer row, and a failure mid-import writes
 * nothing at all. The property test runs the round trip on arbitrary valid data.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  deleteAllRows,
  importRows,
  previewImportRows,
  readSnapshot,
} from '../../../lib/data-transfer/database';
import {
  DATA_STORES,
  exportDocument,
  rowKey,
  storedRowSchemas,
  type StoreRows,
} from '../../../lib/data-transfer/format';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { BUYING_ROLES } from '../../../lib/contact/buying-roles';
import type { Db } from '../../../lib/db/open';
import type {
  AccountRecord,
  ContactRecord,
  DealRecord,
  FollowUpRecord,
  NoteRecord,
  QuestionLogRecord,
  StageEventRecord,
  TouchRecord,
} from '../../../lib/db/records';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { freshDb } from '../db/helpers';
import { emptyRows, note, sampleRows, T0 } from './rows';

async function seed(db: Db, rows: StoreRows): Promise<void> {
  const tx = db.transaction([...DATA_STORES], 'readwrite');
  for (const store of DATA_STORES)
    for (const row of rows[store]) await tx.objectStore(store).put(row as never);
  await tx.done;
}

function exportText(rows: StoreRows): string {
  return JSON.stringify(exportDocument(rows, { playbook: null, settings: DEFAULT_SETTINGS, now: T0 }));
}

function read(text: string) {
  const result = readImportText(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.file;
}

/** Rows per store in key order, so stores compare regardless of the order they were read in. */
function sorted(rows: StoreRows): StoreRows {
  const out = {} as Record<string, unknown[]>;
  for (const store of DATA_STORES) {
    out[store] = [...rows[store]].sort((a, b) => (rowKey(store, a) < rowKey(store, b) ? -1 : 1));
  }
  return out as unknown as StoreRows;
}

describe('export → wipe → import', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('brings every row of every store back', async () => {
    const { db } = await freshDb();
    await seed(db, sampleRows());
    const text = exportText((await readSnapshot(db)).rows);
    const wiped = await deleteAllRows(db);
    expect(wiped.deleted).toEqual({
      accounts: 1,
      deals: 1,
      contacts: 1,
      notes: 1,
      followUps: 1,
      stageEvents: 1,
      questionLog: 1,
      touches: 1,
    });
    expect(wiped.accountKeys).toEqual(['northwind-trading.com']);
    expect((await readSnapshot(db)).rows).toEqual(emptyRows());

    const plan = await importRows(db, read(text));
    expect(plan.changedRows).toBe(8);
    expect([...plan.accountKeys]).toEqual(['northwind-trading.com']);
    expect(sorted((await readSnapshot(db)).rows)).toEqual(sorted(sampleRows()));
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const { db } = await freshDb();
    const file = read(exportText(sampleRows()));
    expect((await importRows(db, file)).changedRows).toBe(8);
    const preview = await previewImportRows(db, file);
    expect(preview.changedRows).toBe(0);
    expect(preview.counts.notes).toEqual({ inFile: 1, added: 0, updated: 0, unchanged: 1, keptLocal: 0 });
    const before = await readSnapshot(db);
    expect((await importRows(db, file)).changedRows).toBe(0);
    expect(await readSnapshot(db)).toEqual(before);
  });

  it('keeps the newer of two rows with the same id, and the rep rows the file lacks', async () => {
    const { db } = await freshDb();
    await seed(db, {
      ...emptyRows(),
      notes: [
        note('edited-here', 'a.com', { body: 'newer here', revision: 5 }),
        note('edited-there', 'a.com', { body: 'older here', revision: 1 }),
        note('only-here', 'a.com'),
      ],
    });
    const file = read(
      exportText({
        ...emptyRows(),
        notes: [
          note('edited-here', 'a.com', { body: 'older there', revision: 4, updatedAt: T0 + 999 }),
          note('edited-there', 'a.com', { body: 'newer there', revision: 2 }),
          note('only-there', 'b.com'),
        ],
      }),
    );
    const plan = await importRows(db, file);
    expect(plan.counts.notes).toEqual({ inFile: 3, added: 1, updated: 1, unchanged: 0, keptLocal: 1 });
    const bodies = Object.fromEntries((await readSnapshot(db)).rows.notes.map((row) => [row.id, row.body]));
    expect(bodies).toEqual({
      'edited-here': 'newer here',
      'edited-there': 'newer there',
      'only-here': 'Note only-here',
      'only-there': 'Note only-there',
    });
  });

  it('writes nothing when a write fails halfway (one transaction over every store)', async () => {
    const { db } = await freshDb();
    await seed(db, { ...emptyRows(), notes: [note('kept', 'a.com')] });
    const before = await readSnapshot(db);
    const rows = {
      ...sampleRows(),
      notes: Array.from({ length: 50 }, (_, index) => note(`n${index}`, 'a.com')),
    };
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 40) throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(importRows(db, read(exportText(rows)))).rejects.toThrow('The disk is full');
    vi.restoreAllMocks();
    expect(await readSnapshot(db)).toEqual(before);
  });

  it('leaves damaged rows out of an export and counts them', async () => {
    const { db } = await freshDb();
    await seed(db, sampleRows());
    await db.put('notes', { id: 'broken', accountKey: 'a.com', body: 7 } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const snapshot = await readSnapshot(db);
    const reportedKeys = warn.mock.calls.map((call) => call[1]);
    warn.mockRestore();
    expect(snapshot.skipped).toBe(1);
    expect(reportedKeys).toEqual(['broken']);
    expect(snapshot.rows.notes.map((row) => row.id)).toEqual(['n1']);
    // The export of what is left imports cleanly; the broken row is repaired by a valid one of the same id.
    const plan = await importRows(
      db,
      read(exportText({ ...snapshot.rows, notes: [note('broken', 'a.com')] })),
    );
    expect(plan.counts.notes.added).toBe(1);
  });
});

// ---- property: arbitrary valid data survives export → wipe → import ----

/** Text of every kind: ASCII, any Unicode code point, whole graphemes (emoji), and CJK. */
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength: Math.max(1, Math.floor(maxLength / 4)) }),
    fc.string({
      unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)),
      maxLength,
    }),
  );
/** Lengths as the row schemas count them: in code points. */
const text = (min: number, max: number) =>
  anyText(max).filter((value) => [...value].length >= min && [...value].length <= max);
const instant = fc.maxSafeNat();
const accountKey = text(1, 40);
const email = text(3, 40);
const id = text(1, 30);
const slug = fc.string({ maxLength: 60 }).filter((value) => value !== '__proto__');

const accountArb: fc.Arbitrary<AccountRecord> = fc.record(
  {
    key: accountKey,
    displayName: text(0, 300),
    industry: fc.string({ maxLength: 40 }),
    createdAt: instant,
    updatedAt: instant,
  },
  { requiredKeys: ['key', 'createdAt', 'updatedAt'] },
);
const calendarDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const dealArb: fc.Arbitrary<DealRecord> = fc.record(
  {
    id,
    accountKey,
    title: text(1, 200),
    value: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })),
    currency: fc.constantFrom('EUR', 'CNY', 'USD'),
    closeDate: calendarDay,
    stageId: slug,
    stageEnteredAt: instant,
    checklist: fc.dictionary(slug, fc.array(fc.string({ maxLength: 60 }), { maxLength: 5 }), { maxKeys: 4 }),
    outcome: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
    lostReason: fc.string({ maxLength: 60 }),
    closedAt: instant,
    createdAt: instant,
    updatedAt: instant,
  },
  { requiredKeys: ['id', 'accountKey', 'title', 'checklist', 'outcome', 'createdAt', 'updatedAt'] },
);
const contactArb: fc.Arbitrary<ContactRecord> = fc.record(
  {
    email,
    accountKey,
    name: text(0, 300),
    lastSeenUrl: text(0, 200),
    lastSeenAt: instant,
    roles: fc.uniqueArray(fc.constantFrom(...BUYING_ROLES), { maxLength: BUYING_ROLES.length }),
    createdAt: instant,
    updatedAt: instant,
  },
  { requiredKeys: ['email', 'accountKey', 'createdAt', 'updatedAt'] },
);
const noteArb: fc.Arbitrary<NoteRecord> = fc.record(
  {
    id,
    accountKey,
    contactEmail: email,
    kind: fc.constantFrom('note' as const, 'call' as const),
    body: text(0, 2000),
    createdAt: instant,
    updatedAt: instant,
    revision: fc.integer({ min: 1, max: 1_000_000 }),
  },
  { requiredKeys: ['id', 'accountKey', 'kind', 'body', 'createdAt', 'updatedAt', 'revision'] },
);
const followUpArb: fc.Arbitrary<FollowUpRecord> = fc.record(
  {
    id,
    accountKey,
    contactEmail: email,
    title: text(1, 500),
    due: instant,
    status: fc.constantFrom('proposed' as const, 'open' as const, 'done' as const),
    doneAt: instant,
    snoozedUntil: instant,
    source: fc.constantFrom('manual' as const, 'plan' as const),
    dealId: id,
    planStepId: fc.string({ maxLength: 60 }),
    createdAt: instant,
    updatedAt: instant,
  },
  { requiredKeys: ['id', 'accountKey', 'title', 'due', 'status', 'source', 'createdAt', 'updatedAt'] },
);
const stageEventArb: fc.Arbitrary<StageEventRecord> = fc.record(
  {
    id,
    accountKey,
    dealId: id,
    from: fc.string({ maxLength: 60 }),
    to: fc.string({ maxLength: 60 }),
    at: instant,
  },
  { requiredKeys: ['id', 'accountKey', 'to', 'at'] },
);
const questionLogArb: fc.Arbitrary<QuestionLogRecord> = fc.record({
  id: text(1, 400),
  accountKey,
  questionId: fc.string({ maxLength: 60 }),
  spinType: fc.constantFrom('S' as const, 'P' as const, 'I' as const, 'N' as const),
  askedAt: instant,
});

/** Rows the store's schema accepts (the generators aim at it; the schema has the last word), unique by key. */
const unique = <T>(schema: z.ZodType, arb: fc.Arbitrary<T>, key: (row: T) => string) =>
  fc.uniqueArray(
    arb.filter((row) => schema.safeParse(row).success),
    { selector: key, maxLength: 8 },
  );

const touchArb: fc.Arbitrary<TouchRecord> = fc.record(
  {
    id,
    accountKey,
    contactEmail: email,
    at: instant,
    site: fc.constantFrom('gmail', 'outlook', 'salesforce', 'generic'),
    title: text(0, 500),
    url: text(0, 200),
    visitKey: text(1, 200),
  },
  { requiredKeys: ['id', 'accountKey', 'at', 'site', 'title', 'visitKey'] },
);

const rowsArb: fc.Arbitrary<StoreRows> = fc.record({
  accounts: unique(storedRowSchemas.accounts, accountArb, (row) => row.key),
  deals: unique(storedRowSchemas.deals, dealArb, (row) => row.id),
  contacts: unique(storedRowSchemas.contacts, contactArb, (row) => row.email),
  notes: unique(storedRowSchemas.notes, noteArb, (row) => row.id),
  followUps: unique(storedRowSchemas.followUps, followUpArb, (row) => row.id),
  stageEvents: unique(storedRowSchemas.stageEvents, stageEventArb, (row) => row.id),
  questionLog: unique(storedRowSchemas.questionLog, questionLogArb, (row) => row.id),
  // Unique by id and by visit, as the store's unique index keeps them.
  touches: unique(storedRowSchemas.touches, touchArb, (row) => row.id).map((rows) =>
    rows.filter((row, index) => rows.findIndex((other) => other.visitKey === row.visitKey) === index),
  ),
});

describe('property: export → wipe → import gives identical data', () => {
  // Sixty round trips through seven stores: more than the default time on a busy machine.
  it(
    'for arbitrary valid rows in every store (Unicode, CJK, emoji, any instant)',
    { timeout: 30_000 },
    async () => {
      const { db } = await freshDb();
      await fc.assert(
        fc.asyncProperty(rowsArb, async (rows) => {
          await deleteAllRows(db);
          await seed(db, rows);
          const text = exportText((await readSnapshot(db)).rows);
          await deleteAllRows(db);
          const plan = await importRows(db, read(text));
          expect(plan.changedRows).toBe(DATA_STORES.reduce((sum, store) => sum + rows[store].length, 0));
          expect(sorted((await readSnapshot(db)).rows)).toEqual(sorted(rows));
          // And a second import of the same file finds nothing new.
          expect((await previewImportRows(db, read(text))).changedRows).toBe(0);
        }),
        { numRuns: 60 },
      );
    },
  );
});
