/**
 * Every message the extension's parts exchange, in one place. Senders import only these types; the
 * receiver validates each payload with the schema of the same name in ./schemas.ts.
 *
 * Directions:
 * - content script → background: page reports (untrusted, page-derived, only about the sender's own tab)
 * - extension pages (panel, side panel, popup, options) → background: reads and writes (privileged)
 * - background → extension pages: change events, so every open surface refreshes
 * - background → content script: layout commands for the in-page panel frame
 */
import type { AccountRecord, ContactRecord, FollowUpRecord, NoteRecord } from '../db/records';
import type { MergedRows } from '../db/merge-accounts';
import type { Playbook, PlaybookError } from '../playbook/schema';
import type { CustomSiteProblem } from '../settings/custom-sites';
import type { Settings } from '../settings/schema';
import type { PageContext, PageKind, ReadProblem } from '../sites/types';
import type { InsightsReport, InsightsRequest } from '../insights/report';
import type { NotesSearchRequest, NotesSearchResult } from '../search/types';
import type {
  AccountNotesMarkdown,
  AccountNotesMarkdownRequest,
  ApplyImportRequest,
  ApplyImportResult,
  BackupStatus,
  DataAccountList,
  DeleteAccountDataRequest,
  DeleteAllDataRequest,
  DeletedAccountRows,
  DeletedRows,
  ExportChunk,
  ImportPreviewResult,
  ImportRequest,
  ListDataAccountsRequest,
  PrepareExportRequest,
  PreparedExport,
  ReadExportChunkRequest,
  SetBackupScheduleRequest,
  UploadImportChunkRequest,
  UploadImportChunkResult,
} from '../data-transfer/types';

/** The page's address is not part of it: the background takes the tab's address from the browser. */
export interface ReportPageRequest {
  context: PageContext;
}

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
  followUps: FollowUpRecord[];
  askedQuestionIds: string[];
  /** Why there is no contact, for the log and the "no contact" state. */
  reason?: string;
}

export interface ListOlderNotesRequest {
  accountKey: string;
  /** The oldest note the panel has: the page starts below it. */
  before: { createdAt: number; id: string };
  limit: number;
}

export interface GetPanelStateRequest {
  /** The side panel names the tab it follows; the in-page frame omits it (its sender tab is used). */
  tabId?: number;
}

export interface PickContactRequest {
  /** As for getPanelState. */
  tabId?: number;
  /** The address the rep picked or typed; null returns to automatic detection. */
  email: string | null;
}

export type PickContactResult = { ok: true } | { ok: false; reason: 'invalid-email' | 'no-page' };

export interface AttachAccountRequest {
  /** As for getPanelState. */
  tabId?: number;
  /** An existing account's key; null returns the page to automatic detection. */
  accountKey: string | null;
}

export type AttachAccountResult = { ok: true } | { ok: false; reason: 'unknown-account' | 'no-page' };

export interface SaveNoteRequest {
  id: string;
  accountKey: string;
  contactEmail?: string;
  kind: 'note' | 'call';
  body: string;
  /** The revision this edit started from; null for a note not saved before. */
  baseRevision: number | null;
}

export type SaveNoteResult =
  | { status: 'saved'; note: NoteRecord }
  | { status: 'deleted'; id: string }
  /** Someone else saved this note meanwhile: theirs stays, ours was kept as a new note. */
  | { status: 'conflict'; note: NoteRecord; theirs: NoteRecord };

/** Account changes from the panel; `contactEmail` records who the rep was looking at. */
interface AccountChange {
  accountKey: string;
  contactEmail?: string;
}

export interface SetStageRequest extends AccountChange {
  stageId: string;
  /** The UI language, for the titles of the follow-ups the cadence proposes. */
  locale: string;
}

export interface SetIndustryRequest extends AccountChange {
  industry: string;
}

export interface SetChecklistItemRequest extends AccountChange {
  stageId: string;
  itemId: string;
  done: boolean;
}

export interface LogQuestionRequest extends AccountChange {
  questionId: string;
  spinType: 'S' | 'P' | 'I' | 'N';
  /** False takes a mistaken "asked" back. */
  asked: boolean;
}

export interface AddFollowUpRequest extends AccountChange {
  title: string;
  /** Due instant, milliseconds since the epoch. */
  due: number;
}

export interface UpdateFollowUpRequest {
  id: string;
  action: 'done' | 'reopen' | 'accept' | 'dismiss' | 'snooze';
  /** For snooze: the new due instant. */
  until?: number;
}

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

export interface OpenFollowUpRequest {
  id: string;
  /** The window a new tab should open in (the popup's). */
  windowId?: number;
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

export interface DataChangedEvent {
  accountKeys: string[];
}

export interface PageChangedEvent {
  tabId: number;
}

/** Accounts in a stage the saved playbook no longer has move to a stage it has. */
export interface StageMove {
  from: string;
  to: string;
}

export interface SavePlaybookRequest {
  /** Validated with `parsePlaybook` on receipt; an invalid one is answered with its errors. */
  playbook: Playbook;
  stageMoves: StageMove[];
}

export type SavePlaybookResult =
  | { ok: true; movedAccounts: number }
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

/** The fields to change; the rest stay as they are. Custom sites have messages of their own. */
export type SettingsPatch = Partial<
  Pick<
    Settings,
    | 'language'
    | 'ownEmails'
    | 'ownDomains'
    | 'accountAliases'
    | 'disabledSites'
    | 'remindersEnabled'
    | 'quietHours'
  >
>;

export type AddCustomSiteResult =
  | { ok: true; view: SettingsView }
  | {
      ok: false;
      reason: CustomSiteProblem | 'permission-missing' | 'registration-failed';
      detail?: string;
    };

export interface MergeAccountsRequest {
  /** The account that goes away: its rows move and its key becomes an alias. */
  from: string;
  into: string;
}

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

export interface ProtocolMap {
  // content script → background
  reportPage(request: ReportPageRequest): FrameLayout;
  // content script (its handle) or panel frame → background
  setPanelCollapsed(request: FrameLayout): void;
  // panel / side panel → background
  getPanelState(request: GetPanelStateRequest): PanelState;
  getPlaybook(request: Record<string, never>): Playbook;
  pickContact(request: PickContactRequest): PickContactResult;
  attachAccount(request: AttachAccountRequest): AttachAccountResult;
  saveNote(request: SaveNoteRequest): SaveNoteResult;
  listOlderNotes(request: ListOlderNotesRequest): NoteRecord[];
  setStage(request: SetStageRequest): void;
  setIndustry(request: SetIndustryRequest): void;
  setChecklistItem(request: SetChecklistItemRequest): void;
  logQuestion(request: LogQuestionRequest): void;
  addFollowUp(request: AddFollowUpRequest): FollowUpRecord;
  updateFollowUp(request: UpdateFollowUpRequest): void;
  // popup (and options) → background
  getPopupFollowUps(request: Record<string, never>): PopupFollowUps;
  openFollowUp(request: OpenFollowUpRequest): OpenFollowUpResult;
  getRemindersStatus(request: Record<string, never>): RemindersStatus;
  // options → background: insights and notes search
  getInsights(request: InsightsRequest): InsightsReport;
  searchNotes(request: NotesSearchRequest): NotesSearchResult;
  // options → background: the playbook editor and settings
  savePlaybook(request: SavePlaybookRequest): SavePlaybookResult;
  getSettings(request: Record<string, never>): SettingsView;
  saveSettings(request: SettingsPatch): SettingsView;
  addCustomSite(request: { host: string }): AddCustomSiteResult;
  removeCustomSite(request: { host: string }): SettingsView;
  mergeAccounts(request: MergeAccountsRequest): MergeAccountsResult;
  // options → background: the rep's data in and out (export, import, delete, backups)
  prepareExport(request: PrepareExportRequest): PreparedExport;
  readExportChunk(request: ReadExportChunkRequest): ExportChunk;
  uploadImportChunk(request: UploadImportChunkRequest): UploadImportChunkResult;
  previewImport(request: ImportRequest): ImportPreviewResult;
  applyImport(request: ApplyImportRequest): ApplyImportResult;
  listDataAccounts(request: ListDataAccountsRequest): DataAccountList;
  accountNotesMarkdown(request: AccountNotesMarkdownRequest): AccountNotesMarkdown;
  deleteAccountData(request: DeleteAccountDataRequest): DeletedAccountRows;
  deleteAllData(request: DeleteAllDataRequest): DeletedRows;
  getBackupStatus(request: Record<string, never>): BackupStatus;
  setBackupSchedule(request: SetBackupScheduleRequest): BackupStatus;
  runBackupNow(request: Record<string, never>): BackupStatus;
  // options → background: pages of supported sites that could not be read
  listReadFailures(request: Record<string, never>): ReadFailureView[];
  clearReadFailures(request: Record<string, never>): void;
  // background → extension pages
  dataChanged(event: DataChangedEvent): void;
  pageChanged(event: PageChangedEvent): void;
  playbookChanged(event: Record<string, never>): void;
  // background → content script
  applyFrameLayout(layout: FrameLayout): void;
}

export type MessageType = keyof ProtocolMap;
