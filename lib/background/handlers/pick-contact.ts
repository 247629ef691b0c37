import { normalizeEmail } from '../../contact/email';
import type { PickContactRequest, PickContactResult } from '../../messaging/protocol';
import { broadcastPageChanged } from '../broadcast';
import { rememberWhereContactWasPicked } from '../contact-seen';
import { setAttachedAccount, setPickedContact } from '../contact-picks';
import { tabPage } from '../page-registry';
import { handle } from '../router';

/** The rep says who this page is about (or goes back to automatic detection). */
export async function pickContact(
  request: PickContactRequest,
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

export function registerPickContact(): void {
  handle('pickContact', 'extension-page', (request, caller) =>
    pickContact(request, caller.tabId ?? request.tabId),
  );
}
