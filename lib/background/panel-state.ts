/**
 * Builds what a panel shows for one tab: the account the page is about and, when there is one, the
 * contact: chosen from the page's people, picked by the rep for this page, or absent (a company record
 * keyed by its website, a page the rep attached to an account by hand). Then the account's notes,
 * follow-ups and asked questions. Runs in the background because choosing needs the settings, the
 * public-suffix data and the freemail list, none of which belong in the page.
 */
import { resolveAccountAlias } from '../contact/account-aliases';
import { accountKeyForEmail, displayAccountKey, normalizeAccountKey } from '../contact/account-key';
import { chooseContact, type ChosenParticipant } from '../contact/choose-contact';
import { normalizeEmail } from '../contact/email';
import { getAccount, listAccountContacts } from '../db/accounts';
import { listAccountDeals } from '../db/deals';
import type { Db } from '../db/open';
import { listAccountFollowUps } from '../db/follow-ups';
import { listNotes, PANEL_NOTES_LIMIT } from '../db/notes';
import { listQuestionsAsked } from '../db/question-log';
import type { AccountView, PanelState, PersonView } from '../messaging/protocol';
import { siteAdapters } from '../sites/registry';
import { attachedAccount, pickedContact } from './contact-picks';
import { database } from './db-connection';
import { tabPage, type TabPage } from './page-registry';
import { readSettings } from './settings-store';

const EMPTY: Omit<PanelState, 'tabId'> = {
  page: null,
  contact: null,
  contactPicked: false,
  accountAttached: false,
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

/** The site as the rep knows it; a custom site by its host. */
function siteNameOf(page: TabPage): string {
  const adapter = siteAdapters.find((candidate) => candidate.id === page.context.site);
  if (adapter) return adapter.name;
  try {
    return new URL(page.url).hostname || page.context.site;
  } catch {
    return page.context.site;
  }
}

function pageViewOf(page: TabPage): NonNullable<PanelState['page']> {
  const { context } = page;
  return {
    site: context.site,
    siteName: siteNameOf(page),
    kind: context.kind,
    url: page.url,
    ...(context.title ? { title: context.title } : {}),
    ...(context.reason ? { reason: context.reason } : {}),
  };
}

/** Who and what the panel is about, before any account data is read. */
interface Subject {
  contact: PersonView | null;
  accountKey: string | null;
  source: AccountView['source'];
  contactPicked: boolean;
  accountAttached: boolean;
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
  const pageView = pageViewOf(page);
  const detected: ChosenParticipant[] = [...(choice.contact ? [choice.contact] : []), ...choice.runnersUp];
  const db = await database();

  // The rep's choice for this page comes first: a picked person, else an attached account; then what
  // the page itself says.
  let subject: Subject = {
    contact: choice.contact ? personView(choice.contact) : null,
    accountKey: choice.account?.key ?? null,
    source: choice.account?.source ?? 'contact',
    contactPicked: false,
    accountAttached: false,
  };
  const picked = await pickedContact(page.url);
  const pickedEmail = picked ? normalizeEmail(picked) : null;
  const pickedKey = pickedEmail ? accountKeyForEmail(pickedEmail, aliases) : null;
  const attachedKey = pickedKey ? null : await existingAttachedAccount(db, page.url, settings.accountAliases);
  if (pickedEmail && pickedKey) {
    const onPage = detected.find((person) => person.email === pickedEmail);
    subject = {
      contact: personView({ email: pickedEmail, name: onPage?.name, accountKey: pickedKey }),
      accountKey: pickedKey,
      source: 'contact',
      contactPicked: true,
      accountAttached: false,
    };
  } else if (attachedKey) {
    // The detected person stays only if they belong to the account the rep chose.
    const contact = subject.contact?.accountKey === attachedKey ? subject.contact : null;
    subject = {
      contact,
      accountKey: attachedKey,
      source: 'attached',
      contactPicked: false,
      accountAttached: true,
    };
  }

  const others = detected.filter((person) => person.email !== subject.contact?.email).map(personView);
  const accountKey = subject.accountKey;
  if (accountKey === null) {
    return {
      tabId,
      ...EMPTY,
      page: pageView,
      others,
      reason: choice.reason ?? page.context.reason ?? 'no contact',
    };
  }

  // One note past the limit says whether there are older ones, without counting them (counting a long
  // history costs more than reading the 500 shown).
  const [record, deals, people, newest, followUps, asked] = await Promise.all([
    getAccount(db, accountKey),
    listAccountDeals(db, accountKey),
    listAccountContacts(db, accountKey),
    listNotes(db, accountKey, PANEL_NOTES_LIMIT + 1),
    listAccountFollowUps(db, accountKey),
    listQuestionsAsked(db, accountKey),
  ]);
  const senderName =
    settings.senderName.trim() ||
    page.context.participants.find((person) => person.role === 'self' && person.name)?.name;
  return {
    tabId,
    page: pageView,
    ...(senderName ? { senderName } : {}),
    contact: subject.contact,
    contactPicked: subject.contactPicked,
    accountAttached: subject.accountAttached,
    others,
    account: {
      key: accountKey,
      displayKey: displayAccountKey(accountKey),
      source: subject.source,
      record: record ?? null,
      deals,
      people,
    },
    notes: newest.slice(0, PANEL_NOTES_LIMIT),
    moreNotes: newest.length > PANEL_NOTES_LIMIT,
    followUps,
    askedQuestionIds: asked.map((entry) => entry.questionId),
  };
}

/**
 * The account the rep attached this page to, following merges. An attachment to an account deleted
 * since is ignored: the page falls back to automatic detection rather than show an empty account.
 */
async function existingAttachedAccount(
  db: Db,
  url: string,
  aliases: Parameters<typeof resolveAccountAlias>[1],
): Promise<string | null> {
  const attached = await attachedAccount(url);
  if (attached === undefined) return null;
  const key = resolveAccountAlias(normalizeAccountKey(attached), aliases, normalizeAccountKey);
  return (await getAccount(db, key)) ? key : null;
}
