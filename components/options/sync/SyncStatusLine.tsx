import { t } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/sync/types';
import { lastErrorText, statusText } from '../../shared/sync-text';

/**
 * Where sync stands: the state with the last sync time and the changes waiting, the server it syncs
 * with, and the last problem in plain words when there is one. Polled, so not a live region: it would
 * speak every few seconds.
 */
export function SyncStatusLine({
  status,
  loadError,
  locale,
}: {
  status: SyncStatus | undefined;
  loadError: string | null;
  locale: string;
}) {
  if (!status) {
    return loadError ? (
      <p className="ds-error-text" data-testid="sync-status">
        {t('syncLoadFailed', loadError)}
      </p>
    ) : (
      <p className="ds-sync-status" data-testid="sync-status" aria-busy="true" />
    );
  }
  const server = status.state !== 'off' ? status.server : undefined;
  return (
    <div className="ds-sync-now">
      <p className="ds-sync-status" data-testid="sync-status" data-state={status.state}>
        <span className="ds-sync-dot" aria-hidden="true" />
        {statusText(status, locale)}
      </p>
      {server ? (
        <p className="ds-sync-server" data-testid="sync-server">
          {t('syncServerLine', [server.database, server.url, server.username])}
        </p>
      ) : null}
      {status.lastError ? (
        <p className="ds-error-text" data-testid="sync-error">
          {lastErrorText(status.lastError, locale)}
        </p>
      ) : null}
      {loadError ? <p className="ds-error-text">{t('syncLoadFailed', loadError)}</p> : null}
    </div>
  );
}
