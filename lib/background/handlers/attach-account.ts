import { resolveAccountAlias } from '../../contact/account-aliases';
import { normalizeAccountKey } from '../../contact/account-key';
import { getAccount } from '../../db/accounts';
import type { AttachAccountRequest, AttachAccountResult } from '../../messaging/protocol';
import { broadcastPageChanged } from '../broadcast';
import { setAttachedAccount, setPickedContact } from '../contact-picks';
import { database } from '../database';
import { tabPage } from '../page-registry';
import { handle } from '../router';
import { readSettings } from '../settings';

/**
 * The rep says which existing account this page belongs to (or, with `null`, goes back to automatic
 * detection). Only accounts that exist can be attached: the rep chose one from a search, and a key typed
 * into a forged message must not open an empty account in its name.
 */
export async function attachAccount(
  request: AttachAccountRequest,
  tabId: number | undefined,
  now = Date.now(),
): Promise<AttachAccountResult> {
  const page = tabId === undefined ? undefined : await tabPage(tabId);
  if (!page || tabId === undefined) return { ok: false, reason: 'no-page' };
  if (request.accountKey === null) {
    await setAttachedAccount(page.url, null, now);
    await setPickedContact(page.url, null, now);
  } else {
    const { accountAliases } = await readSettings();
    const key = resolveAccountAlias(
      normalizeAccountKey(request.accountKey),
      accountAliases,
      normalizeAccountKey,
    );
    if (!(await getAccount(await database(), key))) return { ok: false, reason: 'unknown-account' };
    // One manual choice per page: the account replaces a person picked here before.
    await setPickedContact(page.url, null, now);
    await setAttachedAccount(page.url, key, now);
  }
  broadcastPageChanged({ tabId });
  return { ok: true };
}

export function registerAttachAccount(): void {
  handle('attachAccount', 'extension-page', (request, caller) =>
    attachAccount(request, caller.tabId ?? request.tabId),
  );
}
