import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach } from 'vitest';
import { getMessage } from './support/i18n';

// The machines these run on are shared: a first render that loads every module can take over the
// library's default second. Waiting longer changes nothing for a test that passes, only for one that
// would have failed on a busy machine.
configure({ asyncUtilTimeout: 5_000 });

function installI18n(): void {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
}

/** The fake browser has no ports: the background may still register for them (nobody connects). */
function installPortEvents(): void {
  const listeners = new Set<unknown>();
  fakeBrowser.runtime.onConnect = {
    addListener: (listener: unknown) => void listeners.add(listener),
    removeListener: (listener: unknown) => void listeners.delete(listener),
    hasListener: (listener: unknown) => listeners.has(listener),
  } as unknown as typeof fakeBrowser.runtime.onConnect;
}

/**
 * The fake browser's toolbar button has no popup address: kept in memory here, as the browser keeps it
 * (the background keeps the popup's lists in it, lib/background/popup-lists-store.ts).
 */
function installToolbarPopup(): void {
  let popup = 'popup.html';
  fakeBrowser.action.setPopup = (details: { popup: string }) => {
    popup = details.popup;
    return Promise.resolve();
  };
  fakeBrowser.action.getPopup = () => Promise.resolve(`chrome-extension://test-extension-id/${popup}`);
}

installI18n();
installPortEvents();
installToolbarPopup();
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  installPortEvents();
  installToolbarPopup();
});
afterEach(() => {
  cleanup();
});
