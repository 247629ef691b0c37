/**
 * Builds what a panel shows for one tab: the account the page is about and, when there is one, the
 * contact: chosen from the page's people, picked by the rep for this page, or absent (a company record
 * keyed by its website, a page the rep attached to an account by hand). Then the account's notes,
 * follow-ups, asked questions, and its newest touches and stage moves (each read bounded, through an
 * index: an account with hundreds of touches costs the panel no more than one with fifty). Runs in the background because choosing needs the settings, the
 * public-suffix data and the freemail list, none of which belong in the page.
 */
import { displayAccountKey } from '../contact/account-key';
import { getAccount, listAccountContacts } from '../db/accounts';
import { listAccountDeals } from '../db/deals';
import { listAccountFollowUps } from '../db/follow-ups';
import { listNotes, PANEL_NOTES_LIMIT } from '../db/notes';
import { listNoteConflicts } from './sync/note-conflicts';
import { listQuestionsAsked } from '../db/question-log';
import type { TouchRecord } from '../db/records';
import { listNewestStageEvents } from '../db/stage-events';
import { listAccountTouches } from '../db/touches';
import type { PanelState, TouchView } from '../messaging/protocol';
import { siteAdapters } from '../sites/registry';
import { database } from './db-connection';
import { tabPage, type TabPage } from './page-registry';
import { pageSubject, personView } from './page-subject';
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
  noteConflicts: [],
  followUps: [],
  askedQuestionIds: [],
  touches: [],
  stageEvents: [],
};

/** The site as the rep knows it; a custom site by its host. */
function siteNameOf(site: string, url: string | undefined): string {
  const adapter = siteAdapters.find((candidate) => candidate.id === site);
  if (adapter) return adapter.name;
  try {
    return (url && new URL(url).hostname) || site;
  } catch {
    return site;
  }
}

/**
 * A touch as the panel shows it. Its address becomes a link only when it is a web page's: an imported
 * row could name any scheme.
 */
function touchView(touch: TouchRecord): TouchView {
  const { url, ...rest } = touch;
  const webPage = url !== undefined && /^https?:\/\//i.test(url);
  return { ...rest, ...(webPage ? { url } : {}), siteName: siteNameOf(touch.site, url) };
}

function pageViewOf(page: TabPage): NonNullable<PanelState['page']> {
  const { context } = page;
  return {
    site: context.site,
    siteName: siteNameOf(context.site, page.url),
    kind: context.kind,
    url: page.url,
    ...(context.title ? { title: context.title } : {}),
    ...(context.reason ? { reason: context.reason } : {}),
  };
}

export async function panelStateForTab(tabId: number | null): Promise<PanelState> {
  if (tabId === null) return { tabId, ...EMPTY, reason: 'no tab' };
  const page = await tabPage(tabId);
  if (!page) return { tabId, ...EMPTY, reason: 'this page is not one Dealside reads' };

  const db = await database();
  const settings = await readSettings();
  const subject = await pageSubject(page, settings, db);
  const pageView = pageViewOf(page);
  const others = subject.detected.filter((person) => person.email !== subject.contact?.email).map(personView);
  const accountKey = subject.accountKey;
  if (accountKey === null) {
    return { tabId, ...EMPTY, page: pageView, others, reason: subject.reason ?? 'no contact' };
  }

  // One note past the limit says whether there are older ones, without counting them (counting a long
  // history costs more than reading the 500 shown).
  const [record, deals, people, newest, followUps, asked, touches, stageEvents, noteConflicts] =
    await Promise.all([
      getAccount(db, accountKey),
      listAccountDeals(db, accountKey),
      listAccountContacts(db, accountKey),
      listNotes(db, accountKey, PANEL_NOTES_LIMIT + 1),
      listAccountFollowUps(db, accountKey),
      listQuestionsAsked(db, accountKey),
      listAccountTouches(db, accountKey),
      listNewestStageEvents(db, accountKey),
      listNoteConflicts(db, accountKey),
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
    noteConflicts,
    followUps,
    askedQuestionIds: asked.map((entry) => entry.questionId),
    touches: touches.map(touchView),
    stageEvents,
  };
}
