/**
 * Which open tabs show which contact, from the page registry: the contact the panel chose on each page,
 * or the one the rep picked there by hand. Lets "open" return to a tab instead of opening another.
 */
import { accountKeyForEmail } from '../contact/account-key';
import { chooseContact } from '../contact/choose-contact';
import { normalizeEmail } from '../contact/email';
import { pickedContact } from './contact-picks';
import { allTabPages } from './page-registry';
import { readSettings } from './settings-store';

export interface TabContact {
  tabId: number;
  email: string;
  /** The name the page shows for them, when it shows one. */
  name?: string;
  accountKey: string;
  /** When the tab last reported its page; the most recent tab wins when several show the same person. */
  reportedAt: number;
}

export async function tabContacts(): Promise<TabContact[]> {
  const pages = await allTabPages();
  if (pages.size === 0) return [];
  const settings = await readSettings();
  const aliases = { aliases: settings.accountAliases };
  const self = { emails: settings.ownEmails, domains: settings.ownDomains };
  const found: TabContact[] = [];
  for (const [tabId, page] of pages) {
    const picked = await pickedContact(page.url);
    const pickedEmail = picked ? normalizeEmail(picked) : null;
    const pickedKey = pickedEmail ? accountKeyForEmail(pickedEmail, aliases) : null;
    const { contact, runnersUp } = chooseContact(page.context, self, aliases);
    if (pickedEmail && pickedKey) {
      const onPage = [contact, ...runnersUp].find((person) => person?.email === pickedEmail);
      found.push({
        tabId,
        email: pickedEmail,
        ...(onPage?.name ? { name: onPage.name } : {}),
        accountKey: pickedKey,
        reportedAt: page.reportedAt,
      });
    } else if (contact) {
      found.push({
        tabId,
        email: contact.email,
        ...(contact.name ? { name: contact.name } : {}),
        accountKey: contact.accountKey,
        reportedAt: page.reportedAt,
      });
    }
  }
  return found.sort((a, b) => b.reportedAt - a.reportedAt);
}

/**
 * The tab to return to for a follow-up: one showing its contact; for a follow-up about no one in
 * particular, one showing its account.
 */
export function tabFor(
  tabs: readonly TabContact[],
  followUp: { accountKey: string; contactEmail?: string },
): number | undefined {
  const match = followUp.contactEmail
    ? tabs.find((tab) => tab.email === followUp.contactEmail)
    : tabs.find((tab) => tab.accountKey === followUp.accountKey);
  return match?.tabId;
}
