/**
 * Automatic backups (opt-in): a JSON export saved to the downloads folder every day or week.
 *
 * - The `downloads` permission is optional: the options page requests it when the rep turns backups on
 *   (a click is the user gesture the browser asks for), and gives it back when they turn them off.
 * - One alarm, `dealside-backup`, rings for the next backup; it is re-armed after each backup and at
 *   start-up. Other alarms (reminders) are not ours and are left alone.
 * - Service workers have no `URL.createObjectURL`, so the file travels as a `data:` URL; Firefox's
 *   background page has one and uses a Blob URL.
 * - Backups are unencrypted copies of everything: only the last `keep` (7 unless the rep chose otherwise)
 *   stay. Dealside remembers the download id of each file it saved and deletes the older ones from disk
 *   and from the downloads list; it never touches a file it did not download itself.
 */
import { browser, type Browser } from 'wxt/browser';
import { textDataUrl } from '../data-transfer/base64';
import { backupFileName, nextBackupAt } from '../data-transfer/backup-schedule';
import type { BackupFailure, BackupFrequency, BackupStatus } from '../data-transfer/types';
import { errorText } from '../error-text';
import { backupStateItem, backupStateSchema, type BackupState } from '../storage/items';
import { buildExport } from './data-export';

export const BACKUP_ALARM = 'dealside-backup';

function readState(): Promise<BackupState> {
  return backupStateItem.get();
}

async function writeState(change: Partial<BackupState>): Promise<BackupState> {
  const next = backupStateSchema.parse({ ...(await readState()), ...change });
  await backupStateItem.set(next);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();

/** One backup operation at a time: the alarm and a "Back up now" click must not write two files. */
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/** True when the rep allowed downloads (the optional permission) and the API is there. */
async function canDownload(): Promise<boolean> {
  try {
    const granted = await browser.permissions.contains({ permissions: ['downloads'] });
    return granted && typeof browser.downloads?.download === 'function';
  } catch {
    return false;
  }
}

async function status(state: BackupState, now: number): Promise<BackupStatus> {
  return {
    frequency: state.frequency,
    lastBackupAt: state.lastBackupAt,
    lastFileName: state.lastFileName,
    nextBackupAt: nextBackupAt(state.frequency, state.lastBackupAt, now, state.lastError?.at ?? null),
    canDownload: await canDownload(),
    lastError: state.lastError,
    keep: state.keep,
  };
}

async function arm(state: BackupState, now: number): Promise<void> {
  const when = nextBackupAt(state.frequency, state.lastBackupAt, now, state.lastError?.at ?? null);
  if (when === null) await browser.alarms.clear(BACKUP_ALARM);
  else await browser.alarms.create(BACKUP_ALARM, { when });
}

function downloadUrl(text: string): { url: string; release: () => void } {
  if (import.meta.env.FIREFOX) {
    // Firefox's background page has Blob URLs (no base64 to pay for), and Firefox refuses data: downloads.
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    // The download reads the Blob after `download` resolves; a minute is ample before letting it go.
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  return { url: textDataUrl(text, 'application/json'), release: () => undefined };
}

/**
 * Deletes the backup files beyond the newest `keep`, file first and then its line in the downloads list
 * (the other order leaves the browser no record of the file to delete). A file the rep already deleted or
 * moved is simply forgotten. Without the downloads permission nothing is deleted until it is back.
 */
async function pruneBackups(state: BackupState): Promise<BackupState> {
  if (state.downloadIds.length <= state.keep || !(await canDownload())) return state;
  const excess = state.downloadIds.slice(0, state.downloadIds.length - state.keep);
  for (const id of excess) {
    await browser.downloads.removeFile(id).catch((error: unknown) => {
      console.warn('[dealside] an old backup file could not be deleted (already gone?)', error);
    });
    await browser.downloads.erase({ id }).catch((error: unknown) => {
      console.warn('[dealside] an old backup could not be cleared from the downloads list', error);
    });
  }
  return writeState({ downloadIds: state.downloadIds.slice(excess.length) });
}

async function backUp(now: number): Promise<BackupState> {
  if (!(await canDownload())) {
    const failure: BackupFailure = { at: now, reason: 'no-permission' };
    return writeState({ lastError: failure });
  }
  try {
    const built = await buildExport('json', 'en', now);
    const fileName = backupFileName(now);
    const { url, release } = downloadUrl(built.text);
    let downloadId: number;
    try {
      downloadId = await browser.downloads.download({
        url,
        filename: fileName,
        conflictAction: 'uniquify',
        saveAs: false,
      });
    } finally {
      release();
    }
    const saved = await writeState({
      lastBackupAt: now,
      lastFileName: fileName,
      lastError: null,
      downloadIds: [...(await readState()).downloadIds, downloadId],
    });
    return await pruneBackups(saved);
  } catch (error) {
    const detail = errorText(error).slice(0, 500);
    return writeState({ lastError: { at: now, reason: 'failed', detail } });
  }
}

export function backupStatus(now = Date.now()): Promise<BackupStatus> {
  return serially(async () => status(await readState(), now));
}

/**
 * Turns backups on (daily or weekly) or off, and sets how many files to keep (fewer deletes the oldest at
 * once). Turning them on backs up at once when there has never been a backup, so the rep sees the first
 * file arrive and knows it works.
 */
export function setBackupFrequency(
  frequency: BackupFrequency,
  now = Date.now(),
  keep?: number,
): Promise<BackupStatus> {
  return serially(async () => {
    let state = await writeState({
      frequency,
      ...(frequency === 'off' ? { lastError: null } : {}),
      ...(keep === undefined ? {} : { keep }),
    });
    state = await pruneBackups(state);
    if (frequency !== 'off' && state.lastBackupAt === null) state = await backUp(now);
    await arm(state, now);
    return status(state, now);
  });
}

export function backUpNow(now = Date.now()): Promise<BackupStatus> {
  return serially(async () => {
    const state = await backUp(now);
    await arm(state, now);
    return status(state, now);
  });
}

/** The alarm listener's work; other extensions' and other features' alarms are ignored. */
export function onBackupAlarm(alarm: Browser.alarms.Alarm, now = Date.now()): Promise<void> {
  if (alarm.name !== BACKUP_ALARM) return Promise.resolve();
  return serially(async () => {
    let state = await readState();
    if (state.frequency !== 'off') state = await backUp(now);
    await arm(state, now);
  });
}

/** Start-up: alarms may not survive a browser update; arm the next backup again. */
export function ensureBackupAlarm(now = Date.now()): Promise<void> {
  return serially(async () => arm(await readState(), now));
}

function logged(work: Promise<unknown>): void {
  work.catch((error: unknown) => console.warn('[dealside] backup:', error));
}

/** Registered once at the top of the service worker, so the browser can wake it for the alarm. */
export function registerBackup(): void {
  browser.alarms.onAlarm.addListener((alarm) => logged(onBackupAlarm(alarm)));
  browser.runtime.onStartup.addListener(() => logged(ensureBackupAlarm()));
  browser.runtime.onInstalled.addListener(() => logged(ensureBackupAlarm()));
}
