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
        return (await import('../../../lib/background/handlers/save-note')).saveNote(data, PANEL_TAB_ID);
      case 'listOlderNotes':
        return (await import('../../../lib/background/handlers/save-note')).listOlderNotes(
          await admitted('listOlderNotes', data),
        );
      case 'setPanelCollapsed':
        return undefined;
      case 'pickContact':
        return (await import('../../../lib/background/handlers/pick-contact')).pickContact(
          await admitted('pickContact', data),
          PANEL_TAB_ID,
        );
      case 'attachAccount':
        return (await import('../../../lib/background/handlers/attach-account')).attachAccount(
          await admitted('attachAccount', data),
          PANEL_TAB_ID,
        );
      case 'getPlaybook':
        return (await import('../../../lib/background/playbook-store')).readPlaybook();
      case 'setStage':
        return (await import('../../../lib/background/handlers/set-stage')).setStage(
          await admitted('setStage', data),
          Date.now(),
          PANEL_TAB_ID,
        );
      case 'setIndustry':
        return (await import('../../../lib/background/handlers/set-industry')).setIndustry(
          await admitted('setIndustry', data),
          PANEL_TAB_ID,
        );
      case 'setChecklistItem':
        return (await import('../../../lib/background/handlers/set-checklist-item')).setChecklistItem(
          await admitted('setChecklistItem', data),
          PANEL_TAB_ID,
        );
      case 'logQuestion':
        return (await import('../../../lib/background/handlers/log-question')).logQuestion(
          await admitted('logQuestion', data),
          PANEL_TAB_ID,
        );
      case 'addFollowUp':
        return (await import('../../../lib/background/handlers/follow-ups')).addFollowUpFor(
          await admitted('addFollowUp', data),
          PANEL_TAB_ID,
        );
      case 'updateFollowUp':
        return (await import('../../../lib/background/handlers/follow-ups')).updateFollowUp(
          await admitted('updateFollowUp', data),
        );
      case 'getInsights':
        return (await import('../../../lib/background/handlers/insights')).getInsights(
          await admitted('getInsights', data),
        );
      case 'searchNotes':
        return (await import('../../../lib/background/handlers/search')).searchNotes(
          await admitted('searchNotes', data),
        );
      case 'prepareExport':
        return (await import('../../../lib/background/handlers/data')).prepareExport(
          await admitted('prepareExport', data),
        );
      case 'readExportChunk':
        return (await import('../../../lib/background/handlers/data')).readExportChunk(
          await admitted('readExportChunk', data),
        );
      case 'uploadImportChunk':
        return (await import('../../../lib/background/handlers/data')).uploadImportChunk(
          await admitted('uploadImportChunk', data),
        );
      case 'previewImport':
        return (await import('../../../lib/background/handlers/data')).previewImport(
          await admitted('previewImport', data),
        );
      case 'applyImport':
        return (await import('../../../lib/background/handlers/data')).applyImport(
          await admitted('applyImport', data),
        );
      case 'listDataAccounts':
        return (await import('../../../lib/background/handlers/data')).listDataAccounts(
          await admitted('listDataAccounts', data),
        );
      case 'accountNotesMarkdown':
        return (await import('../../../lib/background/handlers/data')).accountNotesMarkdownFor(
          await admitted('accountNotesMarkdown', data),
        );
      case 'deleteAccountData':
        return (await import('../../../lib/background/handlers/data')).deleteAccountData(
          await admitted('deleteAccountData', data),
        );
      case 'deleteAllData':
        await admitted('deleteAllData', data);
        return (await import('../../../lib/background/handlers/data')).deleteAllData();
      case 'getBackupStatus':
        return (await import('../../../lib/background/backup')).backupStatus();
      case 'setBackupSchedule': {
        const request: { frequency: 'off' | 'daily' | 'weekly'; keep?: number } = await admitted(
          'setBackupSchedule',
          data,
        );
        return (await import('../../../lib/background/backup')).setBackupFrequency(
          request.frequency,
          Date.now(),
          request.keep,
        );
      }
      case 'runBackupNow':
        return (await import('../../../lib/background/backup')).backUpNow();
      case 'listReadFailures':
        return (await import('../../../lib/background/handlers/read-failures')).readFailuresView();
      case 'clearReadFailures':
        return (await import('../../../lib/background/read-failures')).clearReadFailures();
      case 'savePlaybook':
        return (await import('../../../lib/background/handlers/playbook')).savePlaybook(
          await admitted('savePlaybook', data),
        );
      case 'getSettings':
        return (await import('../../../lib/background/handlers/settings')).settingsView();
      case 'saveSettings':
        return (await import('../../../lib/background/handlers/settings')).saveSettings(
          await admitted('saveSettings', data),
        );
      case 'addCustomSite':
        return (await import('../../../lib/background/handlers/settings')).addCustomSite(
          ((await admitted('addCustomSite', data)) as { host: string }).host,
        );
      case 'removeCustomSite':
        return (await import('../../../lib/background/handlers/settings')).removeCustomSite(
          ((await admitted('removeCustomSite', data)) as { host: string }).host,
        );
      case 'mergeAccounts':
        return (await import('../../../lib/background/handlers/settings')).mergeAccounts(
          await admitted('mergeAccounts', data),
        );
      case 'getRemindersStatus':
        return (await import('../../../lib/background/reminders')).remindersStatus();
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
