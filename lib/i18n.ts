/**
 * UI text for extension pages, from the extension's `_locales`. By default the browser's language
 * decides (through `browser.i18n`); when the rep picks a language in options, pages load that
 * language's catalogue from the extension's own files before they render.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';
import type { Language } from './settings/languages';
import { uiLanguageItem } from './storage/ui-language';

export type MessageKey = keyof typeof english;

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

/** The catalogue of the rep's chosen language, when they chose one. */
let chosen: { language: string; catalogue: Catalogue } | undefined;

/** Fills an entry's named placeholders (`$NAME$` → `$1`) and positional substitutions, as browsers do. */
export function formatMessage(entry: CatalogueEntry, substitutions?: string | string[]): string {
  const values =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(
      /\$([A-Z0-9_]+)\$/gi,
      (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '',
    )
    .replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
}

/** The text for `key` from `catalogue`, else in the browser's language. */
export function translate(
  catalogue: Catalogue | undefined,
  key: MessageKey,
  substitutions?: string | string[],
): string {
  const entry = catalogue?.[key];
  if (entry) return formatMessage(entry, substitutions);
  // An empty answer means the catalogue lacks the key (caught by the locale test) or there is no
  // extension context (unit tests): show the key rather than nothing.
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return translate(chosen?.catalogue, key, substitutions);
}

/** Items as a list in running text in the UI language: "a, b, c" in English, "a、b、c" in Chinese. */
export function formatList(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(items);
  } catch {
    // A language tag Intl does not take: English punctuation beats nothing.
    return items.join(', ');
  }
}

/** The UI language, e.g. `en` or `zh-CN`: the rep's choice, else the browser's. */
export function uiLanguage(): string {
  return chosen?.language ?? browserLanguage();
}

/** The browser's own interface language, e.g. `en-US`. */
export function browserLanguage(): string {
  return browser.i18n.getUILanguage?.() || 'en';
}

const LOCALE_DIRECTORIES: Record<string, string> = { en: 'en', 'zh-CN': 'zh_CN' };

/** The one load per page: the popup's first paint and its React app both wait for it, and read it once. */
let loadingChosen: Promise<void> | undefined;

/**
 * Loads the language the rep chose in options (a no-op for "auto"). Pages call it before they render; a
 * missing or damaged choice falls back to the browser's language. `known`: the choice as the page already
 * has it (the popup's address carries it), so it need not be read.
 */
export function loadChosenLanguage(known?: Language): Promise<void> {
  loadingChosen ??= readChosenLanguage(known);
  return loadingChosen;
}

/** The catalogue of `language` from the extension's own files; none for `auto` (the browser's language). */
export async function loadCatalogue(language: Language): Promise<Catalogue | undefined> {
  const directory = LOCALE_DIRECTORIES[language];
  if (language === 'auto' || !directory) return undefined;
  const response = await fetch(browser.runtime.getURL(`/_locales/${directory}/messages.json` as '/'));
  return (await response.json()) as Catalogue;
}

async function readChosenLanguage(known: Language | undefined): Promise<void> {
  try {
    // The background copies the chosen language here; the settings themselves stay in its database.
    const language = known ?? (await uiLanguageItem.get());
    const catalogue = await loadCatalogue(language);
    if (catalogue) chosen = { language, catalogue };
  } catch (error) {
    console.warn('[dealside] could not load the chosen language; using the browser language', error);
  }
}

/** Re-renders pages in the new language when the rep changes it in options. */
export function reloadOnLanguageChange(): void {
  uiLanguageItem.watch((after, before) => {
    if (before !== after) location.reload();
  });
}
