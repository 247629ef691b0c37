/**
 * Schema version 6: the stores sync keeps beside the records (lib/background/sync). All three are local
 * bookkeeping, never exported and never sent anywhere:
 * - `syncOutbox`: one row per record changed here and not yet handed to the sync mirror, keyed by the
 *   record's document id (`notes:…`). Written in the same transaction as the change itself, so a change
 *   committed is a change queued, whatever stops the service worker afterwards.
 * - `syncRevisions`: document id → the mirror's revision the local row was last equal to. A local edit is
 *   pushed as a child of that revision, so an edit made while another device's change was on its way
 *   becomes a conflict the mirror keeps, never a silent overwrite.
 * - `syncConflicts`: the versions of a note that lost a conflict, for the rep to keep, merge or discard.
 */
import type { Migration } from './types';

export const syncStores: Migration = {
  version: 6,
  description: 'sync bookkeeping: the outbox, mirror revisions and note conflicts',
  apply(db) {
    db.createObjectStore('syncOutbox');
    db.createObjectStore('syncRevisions');
    const conflicts = db.createObjectStore('syncConflicts', { keyPath: 'docId' });
    conflicts.createIndex('by-account', 'accountKey');
  },
};
