/**
 * One copy of each content script per tab. Every copy opens a port when it starts
 * (lib/content/lifecycle.ts); when a newer copy of the same script connects from the same tab's top
 * frame, the older one is told to stand down. Done here, between extension processes, so a web page can
 * neither see the coordination nor forge it.
 */
import type { Browser } from 'wxt/browser';
import { CONTENT_SCRIPT_PORT, STAND_DOWN } from '../content/lifecycle';
import { broadcastPageChanged } from './broadcast';
import { forgetTab, tabPage } from './page-registry';
import { contentScriptTabId } from './sender';

const copies = new Map<string, Browser.runtime.Port>();

/**
 * The last copy in a tab closed its port: its page went away (another site, a closed tab, or a reload
 * whose new copy reports afresh). The tab no longer shows what it reported, so "open" must not focus it.
 */
export async function contentScriptGone(tabId: number): Promise<void> {
  if ([...copies.keys()].some((key) => key.startsWith(`${tabId}:`)) || !(await tabPage(tabId))) return;
  await forgetTab(tabId);
  broadcastPageChanged({ tabId });
}

export function onContentScriptConnected(port: Browser.runtime.Port): void {
  const [prefix, scriptName] = port.name.split(':');
  if (prefix !== CONTENT_SCRIPT_PORT || !scriptName) return;
  const tabId = port.sender ? contentScriptTabId(port.sender) : undefined;
  if (tabId === undefined) {
    port.disconnect();
    return;
  }
  const key = `${tabId}:${scriptName}`;
  const older = copies.get(key);
  if (older && older !== port) {
    try {
      older.postMessage(STAND_DOWN);
      older.disconnect();
    } catch {
      // Its page is gone already.
    }
  }
  copies.set(key, port);
  port.onDisconnect.addListener(() => {
    if (copies.get(key) !== port) return;
    copies.delete(key);
    void contentScriptGone(tabId);
  });
}
