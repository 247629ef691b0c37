/**
 * What the background tells the options page and the panel about sync. The password never appears in
 * any of these: it goes in once with `startSync` and stays in the background's database.
 */
import type { ConnectionOutcome } from './connection-problem';
import type { ServerAddressProblem } from './server-address';

/** The server and database the rep configured, and who they sign in as. */
export interface SyncServerSetup {
  url: string;
  database: string;
  username: string;
}

/**
 * Why the last attempt failed, in the words the options page turns into a sentence: the connection
 * outcomes of "Test connection", the host permission taken back, or documents from the server that
 * were not valid Dealside records (skipped, the rest synced).
 */
export type SyncProblem =
  Exclude<ConnectionOutcome, 'connected'> | 'permission-missing' | 'rejected-documents' | 'local-database';

export interface SyncError {
  problem: SyncProblem;
  at: number;
  /** For `rejected-documents`: how many, and the first one's id (`notes:…`), for the rep to report. */
  count?: number;
  document?: string;
}

/**
 * - `off`: sync was never started or the rep stopped it.
 * - `syncing`: changes are moving now.
 * - `up-to-date`: the last exchange with the server succeeded and nothing is waiting.
 * - `offline`: the last attempt failed; another comes at `nextAttemptAt` (local work goes on).
 */
export type SyncState = 'off' | 'syncing' | 'up-to-date' | 'offline';

export interface SyncStatus {
  state: SyncState;
  /** Absent when sync is off. */
  server?: SyncServerSetup;
  /** The last time an exchange with the server completed. */
  lastSyncAt?: number;
  /** Local changes not yet on the server. */
  pending: number;
  lastError?: SyncError;
  nextAttemptAt?: number;
}

/** What "Test connection" found: the address refused before asking, or the server's answer. */
export type SyncTestResult =
  { kind: 'address'; problem: ServerAddressProblem } | { kind: 'answer'; outcome: ConnectionOutcome };

/** `startSync`: started (with the status), or why not (nothing was changed then). */
export type StartSyncResult = { kind: 'started'; status: SyncStatus } | SyncTestResult;
