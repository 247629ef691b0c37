/**
 * The database's structure: store names, key paths and indexes, as the current schema version has them.
 * Migrations (lib/db/migrations) build it step by step; this type only describes the result.
 */
import type { DBSchema } from 'idb';
import type {
  AccountRecord,
  ContactRecord,
  DealRecord,
  FollowUpRecord,
  NoteRecord,
  QuestionLogRecord,
  StageEventRecord,
  TouchRecord,
} from './records';
import type { NoteConflictRecord, OutboxEntry } from '../sync/bookkeeping';
import type { SearchDelta, SearchDeltaBatch } from '../search/inverted-index';
import type { AggregateRow } from './insights-aggregates';

export const DB_NAME = 'dealside';

export interface DealsideDb extends DBSchema {
  accounts: { key: string; value: AccountRecord; indexes: { 'by-updated': number } };
  deals: {
    key: string;
    value: DealRecord;
    indexes: {
      'by-account': string;
      /** Open deals per stage (pipeline columns, stage counts); closed deals per stage for the funnel. */
      'by-outcome-stage': [string, string];
      /** Won and lost deals in time order (win rate, cycle length by period). */
      'by-closed': number;
      /** Deals by expected close day (the forecast, "closing this month"). */
      'by-close-date': string;
    };
  };
  contacts: { key: string; value: ContactRecord; indexes: { 'by-account': string } };
  notes: {
    key: string;
    value: NoteRecord;
    indexes: { 'by-account-created': [string, number]; 'by-updated': number };
  };
  followUps: {
    key: string;
    value: FollowUpRecord;
    indexes: { 'by-account': string; 'by-status-due': [string, number] };
  };
  stageEvents: { key: string; value: StageEventRecord; indexes: { 'by-account': string; 'by-at': number } };
  questionLog: {
    key: string;
    value: QuestionLogRecord;
    indexes: { 'by-account': string; 'by-asked': number };
  };
  /** Subjects and addresses of pages the rep opened (see `touchRecordSchema`). */
  touches: {
    key: string;
    value: TouchRecord;
    indexes: { 'by-account-at': [string, number]; 'by-at': number; 'by-visit': string };
  };
  /**
   * What a web page must never read or forge, kept here rather than in `storage.local` (which Firefox
   * opens to content scripts): the settings, the playbook and the contacts picked per page. Keyed by
   * item name; each value is validated when read (lib/db/private-items.ts).
   */
  privateItems: { key: string; value: unknown };
  /** Sync bookkeeping, local only (lib/db/migrations/006-sync.ts). */
  syncOutbox: { key: string; value: OutboxEntry };
  syncRevisions: { key: string; value: string };
  syncConflicts: { key: string; value: NoteConflictRecord; indexes: { 'by-account': string } };
  /** The notes search index (lib/db/search-index.ts): its base segment (`base`) and `state`. */
  searchIndex: { key: string; value: unknown };
  /** Note id → the note's terms or a tombstone, since the base segment was made. */
  /** Per-note rows keyed by the note's id; several notes' deltas written together, keyed by a number. */
  searchDeltas: { key: string | number; value: SearchDelta | SearchDeltaBatch };
  /**
   * The insights' figures kept summed and compacted beside the records they come from, updated in each
   * write's own transaction (lib/db/insights-aggregates.ts). Derived, never exported or synced.
   */
  insightsAggregates: { key: string; value: AggregateRow };
}

/** The stores of the rep's records (export, import, wipe and account deletion work on these). */
export type StoreName =
  'accounts' | 'deals' | 'contacts' | 'notes' | 'followUps' | 'stageEvents' | 'questionLog' | 'touches';

/** The stores of sync's own bookkeeping. */
export type SyncStoreName = 'syncOutbox' | 'syncRevisions' | 'syncConflicts';

/** The stores of data derived from the records (kept in the writes' own transactions). */
export type DerivedStoreName = 'searchIndex' | 'searchDeltas' | 'insightsAggregates';

/** Every store: the records', the private items', sync's and the derived data's. */
export type AnyStoreName = StoreName | 'privateItems' | SyncStoreName | DerivedStoreName;
