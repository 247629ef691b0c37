/**
 * What the popup's first script (entrypoints/popup-first.ts: built as one file of its own, and run before
 * the app's modules) hands to the React app's module (entrypoints/popup/main.ts): two bundles, so through
 * the page's window. Resolves once the first paint is on screen.
 */
import type { PopupStart } from './mount';

export interface PopupHandoff {
  /** What the app starts from, once known: it loads meanwhile. */
  start: Promise<PopupStart>;
  /** Runs once the app's first render has replaced the first paint: the held clicks and keys. */
  afterTakeover?: () => void;
}

declare global {
  interface Window {
    dealsidePopupHandoff?: Promise<PopupHandoff>;
  }
}
