/**
 * Content script: reads the page through its site adapter, reports the page's people to the background
 * and docks the panel frame. Nothing else lives here — no React, no zod, no database — so it stays small
 * and gives a hostile page as little as possible to poke at.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanelFrame } from '@/lib/content/panel-frame';
import { watchPage } from '@/lib/content/page-watcher';
import { onMessage, sendMessage } from '@/lib/messaging/messenger';
import { adapterForUrl, allSiteMatches } from '@/lib/sites/registry';

export default defineContentScript({
  matches: allSiteMatches(),
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForUrl(new URL(location.href));
    if (!adapter) return;

    const setCollapsed = (collapsed: boolean) => {
      void sendMessage('setPanelCollapsed', { collapsed }).catch(() => undefined);
    };
    const frame = mountPanelFrame(
      document,
      browser.runtime.getURL('/panel.html'),
      { open: browser.i18n.getMessage('openPanel'), frameTitle: browser.i18n.getMessage('extName') },
      () => {
        frame.setCollapsed(false);
        setCollapsed(false);
      },
    );
    // Start as the slim handle; the background's answer to the first report opens the panel unless the
    // rep collapsed it on this site before.
    frame.setCollapsed(true);
    ctx.onInvalidated(() => frame.remove());

    onMessage('applyFrameLayout', ({ data }) => {
      if (typeof data?.collapsed === 'boolean') frame.setCollapsed(data.collapsed);
    });

    const watcher = watchPage(
      document,
      adapter,
      {
        setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
        clearTimeout: (id) => clearTimeout(id),
        onLocationChange: (handler) => ctx.addEventListener(window, 'wxt:locationchange', handler),
        isValid: () => ctx.isValid,
      },
      (url, context) => {
        sendMessage('reportPage', { url, context })
          .then((layout) => frame.setCollapsed(layout.collapsed))
          // The background refuses a malformed report with a logged reason; the page sees nothing.
          .catch(() => undefined);
      },
    );
    ctx.onInvalidated(watcher.stop);
    watcher.readNow();
  },
});
