import { useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_KEPT_BACKUPS, KEPT_BACKUPS_CHOICES, type BackupFrequency } from '@/lib/data-transfer/types';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import { errorText } from '@/lib/error-text';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';
import { formatDateTime } from './text';

type Activity = 'idle' | 'asking' | 'working';

/**
 * Asks for the downloads permission. Called first thing in a click or change handler: the browser only
 * shows its question during the user's gesture.
 */
async function requestDownloads(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['downloads'] });
  } catch {
    return false;
  }
}

/** Opt-in daily or weekly backups to the downloads folder, with the last backup's time. */
export function BackupCard() {
  const { result, latest, set: setStatus } = useBackgroundQuery('getBackupStatus', {});
  const status = latest ?? null;
  const [activity, setActivity] = useState<Activity>('idle');
  const [actionError, setActionError] = useState<string | null>(null);
  const locale = uiLanguage();
  const error = actionError ?? (result.status === 'error' ? t('dataActionFailed', result.message) : null);

  /** Makes sure downloads are allowed, asking when they are not; false when the rep said no. */
  const allowed = async (): Promise<boolean> => {
    if (status?.canDownload) return true;
    setActivity('asking');
    const granted = await requestDownloads();
    if (!granted) {
      setActivity('idle');
      setActionError(t('dataBackupDenied'));
    }
    return granted;
  };

  const changeFrequency = async (frequency: BackupFrequency) => {
    setActionError(null);
    if (frequency !== 'off' && !(await allowed())) return;
    setActivity('working');
    try {
      setStatus(await sendMessage('setBackupSchedule', { frequency }));
      // Least privilege: with backups off, Dealside has no use for downloads.
      if (frequency === 'off') await browser.permissions.remove({ permissions: ['downloads'] });
    } catch (reason) {
      setActionError(t('dataActionFailed', errorText(reason)));
    } finally {
      setActivity('idle');
    }
  };

  /** Fewer kept files deletes the oldest at once (only files Dealside saved itself). */
  const changeKeep = async (keep: number) => {
    if (!status) return;
    setActionError(null);
    setActivity('working');
    try {
      setStatus(await sendMessage('setBackupSchedule', { frequency: status.frequency, keep }));
    } catch (reason) {
      setActionError(t('dataActionFailed', errorText(reason)));
    } finally {
      setActivity('idle');
    }
  };

  // A count set elsewhere (an older choice, a synced value) is still shown as the selected one.
  const keepChoices = [
    ...new Set<number>([...KEPT_BACKUPS_CHOICES, status?.keep ?? DEFAULT_KEPT_BACKUPS]),
  ].sort((a, b) => a - b);

  const backUpNow = async () => {
    setActionError(null);
    if (!(await allowed())) return;
    setActivity('working');
    try {
      setStatus(await sendMessage('runBackupNow', {}));
    } catch (reason) {
      setActionError(t('dataActionFailed', errorText(reason)));
    } finally {
      setActivity('idle');
    }
  };

  const lastError = status?.lastError;
  const permissionLost = status !== null && status.frequency !== 'off' && !status.canDownload;

  return (
    <section className="ds-card ds-data-card" aria-labelledby="ds-data-backup-heading">
      <h3 id="ds-data-backup-heading">{t('dataBackupHeading')}</h3>
      <p className="ds-data-hint">{t('dataBackupHint')}</p>
      <p className="ds-data-warning" data-testid="backup-uninstall-warning">
        {t('dataBackupUninstallWarning')}
      </p>
      <div className="ds-data-fields">
        <div className="ds-data-field">
          <label className="ds-label" htmlFor="ds-data-backup-frequency">
            {t('dataBackupFrequencyLabel')}
          </label>
          <select
            id="ds-data-backup-frequency"
            className="ds-select"
            data-testid="backup-frequency"
            value={status?.frequency ?? 'off'}
            disabled={status === null || activity !== 'idle'}
            onChange={(event) => void changeFrequency(event.target.value as BackupFrequency)}
          >
            <option value="off">{t('dataBackupOff')}</option>
            <option value="daily">{t('dataBackupDaily')}</option>
            <option value="weekly">{t('dataBackupWeekly')}</option>
          </select>
        </div>
        <div className="ds-data-field">
          <label className="ds-label" htmlFor="ds-data-backup-keep">
            {t('dataBackupKeepLabel')}
          </label>
          <select
            id="ds-data-backup-keep"
            className="ds-select"
            data-testid="backup-keep"
            aria-describedby="ds-data-backup-keep-hint"
            value={String(status?.keep ?? DEFAULT_KEPT_BACKUPS)}
            disabled={status === null || activity !== 'idle'}
            onChange={(event) => void changeKeep(Number(event.target.value))}
          >
            {keepChoices.map((count) => (
              <option key={count} value={String(count)}>
                {t('dataBackupKeepCount', String(count))}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="ds-data-secondary"
          data-testid="backup-now"
          disabled={status === null || activity !== 'idle'}
          onClick={() => void backUpNow()}
        >
          {t('dataBackupNow')}
        </button>
      </div>
      <p className="ds-data-hint" id="ds-data-backup-keep-hint">
        {t('dataBackupKeepHint')}
      </p>
      <p className="ds-status" role="status" data-testid="backup-status">
        {activity === 'asking'
          ? t('dataBackupAsking')
          : activity === 'working'
            ? t('dataBackupWorking')
            : status === null
              ? ''
              : [
                  status.lastBackupAt !== null
                    ? t('dataBackupLast', [
                        formatDateTime(status.lastBackupAt, locale),
                        status.lastFileName ?? '',
                      ])
                    : t('dataBackupNever'),
                  status.nextBackupAt !== null
                    ? t('dataBackupNext', formatDateTime(status.nextBackupAt, locale))
                    : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
      </p>
      {permissionLost && (
        <div className="ds-row ds-data-warning-row" role="alert">
          <span>{t('dataBackupNoPermission')}</span>
          <button type="button" className="ds-data-secondary" onClick={() => void backUpNow()}>
            {t('dataBackupAllow')}
          </button>
        </div>
      )}
      {!permissionLost && lastError?.reason === 'failed' && (
        <p className="ds-error-text" role="alert">
          {t('dataBackupFailed', [formatDateTime(lastError.at, locale), lastError.detail ?? ''])}
        </p>
      )}
      {error && (
        <p className="ds-error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
