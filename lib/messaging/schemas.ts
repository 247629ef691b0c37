/**
 * Runtime validation of every message payload the background receives. Content-script payloads are
 * page-derived and untrusted: every string and list is bounded so a hostile page cannot make the
 * background do unbounded work.
 */
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../db/records';
import { MAX_STAGES } from '../playbook/schema';
import {
  MAX_ACCOUNT_ALIASES,
  MAX_OWN_DOMAINS,
  MAX_OWN_EMAILS,
  parseAccountKeyInput,
  parseOwnDomain,
  parseOwnEmail,
} from '../settings/validate';
import { INSIGHTS_PERIODS } from '../insights/period';
import { SEARCH_PAGE_MAX, SEARCH_QUERY_MAX_LENGTH } from '../search/types';
import { ACCOUNT_PICKER_LIMIT, MAX_TRANSFER_CHUNKS, TRANSFER_CHUNK_CHARS } from '../data-transfer/limits';
import { DELETE_ALL_CONFIRMATIONS, MAX_KEPT_BACKUPS } from '../data-transfer/types';
import type { MessageType } from './protocol';
import { READ_PROBLEMS } from '../sites/types';

const participantSchema = z.object({
  email: z.string().min(1).max(320),
  name: z.string().max(300).optional(),
  role: z.enum(['from', 'to', 'cc', 'record', 'self']),
  order: z.number().int().min(0).max(100_000).optional(),
});

export const pageContextSchema = z.object({
  site: z.string().min(1).max(40),
  kind: z.enum(['thread', 'compose', 'record', 'list', 'unknown']),
  participants: z.array(participantSchema).max(500),
  title: z.string().max(500).optional(),
  website: z.string().max(500).optional(),
  layer: z.enum(['site', 'semantic']).optional(),
  reason: z.enum(READ_PROBLEMS).optional(),
});

const frameLayoutSchema = z.object({ collapsed: z.boolean() });

const accountKey = z.string().min(1).max(320);
/** The most notes one page of an account's older notes may ask for. */
export const OLDER_NOTES_PAGE_MAX = 200;
const email = z.string().min(3).max(320);
const instant = z.number().int().min(0).max(8.64e15);
const accountChange = { accountKey, contactEmail: email.optional() };

/** Schemas for the messages the background handles. */
export const requestSchemas = {
  // No URL is read from a report: the page's URL is the one the browser gives for the sender (see
  // contentScriptPageUrl), bounded by PAGE_URL_MAX_LENGTH where it is kept. A `url` still sent is dropped.
  reportPage: z.object({ context: pageContextSchema }),
  getPanelState: z.object({ tabId: z.number().int().nonnegative().optional() }),
  saveNote: z.object({
    id: z.string().min(1).max(100),
    accountKey: z.string().min(1).max(320),
    contactEmail: z.string().min(3).max(320).optional(),
    kind: z.enum(['note', 'call']),
    body: z.string().max(NOTE_MAX_LENGTH),
    baseRevision: z.number().int().positive().nullable(),
  }),
  listOlderNotes: z.object({
    accountKey,
    before: z.object({ createdAt: instant, id: z.string().min(1).max(100) }),
    limit: z.number().int().min(1).max(OLDER_NOTES_PAGE_MAX),
  }),
  setPanelCollapsed: frameLayoutSchema,
  getPlaybook: z.object({}),
  pickContact: z.object({
    tabId: z.number().int().nonnegative().optional(),
    email: z.string().max(400).nullable(),
  }),
  attachAccount: z.object({
    tabId: z.number().int().nonnegative().optional(),
    accountKey: accountKey.nullable(),
  }),
  setStage: z.object({ ...accountChange, stageId: z.string().min(1).max(60), locale: z.string().max(20) }),
  setIndustry: z.object({ ...accountChange, industry: z.string().min(1).max(40) }),
  setChecklistItem: z.object({
    ...accountChange,
    stageId: z.string().min(1).max(60),
    itemId: z.string().min(1).max(60),
    done: z.boolean(),
  }),
  logQuestion: z.object({
    ...accountChange,
    questionId: z.string().min(1).max(60),
    spinType: z.enum(['S', 'P', 'I', 'N']),
    asked: z.boolean(),
  }),
  addFollowUp: z.object({
    ...accountChange,
    title: z.string().trim().min(1, 'A follow-up needs a title.').max(10_000),
    due: instant,
  }),
  updateFollowUp: z.object({
    id: z.string().min(1).max(100),
    action: z.enum(['done', 'reopen', 'accept', 'dismiss', 'snooze']),
    until: instant.optional(),
  }),
  getPopupFollowUps: z.object({}),
  openFollowUp: z.object({
    id: z.string().min(1).max(100),
    windowId: z.number().int().nonnegative().optional(),
  }),
  getRemindersStatus: z.object({}),
  getInsights: z.object({ period: z.enum(INSIGHTS_PERIODS) }),
  searchNotes: z.object({
    query: z
      .string()
      .max(SEARCH_QUERY_MAX_LENGTH, `A search is at most ${SEARCH_QUERY_MAX_LENGTH} characters.`),
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(SEARCH_PAGE_MAX),
    prepare: z.boolean().optional(),
  }),
  // The playbook arrives as it is: parsePlaybook answers with every problem and where it is.
  savePlaybook: z.object({
    playbook: z
      .unknown()
      .refine((value) => (JSON.stringify(value)?.length ?? 0) <= 5_000_000, 'The playbook is too large'),
    stageMoves: z
      .array(z.object({ from: z.string().min(1).max(60), to: z.string().min(1).max(60) }))
      .max(MAX_STAGES * 4),
  }),
  getSettings: z.object({}),
  saveSettings: z.object({
    language: z.enum(['auto', 'en', 'zh-CN']).optional(),
    ownEmails: z
      .array(
        z
          .string()
          .max(320)
          .refine((value) => parseOwnEmail(value) !== null, 'Not an email address'),
      )
      .max(MAX_OWN_EMAILS)
      .optional(),
    ownDomains: z
      .array(
        z
          .string()
          .max(253)
          .refine((value) => parseOwnDomain(value).ok, 'Not a company domain'),
      )
      .max(MAX_OWN_DOMAINS)
      .optional(),
    accountAliases: z
      .record(
        z
          .string()
          .max(320)
          .refine((value) => parseAccountKeyInput(value) !== null, 'Not an account'),
        z
          .string()
          .max(320)
          .refine((value) => parseAccountKeyInput(value) !== null, 'Not an account'),
      )
      .refine((aliases) => Object.keys(aliases).length <= MAX_ACCOUNT_ALIASES, 'Too many aliases')
      .optional(),
    disabledSites: z.array(z.string().min(1).max(40)).max(50).optional(),
    remindersEnabled: z.boolean().optional(),
    quietHours: z
      .object({
        enabled: z.boolean(),
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      })
      .optional(),
  }),
  addCustomSite: z.object({ host: z.string().min(1).max(2048) }),
  removeCustomSite: z.object({ host: z.string().min(1).max(260) }),
  mergeAccounts: z.object({ from: z.string().min(1).max(320), into: z.string().min(1).max(320) }),
  prepareExport: z.object({
    kind: z.enum(['json', 'accounts-csv', 'notes-csv', 'follow-ups-csv']),
    locale: z.string().max(20),
  }),
  readExportChunk: z.object({
    exportId: z.string().min(1).max(100),
    index: z.number().int().nonnegative().max(MAX_TRANSFER_CHUNKS),
  }),
  uploadImportChunk: z.object({
    uploadId: z.string().min(1).max(100),
    index: z.number().int().nonnegative().max(MAX_TRANSFER_CHUNKS),
    count: z.number().int().positive().max(MAX_TRANSFER_CHUNKS),
    text: z.string().max(TRANSFER_CHUNK_CHARS),
  }),
  previewImport: z.object({ uploadId: z.string().min(1).max(100) }),
  applyImport: z.object({
    uploadId: z.string().min(1).max(100),
    replacePlaybook: z.boolean(),
    replaceSettings: z.boolean(),
  }),
  listDataAccounts: z.object({
    query: z.string().max(320),
    limit: z.number().int().positive().max(ACCOUNT_PICKER_LIMIT).optional(),
  }),
  accountNotesMarkdown: z.object({ accountKey: z.string().min(1).max(320), locale: z.string().max(20) }),
  deleteAccountData: z.object({ accountKey: z.string().min(1).max(320) }),
  // Only the typed confirmation word admits "delete everything": a stray message cannot wipe the data.
  deleteAllData: z.object({ confirmation: z.enum(DELETE_ALL_CONFIRMATIONS) }),
  getBackupStatus: z.object({}),
  setBackupSchedule: z.object({
    frequency: z.enum(['off', 'daily', 'weekly']),
    keep: z.number().int().min(1).max(MAX_KEPT_BACKUPS).optional(),
  }),
  runBackupNow: z.object({}),
  listReadFailures: z.object({}),
  clearReadFailures: z.object({}),
} satisfies Partial<Record<MessageType, z.ZodType>>;

/**
 * Schemas for the events extension pages receive from the background. (The content script checks its
 * one message by hand: it carries no zod.)
 */
export const eventSchemas = {
  dataChanged: z.object({ accountKeys: z.array(z.string().max(320)).max(10_000) }),
  pageChanged: z.object({ tabId: z.number().int().nonnegative() }),
  playbookChanged: z.object({}),
} satisfies Partial<Record<MessageType, z.ZodType>>;

export type HandledMessageType = keyof typeof requestSchemas;
