/**
 * Schema version 5: a `touches` store, one row each time the rep opens a thread or record of an
 * account's contact (at most one per thread or record per local day). Indexed for what reads it:
 * `by-account-at` for an account's newest touches (the panel's "last touch" and timeline), `by-at` for
 * touches by time across accounts, and `by-visit`, unique, so two tabs racing to record the same visit
 * cannot both add a row: the second add fails and is taken as already recorded.
 */
import type { Migration } from './types';

export const touchesStore: Migration = {
  version: 5,
  description: 'touches: threads and records the rep opened, per account',
  apply(db) {
    const touches = db.createObjectStore('touches', { keyPath: 'id' });
    touches.createIndex('by-account-at', ['accountKey', 'at']);
    touches.createIndex('by-at', 'at');
    touches.createIndex('by-visit', 'visitKey', { unique: true });
  },
};
