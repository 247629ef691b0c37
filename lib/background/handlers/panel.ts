/**
 * What a panel asks about its page: what to show, and the rep's manual choice of who or which account
 * the page is about. The in-page frame is answered about the tab it is docked in (taken from the sender,
 * never from the page); the side panel names the tab it follows.
 */
import { resolveAccountAlias } from '../../contact/account-aliases';
import { normalizeAccountKey } from '../../contact/account-key';
import { normalizeEmail } from '../../contact/email';
import { getAccount } from '../../db/accounts';
import type { AttachAccountResult, PickContactResult } from '../../messaging/protocol';
import type { PayloadOf } from '../../messaging/messages';
import { broadcastPageChanged } from '../broadcast';
import { insertIntoCompose } from '../compose-insert';
import { rememberWhereContactWasPicked } from '../contact-seen';
import { setAttachedAccount, setPickedContact } from '../contact-picks';
import { database } from '../db-connection';
import { recordPanelFrame, tabPage } from '../page-registry';
import { panelStateForTab } from '../panel-state';
import { readPlaybook } from '../playbook-store';
import type { Handlers } from '../router';
import { panelTabId } from '../sender';
import { readSettings } from '../settings-store';

/** The rep says who this page is about (or goes back to automatic detection). */
export async function pickContact(
  request: Pick<PayloadOf<'pickContact'>, 'email'>,
  tabId: number | undefined,
): Promise<PickContactResult> {
  const page = tabId === undefined ? undefined : await tabPage(tabId);
  if (!page || tabId === undefined) return { ok: false, reason: 'no-page' };
  const email = request.email === null ? null : normalizeEmail(request.email);
  if (request.email !== null && !email) return { ok: false, reason: 'invalid-email' };
  const now = Date.now();
  // One manual choice per page: a person picked replaces an account attached here before, and going
  // back to automatic detection drops both.
  await setAttachedAccount(page.url, null, now);
  await setPickedContact(page.url, email, now);
  // Picking the person here is the rep acting on this page: it becomes where "open" returns to.
  if (email) {
    await rememberWhereContactWasPicked(page, email).catch((error: unknown) => {
      console.warn('[dealside] could not record where a contact was picked', error);
    });
  }
  broadcastPageChanged({ tabId });
  return { ok: true };
}

/**
 * The rep says which existing account this page belongs to (or, with `null`, goes back to automatic
 * detection). Only accounts that exist can be attached: the rep chose one from a search, and a key typed
 * into a forged message must not open an empty account in its name.
 */
export async function attachAccount(
  request: Pick<PayloadOf<'attachAccount'>, 'accountKey'>,
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

export const panelHandlers = {
  async getPanelState(request, caller) {
    // The in-page frame: remember which frame it is, so change events reach it and not the page.
    if (caller.kind === 'panel-frame') await recordPanelFrame(caller.tabId, caller.frameId);
    return panelStateForTab(panelTabId(caller, request.tabId) ?? null);
  },
  getPlaybook: () => readPlaybook(),
  pickContact: (request, caller) => pickContact(request, panelTabId(caller, request.tabId)),
  attachAccount: (request, caller) => attachAccount(request, panelTabId(caller, request.tabId)),
  // The in-page frame writes into its own tab; the side panel into the tab it follows.
  insertIntoCompose: (request, caller) => insertIntoCompose(request.text, panelTabId(caller, request.tabId)),
} satisfies Partial<Handlers>;
