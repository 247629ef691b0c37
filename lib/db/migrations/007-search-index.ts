/**
 * Schema version 7: the notes search index (lib/db/search-index.ts), kept in the same transaction as
 * every note write:
 * - `searchIndex`: the base segment (`base`: note ids newest first, the sorted terms and their
 *   postings as typed arrays) and the index's `state` (a repair is due).
 * - `searchDeltas`: note id → that note's terms (or a tombstone) since the base was made.
 *
 * A new database has no notes, so it starts with an empty base. A database upgraded with notes in it
 * gets no base: the first search repairs the index from the notes store (once), rather than this upgrade
 * reading every note while the browser waits for the database.
 */
import { emptyBase } from '../../search/inverted-index';
import type { Migration } from './types';

export const searchIndexStores: Migration = {
  version: 7,
  description: 'the notes search index: a base segment and per-note deltas',
  async apply(db, transaction) {
    db.createObjectStore('searchIndex');
    db.createObjectStore('searchDeltas');
    if ((await transaction.objectStore('notes').count()) === 0)
      await transaction.objectStore('searchIndex').put(emptyBase(), 'base');
  },
};
