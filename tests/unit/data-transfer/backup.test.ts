import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  BACKUP_ALARM,
  backUpNow,
  backupStatus,
  ensureBackupAlarm,
  onBackupAlarm,
  setBackupFrequency,
} from '../../../lib/background/backup';
import { database } from '../../../lib/background/db-connection';
import { REMINDER_ALARM } from '../../../lib/background/reminders';
import {
  BACKUP_MIN_DELAY_MS,
  BACKUP_PERIOD_MS,
  BACKUP_RETRY_MS,
  backupFileName,
  nextBackupAt,
} from '../../../lib/data-transfer/backup-schedule';
import { DATA_STORES } from '../../../lib/data-transfer/format';
import { DEFAULT_KEPT_BACKUPS } from '../../../lib/data-transfer/types';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { note } from './rows';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const NOW = new Date(2025, 5, 12, 9, 30).getTime();
const DAY = BACKUP_PERIOD_MS.daily;

describe('the backup schedule', () => {
  it('runs one period after the last backup, a missed one a minute from now, never when off', () => {
    expect(nextBackupAt('off', NOW - DAY, NOW)).toBeNull();
    expect(nextBackupAt('daily', NOW - 1000, NOW)).toBe(NOW - 1000 + DAY);
    expect(nextBackupAt('weekly', NOW - 1000, NOW)).toBe(NOW - 1000 + 7 * DAY);
    expect(nextBackupAt('daily', NOW - 3 * DAY, NOW)).toBe(NOW + BACKUP_MIN_DELAY_MS);
    expect(nextBackupAt('daily', null, NOW)).toBe(NOW + BACKUP_MIN_DELAY_MS);
  });

  it('waits an hour after a failed attempt instead of trying every minute', () => {
    expect(nextBackupAt('daily', NOW - 3 * DAY, NOW, NOW)).toBe(NOW + BACKUP_RETRY_MS);
    // A success after the failure counts from the success.
    expect(nextBackupAt('daily', NOW, NOW, NOW - 5000)).toBe(NOW + DAY);
  });

  it('names files by local date and time in a folder of their own', () => {
    expect(backupFileName(NOW)).toBe('dealside-backups/dealside-backup-2025-06-12-0930.json');
  });
});

describe('automatic backups', () => {
  let granted: boolean;
  let download: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    granted = true;
    download = vi.fn(async () => 1);
    fakeBrowser.permissions.contains = (async () => granted) as typeof fakeBrowser.permissions.contains;
    fakeBrowser.downloads.download = download as unknown as typeof fakeBrowser.downloads.download;
    const db = await database();
    for (const store of DATA_STORES) await db.clear(store);
    await db.put('notes', note('n1', 'northwind-trading.com', { body: 'Budget approved 预算已批准' }));
  });
  afterEach(async () => {
    await fakeBrowser.alarms.clearAll();
  });

  function savedFile(call = 0) {
    const options = download.mock.calls[call]![0] as { url: string; filename: string; saveAs: boolean };
    const base64 = options.url.slice('data:application/json;base64,'.length);
    const result = readImportText(Buffer.from(base64, 'base64').toString('utf8'));
    if (!result.ok) throw new Error('the backup is not a valid export');
    return { options, file: result.file };
  }

  it('turning them on backs up at once to the downloads folder and arms the next one', async () => {
    const status = await setBackupFrequency('daily', NOW);
    expect(download).toHaveBeenCalledTimes(1);
    const { options, file } = savedFile();
    expect(options).toMatchObject({
      filename: 'dealside-backups/dealside-backup-2025-06-12-0930.json',
      conflictAction: 'uniquify',
      saveAs: false,
    });
    expect(options.url.startsWith('data:application/json;base64,')).toBe(true);
    expect(file.notes.map((row) => row.body)).toEqual(['Budget approved 预算已批准']);
    expect(status).toEqual({
      frequency: 'daily',
      lastBackupAt: NOW,
      lastFileName: 'dealside-backups/dealside-backup-2025-06-12-0930.json',
      nextBackupAt: NOW + DAY,
      canDownload: true,
      lastError: null,
      keep: DEFAULT_KEPT_BACKUPS,
    });
    expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.scheduledTime).toBe(NOW + DAY);
  });

  it('the alarm backs up and re-arms; other alarms are not its business and stay', async () => {
    await setBackupFrequency('weekly', NOW);
    await fakeBrowser.alarms.create(REMINDER_ALARM, { when: NOW + 5000 });
    await onBackupAlarm({ name: REMINDER_ALARM, scheduledTime: NOW + 5000 }, NOW + 5000);
    expect(download).toHaveBeenCalledTimes(1);

    const later = NOW + 7 * DAY;
    await onBackupAlarm({ name: BACKUP_ALARM, scheduledTime: later }, later);
    expect(download).toHaveBeenCalledTimes(2);
    expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.scheduledTime).toBe(later + 7 * DAY);
    expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(NOW + 5000);
    expect((await backupStatus(later)).lastBackupAt).toBe(later);
  });

  it('without the downloads permission it says so, writes nothing and tries again in an hour', async () => {
    granted = false;
    const status = await setBackupFrequency('daily', NOW);
    expect(download).not.toHaveBeenCalled();
    expect(status).toMatchObject({
      frequency: 'daily',
      canDownload: false,
      lastBackupAt: null,
      lastError: { at: NOW, reason: 'no-permission' },
      nextBackupAt: NOW + BACKUP_RETRY_MS,
    });
    expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.scheduledTime).toBe(NOW + BACKUP_RETRY_MS);
  });

  it('a failed download is reported with its reason', async () => {
    download.mockRejectedValueOnce(new Error('Invalid filename'));
    const status = await backUpNow(NOW);
    expect(status.lastError).toEqual({ at: NOW, reason: 'failed', detail: 'Invalid filename' });
    expect(status.lastBackupAt).toBeNull();
    const retried = await backUpNow(NOW + 1000);
    expect(retried.lastError).toBeNull();
    expect(retried.lastBackupAt).toBe(NOW + 1000);
  });

  it('turning them off clears the alarm; start-up re-arms only when they are on', async () => {
    await setBackupFrequency('daily', NOW);
    await setBackupFrequency('off', NOW);
    expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeUndefined();
    await ensureBackupAlarm(NOW);
    expect(await fakeBrowser.alarms.get(BACKUP_ALARM)).toBeUndefined();
    await onBackupAlarm({ name: BACKUP_ALARM, scheduledTime: NOW }, NOW);
    expect(download).toHaveBeenCalledTimes(1);

    await setBackupFrequency('weekly', NOW + 1);
    await fakeBrowser.alarms.clearAll();
    await ensureBackupAlarm(NOW + 2);
    expect((await fakeBrowser.alarms.get(BACKUP_ALARM))?.scheduledTime).toBe(NOW + 7 * DAY);
  });
});

describe('how many backups are kept', () => {
  /** The downloads folder as the browser keeps it: id → file, for files Dealside saved. */
  let files: Map<number, string>;
  let erased: number[];

  beforeEach(async () => {
    await fakeBrowser.storage.local.clear();
    files = new Map();
    erased = [];
    let nextId = 1;
    fakeBrowser.permissions.contains = (async () => true) as typeof fakeBrowser.permissions.contains;
    fakeBrowser.downloads.download = (async (options: { filename: string }) => {
      files.set(nextId, options.filename);
      return nextId++;
    }) as unknown as typeof fakeBrowser.downloads.download;
    fakeBrowser.downloads.removeFile = (async (id: number) => {
      if (!files.delete(id)) throw new Error('Download file already deleted');
    }) as unknown as typeof fakeBrowser.downloads.removeFile;
    fakeBrowser.downloads.erase = (async ({ id }: { id: number }) => {
      erased.push(id);
      return [id];
    }) as unknown as typeof fakeBrowser.downloads.erase;
  });
  afterEach(async () => {
    await fakeBrowser.alarms.clearAll();
  });

  /** Backs up `count` times, a day apart. */
  async function backUpDays(count: number, from = NOW): Promise<void> {
    for (let day = 0; day < count; day++) await backUpNow(from + day * DAY);
  }

  it('keeps the last seven by default: older files leave the disk and the downloads list', async () => {
    await backUpDays(10);
    expect([...files.keys()]).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(erased).toEqual([1, 2, 3]);
    expect((await backupStatus(NOW)).keep).toBe(7);
  });

  it('keeps the number the rep chose, and deletes the excess at once when it is lowered', async () => {
    await setBackupFrequency('daily', NOW, 3);
    await backUpDays(4, NOW + DAY);
    expect([...files.keys()]).toEqual([3, 4, 5]);

    const status = await setBackupFrequency('daily', NOW + 5 * DAY, 1);
    expect(status.keep).toBe(1);
    expect([...files.keys()]).toEqual([5]);
    expect(erased).toEqual([1, 2, 3, 4]);
  });

  it('forgets a file the rep deleted by hand, and never touches downloads it did not make', async () => {
    files.set(100, 'someone-elses-file.pdf');
    await setBackupFrequency('daily', NOW, 1);
    files.delete(1); // The rep deleted the first backup themself.
    await backUpDays(2, NOW + DAY);
    expect([...files.keys()].sort((a, b) => a - b)).toEqual([3, 100]);
    expect(erased).toEqual([1, 2]);
  });

  it('deletes nothing while the downloads permission is gone, and catches up once it is back', async () => {
    await setBackupFrequency('daily', NOW, 2);
    await backUpDays(2, NOW + DAY);
    fakeBrowser.permissions.contains = (async () => false) as typeof fakeBrowser.permissions.contains;
    await setBackupFrequency('daily', NOW + 3 * DAY, 1);
    expect([...files.keys()]).toEqual([2, 3]);
    fakeBrowser.permissions.contains = (async () => true) as typeof fakeBrowser.permissions.contains;
    await backUpNow(NOW + 4 * DAY);
    expect([...files.keys()]).toEqual([4]);
  });
});
