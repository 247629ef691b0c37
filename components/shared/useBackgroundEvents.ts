/**
 * The background's change events as extension screens use them: one subscription per event type through
 * `onPageEvent` (which validates every event), filtered by what the screen shows, and optionally settled
 * so a burst of changes costs one refresh.
 */
import { useEffect, useRef } from 'react';
import { onPageEvent, type PageEventType } from '@/lib/messaging/page-events';
import type { ProtocolMap } from '@/lib/messaging/protocol';

export type { PageEventType };
export type PageEventOf<E extends PageEventType> = Parameters<ProtocolMap[E]>[0];

/** Per event type: `true` takes every event of that type, a function takes the events it accepts. */
export type EventFilters = {
  [E in PageEventType]?: true | ((event: PageEventOf<E>) => boolean);
};

export interface EventTiming {
  /**
   * Refresh this long after the last accepted event rather than at once (typing a note in a panel saves
   * every few seconds). While the page is hidden nothing runs: a hidden page only notes that it is stale
   * and refreshes when the rep comes back to it, so nobody pays for figures nobody is looking at.
   */
  settleMs?: number;
  /** Refresh each time the page becomes visible again (what changed meanwhile sends no event). */
  refreshOnShow?: boolean;
}

/** Calls `refresh` for every event `on` accepts, as `timing` says. */
export function useBackgroundEvents(
  on: EventFilters,
  refresh: () => void,
  { settleMs, refreshOnShow = false }: EventTiming = {},
): void {
  // The latest filters and callback, read when an event arrives: callers pass fresh closures each render.
  const latest = useRef({ on, refresh });
  useEffect(() => {
    latest.current = { on, refresh };
  });
  const types = (Object.keys(on) as PageEventType[]).sort().join(',');

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stale = false;
    const schedule = () => {
      if (settleMs === undefined) {
        latest.current.refresh();
        return;
      }
      if (document.visibilityState === 'hidden') {
        stale = true;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => latest.current.refresh(), settleMs);
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      if (!stale && !refreshOnShow) return;
      stale = false;
      clearTimeout(timer);
      latest.current.refresh();
    };
    const stops = types
      .split(',')
      .filter(Boolean)
      .map((type) =>
        onPageEvent(type as PageEventType, (event: PageEventOf<PageEventType>) => {
          const accept = latest.current.on[type as PageEventType] as
            true | ((event: PageEventOf<PageEventType>) => boolean) | undefined;
          if (accept === true || (accept !== undefined && accept(event))) schedule();
        }),
      );
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [types, settleMs, refreshOnShow]);
}
