import { sendMessage } from '../../messaging/messenger';
import { tabPage } from '../page-registry';
import { handle } from '../router';
import { setFrameCollapsed } from '../settings';

/**
 * The panel frame's collapse button, or the page-side handle that opens it again: remembered per site,
 * applied by the tab's content script. Either sender can only change its own tab.
 */
export function registerSetPanelCollapsed(): void {
  handle('setPanelCollapsed', ['extension-page', 'content-script'], async ({ collapsed }, caller) => {
    if (caller.tabId === undefined) return;
    await applyCollapsed(caller.tabId, collapsed);
  });
}

export async function applyCollapsed(tabId: number, collapsed: boolean): Promise<void> {
  const page = await tabPage(tabId);
  if (page) await setFrameCollapsed(page.context.site, collapsed);
  await sendMessage('applyFrameLayout', { collapsed }, tabId).catch(() => undefined);
}
