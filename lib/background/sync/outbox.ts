/**
 * Sync's outbox: every committed change to a record, queued in the change's own transaction
 * (lib/db/transaction.ts calls `record` before the commit). The mirror hand-over
 * (./push-local.ts) reads the queue and drops an entry only when nothing re-queued it meanwhile.
 */
import type { StoreChange } from '../../db/committed-changes';
import type { AnyStoreName } from '../../db/schema';
import type { ChangeJournal, Tx } from '../../db/transaction';
import type { OutboxEntry, StoreScanEntry } from '../../sync/bookkeeping';
import { isSyncedStore, recordDocId } from '../../sync/documents';

let lastSeq = 0;

/** Grows with every call, and across restarts (it starts from the clock). */
export function nextOutboxSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

export function storeScanKey(scan: StoreScanEntry['scan'], store: string): string {
  return `store-scan:${scan}:${store}`;
}

/** The outbox rows for a transaction's changes, keyed as the outbox keys them. */
export function outboxEntriesFor(changes: readonly StoreChange[]): Map<string, OutboxEntry> {
  const entries = new Map<string, OutboxEntry>();
  for (const change of changes) {
    if (!isSyncedStore(change.store)) continue;
    const store = change.store;
    const single = change.kind !== 'clear' && !(change.key instanceof IDBKeyRange);
    if (single) {
      const key = String(change.key as IDBValidKey);
      entries.set(recordDocId(store, key), { kind: 'record', store, key, seq: nextOutboxSeq() });
    } else {
      const scan: StoreScanEntry = { kind: 'store-scan', store, scan: 'removed-rows', seq: nextOutboxSeq() };
      // A scan waiting from an earlier clear starts over: rows may have gone anywhere since.
      entries.set(storeScanKey('removed-rows', store), scan);
    }
  }
  return entries;
}

/**
 * The journal the background installs while sync is on. `syncIsOn` answers from memory once the
 * setting has been read (the first write after the service worker starts waits for that read).
 */
export function outboxJournal(syncIsOn: () => boolean | Promise<boolean>): ChangeJournal {
  return {
    store: 'syncOutbox',
    journals(stores: readonly AnyStoreName[]) {
      if (!stores.some(isSyncedStore)) return false;
      return syncIsOn();
    },
    async record(tx: Tx<AnyStoreName[], 'readwrite'>, changes: readonly StoreChange[]) {
      const outbox = tx.objectStore('syncOutbox');
      for (const [id, entry] of outboxEntriesFor(changes)) await outbox.put(entry, id);
    },
  };
}
