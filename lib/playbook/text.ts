import type { LocalizedText } from './schema';

export type PlaybookLocale = keyof LocalizedText;

/** Maps a UI locale (`zh-CN`, `zh_TW`, `zh`, `en-GB`, …) to a playbook language: any Chinese → `zh-CN`, else `en`. */
export function playbookLocale(locale: string): PlaybookLocale {
  return locale.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The text in the user's language. */
export function localized(text: LocalizedText, locale: string): string {
  return text[playbookLocale(locale)];
}
