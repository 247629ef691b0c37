/** When the automatic backup runs next. Pure, so the schedule is tested without alarms. */
import type { BackupFrequency } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export const BACKUP_PERIOD_MS: Record<Exclude<BackupFrequency, 'off'>, number> = {
  daily: DAY_MS,
  weekly: 7 * DAY_MS,
};

/** Chrome rings alarms no sooner than 30 seconds ahead; a minute leaves the browser time to start up. */
export const BACKUP_MIN_DELAY_MS = 60 * 1000;

/** After a failed attempt the next one waits this long, so a lasting problem never loops. */
export const BACKUP_RETRY_MS = 60 * 60 * 1000;

/**
 * One period after the last backup; a backup missed while the browser was closed runs a minute from
 * now instead of never; after a failed attempt, an hour later. Null when backups are off.
 */
export function nextBackupAt(
  frequency: BackupFrequency,
  lastBackupAt: number | null,
  now: number,
  lastFailureAt: number | null = null,
): number | null {
  if (frequency === 'off') return null;
  let due = lastBackupAt === null ? now : lastBackupAt + BACKUP_PERIOD_MS[frequency];
  if (lastFailureAt !== null && lastFailureAt >= (lastBackupAt ?? 0)) {
    due = Math.max(due, lastFailureAt + BACKUP_RETRY_MS);
  }
  return Math.max(due, now + BACKUP_MIN_DELAY_MS);
}

/** `dealside-backups/dealside-backup-2025-06-12-0930.json`: a folder of its own in Downloads. */
export function backupFileName(now: number): string {
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  return `dealside-backups/dealside-backup-${stamp}.json`;
}
