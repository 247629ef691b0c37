/** Composition root of the background: every handler and listener is registered here, once. */
import { browser } from 'wxt/browser';
import { registerCommands } from './commands';
import { registerData } from './handlers/data';
import { registerFollowUps } from './handlers/follow-ups';
import { registerGetPanelState } from './handlers/get-panel-state';
import { registerGetPlaybook } from './handlers/get-playbook';
import { registerInsights } from './handlers/insights';
import { registerLogQuestion } from './handlers/log-question';
import { registerPickContact } from './handlers/pick-contact';
import { registerPlaybook } from './handlers/playbook';
import { registerPopup } from './handlers/popup';
import { registerReadFailures } from './handlers/read-failures';
import { registerReportPage } from './handlers/report-page';
import { registerSaveNote } from './handlers/save-note';
import { registerSearch } from './handlers/search';
import { registerSetChecklistItem } from './handlers/set-checklist-item';
import { registerSetIndustry } from './handlers/set-industry';
import { registerSetPanelCollapsed } from './handlers/set-panel-collapsed';
import { registerSetStage } from './handlers/set-stage';
import { registerSettings } from './handlers/settings';
import { registerNoteDrafts } from './note-drafts';
import { forgetTab } from './page-registry';
import { registerReminders } from './reminders';

export function startBackground(): void {
  registerReportPage();
  registerGetPanelState();
  registerSaveNote();
  registerNoteDrafts();
  registerSetPanelCollapsed();
  registerGetPlaybook();
  registerPickContact();
  registerSetStage();
  registerSetIndustry();
  registerSetChecklistItem();
  registerLogQuestion();
  registerFollowUps();
  registerPopup();
  registerPlaybook();
  registerSettings();
  registerInsights();
  registerSearch();
  registerData();
  registerReadFailures();
  registerReminders();
  registerCommands();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
