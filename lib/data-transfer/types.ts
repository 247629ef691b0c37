/**
 * The shapes of the "Your data" messages between the options page and the background (listed in
 * lib/messaging/protocol.ts). Only types and constants: the options page imports them without pulling in
 * any logic.
 */
import type { DeletedAccountRows } from '../db/delete-account';
import type { StoreName } from '../db/schema';

/** What the options page can download. */
export const EXPORT_KINDS = ['json', 'accounts-csv', 'deals-csv', 'notes-csv', 'follow-ups-csv'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface PrepareExportRequest {
  kind: ExportKind;
  /** The UI language: stage names in the CSV files are written in it. */
  locale: string;
}

/** An export the background built and holds until the page has read its chunks. */
export interface PreparedExport {
  exportId: string;
  fileName: string;
  mimeType: string;
  chunkCount: number;
  /** Length of the whole text, in UTF-16 code units. */
  chars: number;
  /** Rows left out because they were damaged (they would make the file unreadable on import). */
  skippedRows: number;
  /** Rows written, all stores together. */
  rows: number;
}

export interface ReadExportChunkRequest {
  exportId: string;
  index: number;
}

export interface ExportChunk {
  text: string;
}

export interface UploadImportChunkRequest {
  /** Chosen by the page for one upload; a new id starts a new upload (one at a time). */
  uploadId: string;
  index: number;
  count: number;
  text: string;
}

export type UploadImportChunkResult = { ok: true; received: number } | { ok: false; problem: ImportProblem };

export interface ImportRequest {
  uploadId: string;
}

export interface ApplyImportRequest extends ImportRequest {
  /** Replace the rep's playbook with the file's (when the file has one). */
  replacePlaybook: boolean;
  /** Replace the rep's settings with the file's. */
  replaceSettings: boolean;
}

/** Why a file was not imported; nothing was written in any of these cases. */
export type ImportProblem =
  | { kind: 'too-large'; limitBytes: number }
  | { kind: 'truncated'; detail: string }
  | { kind: 'not-json'; detail: string }
  | { kind: 'playbook-file' }
  | { kind: 'not-export' }
  | { kind: 'unsupported-version'; version: string; supported: number }
  | { kind: 'newer-schema'; schemaVersion: number; supported: number }
  | { kind: 'too-many-rows'; store: StoreName; count: number; limit: number }
  /** Objects and lists nested deeper than any export does: a crafted file, refused before it is read. */
  | { kind: 'too-deep'; limit: number }
  /** Each issue says where: `notes[12].body: Invalid input: expected string, received number`. */
  | { kind: 'invalid'; issues: ImportIssue[]; moreIssues: number }
  /** The background restarted (or another upload began) since the file was sent: send it again. */
  | { kind: 'upload-expired' }
  | { kind: 'write-failed'; detail: string }
  /** The file's playbook lacks stages where accounts stand (after the import): move them first. */
  | { kind: 'stages-need-a-home'; stageIds: string[] };

export interface ImportIssue {
  path: string;
  message: string;
}

/** What an import does to one store. */
export interface StoreImportCounts {
  inFile: number;
  /** New ids. */
  added: number;
  /** Same id, and the file's row is newer: it replaces the rep's. */
  updated: number;
  /** Same id and the same content. */
  unchanged: number;
  /** Same id, but the rep's row is newer (or they differ without either being newer): the rep's stays. */
  keptLocal: number;
}

export type ImportCounts = Record<StoreName, StoreImportCounts>;

export interface ImportPreview {
  /** When the file was made (as the file says). */
  exportedAt: string;
  stores: ImportCounts;
  /** `none`: the file has no playbook of its own (its author used the default one). */
  playbook: 'none' | 'same' | 'different';
  /** True while the rep uses the default playbook, so replacing it loses nothing of theirs. */
  playbookIsDefault: boolean;
  settings: 'same' | 'different';
  /** True while the rep's settings are the defaults. */
  settingsAreDefault: boolean;
  /** Importing would change no row (playbook and settings aside). */
  nothingNew: boolean;
}

export type ImportPreviewResult =
  { ok: true; preview: ImportPreview } | { ok: false; problem: ImportProblem };

export interface ImportOutcome {
  stores: ImportCounts;
  playbookReplaced: boolean;
  settingsReplaced: boolean;
  /** Accounts whose rows changed. */
  accountCount: number;
}

export type ApplyImportResult = { ok: true; outcome: ImportOutcome } | { ok: false; problem: ImportProblem };

export interface ListDataAccountsRequest {
  /** Matches the key, the Unicode domain and the display name; empty lists the most recent. */
  query: string;
  limit?: number;
}

export interface DataAccount {
  key: string;
  displayKey: string;
  displayName?: string;
  updatedAt: number;
}

export interface DataAccountList {
  accounts: DataAccount[];
  /** How many accounts match in all (more than listed when the list was cut). */
  total: number;
}

export interface AccountNotesMarkdownRequest {
  accountKey: string;
  /** The UI language, for the stage's name. */
  locale: string;
}

export interface AccountNotesMarkdown {
  markdown: string;
  noteCount: number;
  /** Notes left out because the text reached its size limit (the oldest go first). */
  omittedNotes: number;
}

export interface DeleteAccountDataRequest {
  accountKey: string;
}

export type { DeletedAccountRows };

/** The typed confirmation, in either UI language. */
export const DELETE_ALL_CONFIRMATIONS = ['DELETE', '删除'] as const;

export interface DeleteAllDataRequest {
  confirmation: (typeof DELETE_ALL_CONFIRMATIONS)[number];
}

export type DeletedRows = Record<StoreName, number>;

export type BackupFrequency = 'off' | 'daily' | 'weekly';

/** Automatic backups kept in the downloads folder unless the rep says otherwise; older ones are deleted. */
export const DEFAULT_KEPT_BACKUPS = 7;
export const MAX_KEPT_BACKUPS = 100;
/** The choices the options page offers. */
export const KEPT_BACKUPS_CHOICES = [1, 3, 7, 14, 30, 90] as const;

export interface SetBackupScheduleRequest {
  frequency: BackupFrequency;
  /** How many automatic backup files to keep; unchanged when left out. */
  keep?: number;
}

export interface BackupStatus {
  frequency: BackupFrequency;
  /** When the last backup file was handed to the downloads folder. */
  lastBackupAt: number | null;
  lastFileName: string | null;
  /** The next scheduled backup, or null when backups are off. */
  nextBackupAt: number | null;
  /** How many backup files are kept; Dealside deletes the older files it saved itself. */
  keep: number;
  /** False when backups are on but the rep took the downloads permission back. */
  canDownload: boolean;
  lastError: BackupFailure | null;
}

export interface BackupFailure {
  at: number;
  /** `no-permission`: the rep has not allowed (or took back) downloads; `failed`: see `detail`. */
  reason: 'no-permission' | 'failed';
  detail?: string;
}
