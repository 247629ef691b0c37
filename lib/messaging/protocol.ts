/**
 * What the background answers with and what screens show: the result and view types of the message
 * table (./messages.ts). Requests are not written here: their types are derived from the table's
 * schemas, and the aliases below only name the ones screens use often.
 */
import type { NoteConflictVersion } from '../sync/bookkeeping';
import type {
  AccountRecord,
  ContactRecord,
  DealRecord,
  FollowUpRecord,
  NoteRecord,
  StageEventRecord,
  TouchRecord,
} from '../db/records';
import type { MergedRows } from '../db/merge-accounts';
import type { PlaybookError } from '../playbook/schema';
import type { CustomSiteProblem } from '../settings/custom-sites';
import type { Settings } from '../settings/schema';
import type { PageKind, ReadProblem } from './page-context';
import type { EventOf, RequestOf, ResultOf } from './messages';

export type { MessageType, ProtocolMap } from './messages';

export type SaveNoteRequest = RequestOf<'saveNote'>;
export type SaveNoteResult = ResultOf<'saveNote'>;
export type AddFollowUpRequest = RequestOf<'addFollowUp'>;
export type UpdateFollowUpRequest = RequestOf<'updateFollowUp'>;
export type EditFollowUpRequest = RequestOf<'editFollowUp'>;
export type AddDealRequest = RequestOf<'addDeal'>;
export type EditDealRequest = RequestOf<'editDeal'>;
export type CloseDealRequest = RequestOf<'closeDeal'>;
/** Accounts in a stage the saved playbook no longer has move to a stage it has. */
export type StageMove = RequestOf<'savePlaybook'>['stageMoves'][number];
/** The fields to change; the rest stay as they are. Custom sites have messages of their own. */
export type SettingsPatch = RequestOf<'saveSettings'>;
export type DeleteAllDataRequest = RequestOf<'deleteAllData'>;
export type DataChangedEvent = EventOf<'dataChanged'>;
export type PageChangedEvent = EventOf<'pageChanged'>;

export interface NoteConflictView {
  noteId: string;
  versions: NoteConflictVersion[];
}

/**
 * `gone`: already settled (on another device, or in another panel); `too-long`: a merge over the limit;
 * `changed`: the note changed since the rep looked (a keep or merge would overwrite that change).
 */
export type ResolveNoteConflictResult =
  { ok: true } | { ok: false; reason: 'gone' | 'sync-off' | 'too-long' | 'changed' };

export interface FrameLayout {
  collapsed: boolean;
  /**
   * True hides the frame and its handle (the rep switched the site off in settings). Answers to
   * `reportPage` always say; collapse commands leave it out, so they never show a hidden frame.
   */
  hidden?: boolean;
}

export interface PersonView {
  email: string;
  name?: string;
  accountKey: string;
}

export interface AccountView {
  key: string;
  /**
   * What tied the page to this account: its contact's address, a company or deal record's website, or
   * the rep attaching the page by hand.
   */
  source: 'contact' | 'website' | 'attached';
  /** The key as people read it (Unicode domain). */
  displayKey: string;
  /** Null until the rep first writes something for this account. */
  record: AccountRecord | null;
  /** The account's deals: open ones first (most recently worked on first), then closed ones. */
  deals: DealRecord[];
  /** People seen for this account, most recent first. */
  people: ContactRecord[];
}

export interface PanelState {
  /** The tab the panel is about; null when the side panel has no tab to follow. */
  tabId: number | null;
  page: {
    site: string;
    /** The site as the rep knows it (`Outlook`), or the page's host on a custom site. */
    siteName: string;
    kind: PageKind;
    title?: string;
    url: string;
    /** Why the page's reader found nobody, when it says. */
    reason?: ReadProblem;
  } | null;
  /** Null on a page with no person for the account (a company record, a page attached by hand). */
  contact: PersonView | null;
  /** True when the rep picked this contact by hand for this page. */
  contactPicked: boolean;
  /** True when the rep attached this page to its account by hand. */
  accountAttached: boolean;
  /** Other people on the page the rep can switch to. */
  others: PersonView[];
  account: AccountView | null;
  /** The account's newest notes, at most 500. */
  notes: NoteRecord[];
  /** True when the account has notes older than these (read with `listOlderNotes`). */
  moreNotes: boolean;
  /**
   * Notes of this account edited on two devices at once (sync): each note's losing versions, for the
   * rep to keep, merge or discard. Empty without sync.
   */
  noteConflicts: NoteConflictView[];
  followUps: FollowUpRecord[];
  askedQuestionIds: string[];
  /**
   * The rep's name for `{senderName}` in email templates: the name in settings, else the name the page
   * shows for the signed-in user; absent when neither has one.
   */
  senderName?: string;
  /** The account's newest touches, newest first, at most 50: the first is its "last touch". */
  touches: TouchView[];
  /** The account's newest stage moves, newest first, at most 50. */
  stageEvents: StageEventRecord[];
  /** Why there is no contact, for the log and the "no contact" state. */
  reason?: string;
}

/**
 * What the content script answers when asked to put text into the message being written: put at the
 * caret (or at the start of the only message being written), no message being written on the page, or
 * several messages open and none with a caret to say which.
 */
export type ComposeInsertOutcome = 'inserted' | 'no-compose' | 'no-caret';

export type ComposeInsertResult =
  | { ok: true }
  /** `unreachable`: the tab's content script did not answer (the page is reloading, or not one we read). */
  | { ok: false; reason: Exclude<ComposeInsertOutcome, 'inserted'> | 'no-page' | 'unreachable' };
/** A touch as the panel shows it: with its site as the rep knows it (`Gmail`, or a custom site's host). */
export type TouchView = TouchRecord & { siteName: string };

/** How many touches there are (`countTouches`), or were (`deleteAllTouches`). */
export interface TouchCount {
  count: number;
}

export type PickContactResult = { ok: true } | { ok: false; reason: 'invalid-email' | 'no-page' };

export type AttachAccountResult = { ok: true } | { ok: false; reason: 'unknown-account' | 'no-page' };

/** One follow-up as the popup lists it. */
export interface PopupFollowUp {
  id: string;
  title: string;
  /** Due instant, milliseconds since the epoch. */
  due: number;
  accountKey: string;
  /** The account as people read it: its display name, else the Unicode domain. */
  accountLabel: string;
  contactEmail?: string;
  contactName?: string;
  /** Proposed by the playbook's stage cadence rather than written by the rep. */
  fromCadence: boolean;
  /** A tab already showing this contact (or account), for opening the side panel on it. */
  tabId?: number;
}

export interface PopupSection {
  /** Earliest first; at most a few hundred. */
  rows: PopupFollowUp[];
  /** How many there are in all (more than `rows` when the list was cut). */
  total: number;
}

export interface PopupFollowUps {
  /** The moment the sections were computed for. */
  now: number;
  overdue: PopupSection;
  today: PopupSection;
  /** The next seven calendar days after today. */
  week: PopupSection;
}

export type OpenFollowUpResult =
  /** `tab`: focused a tab already showing the contact; `last-seen-page`: opened where they were last seen. */
  | { opened: 'tab' | 'last-seen-page' | 'new-mail'; tabId?: number }
  | { opened: 'nothing'; reason: 'missing' | 'no-contact' };

export interface RemindersStatus {
  /** True when notifications will be shown as follow-ups fall due. */
  on: boolean;
  /** Why reminders are off (or, for `delivery-failed`, why the last one did not show). */
  reason?: 'turned-off' | 'notifications-denied' | 'notifications-unavailable' | 'delivery-failed';
  detail?: string;
  /** When the one reminder alarm rings next, or null when none is armed. */
  nextReminderAt: number | null;
  /** The end of quiet hours when they hold reminders back right now, else null. */
  quietUntil: number | null;
}

export type SavePlaybookResult =
  | { ok: true; movedDeals: number }
  | { ok: false; reason: 'invalid'; errors: PlaybookError[] }
  /** Stages the new playbook lacks that still hold accounts, with no stage named for them. */
  | { ok: false; reason: 'stages-need-a-home' | 'invalid-moves'; stageIds: string[] };

export interface CustomSiteView {
  host: string;
  granted: boolean;
  registered: boolean;
}

export interface SettingsView {
  settings: Settings;
  /** The built-in sites, each with its own switch. */
  sites: { id: string; name: string }[];
  customSites: CustomSiteView[];
}

export type AddCustomSiteResult =
  | { ok: true; view: SettingsView }
  | {
      ok: false;
      reason: CustomSiteProblem | 'permission-missing' | 'registration-failed';
      detail?: string;
    };

export type MergeAccountsResult =
  | { ok: true; from: string; into: string; moved: MergedRows; view: SettingsView }
  | { ok: false; reason: 'invalid-from' | 'invalid-into' | 'same-account' };

/** A page of a supported site that could not be read, as options lists it (kept locally, never sent). */
export interface ReadFailureView {
  site: string;
  /** The site as settings name it, e.g. `Outlook`. */
  siteName: string;
  reason: ReadProblem;
  /** Origin and path only: no query, no fragment. */
  path: string;
  firstAt: number;
  lastAt: number;
  count: number;
}

/** One open deal as the pipeline page shows it: on the board, in the table and through its filters. */
export interface PipelineDeal {
  id: string;
  title: string;
  value?: number;
  currency?: string;
  /** The expected close day, `YYYY-MM-DD`. */
  closeDate?: string;
  /** Absent when the deal has no stage yet; may name a stage the playbook no longer has. */
  stageId?: string;
  /** When the deal entered its stage ("days in stage"). */
  stageEnteredAt?: number;
  accountKey: string;
  /** The account as people read it: its display name, else the Unicode domain. */
  accountLabel: string;
  /** The last time the rep was in touch with the account, when known. */
  lastTouchAt?: number;
  /** The earliest open follow-up of the deal (or of its account, for follow-ups about no one deal). */
  nextFollowUp?: { title: string; due: number };
  /** True when a page where the account's people were seen can be reopened (`openAccountPage`). */
  hasPage: boolean;
}

/** One stage's open deals, counted and summed, for a board drawn from its first cards. */
export interface PipelineStageGroup {
  /** The deals' stage id as stored; `''` for deals without one. */
  stageId: string;
  count: number;
  /** Summed value per currency code ('' for values without a currency), largest first. */
  totals: { currency: string; value: number }[];
}

export interface PipelineView {
  /** The moment the view was read at: days in stage and "overdue" count from it. */
  now: number;
  /** Every open deal, in no particular order (the page sorts); or only each stage's first cards. */
  deals: PipelineDeal[];
  /**
   * Present when `deals` holds only each stage's first cards (`getPipeline({ firstPerStage })`): every
   * stage's count and totals, so the board's columns read right before the rest arrives.
   */
  groups?: PipelineStageGroup[];
}

export type OpenAccountPageResult =
  /** `tab`: focused a tab already showing the account; `last-seen-page`: opened where it was last seen. */
  { opened: 'tab' | 'last-seen-page'; tabId?: number } | { opened: 'nothing'; reason: 'no-page' };
