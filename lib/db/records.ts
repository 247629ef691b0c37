/**
 * The shape of every row in the database. Rows are validated on write (a bug never reaches disk) and on
 * read (a row damaged by an old bug, an import or a hand edit is reported and skipped, never crashes a
 * surface).
 */
import { z } from 'zod';

/** Milliseconds since the epoch. Instants are stored as numbers so IndexedDB can index them. */
const instant = z.number().int().nonnegative();
const id = z.string().min(1).max(100);
const accountKey = z.string().min(1).max(320);
const email = z.string().min(3).max(320);

/**
 * The longest page URL Dealside keeps: a tab's page, and a contact's last page. Page metadata never fails
 * a write: a longer URL is cut where it only tells pages apart and dropped where it would be a link
 * (see lib/background/page-url.ts).
 */
export const PAGE_URL_MAX_LENGTH = 4096;

export const accountRecordSchema = z.object({
  key: accountKey,
  displayName: z.string().max(300).optional(),
  /** Stage id from the playbook; may name a stage the playbook no longer has (shown as such). */
  stageId: z.string().max(60).optional(),
  industry: z.string().max(40).optional(),
  /** Checklist item ids ticked, per stage id. */
  checklist: z.record(z.string().max(60), z.array(z.string().max(60)).max(50)).default({}),
  createdAt: instant,
  updatedAt: instant,
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

export const contactRecordSchema = z.object({
  email,
  accountKey,
  name: z.string().max(300).optional(),
  /** The last supported page where this person was detected, so "open" can go back there. */
  lastSeenUrl: z.string().max(PAGE_URL_MAX_LENGTH).optional(),
  lastSeenAt: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type ContactRecord = z.infer<typeof contactRecordSchema>;

export const noteKindSchema = z.enum(['note', 'call']);
export const NOTE_MAX_LENGTH = 200_000;

export const noteRecordSchema = z.object({
  id,
  accountKey,
  contactEmail: email.optional(),
  kind: noteKindSchema,
  body: z.string().max(NOTE_MAX_LENGTH),
  createdAt: instant,
  updatedAt: instant,
  /** Bumped by every write; a write based on an older revision is a conflict and keeps both texts. */
  revision: z.number().int().positive(),
});
export type NoteRecord = z.infer<typeof noteRecordSchema>;

export const followUpRecordSchema = z.object({
  id,
  accountKey,
  contactEmail: email.optional(),
  title: z.string().min(1).max(10_000),
  /** Due instant. */
  due: instant,
  /** `proposed`: suggested by the playbook's cadence after a stage change, waiting for the rep to accept. */
  status: z.enum(['proposed', 'open', 'done']),
  doneAt: instant.optional(),
  snoozedUntil: instant.optional(),
  source: z.enum(['manual', 'plan']),
  /** For plan follow-ups: the cadence step that proposed it. */
  planStepId: z.string().max(60).optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const stageEventRecordSchema = z.object({
  id,
  accountKey,
  from: z.string().max(60).optional(),
  to: z.string().max(60),
  at: instant,
});
export type StageEventRecord = z.infer<typeof stageEventRecordSchema>;

export const questionLogRecordSchema = z.object({
  /** `<account key>\u0000<question id>`: one row per question asked of an account. */
  id: z.string().min(1).max(400),
  accountKey,
  questionId: z.string().max(60),
  spinType: z.enum(['S', 'P', 'I', 'N']),
  askedAt: instant,
});
export type QuestionLogRecord = z.infer<typeof questionLogRecordSchema>;
