/** Composition root of the background: every handler and listener is registered here, once. */
import { browser } from 'wxt/browser';
import { registerCommands } from './commands';
import { registerGetPanelState } from './handlers/get-panel-state';
import { registerReportPage } from './handlers/report-page';
import { registerSaveNote } from './handlers/save-note';
import { registerSetPanelCollapsed } from './handlers/set-panel-collapsed';
import { forgetTab } from './page-registry';

export function startBackground(): void {
  registerReportPage();
  registerGetPanelState();
  registerSaveNote();
  registerSetPanelCollapsed();
  registerCommands();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
