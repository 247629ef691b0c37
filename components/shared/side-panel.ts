/**
 * The browser's side panel (Chrome) or sidebar (Firefox), opened from the panel's topbar and from the
 * popup's rows.
 */
import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId: number } | { windowId: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

const sidePanelApi = () => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
const sidebarApi = () => (browser as unknown as { sidebarAction?: SidebarActionApi }).sidebarAction;

/**
 * Whether this page can open the side panel. Firefox gives the in-page frame only content-script APIs,
 * without `sidebarAction`: there the rep opens the sidebar from the browser's own menu.
 */
export function canOpenSidePanel(): boolean {
  return !!sidePanelApi()?.open || !!sidebarApi()?.open;
}

/**
 * Opens the side panel or sidebar. Both need the rep's click: call this synchronously from the click
 * handler, before any `await`, or the browser refuses.
 *
 * With a tab id the panel opens on that tab; with only the window it opens for the window, and the side
 * panel follows whichever tab becomes active there (the one "open" is about to focus or create). With
 * neither, Chrome has nothing to open it on; Firefox's sidebar belongs to the window anyway.
 */
export function openSidePanel(target: { tabId?: number; windowId?: number }): void {
  const sidePanel = sidePanelApi();
  let opening: Promise<void> | undefined;
  if (sidePanel) {
    if (target.tabId !== undefined) opening = sidePanel.open({ tabId: target.tabId });
    else if (target.windowId !== undefined) opening = sidePanel.open({ windowId: target.windowId });
  } else {
    opening = sidebarApi()?.open();
  }
  void opening?.catch((error: unknown) => console.warn('[dealside] could not open the side panel', error));
}
