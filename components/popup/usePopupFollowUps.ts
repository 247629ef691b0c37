import { useCallback, useEffect, useRef, useState } from 'react';
import { onMessage, sendMessage } from '@/lib/messaging/messenger';
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import { events as eventSchemas } from '@/lib/messaging/messages';

export type PopupData =
  { status: 'loading' } | { status: 'ready'; lists: PopupFollowUps } | { status: 'error'; message: string };

/**
 * The popup's lists, loaded from the background and loaded again whenever any follow-up changes (a panel
 * in another tab, a reminder's Done button, this popup's own actions).
 */
export function usePopupFollowUps(): { data: PopupData; reload: () => void } {
  const [data, setData] = useState<PopupData>({ status: 'loading' });
  const requestSeq = useRef(0);

  const reload = useCallback(() => {
    const seq = ++requestSeq.current;
    sendMessage('getPopupFollowUps', {})
      .then((lists) => {
        if (seq === requestSeq.current) setData({ status: 'ready', lists });
      })
      .catch((error: unknown) => {
        if (seq !== requestSeq.current) return;
        setData({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
  }, []);

  useEffect(() => {
    reload();
    return onMessage('dataChanged', ({ data: event }) => {
      // Any account's change can move a row in or out of the lists.
      if (eventSchemas.dataChanged.safeParse(event).success) reload();
    });
  }, [reload]);

  return { data, reload };
}
