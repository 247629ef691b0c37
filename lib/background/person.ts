import { normalizeEmail } from '../contact/email';
import { cleanDisplayName } from '../contact/display-name';
import type { PersonSeen } from '../db/accounts';
import { tabPage } from './page-registry';
import { returnUrl } from './page-url';

/**
 * The contact a panel write was made about, as stored with the account (none if malformed). When the
 * write comes from the panel docked in a tab, that tab's page supplies the person's name as the page
 * shows it and the page itself, so "open" can return there later.
 */
export async function personSeen(
  accountKey: string,
  contactEmail: string | undefined,
  tabId?: number,
): Promise<PersonSeen | undefined> {
  const email = contactEmail ? normalizeEmail(contactEmail) : null;
  if (!email) return undefined;
  const page = tabId === undefined ? undefined : await tabPage(tabId);
  const onPage = page?.context.participants.find((person) => normalizeEmail(person.email) === email);
  const name = onPage ? cleanDisplayName(onPage.name, email) : undefined;
  // The tab's URL as the browser reported it; one too long to keep whole is not kept as a link.
  const lastSeenUrl = onPage && page ? returnUrl(page.url) : undefined;
  return { email, accountKey, ...(name ? { name } : {}), ...(lastSeenUrl ? { lastSeenUrl } : {}) };
}
