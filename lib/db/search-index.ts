/**
 * The notes search index as stored (schema version 7): a base segment and per-note deltas
 * (lib/search/inverted-index.ts), kept in step with the notes by the derived-data hook of
 * ./transaction.ts: every transaction that writes notes also writes the deltas of the notes it wrote
 * (their terms, or tombstones), so the index can never disagree with the notes it was committed with.
 *
 * - A note put: its delta (one tokenising). A note deleted: a tombstone. A transaction that writes one
 *   note stores its delta keyed by the note's id (an autosave replaces its own row); one that writes
 *   several (a sync batch, an import, a merge) stores them all in one row keyed by a number, the next
 *   after the stored ones, and drops the per-note rows of the notes it names: a row per note made an
 *   initial sync write a second row for each of 100,000 notes. Numbers sort before strings, so loading
 *   applies the batches in the order written and then the per-note rows, each newer than any batch
 *   naming its note.
 * - The notes store cleared: the index emptied (an empty base, no deltas).
 * - Notes deleted by a key range (no app write does this today): the index is marked for repair.
 * - Loading: the base, the state and the deltas in one read transaction.
 * - Compacting: the deltas folded into a new base (from memory), written with the deltas cleared in one
 *   transaction.
 * - Repair: the index rebuilt from the notes store, in one transaction that holds the notes store, so
 *   no write can fall between the read and the new base. Used when there is no base (a database upgraded
 *   from version 6) or a repair is due, and on request (`repairNotesSearch`).
 */
import type { StoreChange } from './committed-changes';
import type { Db } from './open';
import { noteRecordSchema } from './records';
import { inDerivedDataTransaction, type DerivedData, type Tx } from './transaction';
import type { AnyStoreName } from './schema';
import { validRows } from './validate';
import {
  emptyBase,
  InvertedIndex,
  isSearchBase,
  type SearchBase,
  type SearchDelta,
  type SearchDeltaBatch,
} from '../search/inverted-index';
import { indexTerms } from '../search/tokens';

const BASE_KEY = 'base';
const STATE_KEY = 'state';

interface SearchIndexState {
  /** A write the deltas cannot describe (a key-range delete) happened: rebuild from the notes. */
  repairDue?: boolean;
}

function isDeltaBatch(row: SearchDelta | SearchDeltaBatch): row is SearchDeltaBatch {
  return Array.isArray((row as Partial<SearchDeltaBatch>).deltas);
}

/** The deltas of the stored rows, in the order they apply (the rows' key order). */
function deltasOfRows(rows: readonly (SearchDelta | SearchDeltaBatch)[]): SearchDelta[] {
  return rows.flatMap((row) => (isDeltaBatch(row) ? row.deltas : [row]));
}

/** The delta a stored note row gives: its terms, or a tombstone when the row is not a valid note. */
export function noteDelta(key: string, row: unknown): SearchDelta {
  const parsed = noteRecordSchema.safeParse(row);
  if (!parsed.success) return { id: key, updatedAt: 0 };
  return { id: key, updatedAt: parsed.data.updatedAt, terms: indexTerms(parsed.data.body).join(' ') };
}

/** The deltas each committed note change wrote, so the background's memory applies them without tokenising again. */
const deltasOfChanges = new WeakMap<StoreChange, SearchDelta>();

/** What a committed change to the notes store means for the index in memory. */
export type IndexChange = { kind: 'delta'; delta: SearchDelta } | { kind: 'clear' } | { kind: 'repair' };

export function indexChangeOf(change: StoreChange): IndexChange {
  if (change.kind === 'clear') return { kind: 'clear' };
  if (change.kind === 'delete' && change.key instanceof IDBKeyRange) return { kind: 'repair' };
  const known = deltasOfChanges.get(change);
  if (known) return { kind: 'delta', delta: known };
  const key = String(change.key as string);
  return {
    kind: 'delta',
    delta: change.kind === 'put' ? noteDelta(key, change.value) : { id: key, updatedAt: 0 },
  };
}

/** Keeps the stored index in step with the notes, in each write's own transaction. */
export const notesSearchDerivedData: DerivedData = {
  sources: ['notes'],
  stores: ['searchIndex', 'searchDeltas'],
  update(tx: Tx<AnyStoreName[], 'readwrite'>, changes: readonly StoreChange[]) {
    const deltas = tx.objectStore('searchDeltas');
    const index = tx.objectStore('searchIndex');
    const writes: Promise<unknown>[] = [];
    // The latest delta per note since the transaction's last clear, in the order written.
    const written = new Map<string, SearchDelta>();
    for (const change of changes) {
      if (change.store !== 'notes') continue;
      const effect = indexChangeOf(change);
      if (effect.kind === 'clear') {
        written.clear();
        writes.push(deltas.clear(), index.put(emptyBase(), BASE_KEY), index.delete(STATE_KEY));
      } else if (effect.kind === 'repair') {
        writes.push(index.put({ repairDue: true } satisfies SearchIndexState, STATE_KEY));
      } else {
        deltasOfChanges.set(change, effect.delta);
        written.delete(effect.delta.id);
        written.set(effect.delta.id, effect.delta);
      }
    }
    if (written.size === 1) {
      const [delta] = written.values();
      writes.push(deltas.put(delta!, delta!.id));
    }
    // Not awaited: the transaction commits once they are done (lib/db/transaction.ts `commitNow`), and a
    // failed one aborts it with the note's write. Caught here only so it is not reported twice.
    for (const write of writes) write.catch(() => undefined);
    if (written.size > 1) return storeBatch(deltas, [...written.values()]);
  },
};

type DeltasStore = ReturnType<Tx<['searchDeltas'], 'readwrite'>['objectStore']>;

/**
 * Stores several notes' deltas as one row, numbered after the stored batches, and drops the per-note
 * rows they supersede (those written before, which would otherwise apply after this batch). Its writes
 * are left pending, as `update`'s are.
 */
async function storeBatch(deltas: DeltasStore, batch: SearchDelta[]): Promise<void> {
  const ids = new Set(batch.map((delta) => delta.id));
  let lastBatch = 0;
  for (const key of await deltas.getAllKeys()) {
    if (typeof key === 'number') lastBatch = Math.max(lastBatch, key);
    else if (ids.has(key)) deltas.delete(key).catch(() => undefined);
  }
  deltas.put({ deltas: batch } satisfies SearchDeltaBatch, lastBatch + 1).catch(() => undefined);
}

export interface StoredSearchIndex {
  /** Absent when there is none yet (an upgraded database) or it is damaged: a repair is due. */
  base?: SearchBase;
  repairDue: boolean;
  deltas: SearchDelta[];
}

/** The stored index, read in one transaction. */
export async function readSearchIndex(db: Db): Promise<StoredSearchIndex> {
  const tx = db.transaction(['searchIndex', 'searchDeltas'], 'readonly');
  const [base, state, deltas] = await Promise.all([
    tx.objectStore('searchIndex').get(BASE_KEY),
    tx.objectStore('searchIndex').get(STATE_KEY),
    tx.objectStore('searchDeltas').getAll(),
  ]);
  await tx.done;
  return {
    ...(isSearchBase(base) ? { base } : {}),
    repairDue: (state as SearchIndexState | undefined)?.repairDue === true,
    deltas: deltasOfRows(deltas),
  };
}

/** Loads the index into memory: the base with the deltas applied; undefined when a repair is due. */
export async function loadSearchIndex(db: Db): Promise<InvertedIndex | undefined> {
  const stored = await readSearchIndex(db);
  if (!stored.base || stored.repairDue) return undefined;
  const index = new InvertedIndex(stored.base);
  for (const delta of stored.deltas) index.apply(delta);
  return index;
}

/**
 * Folds the deltas into a new base and stores it, clearing the deltas, in one transaction. The deltas
 * stored are applied to `index` first (applying twice changes nothing), so a write committed but not yet
 * announced is not lost. Returns the compacted index.
 */
export async function compactSearchIndex(db: Db, index: InvertedIndex): Promise<InvertedIndex> {
  return inDerivedDataTransaction(db, ['searchIndex', 'searchDeltas'], async (tx) => {
    for (const delta of deltasOfRows(await tx.objectStore('searchDeltas').getAll())) index.apply(delta);
    const base = index.toBase();
    await Promise.all([
      tx.objectStore('searchIndex').put(base, BASE_KEY),
      tx.objectStore('searchDeltas').clear(),
    ]);
    return new InvertedIndex(base);
  });
}

const noteId = (row: unknown) => (row as { id?: unknown }).id;

/**
 * Rebuilds the index from the notes store. The transaction holds the notes store for writing (without
 * writing it), so no note write can fall between reading the notes and storing the new base. Damaged
 * note rows are reported and left out.
 */
export async function repairSearchIndex(db: Db): Promise<InvertedIndex> {
  return inDerivedDataTransaction(db, ['notes', 'searchIndex', 'searchDeltas'], async (tx) => {
    const rows = await tx.objectStore('notes').getAll();
    const notes = validRows(noteRecordSchema, 'notes', rows, noteId);
    const index = InvertedIndex.build(
      notes.map((note) => ({
        id: note.id,
        updatedAt: note.updatedAt,
        terms: indexTerms(note.body).join(' '),
      })),
    );
    await Promise.all([
      tx.objectStore('searchIndex').put(index.toBase(), BASE_KEY),
      tx.objectStore('searchIndex').delete(STATE_KEY),
      tx.objectStore('searchDeltas').clear(),
    ]);
    return index;
  });
}
