/**
 * The extension's English catalogue served through `browser.i18n`, as the browser would, so component
 * tests see real text and catch missing keys.
 */
import english from '../../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (english as Record<string, Entry>)[key];
  if (!entry) return '';
  const values =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message.replace(/\$([A-Z0-9_]+)\$/gi, (_, name: string) => {
    return entry.placeholders?.[name.toLowerCase()]?.content ?? '';
  });
  text = text.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
  return text;
}
