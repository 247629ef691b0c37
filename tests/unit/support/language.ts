/** Shows the extension in another language than the English the test setup installs. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, type Catalogue } from '../../../lib/i18n';

/** Serves `catalogue` through `browser.i18n` and reports `language` as the browser's UI language. */
export function speak(catalogue: Catalogue, language: string): void {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
    const entry = catalogue[key];
    return entry ? formatMessage(entry, substitutions) : '';
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => language;
}
