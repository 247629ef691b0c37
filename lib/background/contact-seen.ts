import { chooseContact } from '../contact/choose-contact';
import { recordContactSeen } from '../db/accounts';
import type { PageContext } from '../sites/types';
import { database } from './database';
import { readSettings } from './settings';

/**
 * Remembers the page where a known contact was last on screen, so the popup's "open" can return there.
 * People the rep never wrote anything about are not recorded.
 */
export async function rememberWhereContactWasSeen(url: string, context: PageContext): Promise<void> {
  const settings = await readSettings();
  const { contact } = chooseContact(
    context,
    { emails: settings.ownEmails, domains: settings.ownDomains },
    { aliases: settings.accountAliases },
  );
  if (contact) await recordContactSeen(await database(), contact.email, url, Date.now());
}
