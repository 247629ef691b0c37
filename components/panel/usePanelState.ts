import { useCallback, useEffect, useRef, useState } from 'react';
import { onMessage, sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { events as eventSchemas } from '@/lib/messaging/messages';

export type PanelTarget =
  /** The in-page frame: the background answers about the tab the frame is docked in. */
  | { kind: 'frame' }
  /** The browser's side panel: follows the tab it is given. */
  | { kind: 'tab'; tabId: number | null };

export type Loadable =
  { status: 'loading' } | { status: 'ready'; state: PanelState } | { status: 'error'; message: string };

/**
 * The panel's data, kept fresh: loaded from the background, and loaded again whenever the background
 * says this tab's page or this account's data changed (another panel saved a note, say).
 */
export function usePanelState(target: PanelTarget): { data: Loadable; reload: () => void } {
  const [data, setData] = useState<Loadable>({ status: 'loading' });
  const latest = useRef<PanelState | undefined>(undefined);
  const requestSeq = useRef(0);

  const tabId = target.kind === 'tab' ? target.tabId : undefined;
  const reload = useCallback(() => {
    const seq = ++requestSeq.current;
    sendMessage('getPanelState', tabId === undefined || tabId === null ? {} : { tabId })
      .then((state) => {
        if (seq !== requestSeq.current) return; // A newer request is on its way.
        latest.current = state;
        setData({ status: 'ready', state });
      })
      .catch((error: unknown) => {
        if (seq !== requestSeq.current) return;
        setData({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
  }, [tabId]);

  useEffect(() => {
    reload();
    const offData = onMessage('dataChanged', ({ data: event }) => {
      const parsed = eventSchemas.dataChanged.safeParse(event);
      const key = latest.current?.account?.key;
      if (parsed.success && key && parsed.data.accountKeys.includes(key)) reload();
    });
    const offPage = onMessage('pageChanged', ({ data: event }) => {
      const parsed = eventSchemas.pageChanged.safeParse(event);
      const current = latest.current?.tabId;
      if (parsed.success && (current === undefined || current === null || parsed.data.tabId === current))
        reload();
    });
    return () => {
      offData();
      offPage();
    };
  }, [reload]);

  return { data, reload };
}
