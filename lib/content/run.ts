/**
 * What every content script does, whichever site it serves: read the page through the site's adapter,
 * report the page's people to the background, and dock the panel frame. Nothing else lives here — no
 * React, no zod, no database — so it stays small and gives a hostile page as little as possible to poke
 * at.
 */
import { browser } from 'wxt/browser';
import type { SiteAdapter } from '../sites/types';
import { startLifecycle } from './lifecycle';
import { onBackgroundMessage, sendToBackground } from './messages';
import { mountPanelFrame } from './panel-frame';
import { watchPage } from './page-watcher';

export function runContentScript(adapter: SiteAdapter): void {
  // The panel lives in the top frame only; a view the site shows in a frame is read from here
  // (`SiteAdapter.viewFrameSelector`).
  if (window.top !== window) return;
  // A site adapter also checks the path (Gmail's chat lives on the mail host); the generic adapter has no
  // hosts of its own and runs wherever the rep registered it.
  if (adapter.matches.length > 0 && !adapter.isSiteUrl(new URL(location.href))) return;

  const ctx = startLifecycle(adapter.id);
  const rememberCollapsed = (collapsed: boolean) => {
    void sendToBackground('setPanelCollapsed', { collapsed }).catch(() => undefined);
  };
  const frame = mountPanelFrame(
    document,
    browser.runtime.getURL('/panel.html'),
    { open: browser.i18n.getMessage('openPanel'), frameTitle: browser.i18n.getMessage('extName') },
    () => {
      frame.setCollapsed(false);
      rememberCollapsed(false);
    },
  );
  // Start as the slim handle; the background's answer to the first report opens the panel unless the
  // rep collapsed it on this site before.
  frame.setCollapsed(true);
  ctx.onInvalidated(() => frame.remove());

  ctx.onInvalidated(
    onBackgroundMessage('applyFrameLayout', (layout) => {
      if (typeof layout?.collapsed === 'boolean') frame.setCollapsed(layout.collapsed, layout.hidden);
    }),
  );

  const watcher = watchPage(
    document,
    adapter,
    {
      setTimeout: ctx.setTimeout,
      clearTimeout: (id) => clearTimeout(id),
      onLocationChange: ctx.onLocationChange,
      isValid: () => ctx.isValid,
    },
    (context) => {
      sendToBackground('reportPage', { context })
        .then((layout) => frame.setCollapsed(layout.collapsed, layout.hidden))
        // The background refuses a malformed report with a logged reason; the page sees nothing.
        .catch(() => undefined);
    },
  );
  ctx.onInvalidated(watcher.stop);
  watcher.readNow();
}
