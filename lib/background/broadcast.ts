import { sendMessage } from '../messaging/messenger';
import type { DataChangedEvent, PageChangedEvent } from '../messaging/protocol';

/**
 * Tells every open extension page (in-page panels, the side panel, popup, options) that something
 * changed, so none shows stale data. No page open means nobody is listening, which is fine.
 */
export function broadcastDataChanged(event: DataChangedEvent): void {
  sendMessage('dataChanged', event).catch(() => undefined);
}

export function broadcastPageChanged(event: PageChangedEvent): void {
  sendMessage('pageChanged', event).catch(() => undefined);
}
