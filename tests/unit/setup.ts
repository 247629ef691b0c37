import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach } from 'vitest';
import { getMessage } from './support/i18n';

function installI18n(): void {
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
}

installI18n();
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(() => {
  cleanup();
});
