import type { ReadFailureView } from '../../messaging/protocol';
import { siteAdapters } from '../../sites/registry';
import { clearReadFailures, listReadFailures } from '../read-failures';
import { handle } from '../router';

/** The failures for options, newest first, each with its site's name as settings show it. */
export async function readFailuresView(): Promise<ReadFailureView[]> {
  const names = new Map(siteAdapters.map((adapter) => [adapter.id, adapter.name]));
  return (await listReadFailures()).map((failure) => ({
    ...failure,
    siteName: names.get(failure.site) ?? failure.site,
  }));
}

/** Only the extension's own pages (options) may read or clear the list: it names pages the rep opened. */
export function registerReadFailures(): void {
  handle('listReadFailures', 'extension-page', () => readFailuresView());
  handle('clearReadFailures', 'extension-page', () => clearReadFailures());
}
