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

type Step =
  | { kind: 'put'; id: number; words: number[]; at: number }
  | { kind: 'delete'; id: number }
  | { kind: 'clear' }
  | { kind: 'compact' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      id: fc.integer({ min: 0, max: 12 }),
      words: fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 4 }),
      at: fc.integer({ min: 0, max: 20 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 12 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
);

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
            if (change.kind === 'put') {
              const note = noteRow(`n${change.id}`, change.words.map((w) => WORDS[w]).join(' '), change.at);
              notes.set(note.id, note);
              await inTransaction(db, ['notes'], 'readwrite', (tx) => tx.objectStore('notes').put(note));
            } else if (change.kind === 'delete') {
              notes.delete(`n${change.id}`);
              await inTransaction(db, ['notes'], 'readwrite', (tx) =>
                tx.objectStore('notes').delete(`n${change.id}`),
              );
            } else if (change.kind === 'clear') {
              notes.clear();
              await inTransaction(db, ['notes'], 'readwrite', (tx) => tx.objectStore('notes').clear());
            } else {
              const loaded = await loadSearchIndex(db);
              if (loaded) await compactSearchIndex(db, loaded);
              memory.unload();
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
      { numRuns: 40 },
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
