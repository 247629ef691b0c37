import type { IDBPTransaction } from 'idb';
import { announceCommitted, recordingTransaction, type StoreChange } from './committed-changes';
import type { Db } from './open';
import type { AnyStoreName, DealsideDb } from './schema';

export type Tx<Stores extends AnyStoreName[], Mode extends IDBTransactionMode> = IDBPTransaction<
  DealsideDb,
  Stores,
  Mode
>;

/**
 * Something that must hear of a write in the write's own transaction: sync's outbox, so that a change
 * committed is a change queued, whatever stops the service worker afterwards. Set by the background
 * (lib/background/sync/outbox.ts); absent in contexts that never sync.
 */
export interface ChangeJournal {
  /** The store the journal writes to; added to the scope of every journaled transaction. */
  readonly store: AnyStoreName;
  /** Whether writes to these stores are journaled now (may read the sync setting once, hence async). */
  journals(stores: readonly AnyStoreName[]): boolean | Promise<boolean>;
  /** Writes the journal's rows for `changes` through `tx`, before the transaction commits. */
  record(tx: Tx<AnyStoreName[], 'readwrite'>, changes: readonly StoreChange[]): Promise<void>;
}

let changeJournal: ChangeJournal | undefined;

export function setChangeJournal(journal: ChangeJournal | undefined): void {
  changeJournal = journal;
}

/**
 * Data derived from the records and kept in the write's own transaction, so that it can never disagree
 * with them (the notes search index, the insights' aggregates). It sees every write to its sources,
 * including sync's unjournaled ones, and writes through the raw transaction: its own rows are neither
 * announced nor journaled. Registered once by the background (absent in contexts that never need it).
 */
export interface DerivedData {
  /** The stores it derives from: a transaction writing any of them also opens `stores`. */
  readonly sources: readonly AnyStoreName[];
  /** The stores it writes. */
  readonly stores: readonly AnyStoreName[];
  /** Sources whose changes must carry the row each write replaced (`StoreChange.previous`): a read per write. */
  readonly withPrevious?: readonly AnyStoreName[];
  /**
   * Brings its rows up to date with `changes` (only those to its sources), before the transaction commits.
   * Its last writes may be left pending: the transaction commits after them, or aborts if one fails.
   */
  update(tx: Tx<AnyStoreName[], 'readwrite'>, changes: readonly StoreChange[]): Promise<void> | void;
}

const derivedData = new Set<DerivedData>();

/** Keeps `derived` up to date from now on. Returns the unregister. */
export function registerDerivedData(derived: DerivedData): () => void {
  derivedData.add(derived);
  return () => derivedData.delete(derived);
}

function derivedFor(stores: readonly AnyStoreName[]): DerivedData[] {
  return [...derivedData].filter((derived) => derived.sources.some((source) => stores.includes(source)));
}

export interface TransactionOptions {
  /** False for writes that must not be journaled: sync writing what came from the server. */
  journal?: boolean;
  /** Hears what the transaction wrote, once it has committed (before it is announced to everyone). */
  onCommitted?: (changes: readonly StoreChange[]) => void;
  /**
   * 'strict' (the default): the commit waits until the browser has flushed the write to disk, so it
   * survives a power cut. 'relaxed': the commit waits until the write is handed to the operating system
   * (it survives the browser or the tab crashing, not the machine losing power before the system writes
   * it out), which in Chromium spares a disk flush per transaction. Only for writes that are repeated
   * soon anyway: a note's autosave (lib/db/notes.ts).
   */
  durability?: 'strict' | 'relaxed';
}

/**
 * The one way the app opens a transaction. `work` must only touch the transaction: awaiting anything
 * else (a message, a timer, a fetch) lets IndexedDB auto-commit under it. The returned promise settles
 * when the transaction has committed, so a caller that sees success knows the data is on disk. A write
 * transaction's changes are then announced to the listeners of ./committed-changes.ts, and were written
 * to the change journal (when there is one and it asks for them) in the same transaction. `work` may
 * leave its last writes pending (an autosave does): the transaction commits after them, and fails if the
 * browser refuses one, whether `work` caught the error or not.
 */
export async function inTransaction<Stores extends AnyStoreName[], Mode extends IDBTransactionMode, T>(
  db: Db,
  stores: Stores,
  mode: Mode,
  work: (tx: Tx<Stores, Mode>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const journal =
    mode === 'readwrite' &&
    options.journal !== false &&
    changeJournal &&
    (await changeJournal.journals(stores))
      ? changeJournal
      : undefined;
  const derived = mode === 'readwrite' ? derivedFor(stores) : [];
  const scope = [
    ...new Set([...stores, ...(journal ? [journal.store] : []), ...derived.flatMap((d) => d.stores)]),
  ] as Stores;
  const tx = db.transaction(scope, mode, {
    durability: options.durability ?? 'strict',
  }) as unknown as Tx<Stores, Mode>;
  const changes: StoreChange[] = [];
  const refused: unknown[] = [];
  try {
    const withPrevious = new Set(derived.flatMap((data) => data.withPrevious ?? []));
    const result = await work(
      mode === 'readwrite' ? recordingTransaction(tx, changes, withPrevious, refused) : tx,
    );
    // A write refused later aborts the transaction; one refused as it was made (no request to abort
    // it) must fail it too, though the work went on: the work may have left it pending.
    if (refused.length > 0) throw refused[0];
    for (const data of derived) {
      const relevant = changes.filter((change) => data.sources.includes(change.store));
      if (relevant.length > 0) await data.update(tx as unknown as Tx<AnyStoreName[], 'readwrite'>, relevant);
    }
    if (journal && changes.length > 0) {
      await journal.record(tx as unknown as Tx<AnyStoreName[], 'readwrite'>, changes);
    }
    commitNow(tx);
    await tx.done;
    options.onCommitted?.(changes);
    announceCommitted(changes);
    return result;
  } catch (error) {
    await abandon(tx);
    throw error;
  }
}

/**
 * Asks the browser to commit once the requests already made are done, instead of waiting for their answers
 * to come back to this worker first and the transaction to find itself idle: one trip between the worker
 * and the database's process less per write (derived data's last writes are made without awaiting them;
 * a failed one aborts the transaction, and `tx.done` rejects). Older engines without `commit()` commit on
 * their own as before.
 */
function commitNow(tx: { commit?: () => void }): void {
  if (typeof tx.commit === 'function') tx.commit();
}

/** Aborts a transaction whose work failed, and lets the abort settle: no caller races a half-open one. */
async function abandon(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: the work's own error is the one worth reporting.
  }
  await tx.done.catch(() => undefined);
}

/**
 * A write transaction for derived data's own upkeep (a rebuild from the records, a compaction): committed
 * or aborted as a whole like `inTransaction`'s, but its writes are neither recorded, announced, journaled
 * nor passed to derived data — they are that data.
 */
export async function inDerivedDataTransaction<Stores extends AnyStoreName[], T>(
  db: Db,
  stores: Stores,
  work: (tx: Tx<Stores, 'readwrite'>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite', { durability: 'strict' }) as unknown as Tx<
    Stores,
    'readwrite'
  >;
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    await abandon(tx);
    throw error;
  }
}
