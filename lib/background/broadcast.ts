import { sendMessage } from '../messaging/messenger';
import type { DataChangedEvent, PageChangedEvent } from '../messaging/protocol';
import { allTabPages } from './page-registry';

const backgroundListeners = new Set<(event: DataChangedEvent) => void>();

/**
 * Tells every open extension page (in-page panels, the side panel, popup, options) that something
 * changed, so none shows stale data. No page open means nobody is listening, which is fine.
 */
export function broadcastDataChanged(event: DataChangedEvent): void {
  for (const listener of backgroundListeners) listener(event);
  sendMessage('dataChanged', event).catch(() => undefined);
  if (import.meta.env.FIREFOX) void toEveryPanelTab((tabId) => sendMessage('dataChanged', event, tabId));
}

/**
 * Lets background modules that keep data in memory (the notes search index) hear every change too: the
 * browser never delivers the background's own broadcasts back to it. Returns the function that stops
 * listening.
 */
export function onDataChangedInBackground(listener: (event: DataChangedEvent) => void): () => void {
  backgroundListeners.add(listener);
  return () => backgroundListeners.delete(listener);
}

export function broadcastPageChanged(event: PageChangedEvent): void {
  sendMessage('pageChanged', event).catch(() => undefined);
  if (import.meta.env.FIREFOX) void toEveryPanelTab((tabId) => sendMessage('pageChanged', event, tabId));
}

/**
 * Firefox gives a moz-extension frame inside a web page only what a content script gets: the
 * background's runtime messages never reach the in-page panels, messages to their tabs do. So there
 * every tab with a panel gets its own copy (Chrome delivers runtime messages to those frames, so it
 * needs none, and would deliver twice).
 */
async function toEveryPanelTab(send: (tabId: number) => Promise<unknown>): Promise<void> {
  const tabs = await allTabPages().catch(() => new Map<number, unknown>());
  // A tab closed since it last reported has nobody to tell.
  for (const tabId of tabs.keys()) send(tabId).catch(() => undefined);
}
