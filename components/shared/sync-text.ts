/** Sync's states, outcomes and problems in the rep's words, for the options page and the panel. */
import { t } from '@/lib/i18n';
import type { ConnectionOutcome } from '@/lib/sync/connection-problem';
import type { ServerAddressProblem } from '@/lib/sync/server-address';
import type { SyncError, SyncStatus, SyncTestResult } from '@/lib/sync/types';

/** Between the parts of a status line: "Up to date · last synced 14:02 · 0 changes waiting". */
const SEPARATOR = ' · ';

/** A time of today as "14:02", of another day with its date too. */
export function formatSyncTime(at: number, locale: string, now = Date.now()): string {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date(now).toDateString();
  try {
    return new Intl.DateTimeFormat(
      locale,
      sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(date);
  } catch {
    return date.toLocaleString();
  }
}

export function addressProblemText(problem: ServerAddressProblem): string {
  switch (problem) {
    case 'not-an-address':
      return t('syncAddressNotAnAddress');
    case 'not-https':
      return t('syncAddressNotHttps');
    case 'credentials-in-address':
      return t('syncAddressCredentials');
    case 'query-in-address':
      return t('syncAddressQuery');
    case 'bad-database-name':
      return t('syncAddressBadDatabase');
  }
}

export function outcomeText(outcome: ConnectionOutcome): string {
  switch (outcome) {
    case 'connected':
      return t('syncOutcomeConnected');
    case 'cannot-reach':
      return t('syncOutcomeCannotReach');
    case 'wrong-password':
      return t('syncOutcomeWrongPassword');
    case 'sign-in-needed':
      return t('syncOutcomeSignInNeeded');
    case 'no-permission':
      return t('syncOutcomeNoPermission');
    case 'no-such-database':
      return t('syncOutcomeNoSuchDatabase');
    case 'not-couchdb':
      return t('syncOutcomeNotCouchdb');
    case 'server-error':
      return t('syncOutcomeServerError');
  }
}

/** What "Test connection" (or a start that did not happen) found. */
export function testResultText(result: SyncTestResult): string {
  return result.kind === 'address' ? addressProblemText(result.problem) : outcomeText(result.outcome);
}

/** The last sync error as one sentence, without its time. */
export function syncErrorText(error: SyncError): string {
  switch (error.problem) {
    case 'permission-missing':
      return t('syncProblemPermissionMissing');
    case 'rejected-documents':
      return t('syncProblemRejected', [String(error.count ?? 1), error.document ?? '?']);
    case 'local-database':
      return t('syncProblemLocalDatabase');
    default:
      return outcomeText(error.problem);
  }
}

/** The last sync error with when it happened: "Last problem (14:05): Cannot reach the server…". */
export function lastErrorText(error: SyncError, locale: string, now = Date.now()): string {
  return t('syncLastError', [formatSyncTime(error.at, locale, now), syncErrorText(error)]);
}

function stateText(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return t('syncStatusOff');
    case 'syncing':
      return t('syncStateSyncing');
    case 'up-to-date':
      return t('syncStateUpToDate');
    case 'offline':
      return t('syncStateOffline');
  }
}

/** A word or two for the panel's header: "Synced", "Syncing", "Offline". */
export function shortStateText(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return t('syncShortOff');
    case 'syncing':
      return t('syncShortSyncing');
    case 'up-to-date':
      return t('syncShortUpToDate');
    case 'offline':
      return t('syncShortOffline');
  }
}

export function pendingText(pending: number, locale: string): string {
  return pending === 1
    ? t('syncPendingOne')
    : t('syncPendingMany', new Intl.NumberFormat(locale).format(pending));
}

/**
 * The status in one line: the state, when the next try comes (offline), when the last exchange
 * completed and how many local changes wait. Off is one sentence: nothing moves, nothing waits.
 */
export function statusText(status: SyncStatus, locale: string, now = Date.now()): string {
  if (status.state === 'off') return stateText(status);
  return [
    stateText(status),
    status.state === 'offline' && status.nextAttemptAt !== undefined
      ? t('syncNextAttempt', formatSyncTime(status.nextAttemptAt, locale, now))
      : '',
    status.lastSyncAt !== undefined
      ? t('syncLastSynced', formatSyncTime(status.lastSyncAt, locale, now))
      : t('syncNeverSynced'),
    pendingText(status.pending, locale),
  ]
    .filter(Boolean)
    .join(SEPARATOR);
}
