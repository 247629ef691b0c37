/**
 * The life of one content script: it ends when the extension is updated or reloaded (its context is
 * invalidated) or when the background says a newer copy of it started in the same tab. Everything it set
 * up — observers, timers, listeners, the panel frame — is undone then, so nothing outlives an update.
 *
 * Copies coordinate through the background, never through the page: each copy opens a port to the
 * background, and the background tells the older copy in a tab to stand down when a newer one connects.
 * An update or reload of the extension disconnects every old copy's port while taking its runtime away,
 * which is the old copy's signal to stand down at once. (A port also closes when the browser stops an
 * idle background; the copy then stays, and `isValid` still notices an update at its next timer.) A page
 * can neither see these messages nor forge them, so it can neither detect the extension this way nor
 * stop the script.
 *
 * A small stand-in for WXT's ContentScriptContext, which costs a quarter of the content script's
 * 12 KB budget on its own.
 */
import { browser } from 'wxt/browser';

/** The port's name: `dealside-content:<script name>` (the background keeps one copy per tab and script). */
export const CONTENT_SCRIPT_PORT = 'dealside-content';
/** What the background posts to a copy that a newer one replaced. */
export const STAND_DOWN = 'stand-down';

export interface Lifecycle {
  readonly isValid: boolean;
  /** Aborts when this copy ends: listeners added with it go away by themselves. */
  readonly signal: AbortSignal;
  onInvalidated(cleanup: () => void): void;
  setTimeout(handler: () => void, ms: number): number;
}

export function startLifecycle(scriptName: string): Lifecycle {
  const controller = new AbortController();
  const signal = controller.signal;
  // Aborting twice does nothing, and each cleanup runs once, whatever another one throws.
  const invalidate = () => controller.abort();

  const lifecycle: Lifecycle = {
    get isValid() {
      if (!browser.runtime?.id) invalidate();
      return !signal.aborted;
    },
    signal,
    onInvalidated: (cleanup) => signal.addEventListener('abort', cleanup),
    // A timer that fires after invalidation does nothing (no list of timers to keep: the page watcher
    // sets one per burst of mutations).
    setTimeout: (handler, ms) => window.setTimeout(() => lifecycle.isValid && handler(), ms),
  };

  try {
    const port = browser.runtime.connect({ name: `${CONTENT_SCRIPT_PORT}:${scriptName}` });
    port.onMessage.addListener((message) => message === STAND_DOWN && invalidate());
    port.onDisconnect.addListener(() => !browser.runtime?.id && invalidate());
    lifecycle.onInvalidated(() => {
      try {
        port.disconnect();
      } catch {
        // Already closed by the other side.
      }
    });
  } catch {
    // The extension went away before this copy even started.
    invalidate();
  }
  return lifecycle;
}
