import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import { SEARCH_PAGE_MAX, SEARCH_PAGE_SIZE, type NotesSearchHit } from '@/lib/search/types';
import { errorText } from '@/lib/error-text';
import { useBackgroundEvents } from '../../shared/useBackgroundEvents';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'ready'; query: string; hits: NotesSearchHit[]; total: number; loadingMore: boolean }
  | { status: 'error'; query: string; message: string };

/** Typing pauses this long before a search runs. */
export const SEARCH_DEBOUNCE_MS = 200;

/**
 * Runs the search as the rep types: debounced, one page at a time ("more" appends the next), and only
 * the latest request's answer is ever shown — a slower answer to an older query is dropped. When notes
 * change, the shown results are fetched again.
 */
export function useNotesSearch(query: string): { state: SearchState; more: () => void; prepare: () => void } {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const requestSeq = useRef(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const run = useCallback((text: string, keepShown: number) => {
    const seq = ++requestSeq.current;
    if (text.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    setState((current) =>
      current.status === 'ready' && current.query === text ? current : { status: 'searching', query: text },
    );
    const limit = Math.min(SEARCH_PAGE_MAX, Math.max(SEARCH_PAGE_SIZE, keepShown));
    sendMessage('searchNotes', { query: text, offset: 0, limit })
      .then((result) => {
        if (seq !== requestSeq.current) return;
        setState({
          status: 'ready',
          query: text,
          hits: result.hits,
          total: result.total,
          loadingMore: false,
        });
      })
      .catch((error: unknown) => {
        if (seq === requestSeq.current) setState({ status: 'error', query: text, message: errorText(error) });
      });
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => run(query, 0), SEARCH_DEBOUNCE_MS);
    // Typing again cancels the pending search, and makes any answer in flight stale.
    requestSeq.current += 1;
    return () => clearTimeout(timer);
  }, [query, run]);

  const rerun = useCallback(() => {
    const current = stateRef.current;
    if (current.status === 'ready') run(current.query, current.hits.length);
  }, [run]);
  useBackgroundEvents({ dataChanged: true }, rerun, { settleMs: SEARCH_DEBOUNCE_MS * 3 });

  const more = useCallback(() => {
    const current = stateRef.current;
    if (current.status !== 'ready' || current.loadingMore || current.hits.length >= current.total) return;
    const seq = ++requestSeq.current;
    setState({ ...current, loadingMore: true });
    sendMessage('searchNotes', { query: current.query, offset: current.hits.length, limit: SEARCH_PAGE_SIZE })
      .then((result) => {
        if (seq !== requestSeq.current) return;
        const seen = new Set(current.hits.map((hit) => hit.noteId));
        setState({
          status: 'ready',
          query: current.query,
          hits: [...current.hits, ...result.hits.filter((hit) => !seen.has(hit.noteId))],
          total: result.total,
          loadingMore: false,
        });
      })
      .catch((error: unknown) => {
        if (seq === requestSeq.current)
          setState({ status: 'error', query: current.query, message: errorText(error) });
      });
  }, []);

  const prepared = useRef(false);
  /** Gets the background's index ready while the rep starts typing; once per page is enough. */
  const prepare = useCallback(() => {
    if (prepared.current) return;
    prepared.current = true;
    sendMessage('searchNotes', { query: '', offset: 0, limit: 1, prepare: true }).catch(() => {
      prepared.current = false;
    });
  }, []);

  return { state, more, prepare };
}
