import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NoteRecord } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/error-text';

export interface NotesList {
  /** The notes to show, newest first. */
  visible: NoteRecord[];
  /** The notes held so far (shown or not). */
  loaded: number;
  /** True while older notes exist beyond those held, so the whole count is not known. */
  moreBeyond: boolean;
  canShowMore: boolean;
  loadingMore: boolean;
  /** Why the last "show more" could not read older notes. */
  error: string | null;
  showMore(): void;
}

/**
 * An account's notes, a page at a time. The panel state brings the newest ones (up to 500); beyond them
 * "show more" reads the next page from the background, below the oldest note held. Those older notes
 * are read again whenever the panel state changes (an edit in any panel), so none shows stale text, and
 * are forgotten when the account changes.
 */
export function useNotesList(
  state: Pick<PanelState, 'notes' | 'moreNotes'> & { account: { key: string } },
  pageSize: number,
): NotesList {
  const accountKey = state.account.key;
  const [shown, setShown] = useState(pageSize);
  // Kept with the account they belong to, so a switch of account never shows another one's notes.
  const [olderOf, setOlderOf] = useState<{ accountKey: string; notes: NoteRecord[] }>({
    accountKey,
    notes: [],
  });
  const older = useMemo(
    () => (olderOf.accountKey === accountKey ? olderOf.notes : []),
    [olderOf, accountKey],
  );
  const setOlder = useCallback(
    (update: (previous: NoteRecord[]) => NoteRecord[]) =>
      setOlderOf((current) => ({
        accountKey,
        notes: update(current.accountKey === accountKey ? current.notes : []),
      })),
    [accountKey],
  );
  const [exhausted, setExhausted] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const olderCount = useRef(0);
  olderCount.current = older.length;

  const all = useMemo(() => {
    const newest = new Set(state.notes.map((note) => note.id));
    return [...state.notes, ...older.filter((note) => !newest.has(note.id))];
  }, [state.notes, older]);
  // Beyond the panel state's notes: as it says until an older page is read, then as the last page says.
  const moreBeyond = older.length === 0 ? state.moreNotes && !exhausted : !exhausted;

  useEffect(() => {
    setShown(pageSize);
    setExhausted(false);
    setError(null);
  }, [accountKey, pageSize]);

  const readOlder = useCallback(
    (below: NoteRecord[], limit: number) => {
      const last = below[below.length - 1];
      if (!last) return Promise.resolve([]);
      return sendMessage('listOlderNotes', {
        accountKey,
        before: { createdAt: last.createdAt, id: last.id },
        limit,
      });
    },
    [accountKey],
  );

  // The state changed (a save, a refresh): read the older notes already shown again, fresh.
  useEffect(() => {
    const count = olderCount.current;
    if (count === 0) return;
    let live = true;
    readOlder(state.notes, count)
      .then((rows) => {
        if (live) setOlder(() => rows);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Only a new state should trigger this; `setOlder` changes with the account, which resets it anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.notes, readOlder]);

  const showMore = useCallback(() => {
    if (shown < all.length) {
      setShown((count) => count + pageSize);
      return;
    }
    setLoadingMore(true);
    setError(null);
    readOlder(all, pageSize)
      .then((rows) => {
        // A page shorter than asked for was the last one.
        if (rows.length < pageSize) setExhausted(true);
        setOlder((previous) => [...previous, ...rows]);
        setShown((count) => count + pageSize);
      })
      .catch((failure: unknown) => setError(errorText(failure)))
      .finally(() => setLoadingMore(false));
  }, [all, shown, pageSize, readOlder, setOlder]);

  return {
    visible: all.slice(0, shown),
    loaded: all.length,
    moreBeyond,
    canShowMore: shown < all.length || moreBeyond,
    loadingMore,
    error,
    showMore,
  };
}
