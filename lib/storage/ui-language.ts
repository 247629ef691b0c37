/**
 * The interface language the rep chose, copied from the settings at every change (lib/background/
 * settings-store.ts): every extension page reads it before it renders (lib/i18n.ts), and the settings
 * themselves stay in the database. Declared apart from the other items (./items.ts lists it with them)
 * and checked without zod, so that reading it costs a page nothing else: the popup reads it before its
 * first paint, which loads no zod.
 */
import { isLanguage, LANGUAGES } from '../settings/languages';
import { defineCheckedStorageItem } from './checked-item';

// Without the settings' own fallback, so a damaged value is logged rather than silently read as `auto`.
export const uiLanguageItem = defineCheckedStorageItem(
  'local',
  'uiLanguage',
  (stored) =>
    isLanguage(stored)
      ? { valid: true, value: stored }
      : { valid: false, issues: [`expected one of ${LANGUAGES.join(', ')}`] },
  'auto',
);
