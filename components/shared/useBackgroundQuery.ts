/**
 * How a screen (panel, side panel, popup, options) reads from the background: one message, its answer
 * kept as loading / ready / error, reloaded when the background says what it shows has changed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '@/lib/error-text';
import { sendMessage } from '@/lib/messaging/messenger';
import type { ProtocolMap } from '@/lib/messaging/protocol';
import {
  useBackgroundEvents,
  type EventFilters,
  type EventTiming,
  type PageEventOf,
  type PageEventType,
} from './useBackgroundEvents';

export type QueryType = keyof ProtocolMap;
export type RequestOf<K extends QueryType> = Parameters<ProtocolMap[K]>[0];
export type AnswerOf<K extends QueryType> = ReturnType<ProtocolMap[K]>;

export type QueryResult<T> =
  | { status: 'loading' }
  /** `refreshing`: a reload is on its way (only with `showReloading`; otherwise always false). */
  | { status: 'ready'; data: T; refreshing: boolean }
  | { status: 'error'; message: string };

/**
 * Per event type: `true` reloads on every such event; a function decides from the event and the data
 * shown (the last answer, if any) — the panel reloads only for its own account and its own tab.
 */
export type RefreshOn<T> = {
  [E in PageEventType]?: true | ((event: PageEventOf<E>, shown: T | undefined) => boolean);
};

export interface QueryOptions<T> extends EventTiming {
  refreshOn?: RefreshOn<T>;
  /**
   * Show reloads: ready data is marked `refreshing` while a reload is on its way, and a failure gives
   * way to `loading` when tried again. Without it the screen keeps what it shows until the answer.
   */
  showReloading?: boolean;
  /** Load again whenever this value changes (compared by identity), as with an effect's dependency. */
  reloadKey?: unknown;
  /** Not yet: nothing is sent (not even on events) until this turns false, which loads. */
  skip?: boolean;
  /**
   * The answer to the first load, asked for before the page rendered (the popup asks as its script starts,
   * so the answer travels while React and the language load); later loads send the message.
   */
  firstAnswer?: Promise<T>;
  /**
   * The data to render at once, as ready: the answer to the first load, which then sends no message (the
   * popup's first paint received it and drew it before React loaded); or, with `firstAnswer` too, what was
   * shown while that answer travelled (the popup's stored lists), which its arrival replaces.
   */
  firstData?: T;
}

export interface BackgroundQuery<T> {
  result: QueryResult<T>;
  /** The last answer, kept through a failed reload; undefined until the first one. */
  latest: T | undefined;
  reload: () => void;
  /**
   * Shows data the background answered a write with, or changes what is shown before the answer. An
   * answer to an earlier load that arrives later is dropped: this is newer. A function form changes the
   * shown data and does nothing while there is none.
   */
  set: (data: T | ((shown: T) => T)) => void;
  /**
   * Changes the data shown the way a write this screen made changed it (a note it saved), without loading
   * again. Unlike `set`, an answer still on its way is kept: it gets the same change, since its read may
   * have begun before the write. `change` must be safe to apply to data that already has the write.
   */
  patch: (change: (shown: T) => T) => void;
}

interface Held<T> {
  result: QueryResult<T>;
  latest: T | undefined;
}

/**
 * Sends `type` with `request` and keeps the answer. A newer load (or `set`) makes any answer still on its
 * way stale, so a slow answer never replaces a newer one. `request` is plain JSON, as every message is:
 * a request that reads the same is the same request, and a different one loads again.
 */
export function useBackgroundQuery<K extends QueryType>(
  type: K,
  request: RequestOf<K>,
  {
    refreshOn = {},
    showReloading = false,
    reloadKey,
    settleMs,
    refreshOnShow,
    skip = false,
    firstAnswer,
    firstData,
  }: QueryOptions<AnswerOf<K>> = {},
): BackgroundQuery<AnswerOf<K>> {
  type T = AnswerOf<K>;
  const [held, setHeld] = useState<Held<T>>(() =>
    firstData === undefined
      ? { result: { status: 'loading' }, latest: undefined }
      : { result: { status: 'ready', data: firstData, refreshing: false }, latest: firstData },
  );
  /** The data shown, for event filters and `set`, which run outside rendering. */
  const shown = useRef<T | undefined>(firstData);
  /** With `firstData` alone, the first load is already done; later ones (events, `reloadKey`) send. */
  const firstLoadDone = useRef(firstData !== undefined && firstAnswer === undefined);
  const sequence = useRef(0);
  /** Patches, each with the last load begun before it: that load's answer (and none later) needs it too. */
  const patches = useRef<{ afterLoad: number; change: (shown: T) => T }[]>([]);

  const requestKey = JSON.stringify(request ?? null);
  const stableRequest = useMemo(() => JSON.parse(requestKey) as RequestOf<K>, [requestKey]);

  const skipped = useRef(skip);
  skipped.current = skip;
  const prefetched = useRef(firstAnswer);

  const reload = useCallback(() => {
    if (skipped.current) return;
    const current = ++sequence.current;
    if (showReloading) {
      setHeld((previous) => ({
        ...previous,
        result:
          previous.result.status === 'ready'
            ? { ...previous.result, refreshing: true }
            : { status: 'loading' },
      }));
    }
    // The messenger's own typing cannot follow a message type chosen by the caller.
    const send = sendMessage as unknown as (type: K, data: RequestOf<K>) => Promise<T>;
    const answer = prefetched.current ?? send(type, stableRequest);
    prefetched.current = undefined;
    answer.then(
      (answer) => {
        if (current !== sequence.current) return; // A newer load or write is on its way.
        patches.current = patches.current.filter((patch) => patch.afterLoad >= current);
        const data = patches.current.reduce((shownData, patch) => patch.change(shownData), answer);
        shown.current = data;
        setHeld({ result: { status: 'ready', data, refreshing: false }, latest: data });
      },
      (error: unknown) => {
        if (current !== sequence.current) return;
        setHeld((previous) => ({
          result: { status: 'error', message: errorText(error) },
          latest: previous.latest,
        }));
      },
    );
  }, [type, stableRequest, showReloading]);

  const set = useCallback((next: T | ((shown: T) => T)) => {
    let data: T;
    if (typeof next === 'function') {
      if (shown.current === undefined) return;
      data = (next as (shown: T) => T)(shown.current);
    } else {
      data = next;
    }
    sequence.current += 1;
    shown.current = data;
    setHeld({ result: { status: 'ready', data, refreshing: false }, latest: data });
  }, []);

  const patch = useCallback((change: (shown: T) => T) => {
    patches.current.push({ afterLoad: sequence.current, change });
    if (shown.current === undefined) return;
    const data = change(shown.current);
    shown.current = data;
    setHeld((previous) => ({
      result: previous.result.status === 'ready' ? { ...previous.result, data } : previous.result,
      latest: data,
    }));
  }, []);

  useEffect(() => {
    if (firstLoadDone.current) {
      firstLoadDone.current = false;
      return;
    }
    reload();
  }, [reload, reloadKey, skip]);

  // Filters see the data shown when the event arrives, not when this screen last rendered.
  const filters: Record<string, true | ((event: never) => boolean)> = {};
  for (const [eventType, accept] of Object.entries(refreshOn) as [
    PageEventType,
    true | ((event: never, shown: T | undefined) => boolean),
  ][]) {
    filters[eventType] = accept === true ? true : (event: never) => accept(event, shown.current);
  }
  useBackgroundEvents(filters as EventFilters, reload, { settleMs, refreshOnShow });

  return { result: held.result, latest: held.latest, reload, set, patch };
}
