/** Composition root of the background: every handler and listener is registered here, once. */
import { browser } from 'wxt/browser';
import { registerBackup } from './backup';
import { broadcastPageChanged } from './broadcast';
import { registerCommands } from './commands';
import { onContentScriptConnected } from './content-script-copies';
import { registerCustomSiteSync } from './custom-site-scripts';
import { handlers } from './handlers';
import { notesSearchIndex } from './handlers/options-insights';
import { currentPopupFollowUps } from './handlers/popup';
import { onNoteDraftPortConnected } from './note-drafts';
import { forgetTab, tabNavigated } from './page-registry';
import { keepPopupListsCurrent } from './popup-lists-store';
import { registerPopupPageServer } from './popup-page-server';
import { privateItemsDb } from './private-items-db';
import { registerReminders } from './reminders';
import { registerHandlers } from './router';
import { registerSync } from './sync/browser-sync';
import { onCommittedChanges } from '../db/committed-changes';
import { notesSearchDerivedData } from '../db/search-index';
import { registerDerivedData } from '../db/transaction';

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

/**
 * The notes search index is written in every note write's own transaction, and the background's copy in
 * memory follows each committed change; returns the function that stops both.
 */
export function keepNotesSearchIndexCurrent(): () => void {
  const unregister = registerDerivedData(notesSearchDerivedData);
  const unsubscribe = onCommittedChanges((changes) => notesSearchIndex.onCommitted(changes));
  return () => {
    unregister();
    unsubscribe();
  };
}

export function startBackground(): void {
  // Fetch listeners count only when added in the worker script's first run.
  registerPopupPageServer();
  void restrictStorageToExtensionPages();
  // Moves what an older version kept in storage.local into the database now, not at the first message.
  privateItemsDb().catch((error: unknown) => console.warn('[dealside] could not open the database', error));
  registerHandlers(handlers);
  keepNotesSearchIndexCurrent();
  keepPopupListsCurrent(currentPopupFollowUps);
  browser.runtime.onConnect.addListener(onContentScriptConnected);
  browser.runtime.onConnect.addListener(onNoteDraftPortConnected);
  registerReminders();
  registerBackup();
  registerSync();
  registerCustomSiteSync();
  registerCommands();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new address, or a page starting to load (the browser names no address when the new page is on a
    // site we have no access to, which is then not ours).
    if (change.url === undefined && change.status !== 'loading') return;
    void onTabUpdated(tabId, change.url ?? tab.url);
  });
}
