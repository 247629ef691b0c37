/** The popup's React app, loaded by ./open-popup.ts once the first paint is on screen. */
import type { PopupFollowUps } from '@/lib/messaging/protocol';
import { renderPage } from '@/lib/render-page';
import { PopupApp } from './PopupApp';

/**
 * `start`: either the answer the first paint drew, or the request still on its way (or failed).
 * `afterTakeover`: runs once the app's first render has replaced the first paint.
 */
export function mountPopupApp(
  start: { firstData: PopupFollowUps } | { firstAnswer: Promise<PopupFollowUps> },
  afterTakeover?: () => void,
): void {
  renderPage(() => <PopupApp {...start} />, afterTakeover);
}
