import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PopupFollowUp, PopupFollowUps, PopupSection } from '@/lib/messaging/protocol';
import { absoluteDue } from '@/lib/reminders/due-text';
import { errorText } from '@/lib/error-text';
import { LoadError, Loading } from '../shared/LoadError';
import { openPipelinePage } from '../shared/open-pipeline';
import { openSidePanel } from '../shared/side-panel';
import { useBackgroundQuery } from '../shared/useBackgroundQuery';
import { FollowUpRow, type RowActions } from './FollowUpRow';
import { markOnce, POPUP_INTERACTIVE_MARK, POPUP_READY_MARK } from './marks';
import { SECTION_LABEL_KEYS, type PopupSectionName } from './row-text';
import './popup-page.css';

const ROW_SELECTOR = '[data-testid="popup-followup"]';

type Notice =
  | { kind: 'done'; row: PopupFollowUp }
  | { kind: 'snoozed'; until: number }
  | { kind: 'nothing-to-open' }
  | { kind: 'failed'; reason: string };

/** The window this popup belongs to: new tabs open there and the side panel opens for it. */
function useCurrentWindowId(): number | undefined {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    let live = true;
    // Started inside a promise so a synchronous throw ends like a rejection: without the window id the
    // popup still works, the side panel simply opens on the contact's tab only.
    Promise.resolve()
      .then(() => browser.windows.getCurrent())
      .then((window) => {
        if (live) setWindowId(window?.id);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return windowId;
}

/**
 * Toolbar popup: overdue, today's and the next week's follow-ups, with done, snooze and open. `firstData`:
 * the background's answer, whose first rows the first paint drew (./open-popup.ts): this app's first
 * render replaces that drawing element for element and draws the rest. `firstAnswer`: the answer still on
 * its way, when nothing could be drawn.
 */
export function PopupApp({
  firstAnswer,
  firstData,
}: { firstAnswer?: Promise<PopupFollowUps>; firstData?: PopupFollowUps } = {}) {
  // Any account's change can move a row in or out of the lists (a panel in another tab, a reminder's
  // Done button, this popup's own actions).
  const { result: query, reload } = useBackgroundQuery(
    'getPopupFollowUps',
    {},
    {
      refreshOn: { dataChanged: (event) => !event.notesOnly },
      ...(firstAnswer ? { firstAnswer } : {}),
      ...(firstData ? { firstData } : {}),
    },
  );
  const [weekOpen, setWeekOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const windowId = useCurrentWindowId();
  const listsRef = useRef<HTMLDivElement>(null);
  /** After done or snooze moves the focused row away, focus stays at the same place in the list. */
  const focusIndexAfterReload = useRef<number | null>(null);
  const focusedOnce = useRef(false);
  const locale = uiLanguage();

  const rowElements = useCallback(
    () => Array.from(listsRef.current?.querySelectorAll<HTMLElement>(ROW_SELECTOR) ?? []),
    [],
  );

  const rowsById = useMemo(() => {
    if (query.status !== 'ready') return new Map<string, PopupFollowUp>();
    const { overdue, today, week } = query.data;
    return new Map([...overdue.rows, ...today.rows, ...week.rows].map((row) => [row.id, row]));
  }, [query]);

  // Before the browser paints: when this render replaces the first paint, its focused row is gone and the
  // focus must be on this app's first row in the same frame, with no frame without a focus ring.
  useLayoutEffect(() => {
    if (query.status !== 'ready') return;
    markOnce(POPUP_READY_MARK);
    markOnce(POPUP_INTERACTIVE_MARK);
    const rows = rowElements();
    if (focusIndexAfterReload.current !== null) {
      const index = Math.min(focusIndexAfterReload.current, rows.length - 1);
      focusIndexAfterReload.current = null;
      rows[index]?.focus();
    } else if (!focusedOnce.current && rows[0]) {
      // The popup opens ready for the keyboard: arrows, Enter and D work at once.
      focusedOnce.current = true;
      rows[0].focus();
    }
  }, [query, rowElements]);

  const keepFocusPlace = useCallback(
    (row: PopupFollowUp) => {
      const index = rowElements().findIndex((element) => element.dataset.followupId === row.id);
      if (index >= 0 && document.activeElement?.closest(ROW_SELECTOR)) focusIndexAfterReload.current = index;
    },
    [rowElements],
  );

  const actions: RowActions = useMemo(() => {
    const open = (row: PopupFollowUp) => {
      sendMessage('openFollowUp', windowId === undefined ? { id: row.id } : { id: row.id, windowId })
        .then((result) => {
          if (result.opened === 'nothing') setNotice({ kind: 'nothing-to-open' });
        })
        .catch((error: unknown) => setNotice({ kind: 'failed', reason: errorText(error) }));
    };
    return {
      done(row) {
        keepFocusPlace(row);
        sendMessage('updateFollowUp', { id: row.id, action: 'done' })
          .then(() => setNotice({ kind: 'done', row }))
          .catch((error: unknown) => setNotice({ kind: 'failed', reason: errorText(error) }))
          .finally(reload);
      },
      snooze(row, until) {
        keepFocusPlace(row);
        sendMessage('updateFollowUp', { id: row.id, action: 'snooze', until })
          .then(() => setNotice({ kind: 'snoozed', until }))
          .catch((error: unknown) => setNotice({ kind: 'failed', reason: errorText(error) }))
          .finally(reload);
      },
      open,
      openInSidePanel(row) {
        // First, while the click's user gesture lasts: the browser refuses the side panel after an await.
        openSidePanel(row.tabId !== undefined ? { tabId: row.tabId } : { windowId });
        open(row);
      },
    };
  }, [keepFocusPlace, reload, windowId]);

  const undoDone = (row: PopupFollowUp) => {
    setNotice(null);
    sendMessage('updateFollowUp', { id: row.id, action: 'reopen' })
      .catch((error: unknown) => setNotice({ kind: 'failed', reason: errorText(error) }))
      .finally(reload);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    const rowElement = target.closest<HTMLElement>(ROW_SELECTOR);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const rows = rowElements();
      if (rows.length === 0) return;
      const index = rowElement ? rows.indexOf(rowElement) : -1;
      const next = event.key === 'ArrowDown' ? Math.min(index + 1, rows.length - 1) : Math.max(index - 1, 0);
      rows[next]?.focus();
      event.preventDefault();
      return;
    }
    // Enter and D act on the focused row itself; on a button inside it, Enter presses that button.
    if (!rowElement || target !== rowElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = rowsById.get(rowElement.dataset.followupId ?? '');
    if (!row) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      actions.open(row);
    } else if (event.key === 'd' || event.key === 'D') {
      event.preventDefault();
      actions.done(row);
    }
  };

  const section = (name: PopupSectionName, part: PopupSection, firstFocusableId: string | null) => (
    <>
      <ul className="ds-popup-list" aria-label={t(SECTION_LABEL_KEYS[name])}>
        {part.rows.map((row) => (
          <FollowUpRow
            key={row.id}
            row={row}
            now={query.status === 'ready' ? query.data.now : Date.now()}
            locale={locale}
            overdue={name === 'overdue'}
            focusable={row.id === firstFocusableId}
            actions={actions}
            onFocusRow={setActiveId}
          />
        ))}
      </ul>
      {part.total > part.rows.length ? (
        <p className="ds-muted ds-small">{t('popupMore', String(part.total - part.rows.length))}</p>
      ) : null}
    </>
  );

  let body = null;
  if (query.status === 'loading') body = <Loading />;
  if (query.status === 'error') {
    body = <LoadError title={t('errorTitle')} message={query.message} onRetry={reload} />;
  }
  if (query.status === 'ready') {
    const { overdue, today, week } = query.data;
    const visible = [...overdue.rows, ...today.rows, ...(weekOpen ? week.rows : [])];
    const focusableId = visible.some((row) => row.id === activeId) ? activeId : (visible[0]?.id ?? null);
    body = (
      <div ref={listsRef} onKeyDown={onKeyDown} className="ds-popup-lists">
        {overdue.total > 0 ? (
          <section className="ds-popup-section" data-testid="popup-section-overdue">
            <h2 className="ds-popup-heading ds-popup-heading-overdue">
              {t('popupOverdue')} <span className="ds-count">{overdue.total}</span>
            </h2>
            {section('overdue', overdue, focusableId)}
          </section>
        ) : null}
        {today.total > 0 ? (
          <section className="ds-popup-section" data-testid="popup-section-today">
            <h2 className="ds-popup-heading">
              {t('popupToday')} <span className="ds-count">{today.total}</span>
            </h2>
            {section('today', today, focusableId)}
          </section>
        ) : null}
        {overdue.total === 0 && today.total === 0 ? (
          <p className="ds-card ds-muted" data-testid="popup-empty">
            {t('popupEmpty')}
          </p>
        ) : null}
        <section className="ds-popup-section" data-testid="popup-section-week">
          <h2 className="ds-popup-heading">
            <button
              type="button"
              className="ds-popup-toggle"
              aria-expanded={weekOpen}
              data-testid="popup-week-toggle"
              onClick={() => setWeekOpen((open) => !open)}
            >
              <span aria-hidden="true">{weekOpen ? '▾' : '▸'}</span> {t('popupNextWeek')}{' '}
              <span className="ds-count">{week.total}</span>
            </button>
          </h2>
          {weekOpen ? (
            week.total > 0 ? (
              section('week', week, focusableId)
            ) : (
              <p className="ds-muted ds-small">{t('popupNextWeekEmpty')}</p>
            )
          ) : null}
        </section>
      </div>
    );
  }

  return (
    <div className="ds-popup">
      <header className="ds-topbar">
        <h1 className="ds-brand">{t('popupTitle')}</h1>
      </header>
      <main className="ds-body">
        {body}
        <div className="ds-popup-notice" role="status" data-testid="popup-notice">
          {notice?.kind === 'done' ? (
            <>
              <span className="ds-popup-notice-text">
                {t('popupMarkedDone', notice.row.title.slice(0, 80))}
              </span>
              <button type="button" className="ds-link" onClick={() => undoDone(notice.row)}>
                {t('popupUndo')}
              </button>
            </>
          ) : null}
          {notice?.kind === 'snoozed'
            ? t('popupSnoozedUntil', absoluteDue(notice.until, Date.now(), locale))
            : null}
          {notice?.kind === 'nothing-to-open' ? t('popupNothingToOpen') : null}
          {notice?.kind === 'failed' ? t('popupActionFailed', notice.reason) : null}
        </div>
      </main>
      <footer className="ds-popup-footer">
        <span className="ds-muted ds-small">{t('popupKeyboardHint')}</span>
        <button type="button" className="ds-link" data-testid="open-pipeline" onClick={openPipelinePage}>
          {t('openPipeline')}
        </button>
        <button type="button" className="ds-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </footer>
    </div>
  );
}
