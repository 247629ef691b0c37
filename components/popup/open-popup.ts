/**
 * How the popup opens fast. Opened from the toolbar button, its address carries the first rows of its
 * lists as the background last worked them out (lib/popup/lists-address.ts): they are drawn without React
 * (./first-paint.ts) before the page has even finished loading, with nothing to wait for — in the
 * browser's own language; a language the rep chose is loaded first. Only once that drawing is on screen is
 * the background asked for the whole lists and React with the app loaded; the app takes over the drawn
 * rows element for element (held clicks and keys then act on the rows the rep saw) with the background's
 * answer. Without lists in its address (a change just now, the day turned, the page opened some other
 * way) the popup asks the background at once and draws the answer. A page the background served with its
 * rows already in it (lib/background/popup-page-server.ts, while its worker runs) is not drawn again.
 * This module and what it imports stay small (no React, no zod, no message table): they are all the
 * popup loads before its first paint.
 */
import { loadChosenLanguage, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import {
  popupListsInAddress,
  SERVED_ROOT_ATTRIBUTE,
  type PopupListsInAddress,
} from '@/lib/popup/lists-address';
import { isLanguage, type Language } from '@/lib/settings/languages';
import { focusFirstRow, paintPopupFirst } from './first-paint';
import { holdInputUntilTakeover } from './held-input';
import { markOnce, POPUP_READY_MARK } from './marks';
import type { PopupHandoff } from './handoff';
import type { PopupStart } from './mount';

/** The lists the page's address carries, if they may be shown now. */
function listsInAddress(): PopupListsInAddress | undefined {
  try {
    return popupListsInAddress(location.hash, Date.now());
  } catch {
    return undefined;
  }
}

/** A page the browser does not show paints nothing: it goes on after this long without a paint. */
const NO_PAINT_MS = 200;

/**
 * Resolves once the browser has shown the page's first content: its first contentful paint, reported
 * after the frame reached the screen. Waiting for animation frames is not enough: the next frame's
 * callbacks run while the previous one is still being rasterised, and whatever starts then (React's large
 * script, the background's work in the same process) slows that down.
 */
function afterFirstContentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, NO_PAINT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    // Where paint timing is missing, the timer alone.
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return;
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      done();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}

/** Draws `lists` in place of the page's root; returns the function that replays input held meanwhile. */
function paint(lists: PopupFollowUps): () => void {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  document.documentElement.lang = uiLanguage();
  paintPopupFirst(container, lists, uiLanguage());
  markOnce(POPUP_READY_MARK);
  return holdInputUntilTakeover(container);
}

/** Runs `work` now when `ready` is undefined (nothing to wait for), else once it has resolved. */
function when<T>(ready: Promise<unknown> | undefined, work: () => T): Promise<T> {
  if (!ready) {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  return ready.then(work);
}

/**
 * The page as the background served it, with the rows drawn in (lib/background/popup-page-server.ts):
 * its root, and the language the rows were drawn in.
 */
function servedPage(): { container: HTMLElement; language: Language | undefined } | undefined {
  const container = document.getElementById('root');
  const served = container?.getAttribute(SERVED_ROOT_ATTRIBUTE);
  if (!container || served == null || !container.firstElementChild) return undefined;
  const language = isLanguage(served) ? served : undefined;
  return { container, language };
}

export function openPopup(): void {
  const served = servedPage();
  const kept = served ? undefined : listsInAddress();
  let asked: Promise<PopupFollowUps> | undefined;
  const ask = () => {
    if (!asked) {
      asked = sendMessage('getPopupFollowUps', {});
      asked.catch(() => undefined);
    }
    return asked;
  };

  // The drawn rows are only the first ones: the app takes over with the whole lists.
  const startFromAnswer = () =>
    ask().then(
      (answer): PopupStart => ({ firstData: answer }),
      (): PopupStart => ({ firstAnswer: ask() }),
    );

  let painted: Promise<{ replayHeldInput: () => void; start: () => Promise<PopupStart> }>;
  if (served) {
    // Drawn before this script ran: the app only needs the language it was drawn in.
    painted = loadChosenLanguage(served.language).then(() => {
      markOnce(POPUP_READY_MARK);
      focusFirstRow(served.container);
      return { replayHeldInput: holdInputUntilTakeover(served.container), start: startFromAnswer };
    });
  } else if (kept) {
    // In the browser's language there is nothing to wait for: the rows are drawn in this very task.
    const language = kept.language === 'auto' ? undefined : loadChosenLanguage(kept.language);
    painted = when(language, () => ({ replayHeldInput: paint(kept.lists), start: startFromAnswer }));
  } else {
    painted = Promise.all([ask(), loadChosenLanguage()]).then(([answer]) => ({
      replayHeldInput: paint(answer),
      start: () => Promise.resolve<PopupStart>({ firstData: answer }),
    }));
  }

  // After the first paint is on screen, so that neither the background's work (in the extension's same
  // process) nor loading React's large script holds up the drawing or the frame that shows it. When
  // nothing could be drawn the app gets the answer (or its failure, which it shows with its retry button).
  window.dealsidePopupHandoff = painted.then(
    async ({ replayHeldInput, start }): Promise<PopupHandoff> => {
      await afterFirstContentfulPaint();
      return { start: start(), afterTakeover: replayHeldInput };
    },
    (): PopupHandoff => ({ start: Promise.resolve({ firstAnswer: ask() }) }),
  );
}
