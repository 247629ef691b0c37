/**
 * UI text for extension pages, from the extension's `_locales` (the browser's language decides).
 * Keys are checked against the English catalogue at compile time.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  // An empty answer means the catalogue lacks the key (caught by the locale test) or there is no
  // extension context (unit tests): show the key rather than nothing.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The UI language as the browser resolved it, e.g. `en` or `zh-CN`. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || 'en';
}
