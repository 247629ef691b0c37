/** The popup's React app, loaded by ./take-over.ts once the first paint is on screen. */
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import { renderPage } from '@/lib/render-page';
import { PopupApp } from './PopupApp';

/** What the app starts from: see ./open-popup.ts. */
export type PopupStart =
  /** The background's answer (the first paint drew its first rows): the app shows it and sends nothing. */
  | { firstData: PopupFollowUps }
  /** No answer to show (it failed, or could not be drawn): the app waits for it, or shows why. */
  | { firstAnswer: Promise<PopupFollowUps> }
  /** No first script ran: the app asks for its lists itself. */
  | Record<string, never>;

/** `afterTakeover`: runs once the app's first render has replaced the first paint. */
export function mountPopupApp(start: PopupStart, afterTakeover?: () => void): void {
  renderPage(() => <PopupApp {...start} />, afterTakeover);
}
