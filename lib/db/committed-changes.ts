/**
 * What each committed write transaction changed, store by store: the rows put (with their values), the
 * keys deleted and the stores cleared. `inTransaction` records them as the transaction's work runs and
 * announces them once the transaction has committed, so listeners (views kept in memory) never see a
 * change that was rolled back.
 *
 * Only writes made through `inTransaction` are seen; that is the one way the app writes.
 */
import type { AnyStoreName } from './schema';

/** The row a write replaced or deleted (`value` undefined: there was none), for stores that ask for it. */
export interface PreviousRow {
  value: unknown;
}

export type StoreChange =
  | { store: AnyStoreName; kind: 'put'; key: IDBValidKey; value: unknown; previous?: PreviousRow }
  | { store: AnyStoreName; kind: 'delete'; key: IDBValidKey | IDBKeyRange; previous?: PreviousRow }
  | { store: AnyStoreName; kind: 'clear' };

export type ChangesListener = (changes: readonly StoreChange[]) => void;

const listeners = new Set<ChangesListener>();

/** Calls `listener` after every committed transaction that wrote something. Returns the unsubscribe. */
export function onCommittedChanges(listener: ChangesListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceCommitted(changes: readonly StoreChange[]): void {
  if (changes.length === 0) return;
  for (const listener of listeners) {
    try {
      listener(changes);
    } catch (error) {
      // A listener's failure must not turn a committed write into an error for its caller.
      console.error('[dealside] a listener of committed changes failed', error);
    }
  }
}

/** The writing methods of an object store (idb's wrapper), which `recordingStore` watches. */
interface WritableStore {
  get(key: IDBValidKey | IDBKeyRange): Promise<unknown>;
  keyPath: string | string[] | null;
  put(value: unknown, key?: IDBValidKey): Promise<IDBValidKey>;
  add(value: unknown, key?: IDBValidKey): Promise<IDBValidKey>;
  delete(key: IDBValidKey | IDBKeyRange): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A member of the object a proxy stands for, read from that object itself: its methods (index,
 * openCursor, get…) run on the real store or transaction, and its getters never see the proxy.
 */
function ownMember(object: object, property: string | symbol): unknown {
  const member: unknown = Reflect.get(object, property, object);
  return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(object) : member;
}

/** The key a put will store `value` under, when the store takes it from the value (one key path). */
function inlineKey(store: WritableStore, value: unknown): IDBValidKey | undefined {
  if (typeof store.keyPath !== 'string' || typeof value !== 'object' || value === null) return undefined;
  return (value as Record<string, IDBValidKey | undefined>)[store.keyPath];
}

/**
 * Rows a transaction has read by key, per store, since its own last write of them: the row a write
 * replaces, known without reading it again (a transaction sees no one else's writes while it runs).
 * Copies, so that a caller changing the row it read and putting it back still has the old one replaced.
 * Only string and number keys are kept.
 */
export type RowsRead = Map<AnyStoreName, Map<string | number, unknown>>;

const keptKey = (key: unknown): key is string | number => typeof key === 'string' || typeof key === 'number';

/**
 * The store as it is, except that each write is added to `changes`. A write that fails is
 * not recorded, and its error goes to `refused` (`inTransaction` then fails the transaction, even when
 * the caller caught it). Writes are recorded as they are made (and taken back out if they fail), except
 * with `withPrevious`, where each put and each delete of one key first gets the row it replaces (the
 * one this transaction read of it, `rowsRead`, else read first) and is recorded once it succeeded, as
 * is a put whose key the store generates.
 */
export function recordingStore<S extends object>(
  store: S,
  name: AnyStoreName,
  changes: StoreChange[],
  withPrevious = false,
  rowsRead: RowsRead = new Map(),
  /** Receives the error of every write the browser refuses, whether the caller catches it or not. */
  refused: unknown[] = [],
): S {
  const target = store as unknown as WritableStore;
  const read = rowsRead.get(name) ?? new Map<string | number, unknown>();
  rowsRead.set(name, read);
  const previousOf = async (key: IDBValidKey | IDBKeyRange | undefined) => {
    if (!withPrevious || key === undefined || key instanceof IDBKeyRange) return {};
    const value = keptKey(key) && read.has(key) ? read.get(key) : await target.get(key);
    return { previous: { value } };
  };
  /** Makes a write, noting its error in `refused` when the browser refuses it (at once or later). */
  const attempt = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      refused.push(error);
      throw error;
    }
  };
  // Without a row to read first, a write is recorded as it is made, in the order made: so that a caller
  // may leave its last write pending (the transaction commits after it, or aborts if it fails) and
  // derived data and the journal still see it. One that fails and is caught is taken back out.
  const recordAsMade = async <T>(change: StoreChange, write: () => Promise<T>): Promise<T> => {
    changes.push(change);
    try {
      return await attempt(write);
    } catch (error) {
      changes.splice(changes.indexOf(change), 1);
      throw error;
    }
  };
  const written = (key: IDBValidKey | IDBKeyRange | undefined) => {
    if (keptKey(key)) read.delete(key);
    else read.clear();
  };
  return new Proxy(store, {
    get(object, property) {
      switch (property) {
        case 'get':
          if (!withPrevious) return ownMember(object, property);
          return async (key: IDBValidKey | IDBKeyRange) => {
            const value = await target.get(key);
            if (keptKey(key)) read.set(key, structuredClone(value));
            return value;
          };
        case 'put':
        case 'add':
          return async (value: unknown, key?: IDBValidKey) => {
            const knownKey = key ?? inlineKey(target, value);
            const write = () => (key === undefined ? target[property](value) : target[property](value, key));
            if (!withPrevious && knownKey !== undefined)
              return recordAsMade({ store: name, kind: 'put', key: knownKey, value }, write);
            const previous = await previousOf(knownKey);
            const stored = await attempt(write);
            written(stored);
            changes.push({ store: name, kind: 'put', key: stored, value, ...previous });
            return stored;
          };
        case 'delete':
          return async (key: IDBValidKey | IDBKeyRange) => {
            if (!withPrevious)
              return recordAsMade({ store: name, kind: 'delete', key }, () => target.delete(key));
            const previous = await previousOf(key);
            await attempt(() => target.delete(key));
            written(key);
            changes.push({ store: name, kind: 'delete', key, ...previous });
          };
        case 'clear':
          return async () => {
            if (!withPrevious) return recordAsMade({ store: name, kind: 'clear' }, () => target.clear());
            await attempt(() => target.clear());
            read.clear();
            changes.push({ store: name, kind: 'clear' });
          };
        default:
          return ownMember(object, property);
      }
    },
  });
}

/**
 * The transaction as it is, with every store it hands out recording its writes into `changes` (and the
 * rows they replace, for the stores in `withPrevious`).
 */
export function recordingTransaction<T extends object>(
  tx: T,
  changes: StoreChange[],
  withPrevious: ReadonlySet<AnyStoreName> = new Set(),
  /** Receives the error of every write the browser refuses (see `recordingStore`). */
  refused: unknown[] = [],
): T {
  const rowsRead: RowsRead = new Map();
  return new Proxy(tx, {
    get(object, property) {
      if (property === 'objectStore') {
        return (name: AnyStoreName) =>
          recordingStore(
            (object as unknown as { objectStore(name: string): object }).objectStore(name),
            name,
            changes,
            withPrevious.has(name),
            rowsRead,
            refused,
          );
      }
      // Read from the transaction itself, not through this proxy: idb's `store` getter calls
      // `this.objectStore`, which through the proxy would hand out a store that records twice.
      if (property === 'store') {
        const store = Reflect.get(object, property, object) as { name: AnyStoreName } | undefined;
        return (
          store && recordingStore(store, store.name, changes, withPrevious.has(store.name), rowsRead, refused)
        );
      }
      return ownMember(object, property);
    },
  });
}
