import { handle } from '../router';
import { panelStateForTab } from '../panel-state';

/**
 * A panel asks what to show. The in-page frame is answered about the tab it is docked in (taken from the
 * sender, never from the page); the side panel names the tab it follows.
 */
export function registerGetPanelState(): void {
  handle('getPanelState', 'extension-page', (request, caller) =>
    panelStateForTab(caller.tabId ?? request.tabId ?? null),
  );
}
