/** Composition root of the background: every handler and listener is registered here, once. */
import { browser } from 'wxt/browser';
import { registerCommands } from './commands';
import { registerFollowUps } from './handlers/follow-ups';
import { registerGetPanelState } from './handlers/get-panel-state';
import { registerGetPlaybook } from './handlers/get-playbook';
import { registerLogQuestion } from './handlers/log-question';
import { registerPickContact } from './handlers/pick-contact';
import { registerReportPage } from './handlers/report-page';
import { registerSaveNote } from './handlers/save-note';
import { registerSetChecklistItem } from './handlers/set-checklist-item';
import { registerSetIndustry } from './handlers/set-industry';
import { registerSetPanelCollapsed } from './handlers/set-panel-collapsed';
import { registerSetStage } from './handlers/set-stage';
import { forgetTab } from './page-registry';

export function startBackground(): void {
  registerReportPage();
  registerGetPanelState();
  registerSaveNote();
  registerSetPanelCollapsed();
  registerGetPlaybook();
  registerPickContact();
  registerSetStage();
  registerSetIndustry();
  registerSetChecklistItem();
  registerLogQuestion();
  registerFollowUps();
  registerCommands();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
