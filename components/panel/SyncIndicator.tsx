import { t, uiLanguage } from '@/lib/i18n';
import { lastErrorText, shortStateText, statusText } from '../shared/sync-text';
import { useSyncStatus } from '../shared/useSyncStatus';

/** How often the panel asks where sync stands while it is visible. */
export const SYNC_PANEL_POLL_MS = 10_000;

/**
 * A dot and a word in the panel's header while sync is on ("Synced", "Syncing", "Offline"); the full
 * status (last sync, changes waiting, the last problem) in its tooltip and its accessible name. With
 * sync off, or before the first answer, there is nothing: most reps never turn sync on.
 */
export function SyncIndicator() {
  const { status } = useSyncStatus(SYNC_PANEL_POLL_MS);
  if (!status || status.state === 'off') return null;
  const locale = uiLanguage();
  const details = [
    statusText(status, locale),
    status.lastError ? lastErrorText(status.lastError, locale) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const label = t('syncIndicatorLabel', details);
  return (
    <span
      className="ds-sync-indicator"
      role="img"
      aria-label={label}
      title={label}
      data-state={status.state}
      data-problem={status.lastError ? 'true' : undefined}
      data-testid="sync-indicator"
    >
      <span className="ds-sync-indicator-dot" />
      <span className="ds-sync-indicator-text">{shortStateText(status)}</span>
    </span>
  );
}
