import { browser } from 'wxt/browser';
import { applyCollapsed } from './handlers/page';
import { tabPage } from './page-registry';
import { readFrameLayouts } from './settings-store';

/** The keyboard shortcut (manifest `commands`) that opens or collapses the in-page panel. */
export function registerCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    const tabId = tab.id;
    void (async () => {
      const page = await tabPage(tabId);
      if (!page) return;
      const layouts = await readFrameLayouts();
      await applyCollapsed(tabId, !(layouts[page.context.site]?.collapsed ?? false));
    })();
  });
}
