/** Composition root of the background: every handler and listener is registered here, once. */
import { browser } from 'wxt/browser';
import { registerCommands } from './commands';
import { registerContentScriptCopies } from './content-script-copies';
import { registerAttachAccount } from './handlers/attach-account';
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
import { broadcastPageChanged } from './broadcast';
import { forgetTab, tabNavigated } from './page-registry';
import { privateItemsDb } from './private-items';
import { registerReminders } from './reminders';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
interface RestrictableArea {
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
}

/**
 * Closes the extension's storage to content scripts (Chrome; `session` is closed there by default, and
 * this makes sure). A page that takes over its renderer then cannot read or write what is left there:
 * panel layouts, backup and reminder bookkeeping, the language. Firefox has no such call for `local`:
 * what a page must not read or forge lives in the background's database on every browser instead.
 */
export async function restrictStorageToExtensionPages(): Promise<void> {
  for (const [name, area] of [
    ['local', browser.storage.local],
    ['session', browser.storage.session],
  ] as const) {
    const restrictable = area as unknown as RestrictableArea | undefined;
    if (typeof restrictable?.setAccessLevel !== 'function') continue;
    try {
      await restrictable.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    } catch (error) {
      console.warn(`[dealside] could not close storage.${name} to content scripts`, error);
    }
  }
}

/** A tab that navigated away from the page it reported is forgotten at once, and its panel told. */
async function onTabUpdated(tabId: number, url: string | undefined): Promise<void> {
  if (await tabNavigated(tabId, url)) broadcastPageChanged({ tabId });
}

export function startBackground(): void {
  void restrictStorageToExtensionPages();
  // Moves what an older version kept in storage.local into the database now, not at the first message.
  privateItemsDb().catch((error: unknown) => console.warn('[dealside] could not open the database', error));
  registerReportPage();
  registerGetPanelState();
  registerSaveNote();
  registerNoteDrafts();
  registerSetPanelCollapsed();
  registerGetPlaybook();
  registerPickContact();
  registerAttachAccount();
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
  registerContentScriptCopies();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new address, or a page starting to load (the browser names no address when the new page is on a
    // site we have no access to, which is then not ours).
    if (change.url === undefined && change.status !== 'loading') return;
    void onTabUpdated(tabId, change.url ?? tab.url);
  });
}
