/**
 * Which rows and revisions the database holds, read once as keys for a long pull instead of asked about
 * one pulled change at a time. In IndexedDB a get costs about what a put does, and on a first sync nearly
 * every one finds nothing: two of them per row were a third of the sync's time.
 *
 * The keys are read inside a transaction that writes pulled rows, so they start exact, and the pull adds
 * what it writes. Meanwhile other writers can only add rows through the journal (the outbox is checked in
 * every transaction, and a queued record is never written over) or remove rows (a key still listed here
 * only costs the get it would have cost anyway). Sync's own other writes wait for the pull.
 */
import type { StoreName } from '../../db/schema';

interface KeyReader {
  getAllKeys(): Promise<IDBValidKey[]>;
}

export class KnownKeys {
  private readonly rows = new Map<StoreName, Set<string>>();
  private revisions: Set<string> | undefined;

  /** Reads the keys not read yet: of `stores`' rows and of the revisions. */
  async load(
    storeKeys: (store: StoreName) => KeyReader,
    revisionKeys: KeyReader,
    stores: Iterable<StoreName>,
  ): Promise<void> {
    const reading: Promise<void>[] = [];
    for (const store of new Set(stores)) {
      if (this.rows.has(store)) continue;
      const keys = new Set<string>();
      this.rows.set(store, keys);
      reading.push(
        storeKeys(store)
          .getAllKeys()
          .then((found) => found.forEach((key) => keys.add(String(key)))),
      );
    }
    if (!this.revisions) {
      const ids = new Set<string>();
      this.revisions = ids;
      reading.push(revisionKeys.getAllKeys().then((found) => found.forEach((id) => ids.add(String(id)))));
    }
    await Promise.all(reading);
  }

  /** False only when the row is certainly absent; true when it is there or was never read. */
  mayHaveRow(store: StoreName, key: string): boolean {
    return this.rows.get(store)?.has(key) ?? true;
  }

  mayHaveRevision(docId: string): boolean {
    return this.revisions?.has(docId) ?? true;
  }

  /** The pull wrote this row and its revision. */
  wrote(store: StoreName, key: string, docId: string): void {
    this.rows.get(store)?.add(key);
    this.revisions?.add(docId);
  }
}
