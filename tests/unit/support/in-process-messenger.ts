/**
 * Stands in for the extension messenger in component tests: messages go straight to the real background
 * functions in the same process, and background broadcasts reach the component's listeners. What is
 * under test is the real UI against the real data layer; only the transport is replaced.
 */
import type { ProtocolMap } from '../../../lib/messaging/protocol';

type Listener = (message: { data: unknown }) => unknown;
const listeners = new Map<string, Listener>();

export const PANEL_TAB_ID = 7;

export const inProcessMessenger = {
  async sendMessage(type: keyof ProtocolMap, data: never): Promise<unknown> {
    switch (type) {
      // Imported lazily: the background modules import the (mocked) messenger themselves.
      case 'getPanelState':
        return (await import('../../../lib/background/panel-state')).panelStateForTab(PANEL_TAB_ID);
      case 'saveNote':
        return (await import('../../../lib/background/handlers/save-note')).saveNote(data);
      case 'setPanelCollapsed':
        return undefined;
      default: {
        // A broadcast from the background to open pages.
        const listener = listeners.get(type);
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
