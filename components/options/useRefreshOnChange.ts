import { useEffect, useRef } from 'react';
import { onPageEvent, type PageEventType } from '@/lib/messaging/page-events';

/**
 * Calls `refresh` once a burst of background changes is over (a note being typed in a panel saves every
 * few seconds). While the options tab is hidden nothing is recomputed: a hidden tab only notes that it
 * is stale and refreshes when the rep comes back to it, so a rep working in the panel never pays for
 * figures nobody is looking at.
 */
export function useRefreshOnChange(
  refresh: () => void,
  events: readonly PageEventType[],
  delayMs: number,
): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  const eventKey = events.join(',');

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stale = false;
    const schedule = () => {
      if (document.visibilityState === 'hidden') {
        stale = true;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !stale) return;
      stale = false;
      latest.current();
    };
    const stops = eventKey.split(',').map((type) => onPageEvent(type as PageEventType, schedule));
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [eventKey, delayMs]);
}
