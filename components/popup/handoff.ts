/**
 * What the popup's first script (entrypoints/popup-first.ts, a classic script of its own: it runs before
 * the page's modules, and loads as one file) hands to the React app's module (entrypoints/popup/main.ts):
 * two bundles, so through the page's window. Resolves once the first paint is on screen.
 */
import type { PopupStart } from './mount';

export interface PopupHandoff {
  start: PopupStart;
  /** Runs once the app's first render has replaced the first paint: the held clicks and keys. */
  afterTakeover?: () => void;
}

declare global {
  interface Window {
    dealsidePopupHandoff?: Promise<PopupHandoff>;
  }
}
