/**
 * The interface language the rep chose, copied from the settings at every change (lib/background/
 * settings-store.ts): every extension page reads it before it renders (lib/i18n.ts), and the settings
 * themselves stay in the database. Declared apart from the other items (./items.ts lists it with them)
 * and with zod's small build, so that reading it costs a page nothing else.
 */
import { z } from 'zod/mini';
import { LANGUAGES } from '../settings/languages';
import { defineStorageItem } from './define';

// Without the settings' own fallback, so a damaged value is logged rather than silently read as `auto`.
export const uiLanguageItem = defineStorageItem('local', 'uiLanguage', z.enum(LANGUAGES), 'auto');
