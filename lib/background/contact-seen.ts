import { normalizeEmail } from '../contact/email';
import { recordContactSeen } from '../db/accounts';
import { database } from './db-connection';
import type { TabPage } from './page-registry';
import { returnUrl } from './page-url';

/**
 * Remembers the page where the rep picked a known contact, so the popup's "open" can return there. Only
 * the rep's own acts on a page make it a contact's page (picking the person here; notes, stage moves and
 * follow-ups record it with their write, see person.ts): a page that merely shows an address — an
 * attacker's own CRM tenant showing a customer's — must not become where "open" leads. The URL is the
 * one the browser reported for the tab. People the rep never wrote anything about are not recorded.
 */
export async function rememberWhereContactWasPicked(page: TabPage, email: string): Promise<void> {
  const shown = page.context.participants.some((person) => normalizeEmail(person.email) === email);
  const url = returnUrl(page.url);
  if (!shown || !url) return;
  await recordContactSeen(await database(), email, url, Date.now());
}
