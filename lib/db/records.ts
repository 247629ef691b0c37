/**
 * The shape of every row in the database. Rows are validated on write (a bug never reaches disk) and on
 * read (a row damaged by an old bug, an import or a hand edit is reported and skipped, never crashes a
 * surface).
 */
import { z } from 'zod';
import {
  ACCOUNT_KEY_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  EMAIL_MIN_LENGTH,
  DEAL_TITLE_MAX_LENGTH,
  DEAL_VALUE_MAX,
  FOLLOW_UP_TITLE_MAX_LENGTH,
  INDUSTRY_MAX_LENGTH,
  INSTANT_MAX,
  NAME_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  PAGE_TEXT_MAX_LENGTH,
  PAGE_URL_MAX_LENGTH,
  PLAYBOOK_ID_MAX_LENGTH,
  RECORD_ID_MAX_LENGTH,
  SITE_ID_MAX_LENGTH,
  TOUCH_KEY_MAX_LENGTH,
} from '../limits';
import { BUYING_ROLES } from '../contact/buying-roles';

// The fields rows and messages share (lib/messaging/messages.ts builds its requests from them).
/** Milliseconds since the epoch. Instants are stored as numbers so IndexedDB can index them. */
export const instantSchema = z.number().int().nonnegative().max(INSTANT_MAX);
export const recordIdSchema = z.string().min(1).max(RECORD_ID_MAX_LENGTH);
export const accountKeySchema = z.string().min(1).max(ACCOUNT_KEY_MAX_LENGTH);
export const emailSchema = z.string().min(EMAIL_MIN_LENGTH).max(EMAIL_MAX_LENGTH);
export const nameSchema = z.string().max(NAME_MAX_LENGTH);
/** A stage, checklist item, question or cadence step id of the playbook. */
export const playbookIdSchema = z.string().min(1).max(PLAYBOOK_ID_MAX_LENGTH);
export const spinTypeSchema = z.enum(['S', 'P', 'I', 'N']);
export const noteKindSchema = z.enum(['note', 'call']);
export const noteBodySchema = z.string().max(NOTE_MAX_LENGTH);
export const buyingRoleSchema = z.enum(BUYING_ROLES, {
  // The value is quoted short: it may be anything a message or a file carried.
  error: (issue) =>
    `Unknown role ${typeof issue.input === 'string' ? JSON.stringify(issue.input.slice(0, 40)) : typeof issue.input}: a role is one of ${BUYING_ROLES.join(', ')}`,
});
/** The parts a person plays in the purchase, each at most once. */
export const buyingRolesSchema = z
  .array(buyingRoleSchema)
  .max(BUYING_ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'A role is listed twice');

const instant = instantSchema;
const id = recordIdSchema;
const accountKey = accountKeySchema;
const email = emailSchema;
// Stored rows may name an empty id where the playbook had one (an older editor allowed it).
const storedPlaybookId = z.string().max(PLAYBOOK_ID_MAX_LENGTH);

/** Checklist item ids ticked, per stage id. */
export const checklistStateSchema = z.record(storedPlaybookId, z.array(storedPlaybookId).max(50));
export type ChecklistState = z.infer<typeof checklistStateSchema>;

/**
 * A company the rep works with, keyed by its email domain (or a free-mail address). Its stage and
 * checklist live on its deals since schema version 4; rows written before that still carry them until
 * the upgrade moves them (lib/db/migrations/004-deals.ts), and reading such a row drops them.
 */
export const accountRecordSchema = z.object({
  key: accountKey,
  displayName: nameSchema.optional(),
  industry: z.string().max(INDUSTRY_MAX_LENGTH).optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** How an account row stood before deals: the fields migration 004 and older imports turn into a deal. */
export const legacyAccountStageSchema = z.object({
  stageId: storedPlaybookId.optional(),
  checklist: checklistStateSchema.optional(),
});

export const DEAL_OUTCOMES = ['open', 'won', 'lost'] as const;
export const dealOutcomeSchema = z.enum(DEAL_OUTCOMES);
export type DealOutcome = z.infer<typeof dealOutcomeSchema>;
/** ISO 4217 alphabetic code (`EUR`, `CNY`). */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/);
/** A calendar day, `YYYY-MM-DD`: a close date is a day, not an instant, wherever the rep travels. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  // A real day of the calendar: 2026-02-30 is refused rather than read as 2 March.
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  });
export const dealValueSchema = z.number().finite().nonnegative().max(DEAL_VALUE_MAX);

/**
 * One opportunity with an account: what is being sold, for how much, where it stands in the playbook
 * and how it ended. An account can have several (repeat business is normal after a deal is won).
 */
/**
 * Who wrote a note, moved or added a deal, added a follow-up or asked a question, from the rep's settings
 * (their name as they sign emails, their first own address): shown beside notes and stage moves when
 * several reps share accounts through sync, and what the insights' "mine" keeps.
 */
export const authorSchema = z.object({ name: nameSchema.optional(), email: email.optional() });
export type Author = z.infer<typeof authorSchema>;

export const dealRecordSchema = z.object({
  id,
  accountKey,
  title: z.string().min(1).max(DEAL_TITLE_MAX_LENGTH),
  value: dealValueSchema.optional(),
  currency: currencySchema.optional(),
  /** The day the rep expects it to close. */
  closeDate: calendarDaySchema.optional(),
  /** Stage id from the playbook; may name a stage the playbook no longer has (shown as such). */
  stageId: storedPlaybookId.optional(),
  /** When the deal entered its current stage ("days in stage"). */
  stageEnteredAt: instant.optional(),
  checklist: checklistStateSchema.default({}),
  outcome: dealOutcomeSchema,
  /** Id of the playbook's lost reason; may name one the playbook no longer lists. */
  lostReason: storedPlaybookId.optional(),
  /** When the deal was won or lost. */
  closedAt: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
  /** Who added it: its owner in the insights' "mine". */
  author: authorSchema.optional(),
});
export type DealRecord = z.infer<typeof dealRecordSchema>;

export const contactRecordSchema = z.object({
  email,
  accountKey,
  name: nameSchema.optional(),
  /** The last supported page where this person was detected, so "open" can go back there. */
  lastSeenUrl: z.string().max(PAGE_URL_MAX_LENGTH).optional(),
  lastSeenAt: instant.optional(),
  /** The parts the rep knows this person plays in the purchase; absent when none is known yet. */
  roles: buyingRolesSchema.optional(),
  createdAt: instant,
  updatedAt: instant,
});
export type ContactRecord = z.infer<typeof contactRecordSchema>;

export const noteRecordSchema = z.object({
  id,
  accountKey,
  contactEmail: email.optional(),
  kind: noteKindSchema,
  body: noteBodySchema,
  createdAt: instant,
  updatedAt: instant,
  /** Bumped by every write; a write based on an older revision is a conflict and keeps both texts. */
  revision: z.number().int().positive(),
  /** Kept in this browser: never synced, even when sync is on. Absent means shared. */
  private: z.literal(true).optional(),
  /** Who last wrote the text. */
  author: authorSchema.optional(),
});
export type NoteRecord = z.infer<typeof noteRecordSchema>;

export const followUpRecordSchema = z.object({
  id,
  accountKey,
  contactEmail: email.optional(),
  title: z.string().min(1).max(FOLLOW_UP_TITLE_MAX_LENGTH),
  /** Due instant. */
  due: instant,
  /** `proposed`: suggested by the playbook's cadence after a stage change, waiting for the rep to accept. */
  status: z.enum(['proposed', 'open', 'done']),
  doneAt: instant.optional(),
  snoozedUntil: instant.optional(),
  source: z.enum(['manual', 'plan']),
  /** The deal it moves forward, when there is one. */
  dealId: id.optional(),
  /** For plan follow-ups: the cadence step that proposed it. */
  planStepId: storedPlaybookId.optional(),
  createdAt: instant,
  updatedAt: instant,
  /** Who added it (or moved the deal whose cadence proposed it): the insights' "mine". */
  author: authorSchema.optional(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const stageEventRecordSchema = z.object({
  id,
  accountKey,
  /** The deal that moved; absent only on events recorded before deals, for the account's only deal. */
  dealId: id.optional(),
  from: storedPlaybookId.optional(),
  to: storedPlaybookId,
  at: instant,
  /** Who moved the deal. */
  author: authorSchema.optional(),
});
export type StageEventRecord = z.infer<typeof stageEventRecordSchema>;

export const questionLogRecordSchema = z.object({
  /** `<account key>\u0000<question id>`: one row per question asked of an account. */
  id: z
    .string()
    .min(1)
    .max(ACCOUNT_KEY_MAX_LENGTH + 1 + PLAYBOOK_ID_MAX_LENGTH),
  accountKey,
  questionId: storedPlaybookId,
  spinType: spinTypeSchema,
  askedAt: instant,
  /** Who asked it. */
  author: authorSchema.optional(),
});
export type QuestionLogRecord = z.infer<typeof questionLogRecordSchema>;

/**
 * A touch: the rep opened a thread or record of an account's contact, recorded by the background from
 * the page report (lib/background/touches.ts). At most one per thread or record per local day: the
 * `visitKey` is unique in its store.
 *
 * A touch holds the subject of a mail thread or the title of a CRM record and the page's address: they
 * stay in this browser unless the rep turns sync on with their own server (lib/background/sync), which
 * carries every record. Exports the rep makes are theirs.
 */
export const touchRecordSchema = z.object({
  id,
  accountKey,
  /** The person the page was about, when it named one. */
  contactEmail: email.optional(),
  /** The first time that day the rep opened the thread or record. */
  at: instant,
  /** The site adapter's id (`gmail`, `salesforce`, `generic`). */
  site: z.string().min(1).max(SITE_ID_MAX_LENGTH),
  /** The thread's subject or the record's title, trimmed; empty when the page showed none. */
  title: z.string().max(PAGE_TEXT_MAX_LENGTH),
  /** The page to return to; absent when its address was too long to keep whole. */
  url: z.string().max(PAGE_URL_MAX_LENGTH).optional(),
  /** The thread or record and the local day (lib/touches/visit-key.ts): one touch per value. */
  visitKey: z.string().min(1).max(TOUCH_KEY_MAX_LENGTH),
});
export type TouchRecord = z.infer<typeof touchRecordSchema>;
