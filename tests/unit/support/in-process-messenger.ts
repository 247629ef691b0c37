/**
 * Stands in for the extension messenger in component tests: messages go straight to the real background
 * functions in the same process, and background broadcasts reach the component's listeners. What is
 * under test is the real UI against the real data layer; only the transport is replaced.
 */
import type { ProtocolMap } from '../../../lib/messaging/protocol';
import type { HandledMessageType } from '../../../lib/messaging/schemas';

type Listener = (message: { data: unknown }) => unknown;
const listeners = new Map<string, Listener>();

export const PANEL_TAB_ID = 7;

/** The payload as the background's router admits it: a malformed one is refused here as it is there. */
async function admitted<T extends HandledMessageType>(type: T, data: unknown): Promise<never> {
  const { requestSchemas } = await import('../../../lib/messaging/schemas');
  return requestSchemas[type].parse(data) as never;
}

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
      case 'getPlaybook':
        return (await import('../../../lib/background/playbook-store')).readPlaybook();
      case 'setStage':
        return (await import('../../../lib/background/handlers/set-stage')).setStage(
          await admitted('setStage', data),
        );
      case 'setIndustry':
        return (await import('../../../lib/background/handlers/set-industry')).setIndustry(
          await admitted('setIndustry', data),
        );
      case 'setChecklistItem':
        return (await import('../../../lib/background/handlers/set-checklist-item')).setChecklistItem(
          await admitted('setChecklistItem', data),
        );
      case 'logQuestion':
        return (await import('../../../lib/background/handlers/log-question')).logQuestion(
          await admitted('logQuestion', data),
        );
      case 'addFollowUp':
        return (await import('../../../lib/background/handlers/follow-ups')).addFollowUpFor(
          await admitted('addFollowUp', data),
        );
      case 'updateFollowUp':
        return (await import('../../../lib/background/handlers/follow-ups')).updateFollowUp(
          await admitted('updateFollowUp', data),
        );
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
