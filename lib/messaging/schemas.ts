/**
 * Runtime validation of every message payload the background receives. Content-script payloads are
 * page-derived and untrusted: every string and list is bounded so a hostile page cannot make the
 * background do unbounded work.
 */
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../db/records';
import type { MessageType } from './protocol';

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
  reason: z.string().max(300).optional(),
});

const frameLayoutSchema = z.object({ collapsed: z.boolean() });

const accountKey = z.string().min(1).max(320);
const email = z.string().min(3).max(320);
const instant = z.number().int().min(0).max(8.64e15);
const accountChange = { accountKey, contactEmail: email.optional() };

/** Schemas for the messages the background handles. */
export const requestSchemas = {
  reportPage: z.object({ url: z.string().min(1).max(4096), context: pageContextSchema }),
  getPanelState: z.object({ tabId: z.number().int().nonnegative().optional() }),
  saveNote: z.object({
    id: z.string().min(1).max(100),
    accountKey: z.string().min(1).max(320),
    contactEmail: z.string().min(3).max(320).optional(),
    kind: z.enum(['note', 'call']),
    body: z.string().max(NOTE_MAX_LENGTH),
    baseRevision: z.number().int().positive().nullable(),
  }),
  setPanelCollapsed: frameLayoutSchema,
  getPlaybook: z.object({}),
  pickContact: z.object({
    tabId: z.number().int().nonnegative().optional(),
    email: z.string().max(400).nullable(),
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
