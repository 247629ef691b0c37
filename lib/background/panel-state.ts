/**
 * Builds what a panel shows for one tab: the contact chosen from the page's people (or the one the rep
 * picked for this page), the account, and its notes, follow-ups and asked questions. Runs in the
 * background because choosing the contact needs the settings, the public-suffix data and the freemail
 * list, none of which belong in the page.
 */
import { accountKeyForEmail, displayAccountKey } from '../contact/account-key';
import { chooseContact, type ChosenParticipant } from '../contact/choose-contact';
import { normalizeEmail } from '../contact/email';
import { getAccount, listAccountContacts } from '../db/accounts';
import { listAccountFollowUps } from '../db/follow-ups';
import { listNotes, PANEL_NOTES_LIMIT } from '../db/notes';
import { listQuestionsAsked } from '../db/question-log';
import type { PanelState, PersonView } from '../messaging/protocol';
import { pickedContact } from './contact-picks';
import { database } from './database';
import { tabPage } from './page-registry';
import { readSettings } from './settings';

const EMPTY: Omit<PanelState, 'tabId'> = {
  page: null,
  contact: null,
  contactPicked: false,
  others: [],
  account: null,
  notes: [],
  moreNotes: false,
  followUps: [],
  askedQuestionIds: [],
};

function personView(person: { email: string; name?: string; accountKey: string }): PersonView {
  return person.name
    ? { email: person.email, name: person.name, accountKey: person.accountKey }
    : { email: person.email, accountKey: person.accountKey };
}

export async function panelStateForTab(tabId: number | null): Promise<PanelState> {
  if (tabId === null) return { tabId, ...EMPTY, reason: 'no tab' };
  const page = await tabPage(tabId);
  if (!page) return { tabId, ...EMPTY, reason: 'this page is not one Dealside reads' };

  const settings = await readSettings();
  const aliases = { aliases: settings.accountAliases };
  const choice = chooseContact(
    page.context,
    { emails: settings.ownEmails, domains: settings.ownDomains },
    aliases,
  );
  const pageView = {
    site: page.context.site,
    kind: page.context.kind,
    url: page.url,
    ...(page.context.title ? { title: page.context.title } : {}),
  };
  const detected: ChosenParticipant[] = [...(choice.contact ? [choice.contact] : []), ...choice.runnersUp];

  let contact: PersonView | null = choice.contact ? personView(choice.contact) : null;
  const picked = await pickedContact(page.url);
  const pickedEmail = picked ? normalizeEmail(picked) : null;
  const pickedKey = pickedEmail ? accountKeyForEmail(pickedEmail, aliases) : null;
  if (pickedEmail && pickedKey) {
    const onPage = detected.find((person) => person.email === pickedEmail);
    contact = personView({ email: pickedEmail, name: onPage?.name, accountKey: pickedKey });
  }
  const others = detected.filter((person) => person.email !== contact?.email).map(personView);
  if (!contact) {
    return {
      tabId,
      ...EMPTY,
      page: pageView,
      others,
      reason: choice.reason ?? page.context.reason ?? 'no contact',
    };
  }

  const db = await database();
  const accountKey = contact.accountKey;
  // One note past the limit says whether there are older ones, without counting them (counting a long
  // history costs more than reading the 500 shown).
  const [record, people, newest, followUps, asked] = await Promise.all([
    getAccount(db, accountKey),
    listAccountContacts(db, accountKey),
    listNotes(db, accountKey, PANEL_NOTES_LIMIT + 1),
    listAccountFollowUps(db, accountKey),
    listQuestionsAsked(db, accountKey),
  ]);
  return {
    tabId,
    page: pageView,
    contact,
    contactPicked: Boolean(pickedEmail && pickedKey),
    others,
    account: { key: accountKey, displayKey: displayAccountKey(accountKey), record: record ?? null, people },
    notes: newest.slice(0, PANEL_NOTES_LIMIT),
    moreNotes: newest.length > PANEL_NOTES_LIMIT,
    followUps,
    askedQuestionIds: asked.map((entry) => entry.questionId),
  };
}
