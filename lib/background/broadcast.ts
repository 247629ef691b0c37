import { sendMessage } from '../messaging/messenger';
import type { DataChangedEvent, PageChangedEvent } from '../messaging/protocol';

const backgroundListeners = new Set<(event: DataChangedEvent) => void>();

/**
 * Tells every open extension page (in-page panels, the side panel, popup, options) that something
 * changed, so none shows stale data. No page open means nobody is listening, which is fine.
 */
export function broadcastDataChanged(event: DataChangedEvent): void {
  for (const listener of backgroundListeners) listener(event);
  sendMessage('dataChanged', event).catch(() => undefined);
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
}
