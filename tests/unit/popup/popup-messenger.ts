/**
 * Stands in for the extension messenger in popup tests: the popup's messages go straight to the real
 * background functions in this process, and the background's broadcasts reach the popup's listeners.
 * Only the transport is replaced.
 */
import type { ProtocolMap } from '../../../lib/messaging/protocol';

type Listener = (message: { data: unknown }) => unknown;
const listeners = new Map<string, Listener>();

export const popupMessenger = {
  async sendMessage(type: keyof ProtocolMap, data: never): Promise<unknown> {
    // Imported lazily: the background modules import this (mocked) messenger themselves.
    switch (type) {
      case 'getPopupFollowUps': {
        const [{ popupFollowUps }, { database }, { tabContacts }] = await Promise.all([
          import('../../../lib/background/popup-follow-ups'),
          import('../../../lib/background/database'),
          import('../../../lib/background/tab-contacts'),
        ]);
        return popupFollowUps(await database(), Date.now(), await tabContacts());
      }
      case 'updateFollowUp':
        return (await import('../../../lib/background/handlers/follow-ups')).updateFollowUp(data);
      case 'openFollowUp': {
        const request = data as { id: string; windowId?: number };
        return (await import('../../../lib/background/open-follow-up')).openFollowUp(
          request.id,
          request.windowId,
        );
      }
      default: {
        const listener = listeners.get(type);
        // No page listening is what the real messenger reports too; broadcasts ignore it.
        if (!listener) throw new Error('Could not establish connection. Receiving end does not exist.');
        return listener({ data });
      }
    }
  },
  onMessage(type: string, listener: Listener) {
    listeners.set(type, listener);
    return () => listeners.delete(type);
  },
};
