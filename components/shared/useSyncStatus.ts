import { useEffect } from 'react';
import type { SyncStatus } from '@/lib/sync/types';
import { useBackgroundQuery } from './useBackgroundQuery';

export interface SyncStatusQuery {
  /** The last status the background gave; undefined until the first answer. */
  status: SyncStatus | undefined;
  /** Why the last read failed, when it did (the last status is kept meanwhile). */
  loadError: string | null;
  /** Asks again now (after starting or stopping, say). */
  refresh: () => void;
  /** Shows a status the background answered an action with. */
  set: (status: SyncStatus) => void;
}

/**
 * The sync status, asked for every `intervalMs` while the page is visible and once more as soon as it
 * is shown again. Sync sends no change events: the state moves with the network, so screens poll, and
 * a hidden tab or panel asks nothing.
 */
export function useSyncStatus(intervalMs: number): SyncStatusQuery {
  const { result, latest, reload, set } = useBackgroundQuery('getSyncStatus', {});

  useEffect(() => {
    let timer: number | undefined;
    const stop = () => {
      window.clearInterval(timer);
      timer = undefined;
    };
    const start = () => {
      stop();
      if (document.visibilityState === 'visible') timer = window.setInterval(reload, intervalMs);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') reload();
      start();
    };
    start();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [reload, intervalMs]);

  return {
    status: latest,
    loadError: result.status === 'error' ? result.message : null,
    refresh: reload,
    set,
  };
}
