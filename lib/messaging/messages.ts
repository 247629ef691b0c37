/**
 * The message table: every request a part of the extension may send the background, with who may send
 * it, the schema its payload must match and the type of the answer; and every event the background
 * sends back. Request types are derived from the schemas (`RequestOf`, `PayloadOf`), so a field exists on
 * both sides of the boundary or on neither. The router (lib/background/router.ts), the note-draft port
 * and the tests' in-process messengers are all built from this table; adding a message means adding one
 * entry here and one handler in lib/background/handlers/.
 *
 * Senders:
 * - `content-script`: a content script in a tab's top frame. Untrusted (the page may have taken over its
 *   renderer): it may only describe its own tab, and every string and list it sends is bounded.
 * - `panel-frame`: the in-page panel, our own page docked in a web page's tab.
 * - `extension-page`: our pages outside web pages: side panel, popup, options.
 *
 * The content script imports this module's types only (it carries no zod at run time).
 */
import { z } from 'zod';
import {
  accountKeySchema,
  calendarDaySchema,
  currencySchema,
  dealValueSchema,
  buyingRolesSchema,
  emailSchema,
  instantSchema,
  nameSchema,
  playbookIdSchema,
  followUpRecordSchema,
  recordIdSchema,
  spinTypeSchema,
  type DealRecord,
  type ContactRecord,
  type FollowUpRecord,
  type NoteRecord,
} from '../db/records';
import { noteEditSchema, type NoteSaveOutcome } from '../db/notes';
import type { Playbook } from '../playbook/schema';
import { MAX_STAGES } from '../playbook/schema';
import { INSIGHTS_PERIODS } from '../insights/period';
import { INSIGHTS_SCOPES } from '../insights/scope';
import type { InsightsReport } from '../insights/report';
import { SEARCH_PAGE_MAX, SEARCH_QUERY_MAX_LENGTH, type NotesSearchResult } from '../search/types';
import { ACCOUNT_PICKER_LIMIT, MAX_TRANSFER_CHUNKS, TRANSFER_CHUNK_CHARS } from '../data-transfer/limits';
import {
  DELETE_ALL_CONFIRMATIONS,
  EXPORT_KINDS,
  MAX_KEPT_BACKUPS,
  type AccountNotesMarkdown,
  type ApplyImportResult,
  type BackupStatus,
  type DataAccountList,
  type DeletedAccountRows,
  type DeletedRows,
  type ExportChunk,
  type ImportPreviewResult,
  type PreparedExport,
  type UploadImportChunkResult,
} from '../data-transfer/types';
import {
  MAX_ACCOUNT_ALIASES,
  MAX_OWN_DOMAINS,
  MAX_OWN_EMAILS,
  parseAccountKeyInput,
  parseOwnDomain,
  parseOwnEmail,
} from '../settings/validate';
import { clockTimeSchema, LANGUAGES, weekendDaysSchema } from '../settings/schema';
import {
  COMPOSE_TEXT_MAX_LENGTH,
  DOMAIN_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  INDUSTRY_MAX_LENGTH,
  DEAL_TITLE_MAX_LENGTH,
  LOCALE_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PAGE_PARTICIPANTS_MAX,
  PAGE_TEXT_MAX_LENGTH,
  FOLLOW_UP_TITLE_MAX_LENGTH,
  SITE_ID_MAX_LENGTH,
  PIPELINE_FIRST_CARDS_MAX,
  SYNC_DATABASE_MAX_LENGTH,
  SYNC_PASSWORD_MAX_LENGTH,
  SYNC_REVISION_MAX_LENGTH,
  SYNC_URL_MAX_LENGTH,
  SYNC_USERNAME_MAX_LENGTH,
} from '../limits';
import type { StartSyncResult, SyncStatus, SyncTestResult } from '../sync/types';
import type { PublishPlaybookResult, TeamPlaybookView } from '../sync/team-playbook';
import { panelInstanceSchema, type EventOf, type EventType } from './events';
import { PAGE_KINDS, PARTICIPANT_ROLES, READ_LAYERS, READ_PROBLEMS } from './page-context';
import type {
  AddCustomSiteResult,
  AttachAccountResult,
  ComposeInsertOutcome,
  ComposeInsertResult,
  FrameLayout,
  MergeAccountsResult,
  OpenAccountPageResult,
  OpenFollowUpResult,
  PanelState,
  PipelineView,
  PickContactResult,
  PopupFollowUps,
  ReadFailureView,
  RemindersStatus,
  ResolveNoteConflictResult,
  SavePlaybookResult,
  SettingsView,
  TouchCount,
} from './protocol';

export const SENDER_KINDS = ['content-script', 'panel-frame', 'extension-page'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** One row of the table. `result` is never set: it carries the answer's type. */
export interface MessageSpec<Request extends z.ZodType, Result, Sender extends SenderKind> {
  readonly senders: readonly Sender[];
  readonly request: Request;
  readonly result?: Result;
}

function message<const Sender extends SenderKind, Request extends z.ZodType>(
  senders: readonly Sender[],
  request: Request,
) {
  return { returns: <Result>(): MessageSpec<Request, Result, Sender> => ({ senders, request }) };
}

/** The panel's messages: the in-page frame, or the side panel following a tab. */
const PANEL = ['panel-frame', 'extension-page'] as const;
/** Our pages outside any web page (popup, options, side panel): never the frame docked in a web page. */
const EXTENSION_PAGES = ['extension-page'] as const;

const NO_PAYLOAD = z.object({});
const locale = z.string().max(LOCALE_MAX_LENGTH);
const tabId = z.number().int().nonnegative();
const siteId = z.string().min(1).max(SITE_ID_MAX_LENGTH);
/** An address as the rep typed or a page showed it: checked and normalised by the handler. */
const typedEmail = z.string().max(EMAIL_MAX_LENGTH + 80);
const accountSetting = z
  .string()
  .max(EMAIL_MAX_LENGTH)
  .refine((value) => parseAccountKeyInput(value) !== null, 'Not an account');
const followUpTitle = z.string().trim().min(1, 'A follow-up needs a title.').max(FOLLOW_UP_TITLE_MAX_LENGTH);
/** The sync server as the rep typed it; `checkSyncServer` decides whether it is usable. */
const syncServerRequest = z.object({
  url: z.string().max(SYNC_URL_MAX_LENGTH),
  database: z.string().max(SYNC_DATABASE_MAX_LENGTH),
  username: z.string().max(SYNC_USERNAME_MAX_LENGTH),
  password: z.string().max(SYNC_PASSWORD_MAX_LENGTH),
});
const dealTitle = z.string().trim().min(1, 'A deal needs a title.').max(DEAL_TITLE_MAX_LENGTH);
/** A deal's typed fields; `null` clears one. */
const dealFields = {
  title: dealTitle.optional(),
  value: dealValueSchema.nullable().optional(),
  currency: currencySchema.nullable().optional(),
  closeDate: calendarDaySchema.nullable().optional(),
};
/** Account changes from the panel; `contactEmail` records who the rep was looking at. */
const accountChange = { accountKey: accountKeySchema, contactEmail: emailSchema.optional() };

/** What a content script reports about its page. Every string and list is bounded: the page wrote them. */
export const pageContextSchema = z.object({
  /** Adapter id, e.g. `gmail`, `outlook`, `salesforce`, `generic`. */
  site: siteId,
  kind: z.enum(PAGE_KINDS),
  participants: z
    .array(
      z.object({
        /** The address exactly as the page shows it (trimmed); normalisation happens in the background. */
        email: z.string().min(1).max(EMAIL_MAX_LENGTH),
        /** Display name as shown by the page, plain text, salutations stripped where the site adds them. */
        name: nameSchema.optional(),
        role: z.enum(PARTICIPANT_ROLES),
        /**
         * Position in the conversation, 0 = oldest message. Lets the background pick the most recent
         * external sender. Omitted for records and composes.
         */
        order: z.number().int().min(0).max(100_000).optional(),
      }),
    )
    .max(PAGE_PARTICIPANTS_MAX),
  /** Thread subject or record title, plain text. */
  title: z.string().max(PAGE_TEXT_MAX_LENGTH).optional(),
  /**
   * Company and deal records: the organisation's website or email domain as the record shows it
   * (`www.northwind-trading.com`, `https://northwind-trading.com/`). The background keys the account by
   * it when no person's address on the record does.
   */
  website: z.string().max(PAGE_TEXT_MAX_LENGTH).optional(),
  /** Which layer answered; absent when nobody was found. */
  layer: z.enum(READ_LAYERS).optional(),
  /** Why nobody (or only a list) was read. */
  reason: z.enum(READ_PROBLEMS).optional(),
});
export type PageContext = z.infer<typeof pageContextSchema>;
export type Participant = PageContext['participants'][number];

/** The most notes one page of an account's older notes may ask for. */
export const OLDER_NOTES_PAGE_MAX = 200;

export const messages = {
  // content script → background. No URL is read from a report: the page's URL is the one the browser
  // gives for the sender (see contentScriptPageUrl), bounded by PAGE_URL_MAX_LENGTH where it is kept.
  reportPage: message(['content-script'], z.object({ context: pageContextSchema })).returns<FrameLayout>(),
  // The page-side handle that opens the panel, or the panel frame's collapse button.
  setPanelCollapsed: message(
    ['content-script', 'panel-frame'],
    z.object({ collapsed: z.boolean() }),
  ).returns<void>(),

  // panel → background. `tabId` names the tab the side panel follows; the in-page frame's tab is the
  // sender's, never the payload's.
  getPanelState: message(PANEL, z.object({ tabId: tabId.optional() })).returns<PanelState>(),
  getPlaybook: message(PANEL, NO_PAYLOAD).returns<Playbook>(),
  pickContact: message(
    PANEL,
    /** The address the rep picked or typed; null returns to automatic detection. */
    z.object({ tabId: tabId.optional(), email: typedEmail.nullable() }),
  ).returns<PickContactResult>(),
  attachAccount: message(
    PANEL,
    /** An existing account's key; null returns the page to automatic detection. */
    z.object({ tabId: tabId.optional(), accountKey: accountKeySchema.nullable() }),
  ).returns<AttachAccountResult>(),
  /**
   * Puts plain text into the message the rep is writing in the tab, at its caret. Only the background
   * asks the tab's content script to (`insertComposeText`): the page itself cannot.
   */
  insertIntoCompose: message(
    PANEL,
    z.object({ tabId: tabId.optional(), text: z.string().min(1).max(COMPOSE_TEXT_MAX_LENGTH) }),
  ).returns<ComposeInsertResult>(),
  saveNote: message(
    PANEL,
    noteEditSchema.extend({
      /** The saving panel: it shows the saved note from this answer, and skips the change event's reload. */
      savedBy: z.optional(panelInstanceSchema),
    }),
  ).returns<NoteSaveOutcome>(),
  /** A note's version from another device (sync): made the note's text, added below it, or dropped. */
  resolveNoteConflict: message(
    PANEL,
    z.object({
      noteId: recordIdSchema,
      rev: z.string().min(1).max(SYNC_REVISION_MAX_LENGTH),
      action: z.enum(['keep', 'merge', 'discard']),
      /** The note's revision the rep chose against: a note changed since is not overwritten. */
      baseRevision: z.number().int().positive().optional(),
    }),
  ).returns<ResolveNoteConflictResult>(),
  listOlderNotes: message(
    PANEL,
    z.object({
      accountKey: accountKeySchema,
      /** The oldest note the panel has: the page starts below it. */
      before: z.object({ createdAt: instantSchema, id: recordIdSchema }),
      limit: z.number().int().min(1).max(OLDER_NOTES_PAGE_MAX),
    }),
  ).returns<NoteRecord[]>(),
  addDeal: message(
    PANEL,
    z.object({
      ...accountChange,
      ...dealFields,
      title: dealTitle,
      /** The stage it starts in; the playbook's first when absent. */
      stageId: playbookIdSchema.optional(),
      locale,
    }),
  ).returns<DealRecord>(),
  editDeal: message(PANEL, z.object({ id: recordIdSchema, ...dealFields })).returns<DealRecord>(),
  /** Won, lost (with a reason from the playbook's list) or, to undo a mistake, open again. */
  closeDeal: message(
    PANEL,
    z.discriminatedUnion('outcome', [
      z.object({ id: recordIdSchema, outcome: z.literal('won') }),
      z.object({ id: recordIdSchema, outcome: z.literal('lost'), lostReason: playbookIdSchema }),
      z.object({ id: recordIdSchema, outcome: z.literal('open') }),
    ]),
  ).returns<DealRecord>(),
  setStage: message(
    PANEL,
    z.object({
      ...accountChange,
      /** The deal to move; absent on an account with no open deal, which then gets its first. */
      dealId: recordIdSchema.optional(),
      stageId: playbookIdSchema,
      /** The UI language, for the titles of the follow-ups the cadence proposes. */
      locale,
    }),
  ).returns<void>(),
  setIndustry: message(
    PANEL,
    z.object({ ...accountChange, industry: z.string().min(1).max(INDUSTRY_MAX_LENGTH) }),
  ).returns<void>(),
  setChecklistItem: message(
    PANEL,
    z.object({
      ...accountChange,
      dealId: recordIdSchema.optional(),
      stageId: playbookIdSchema,
      itemId: playbookIdSchema,
      done: z.boolean(),
    }),
  ).returns<void>(),
  /** Answers with the person's row as stored, roles included. */
  setContactRoles: message(
    PANEL,
    z.object({
      accountKey: accountKeySchema,
      /** The person whose roles these are: one of the account's people. */
      email: emailSchema,
      /** Every role they hold from now on; empty when none is known. */
      roles: buyingRolesSchema,
    }),
  ).returns<ContactRecord>(),
  logQuestion: message(
    PANEL,
    z.object({
      ...accountChange,
      questionId: playbookIdSchema,
      spinType: spinTypeSchema,
      /** False takes a mistaken "asked" back. */
      asked: z.boolean(),
    }),
  ).returns<void>(),
  addFollowUp: message(
    PANEL,
    z.object({
      ...accountChange,
      /** The deal it moves forward, when the panel shows one. */
      dealId: recordIdSchema.optional(),
      title: followUpTitle,
      due: instantSchema,
    }),
  ).returns<FollowUpRecord>(),
  // From the panel and from the popup.
  updateFollowUp: message(
    PANEL,
    z.object({
      id: recordIdSchema,
      action: z.enum(['done', 'reopen', 'accept', 'dismiss', 'snooze']),
      /** For snooze: the new due instant. */
      until: instantSchema.optional(),
    }),
  ).returns<void>(),
  editFollowUp: message(
    PANEL,
    z.object({
      id: recordIdSchema,
      title: followUpTitle,
      due: instantSchema,
    }),
  ).returns<FollowUpRecord | null>(),
  /** Answers with the deleted row (null when there was none), which `restoreFollowUp` puts back. */
  deleteFollowUp: message(PANEL, z.object({ id: recordIdSchema })).returns<FollowUpRecord | null>(),
  /** The undo of a delete: the row exactly as `deleteFollowUp` answered it. */
  restoreFollowUp: message(PANEL, z.object({ followUp: followUpRecordSchema })).returns<void>(),

  // popup → background
  getPopupFollowUps: message(EXTENSION_PAGES, NO_PAYLOAD).returns<PopupFollowUps>(),
  openFollowUp: message(
    EXTENSION_PAGES,
    /** `windowId`: the window a new tab should open in (the popup's). */
    z.object({ id: recordIdSchema, windowId: z.number().int().nonnegative().optional() }),
  ).returns<OpenFollowUpResult>(),
  getRemindersStatus: message(EXTENSION_PAGES, NO_PAYLOAD).returns<RemindersStatus>(),

  // pipeline page → background. Moving a card sends the panel's `setStage`.
  /** `firstPerStage`: only each stage's first cards in board order, with every stage's count and totals. */
  getPipeline: message(
    EXTENSION_PAGES,
    z.object({ firstPerStage: z.number().int().min(1).max(PIPELINE_FIRST_CARDS_MAX).optional() }),
  ).returns<PipelineView>(),
  /** Back to the account: a tab already showing it, else the page where its people were last seen. */
  openAccountPage: message(
    EXTENSION_PAGES,
    /** `windowId`: the window a new tab should open in (the pipeline page's). */
    z.object({ accountKey: accountKeySchema, windowId: z.number().int().nonnegative().optional() }),
  ).returns<OpenAccountPageResult>(),

  // options → background: insights and notes search
  getInsights: message(
    EXTENSION_PAGES,
    /** `scope`: the rep's own work or the team's; only meaningful while sync is on (absent: `mine`). */
    z.object({ period: z.enum(INSIGHTS_PERIODS), scope: z.enum(INSIGHTS_SCOPES).optional() }),
  ).returns<InsightsReport>(),
  searchNotes: message(
    EXTENSION_PAGES,
    z.object({
      query: z
        .string()
        .max(SEARCH_QUERY_MAX_LENGTH, `A search is at most ${SEARCH_QUERY_MAX_LENGTH} characters.`),
      /** How many matches to skip: the results already shown when the rep asks for more. */
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(SEARCH_PAGE_MAX),
      /**
       * Only get ready: build the index (sent when the rep focuses the search box, so the first query
       * does not wait for it) and answer with no hits.
       */
      prepare: z.boolean().optional(),
    }),
  ).returns<NotesSearchResult>(),
  /**
   * Rebuilds the notes search index from the notes (a repair: it is otherwise kept in every note write's
   * transaction); answers how many notes it holds.
   */
  repairNotesSearch: message(EXTENSION_PAGES, NO_PAYLOAD).returns<{ notes: number }>(),

  // options → background: the playbook editor and settings
  savePlaybook: message(
    EXTENSION_PAGES,
    z.object({
      // The playbook arrives as it is: parsePlaybook answers with every problem and where it is.
      playbook: z
        .unknown()
        .refine((value) => (JSON.stringify(value)?.length ?? 0) <= 5_000_000, 'The playbook is too large'),
      /** Accounts in a stage the saved playbook no longer has move to a stage it has. */
      stageMoves: z.array(z.object({ from: playbookIdSchema, to: playbookIdSchema })).max(MAX_STAGES * 4),
    }),
  ).returns<SavePlaybookResult>(),
  /** Stored industry value → how many accounts carry it, for the editor's "remove industry" notice. */
  countAccountsByIndustry: message(EXTENSION_PAGES, NO_PAYLOAD).returns<Record<string, number>>(),
  getSettings: message(EXTENSION_PAGES, NO_PAYLOAD).returns<SettingsView>(),
  /** The fields to change; the rest stay as they are. Custom sites have messages of their own. */
  saveSettings: message(
    EXTENSION_PAGES,
    z.object({
      language: z.enum(LANGUAGES).optional(),
      ownEmails: z
        .array(
          z
            .string()
            .max(EMAIL_MAX_LENGTH)
            .refine((value) => parseOwnEmail(value) !== null, 'Not an email address'),
        )
        .max(MAX_OWN_EMAILS)
        .optional(),
      ownDomains: z
        .array(
          z
            .string()
            .max(DOMAIN_MAX_LENGTH)
            .refine((value) => parseOwnDomain(value).ok, 'Not a company domain'),
        )
        .max(MAX_OWN_DOMAINS)
        .optional(),
      accountAliases: z
        .record(accountSetting, accountSetting)
        .refine((aliases) => Object.keys(aliases).length <= MAX_ACCOUNT_ALIASES, 'Too many aliases')
        .optional(),
      disabledSites: z.array(siteId).max(50).optional(),
      remindersEnabled: z.boolean().optional(),
      quietHours: z.object({ enabled: z.boolean(), start: clockTimeSchema, end: clockTimeSchema }).optional(),
      /** The days cadences skip; null follows the browser's region. */
      weekendDays: weekendDaysSchema.nullable().optional(),
      senderName: z.string().trim().max(NAME_MAX_LENGTH).optional(),
      recordTouches: z.boolean().optional(),
    }),
  ).returns<SettingsView>(),
  // A host as the rep typed it (perhaps a whole URL): checked by the handler, which says what is wrong.
  addCustomSite: message(
    EXTENSION_PAGES,
    z.object({ host: z.string().min(1).max(2048) }),
  ).returns<AddCustomSiteResult>(),
  removeCustomSite: message(
    EXTENSION_PAGES,
    z.object({
      host: z
        .string()
        .min(1)
        .max(DOMAIN_MAX_LENGTH + 7),
    }),
  ).returns<SettingsView>(),
  mergeAccounts: message(
    EXTENSION_PAGES,
    /** `from` goes away: its rows move to `into` and its key becomes an alias. */
    z.object({ from: accountKeySchema, into: accountKeySchema }),
  ).returns<MergeAccountsResult>(),

  // options → background: the rep's data in and out (export, import, delete, backups)
  prepareExport: message(
    EXTENSION_PAGES,
    /** `locale`: the UI language; stage names in the CSV files are written in it. */
    z.object({ kind: z.enum(EXPORT_KINDS), locale }),
  ).returns<PreparedExport>(),
  readExportChunk: message(
    EXTENSION_PAGES,
    z.object({
      exportId: recordIdSchema,
      index: z.number().int().nonnegative().max(MAX_TRANSFER_CHUNKS),
    }),
  ).returns<ExportChunk>(),
  uploadImportChunk: message(
    EXTENSION_PAGES,
    z.object({
      /** Chosen by the page for one upload; a new id starts a new upload (one at a time). */
      uploadId: recordIdSchema,
      index: z.number().int().nonnegative().max(MAX_TRANSFER_CHUNKS),
      count: z.number().int().positive().max(MAX_TRANSFER_CHUNKS),
      text: z.string().max(TRANSFER_CHUNK_CHARS),
    }),
  ).returns<UploadImportChunkResult>(),
  previewImport: message(
    EXTENSION_PAGES,
    z.object({ uploadId: recordIdSchema }),
  ).returns<ImportPreviewResult>(),
  applyImport: message(
    EXTENSION_PAGES,
    z.object({
      uploadId: recordIdSchema,
      /** Replace the rep's playbook with the file's (when the file has one). */
      replacePlaybook: z.boolean(),
      /** Replace the rep's settings with the file's. */
      replaceSettings: z.boolean(),
    }),
  ).returns<ApplyImportResult>(),
  // From options, and from the panel's "attach this page to an account" search.
  listDataAccounts: message(
    PANEL,
    z.object({
      /** Matches the key, the Unicode domain and the display name; empty lists the most recent. */
      query: z.string().max(EMAIL_MAX_LENGTH),
      limit: z.number().int().positive().max(ACCOUNT_PICKER_LIMIT).optional(),
    }),
  ).returns<DataAccountList>(),
  accountNotesMarkdown: message(
    EXTENSION_PAGES,
    /** `locale`: the UI language, for the stage's name. */
    z.object({ accountKey: accountKeySchema, locale }),
  ).returns<AccountNotesMarkdown>(),
  deleteAccountData: message(
    EXTENSION_PAGES,
    z.object({ accountKey: accountKeySchema }),
  ).returns<DeletedAccountRows>(),
  // Only the typed confirmation word admits "delete everything": a stray message cannot wipe the data.
  deleteAllData: message(
    EXTENSION_PAGES,
    z.object({ confirmation: z.enum(DELETE_ALL_CONFIRMATIONS) }),
  ).returns<DeletedRows>(),
  getBackupStatus: message(EXTENSION_PAGES, NO_PAYLOAD).returns<BackupStatus>(),
  setBackupSchedule: message(
    EXTENSION_PAGES,
    z.object({
      frequency: z.enum(['off', 'daily', 'weekly']),
      /** How many automatic backup files to keep; unchanged when left out. */
      keep: z.number().int().min(1).max(MAX_KEPT_BACKUPS).optional(),
    }),
  ).returns<BackupStatus>(),
  runBackupNow: message(EXTENSION_PAGES, NO_PAYLOAD).returns<BackupStatus>(),
  // Touches name threads and records the rep opened: counted and deleted from options only.
  countTouches: message(EXTENSION_PAGES, NO_PAYLOAD).returns<TouchCount>(),
  deleteAllTouches: message(EXTENSION_PAGES, NO_PAYLOAD).returns<TouchCount>(),
  // Pages of supported sites that could not be read: they name pages the rep opened, so options only.
  listReadFailures: message(EXTENSION_PAGES, NO_PAYLOAD).returns<ReadFailureView[]>(),
  clearReadFailures: message(EXTENSION_PAGES, NO_PAYLOAD).returns<void>(),

  // Sync with the rep's CouchDB server. The host permission is requested by the page (it needs the
  // click); the password goes in with `startSync` only and never comes back out.
  getSyncStatus: message(PANEL, NO_PAYLOAD).returns<SyncStatus>(),
  testSyncConnection: message(EXTENSION_PAGES, syncServerRequest).returns<SyncTestResult>(),
  startSync: message(EXTENSION_PAGES, syncServerRequest).returns<StartSyncResult>(),
  /** Exchanges changes with the server now, whatever the wait after a failure; answers when done. */
  syncNow: message(EXTENSION_PAGES, NO_PAYLOAD).returns<SyncStatus>(),
  /** The rep's playbook published to everyone on the sync database. */
  publishPlaybook: message(EXTENSION_PAGES, NO_PAYLOAD).returns<PublishPlaybookResult>(),
  /** The team's playbook as this browser last received it, and what the rep did with it; null: none. */
  getTeamPlaybook: message(EXTENSION_PAGES, NO_PAYLOAD).returns<TeamPlaybookView | null>(),
  /**
   * The rep's answer to a waiting team playbook: `adopted` once the options page saved it as theirs
   * (through `savePlaybook`, which moves deals out of stages it lacks), `kept-own` to keep their own.
   */
  settleTeamPlaybook: message(
    EXTENSION_PAGES,
    z.object({ publishedAt: instantSchema, state: z.enum(['adopted', 'kept-own']) }),
  ).returns<TeamPlaybookView | null>(),
  /** Stops syncing; every local record stays. */
  stopSync: message(EXTENSION_PAGES, NO_PAYLOAD).returns<SyncStatus>(),
};

export type MessageType = keyof typeof messages;
type Spec<T extends MessageType> = (typeof messages)[T];
/** What a sender passes (before defaults and trimming). */
export type RequestOf<T extends MessageType> = z.input<Spec<T>['request']>;
/** What the handler receives (after the schema's checks). */
export type PayloadOf<T extends MessageType> = z.output<Spec<T>['request']>;
export type ResultOf<T extends MessageType> = Exclude<Spec<T>['result'], undefined>;
export type SendersOf<T extends MessageType> = Spec<T>['senders'][number];

/** The background's events to every open extension page (their own module: pages load it alone). */
export { events, type EventOf, type EventType } from './events';

/**
 * The commands the background sends a content script, each with the content script's reply; checked
 * there by hand (it carries no zod).
 */
export interface ContentScriptCommands {
  applyFrameLayout: { command: FrameLayout; reply: void };
  /** Plain text for the message being written, at its caret. */
  insertComposeText: { command: { text: string }; reply: ComposeInsertOutcome };
}

/** The map @webext-core/messaging types its calls with, derived from the table. */
export type ProtocolMap = { [T in MessageType]: (request: RequestOf<T>) => ResultOf<T> } & {
  [E in EventType]: (event: EventOf<E>) => void;
} & {
  [C in keyof ContentScriptCommands]: (
    command: ContentScriptCommands[C]['command'],
  ) => ContentScriptCommands[C]['reply'];
};
