/**
 * What every content script does, whichever site it serves: read the page through the site's adapter,
 * report the page's people to the background, and dock the panel frame. Nothing else lives here — no
 * React, no zod, no database — so it stays small and gives a hostile page as little as possible to poke
 * at.
 */
import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../sites/types';
import { startLifecycle, type Lifecycle } from './lifecycle';
import { onBackgroundMessage, sendToBackground } from './messages';
import { mountPanelFrame } from './panel-frame';
import { watchPage } from './page-watcher';

/**
 * Something only some sites' content scripts do (inserting into a compose body), passed in by their
 * entrypoints so the other sites' scripts do not carry its code.
 */
export type ContentFeature = (ctx: Lifecycle, adapter: SiteAdapter) => void;

export function runContentScript(adapter: SiteAdapter, feature?: ContentFeature): void {
  // The panel lives in the top frame only; a view the site shows in a frame is read from here
  // (`SiteAdapter.viewOf`).
  if (window.top !== window) return;
  // A site adapter also checks the path (Gmail's chat lives on the mail host); the generic adapter has no
  // hosts of its own and runs wherever the rep registered it.
  if (adapter.matches.length > 0 && !adapter.isSiteUrl(new URL(location.href))) return;

  const ctx = startLifecycle(adapter.id);
  const frame = mountPanelFrame(
    document,
    browser.runtime.getURL('/panel.html'),
    { open: browser.i18n.getMessage('openPanel'), frameTitle: browser.i18n.getMessage('extName') },
    () => {
      frame.setCollapsed(false);
      // Remembered for the site by the background.
      sendToBackground('setPanelCollapsed', { collapsed: false }).catch(() => undefined);
    },
  );
  // Start as the slim handle; the background's answer to the first report opens the panel unless the
  // rep collapsed it on this site before.
  frame.setCollapsed(true);
  ctx.onInvalidated(frame.remove);

  onBackgroundMessage(ctx, 'applyFrameLayout', (layout) => {
    if (typeof layout?.collapsed === 'boolean') frame.setCollapsed(layout.collapsed, layout.hidden);
  });

  const watcher = watchPage(document, adapter, ctx, (context) => {
    sendToBackground('reportPage', { context })
      .then((layout) => frame.setCollapsed(layout.collapsed, layout.hidden))
      // The background refuses a malformed report with a logged reason; the page sees nothing.
      .catch(() => undefined);
  });
  watcher.readNow();
  feature?.(ctx, adapter);
}
