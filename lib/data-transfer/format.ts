/**
 * The export file: one versioned JSON document holding every store of the database, the rep's playbook
 * and settings. `version` is the file format's version; `schemaVersion` is the database version the rows
 * were written under (rows follow lib/db/records.ts of that version).
 */
import { z } from 'zod';
import { DB_VERSION } from '../db/migrations';
import {
  accountRecordSchema,
  contactRecordSchema,
  dealRecordSchema,
  followUpRecordSchema,
  legacyAccountStageSchema,
  noteRecordSchema,
  questionLogRecordSchema,
  stageEventRecordSchema,
  touchRecordSchema,
  type AccountRecord,
  type ContactRecord,
  type DealRecord,
  type FollowUpRecord,
  type NoteRecord,
  type QuestionLogRecord,
  type StageEventRecord,
  type TouchRecord,
} from '../db/records';
import type { StoreName } from '../db/schema';
import type { Playbook } from '../playbook/schema';
import type { Settings } from '../settings/schema';

export const EXPORT_FORMAT = 'dealside-export';
export const EXPORT_VERSION = 1;

/** Every store, in the order the file lists them. */
export const DATA_STORES = [
  'accounts',
  'deals',
  'contacts',
  'notes',
  'followUps',
  'stageEvents',
  'questionLog',
  'touches',
] as const satisfies readonly StoreName[];

/** Stores files of older versions do not have: a file without one of these lists holds none of its rows. */
export const STORES_ADDED_LATER: ReadonlySet<StoreName> = new Set(['deals', 'touches']);

/**
 * Fields besides the key that no two rows of a store may share (the store's unique indexes): a touch's
 * visit, one per thread or record per day.
 */
export const UNIQUE_ROW_FIELDS: Partial<Record<StoreName, { field: string; meaning: string }>> = {
  touches: { field: 'visitKey', meaning: 'same thread or record on the same day' },
};

// A store added to the database without being added here would silently be left out of exports.
type MissingStore = Exclude<StoreName, (typeof DATA_STORES)[number]>;
const everyStoreListed: MissingStore extends never ? true : never = true;
void everyStoreListed;

export interface StoreRows {
  accounts: AccountRecord[];
  deals: DealRecord[];
  contacts: ContactRecord[];
  notes: NoteRecord[];
  followUps: FollowUpRecord[];
  stageEvents: StageEventRecord[];
  questionLog: QuestionLogRecord[];
  /** Subjects and addresses of pages the rep opened (see `touchRecordSchema`). */
  touches: TouchRecord[];
}

export type AnyRow = StoreRows[StoreName][number];

export interface DealsideExport extends StoreRows {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  schemaVersion: number;
  /** The rep's own playbook, or null while they use the default one. */
  playbook: Playbook | null;
  settings: Settings;
}

/** The row schemas, refusing keys they do not know: an export never has any, a crafted file might. */
export const importRowSchemas = {
  accounts: z.strictObject(accountRecordSchema.shape),
  deals: z.strictObject(dealRecordSchema.shape),
  contacts: z.strictObject(contactRecordSchema.shape),
  notes: z.strictObject(noteRecordSchema.shape),
  followUps: z.strictObject(followUpRecordSchema.shape),
  stageEvents: z.strictObject(stageEventRecordSchema.shape),
  questionLog: z.strictObject(questionLogRecordSchema.shape),
  touches: z.strictObject(touchRecordSchema.shape),
} satisfies Record<StoreName, z.ZodType>;

/** The first database version with deals; files of older versions hold the stage on the account. */
export const FIRST_SCHEMA_WITH_DEALS = 4;

/**
 * Accounts of files written before deals: the stage and ticked items they held are turned into a deal
 * once the file is read (./before-deals.ts).
 */
export const legacyAccountImportSchema = z.strictObject({
  ...accountRecordSchema.shape,
  ...legacyAccountStageSchema.shape,
});

/** The schemas rows are read from the database with (lenient about unknown keys, as everywhere else). */
export const storedRowSchemas = {
  accounts: accountRecordSchema,
  deals: dealRecordSchema,
  contacts: contactRecordSchema,
  notes: noteRecordSchema,
  followUps: followUpRecordSchema,
  stageEvents: stageEventRecordSchema,
  questionLog: questionLogRecordSchema,
  touches: touchRecordSchema,
} satisfies Record<StoreName, z.ZodType>;

/** The primary key of a row of `store` (the stores' key paths). */
export function rowKey(store: StoreName, row: unknown): string {
  const record = row as Record<string, unknown>;
  const key = store === 'accounts' ? record.key : store === 'contacts' ? record.email : record.id;
  return typeof key === 'string' ? key : String(key);
}

/** The account a row belongs to. */
export function rowAccountKey(store: StoreName, row: AnyRow): string {
  return store === 'accounts' ? (row as AccountRecord).key : (row as { accountKey: string }).accountKey;
}

export function exportDocument(
  rows: StoreRows,
  extra: { playbook: Playbook | null; settings: Settings; now: number },
): DealsideExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(extra.now).toISOString(),
    schemaVersion: DB_VERSION,
    ...rows,
    playbook: extra.playbook,
    settings: extra.settings,
  };
}

/** `dealside-export-2025-06-12.json`, in the rep's local date. */
export function exportFileName(base: string, now: number, extension: string): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${base}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
