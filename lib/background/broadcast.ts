import { sendMessage } from '../messaging/messenger';
import type { DataChangedEvent, PageChangedEvent } from '../messaging/protocol';
import { panelFrames } from './page-registry';

const backgroundListeners = new Set<(event: DataChangedEvent) => void>();

/**
 * Tells every open extension page (in-page panels, the side panel, popup, options) that something
 * changed, so none shows stale data. No page open means nobody is listening, which is fine.
 */
export function broadcastDataChanged(event: DataChangedEvent): void {
  for (const listener of backgroundListeners) listener(event);
  sendMessage('dataChanged', event).catch(() => undefined);
  if (import.meta.env.FIREFOX) void toEveryPanelFrame((target) => sendMessage('dataChanged', event, target));
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
  if (import.meta.env.FIREFOX) void toEveryPanelFrame((target) => sendMessage('pageChanged', event, target));
}

/**
 * Firefox gives a moz-extension frame inside a web page only what a content script gets: the
 * background's runtime messages never reach the in-page panels, messages to their tabs do. So there
 * each panel gets its own copy, addressed to its frame: a message to the whole tab would also reach the
 * content script, in the web page's process, and tell a compromised page which accounts changed.
 * (Chrome delivers runtime messages to those frames, so it needs none, and would deliver twice.)
 */
async function toEveryPanelFrame(
  send: (target: { tabId: number; frameId: number }) => Promise<unknown>,
): Promise<void> {
  const frames = await panelFrames().catch(() => new Map<number, number>());
  // A tab closed since its panel asked has nobody to tell.
  for (const [tabId, frameId] of frames) send({ tabId, frameId }).catch(() => undefined);
}
