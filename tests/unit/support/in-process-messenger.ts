/**
 * Stands in for the extension messenger in component tests: a request goes through the background's
 * real checks (the message table's sender kinds and schemas) to its real handler in the same process,
 * and background broadcasts reach the component's listeners. What is under test is the real UI against
 * the real data layer; only the transport is replaced.
 */
import { messages, type MessageType, type SenderKind } from '../../../lib/messaging/messages';
import type { Caller } from '../../../lib/background/sender';

type Listener = (message: { data: unknown }) => unknown;

/** The tab the in-page panel of these tests is docked in. */
export const PANEL_TAB_ID = 7;
const PANEL_FRAME_ID = 3;

const CALLERS: Record<SenderKind, Caller> = {
  'panel-frame': { kind: 'panel-frame', tabId: PANEL_TAB_ID, frameId: PANEL_FRAME_ID },
  'extension-page': { kind: 'extension-page' },
  'content-script': { kind: 'content-script', tabId: PANEL_TAB_ID, pageUrl: 'https://mail.google.com/' },
};

/**
 * A messenger that sends as the first of `preferred` sender kinds each message allows: the panel's
 * messages as the in-page frame, the rest as an extension page.
 */
function createInProcessMessenger(preferred: readonly SenderKind[]) {
  const listeners = new Map<string, Listener>();
  return {
    async sendMessage(type: string, data: unknown): Promise<unknown> {
      if (type in messages) {
        // Imported lazily: the background modules import the (mocked) messenger themselves.
        const [{ dispatch }, { handlers }] = await Promise.all([
          import('../../../lib/background/router'),
          import('../../../lib/background/handlers'),
        ]);
        const request = type as MessageType;
        const allowed: readonly SenderKind[] = messages[request].senders;
        const kind = preferred.find((candidate) => allowed.includes(candidate));
        return dispatch(handlers, request, data, kind && CALLERS[kind]);
      }
      // A broadcast from the background to open pages, delivered at once as the browser would.
      const listener = listeners.get(type);
      if (!listener) throw new Error('Could not establish connection. Receiving end does not exist.');
      return listener({ data });
    },
    onMessage(type: string, listener: Listener) {
      listeners.set(type, listener);
      return () => listeners.delete(type);
    },
  };
}

/** As the panel docked in tab `PANEL_TAB_ID` (and, for the rest, an options page) would send. */
export const inProcessMessenger = createInProcessMessenger(['panel-frame', 'extension-page']);

/** As the popup or the options page would send: never as a panel frame. */
export const extensionPageMessenger = createInProcessMessenger(['extension-page']);
