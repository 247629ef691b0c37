/**
 * Builds what a panel shows for one tab: the contact chosen from the page's people, the account key,
 * and the account's notes. Runs in the background because choosing the contact needs the settings, the
 * public-suffix data and the freemail list, none of which belong in the page.
 */
import { displayAccountKey } from '../contact/account-key';
import { chooseContact } from '../contact/choose-contact';
import { listNotes } from '../db/notes';
import type { PanelState, PersonView } from '../messaging/protocol';
import { database } from './database';
import { tabPage } from './page-registry';
import { readSettings } from './settings';

const EMPTY: Omit<PanelState, 'tabId'> = { page: null, contact: null, others: [], account: null, notes: [] };

interface Chosen {
  email: string;
  name?: string;
  accountKey: string;
}

function personView(person: Chosen): PersonView {
  return person.name
    ? { email: person.email, name: person.name, accountKey: person.accountKey }
    : {
        email: person.email,
        accountKey: person.accountKey,
      };
}

export async function panelStateForTab(tabId: number | null): Promise<PanelState> {
  if (tabId === null) return { tabId, ...EMPTY, reason: 'no tab' };
  const page = await tabPage(tabId);
  if (!page) return { tabId, ...EMPTY, reason: 'this page is not one Dealside reads' };

  const settings = await readSettings();
  const choice = chooseContact(
    page.context,
    { emails: settings.ownEmails, domains: settings.ownDomains },
    { aliases: settings.accountAliases },
  );
  const pageView = {
    site: page.context.site,
    kind: page.context.kind,
    url: page.url,
    ...(page.context.title ? { title: page.context.title } : {}),
  };
  const others = choice.runnersUp.map(personView);
  if (!choice.contact) {
    return {
      tabId,
      ...EMPTY,
      page: pageView,
      others,
      reason: choice.reason ?? page.context.reason ?? 'no contact',
    };
  }
  const accountKey = choice.contact.accountKey;
  const notes = await listNotes(await database(), accountKey);
  return {
    tabId,
    page: pageView,
    contact: personView(choice.contact),
    others,
    account: { key: accountKey, displayKey: displayAccountKey(accountKey) },
    notes,
  };
}
