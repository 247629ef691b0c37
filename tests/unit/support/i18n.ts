/**
 * The extension's English catalogue served through `browser.i18n`, as the browser would, so component
 * tests see real text and catch missing keys.
 */
import english from '../../../public/_locales/en/messages.json';
import { formatMessage, type Catalogue } from '../../../lib/i18n';

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (english as Catalogue)[key];
  return entry ? formatMessage(entry, substitutions) : '';
}
