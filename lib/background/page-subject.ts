/**
 * Who and which account a tab's page is about: the rep's choice for the page first (a person picked
 * there, else an account the page was attached to), then what the page itself shows (the contact chosen
 * from its people, or a record's website). The panel shows it; touches are recorded for it.
 */
import { resolveAccountAlias } from '../contact/account-aliases';
import { accountKeyForEmail, normalizeAccountKey } from '../contact/account-key';
import { chooseContact, type ChosenParticipant } from '../contact/choose-contact';
import { normalizeEmail } from '../contact/email';
import { getAccount } from '../db/accounts';
import type { Db } from '../db/open';
import type { AccountView, PersonView } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { attachedAccount, pickedContact } from './contact-picks';
import type { TabPage } from './page-registry';

export interface PageSubject {
  contact: PersonView | null;
  /** Null when the page gives no account. */
  accountKey: string | null;
  source: AccountView['source'];
  contactPicked: boolean;
  accountAttached: boolean;
  /** The people the page names, the detected contact first. */
  detected: ChosenParticipant[];
  /** Why the page gave nobody, when the reader said. */
  reason?: string;
}

export function personView(person: { email: string; name?: string; accountKey: string }): PersonView {
  return person.name
    ? { email: person.email, name: person.name, accountKey: person.accountKey }
    : { email: person.email, accountKey: person.accountKey };
}

export async function pageSubject(page: TabPage, settings: Settings, db: Db): Promise<PageSubject> {
  const aliases = { aliases: settings.accountAliases };
  const choice = chooseContact(
    page.context,
    { emails: settings.ownEmails, domains: settings.ownDomains },
    aliases,
  );
  const detected: ChosenParticipant[] = [...(choice.contact ? [choice.contact] : []), ...choice.runnersUp];
  const reason = choice.reason ?? page.context.reason;

  const picked = await pickedContact(page.url);
  const pickedEmail = picked ? normalizeEmail(picked) : null;
  const pickedKey = pickedEmail ? accountKeyForEmail(pickedEmail, aliases) : null;
  if (pickedEmail && pickedKey) {
    const onPage = detected.find((person) => person.email === pickedEmail);
    return {
      contact: personView({ email: pickedEmail, name: onPage?.name, accountKey: pickedKey }),
      accountKey: pickedKey,
      source: 'contact',
      contactPicked: true,
      accountAttached: false,
      detected,
      ...(reason ? { reason } : {}),
    };
  }
  const automatic: PageSubject = {
    contact: choice.contact ? personView(choice.contact) : null,
    accountKey: choice.account?.key ?? null,
    source: choice.account?.source ?? 'contact',
    contactPicked: false,
    accountAttached: false,
    detected,
    ...(reason ? { reason } : {}),
  };
  const attachedKey = await existingAttachedAccount(db, page.url, settings.accountAliases);
  if (!attachedKey) return automatic;
  return {
    ...automatic,
    // The detected person stays only if they belong to the account the rep chose.
    contact: automatic.contact?.accountKey === attachedKey ? automatic.contact : null,
    accountKey: attachedKey,
    source: 'attached',
    accountAttached: true,
  };
}

/**
 * The account the rep attached this page to, following merges. An attachment to an account deleted
 * since is ignored: the page falls back to automatic detection rather than show an empty account.
 */
async function existingAttachedAccount(
  db: Db,
  url: string,
  aliases: Settings['accountAliases'],
): Promise<string | null> {
  const attached = await attachedAccount(url);
  if (attached === undefined) return null;
  const key = resolveAccountAlias(normalizeAccountKey(attached), aliases, normalizeAccountKey);
  return (await getAccount(db, key)) ? key : null;
}
