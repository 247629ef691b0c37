/**
 * The rows of sync's local bookkeeping stores (lib/db/migrations/006-sync.ts). They live in lib/sync,
 * not lib/db/records.ts: they are never exported, imported or synced themselves.
 */
import type { StoreName } from '../db/schema';

/**
 * One queued change, keyed by the record's document id. `seq` grows with every queuing, so the
 * entry is only dropped once handed over if no newer change re-queued the record meanwhile.
 */
export interface RecordOutboxEntry {
  kind: 'record';
  store: StoreName;
  key: string;
  seq: number;
}

/**
 * A whole store to compare with the mirror, keyed `store-scan:<store>`:
 * - `local-rows`: every local row is offered to the mirror (sync just started: rows written before it).
 * - `removed-rows`: every record the mirror once matched and that is gone here is deleted there (the
 *   store was cleared, or rows deleted by a key range).
 * `after` is the last key handled, so a scan stopped halfway goes on from there.
 */
export interface StoreScanEntry {
  kind: 'store-scan';
  store: StoreName;
  scan: 'local-rows' | 'removed-rows';
  after?: string;
  seq: number;
}

export type OutboxEntry = RecordOutboxEntry | StoreScanEntry;

/** A version of a note that lost a conflict: what it said, for the rep to keep, merge or discard. */
export interface NoteConflictVersion {
  /** The mirror's revision of this version: what "discard" deletes. */
  rev: string;
  body: string;
  updatedAt: number;
}

export interface NoteConflictRecord {
  docId: string;
  noteId: string;
  accountKey: string;
  versions: NoteConflictVersion[];
}
