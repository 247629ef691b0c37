/**
 * The stored notes search index: kept in each note write's transaction, loaded, compacted and repaired.
 * The property: after any sequence of note writes (puts, edits, deletes, clears, compactions), the index
 * as stored and loaded, the background's copy that followed the commits, and a repair from the notes
 * store all answer every query exactly as a plain scan of the notes does.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotesSearchIndex } from '../../../lib/background/notes-index';
import { onCommittedChanges } from '../../../lib/db/committed-changes';
import { openDealsideDb, type Db } from '../../../lib/db/open';
import type { NoteRecord } from '../../../lib/db/records';
import {
  compactSearchIndex,
  loadSearchIndex,
  notesSearchDerivedData,
  readSearchIndex,
  repairSearchIndex,
} from '../../../lib/db/search-index';
import { inTransaction, registerDerivedData } from '../../../lib/db/transaction';
import { InvertedIndex } from '../../../lib/search/inverted-index';
import { indexTerms, parseQuery, termMatch } from '../../../lib/search/tokens';

let stopDerived: () => void;
beforeAll(() => {
  stopDerived = registerDerivedData(notesSearchDerivedData);
});
afterAll(() => stopDerived());

const WORDS = [
  'pilot',
  'pilots',
  'warehouse',
  'warehose',
  'Café',
  'cafe',
  'quote',
  '报价单',
  '采购部',
  '报告',
];
const QUERIES = [
  'p',
  'pilot',
  'warehouse',
  'warehouse pilot',
  'caf',
  'CAFÉ',
  '报',
  '报价',
  '采购部',
  '价单 pil',
  'zz',
];

function noteRow(id: string, body: string, updatedAt: number): NoteRecord {
  return {
    id,
    accountKey: 'northwind-trading.com',
    kind: 'note',
    body,
    createdAt: 1,
    updatedAt,
    revision: 1,
  };
}

/** What a plain scan of the notes finds: ids, newest first (id breaking ties). */
function scan(notes: Iterable<NoteRecord>, query: string): string[] {
  const { terms } = parseQuery(query);
  return [...notes]
    .filter((note) => {
      const words = indexTerms(note.body);
      return terms.every((term) => words.some((word) => termMatch(term, word) !== undefined));
    })
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1))
    .map((note) => note.id);
}

const found = (index: InvertedIndex, query: string) =>
  index.search(parseQuery(query).terms, 0, 1000).page.map((entry) => entry.id);

type Write =
  | { kind: 'put'; id: number; words: number[]; at: number }
  | { kind: 'delete'; id: number }
  | { kind: 'clear' };

/** One write in a transaction of its own, several in one (as a sync batch or an import), or a compaction. */
type Step = Write | { kind: 'together'; writes: Write[] } | { kind: 'compact' };

const put = fc.record({
  kind: fc.constant('put' as const),
  id: fc.integer({ min: 0, max: 12 }),
  words: fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 4 }),
  at: fc.integer({ min: 0, max: 20 }),
});
const remove = fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }) });
const write: fc.Arbitrary<Write> = fc.oneof(
  { weight: 8, arbitrary: put },
  { weight: 3, arbitrary: remove },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: write },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('together' as const),
      writes: fc.array(write, { minLength: 2, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
);

/** Makes `change` in `notes` (the expected state) and through `store` (the notes store of a transaction). */
async function applyWrite(
  notes: Map<string, NoteRecord>,
  store: {
    put(note: NoteRecord): Promise<unknown>;
    delete(id: string): Promise<unknown>;
    clear(): Promise<unknown>;
  },
  change: Write,
): Promise<void> {
  if (change.kind === 'put') {
    const note = noteRow(`n${change.id}`, change.words.map((w) => WORDS[w]).join(' '), change.at);
    notes.set(note.id, note);
    await store.put(note);
  } else if (change.kind === 'delete') {
    notes.delete(`n${change.id}`);
    await store.delete(`n${change.id}`);
  } else {
    notes.clear();
    await store.clear();
  }
}

let databases = 0;

describe('stored notes search index', () => {
  it('answers as a scan of the notes after any writes: loaded, followed in memory and repaired', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), fc.boolean(), async (steps, loadEarly) => {
        const db = await openDealsideDb({ name: `search-index-${++databases}` });
        const memory = new NotesSearchIndex();
        const stop = onCommittedChanges((changes) => memory.onCommitted(changes));
        try {
          const notes = new Map<string, NoteRecord>();
          if (loadEarly) await memory.ready(db);
          for (const change of steps) {
            if (change.kind === 'compact') {
              const loaded = await loadSearchIndex(db);
              if (loaded) await compactSearchIndex(db, loaded);
              memory.unload();
            } else {
              const writes = change.kind === 'together' ? change.writes : [change];
              await inTransaction(db, ['notes'], 'readwrite', async (tx) => {
                for (const each of writes) await applyWrite(notes, tx.objectStore('notes'), each);
              });
            }
          }
          const followed = await memory.ready(db);
          const loaded = await loadSearchIndex(db);
          expect(loaded).toBeDefined();
          const repaired = await repairSearchIndex(db);
          for (const query of QUERIES) {
            const expected = scan(notes.values(), query);
            expect(found(loaded!, query), query).toEqual(expected);
            expect(found(followed, query), query).toEqual(expected);
            expect(found(repaired, query), query).toEqual(expected);
          }
          expect(repaired.size).toBe(notes.size);
          expect(memory.repairs).toBe(0);
        } finally {
          stop();
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('compacting folds the deltas into the base and keeps every answer', async () => {
    const db = await openDealsideDb({ name: `search-index-${++databases}` });
    for (let index = 0; index < 30; index += 1) {
      const note = noteRow(`n${index}`, `${WORDS[index % WORDS.length]} number ${index}`, index);
      await inTransaction(db, ['notes'], 'readwrite', (tx) => tx.objectStore('notes').put(note));
    }
    const before = (await loadSearchIndex(db))!;
    expect((await readSearchIndex(db)).deltas).toHaveLength(30);
    const compacted = await compactSearchIndex(db, before);
    const stored = await readSearchIndex(db);
    expect(stored.deltas).toHaveLength(0);
    expect(stored.base?.idEnds).toHaveLength(30);
    for (const query of QUERIES) expect(found(compacted, query)).toEqual(found(before, query));
    db.close();
  });

  it('stores the notes a transaction writes together as one row, and drops the rows it supersedes', async () => {
    const db = await openDealsideDb({ name: `search-index-${++databases}` });
    const putAll = (notes: NoteRecord[]) =>
      inTransaction(db, ['notes'], 'readwrite', async (tx) => {
        for (const note of notes) await tx.objectStore('notes').put(note);
      });
    await putAll([noteRow('n1', 'pilot', 1)]);
    await putAll([noteRow('n2', 'quote', 2)]);
    // As a sync batch: 500 notes, one of them written on its own before.
    await putAll(Array.from({ length: 500 }, (_, index) => noteRow(`n${index + 2}`, 'warehouse', 3)));
    const rows = () => db.getAllKeys('searchDeltas');
    expect(await rows()).toEqual([1, 'n1']);
    await putAll([noteRow('n2', 'cafe', 4), noteRow('n3', 'cafe', 4)]);
    await putAll([noteRow('n3', 'pilot', 5)]);
    expect(await rows()).toEqual([1, 2, 'n1', 'n3']);
    const loaded = (await loadSearchIndex(db))!;
    expect(found(loaded, 'pilot')).toEqual(['n3', 'n1']);
    expect(found(loaded, 'cafe')).toEqual(['n2']);
    expect(found(loaded, 'warehouse')).toHaveLength(498);
    expect(found(loaded, 'quote')).toEqual([]);
    db.close();
  });

  it('marks the index for repair after a key-range delete, and repairs it on the next search', async () => {
    const db: Db = await openDealsideDb({ name: `search-index-${++databases}` });
    for (const id of ['a1', 'a2', 'b1']) {
      await inTransaction(db, ['notes'], 'readwrite', (tx) =>
        tx.objectStore('notes').put(noteRow(id, 'pilot', 1)),
      );
    }
    await inTransaction(db, ['notes'], 'readwrite', (tx) =>
      tx.objectStore('notes').delete(IDBKeyRange.bound('a', 'a\uffff')),
    );
    expect(await loadSearchIndex(db)).toBeUndefined();
    const memory = new NotesSearchIndex();
    expect(found(await memory.ready(db), 'pilot')).toEqual(['b1']);
    expect(memory.repairs).toBe(1);
    expect(await loadSearchIndex(db)).toBeDefined();
    db.close();
  });

  it('keeps note numbers far apart exactly (postings stored as gaps of one to several bytes)', () => {
    const notes = Array.from({ length: 40_000 }, (_, index) => ({
      id: `n${index}`,
      updatedAt: 40_000 - index,
      terms: [
        index % 300 === 0 || index === 39_999 ? 'rare' : 'common',
        index % 20_000 === 7 ? 'twice' : 'x',
      ].join(' '),
    }));
    const index = InvertedIndex.build(notes);
    const expected = notes.filter((note) => note.terms.startsWith('rare')).map((note) => note.id);
    expect(index.search(parseQuery('rare').terms, 0, 1_000).page.map((hit) => hit.id)).toEqual(expected);
    expect(index.search(parseQuery('twice').terms, 0, 10).page.map((hit) => hit.id)).toEqual([
      'n7',
      'n20007',
    ]);
    // A change folded in keeps the rest.
    index.apply({ id: 'n300', updatedAt: 1, terms: 'common' });
    const compacted = new InvertedIndex(index.toBase());
    expect(compacted.search(parseQuery('rare').terms, 0, 1_000).total).toBe(expected.length - 1);
    expect(compacted.search(parseQuery('twice').terms, 0, 10).total).toBe(2);
    expect(compacted.size).toBe(40_000);
  });
});
