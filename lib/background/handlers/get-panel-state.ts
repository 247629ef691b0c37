import { handle } from '../router';
import { recordPanelFrame } from '../page-registry';
import { panelStateForTab } from '../panel-state';

/**
 * A panel asks what to show. The in-page frame is answered about the tab it is docked in (taken from the
 * sender, never from the page); the side panel names the tab it follows.
 */
export function registerGetPanelState(): void {
  handle('getPanelState', 'extension-page', async (request, caller) => {
    // The in-page frame: remember which frame it is, so change events reach it and not the page.
    if (caller.kind === 'extension-page' && caller.tabId !== undefined && caller.frameId) {
      await recordPanelFrame(caller.tabId, caller.frameId);
    }
    return panelStateForTab(caller.tabId ?? request.tabId ?? null);
  });
}
