import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId: number } | { windowId: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Opens the browser's side panel (Chrome) or sidebar (Firefox). Both need the rep's click: call this
 * synchronously from the click handler, before any `await`, or the browser refuses.
 *
 * With a tab id the panel opens on that tab; with only the window it opens for the window, and the side
 * panel follows whichever tab becomes active there (the one "open" is about to focus or create).
 */
export function openSidePanel(target: { tabId?: number; windowId?: number }): void {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: SidebarActionApi }).sidebarAction;
  let opening: Promise<void> | undefined;
  if (sidePanel) {
    if (target.tabId !== undefined) opening = sidePanel.open({ tabId: target.tabId });
    else if (target.windowId !== undefined) opening = sidePanel.open({ windowId: target.windowId });
  } else {
    opening = sidebar?.open();
  }
  void opening?.catch((error: unknown) => console.warn('[dealside] could not open the side panel', error));
}
