/**
 * How the popup opens fast: it draws the lists the background stored for it (lib/storage/popup-lists.ts)
 * the moment they are read, without React (./first-paint.ts), and asks the background for them at the same
 * time. Only once that drawing is on screen is React with the app loaded; it takes over the same lists
 * element for element (held clicks and keys then act on the rows the rep saw) and shows the background's
 * answer when it is there. Without stored lists (a change just now, the day turned, a browser that just
 * started) the first paint draws that answer instead. This module and what it imports stay small (no
 * React, no zod, no message table): they are all the popup loads before its first paint.
 */
import { loadChosenLanguage, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import { popupListsItem, popupListsShownAt } from '@/lib/storage/popup-lists';
import { paintPopupFirst } from './first-paint';
import { holdInputUntilTakeover } from './held-input';
import { markOnce, POPUP_READY_MARK } from './marks';
import type { PopupHandoff } from './handoff';

/** The stored lists if they may be shown now; none when they cannot be read. */
async function storedLists(): Promise<PopupFollowUps | undefined> {
  try {
    return popupListsShownAt(await popupListsItem.get(), Date.now());
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

export function openPopup(): void {
  const stored = storedLists();
  // Without stored lists the background is asked at once; with them, once they are on screen, so that
  // its work does not compete with the drawing (it runs in the extension's same process).
  let asked: Promise<PopupFollowUps> | undefined;
  const ask = () => {
    if (!asked) {
      asked = sendMessage('getPopupFollowUps', {});
      asked.catch(() => undefined);
    }
    return asked;
  };
  void stored.then((lists) => lists ?? ask());

  let replayHeldInput: (() => void) | undefined;
  const painted = Promise.all([stored, loadChosenLanguage()]).then(async ([lists]) => {
    const drawn = lists ?? (await ask());
    const container = document.getElementById('root');
    if (!container) throw new Error('The page has no #root element.');
    document.documentElement.lang = uiLanguage();
    paintPopupFirst(container, drawn, uiLanguage());
    markOnce(POPUP_READY_MARK);
    replayHeldInput = holdInputUntilTakeover(container);
    return { drawn, fromStore: lists !== undefined };
  });

  // After the first paint is on screen, so that loading and running React's large script holds up neither
  // the drawing nor the frame that shows it. When nothing could be drawn the app gets the answer (or its
  // failure, which it shows with its retry button).
  window.dealsidePopupHandoff = painted.then(
    async ({ drawn, fromStore }): Promise<PopupHandoff> => {
      await afterFirstContentfulPaint();
      return {
        start: fromStore ? { firstData: drawn, firstAnswer: ask() } : { firstData: drawn },
        ...(replayHeldInput ? { afterTakeover: replayHeldInput } : {}),
      };
    },
    (): PopupHandoff => ({ start: { firstAnswer: ask() } }),
  );
}
