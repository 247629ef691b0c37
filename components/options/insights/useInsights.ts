import { useCallback, useEffect, useRef, useState } from 'react';
import type { InsightsPeriod } from '@/lib/insights/period';
import type { InsightsReport } from '@/lib/insights/report';
import { sendMessage } from '@/lib/messaging/messenger';
import { useRefreshOnChange } from '../useRefreshOnChange';

export type InsightsData =
  | { status: 'loading' }
  | { status: 'ready'; report: InsightsReport; refreshing: boolean }
  | { status: 'error'; message: string };

/** Changes come in bursts (typing a note autosaves); the figures are recomputed once the burst is over. */
const RELOAD_DELAY_MS = 1500;
const REFRESH_EVENTS = ['dataChanged', 'playbookChanged'] as const;

/**
 * The insights for a period, computed by the background, loaded again when the period changes, when
 * any account changes and when the playbook is edited. A reply to an older request is dropped.
 */
export function useInsights(period: InsightsPeriod): { data: InsightsData; reload: () => void } {
  const [data, setData] = useState<InsightsData>({ status: 'loading' });
  const requestSeq = useRef(0);

  const reload = useCallback(() => {
    const seq = ++requestSeq.current;
    setData((current) =>
      current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' },
    );
    sendMessage('getInsights', { period })
      .then((report) => {
        if (seq === requestSeq.current) setData({ status: 'ready', report, refreshing: false });
      })
      .catch((error: unknown) => {
        if (seq !== requestSeq.current) return;
        setData({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
  }, [period]);

  useEffect(() => {
    reload();
  }, [reload]);
  useRefreshOnChange(reload, REFRESH_EVENTS, RELOAD_DELAY_MS);

  return { data, reload };
}
