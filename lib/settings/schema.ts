/** The rep's settings: validated on every read, so a damaged value falls back to defaults per field. */
import { z } from 'zod';
import { NAME_MAX_LENGTH } from '../limits';

/** `HH:MM`, 24-hour local time. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

import { LANGUAGES } from './languages';

export { LANGUAGES };

/** The rep's own weekend: distinct ISO weekdays, leaving at least one working day. */
export const weekendDaysSchema = z
  .array(z.number().int().min(1).max(7))
  .max(6)
  .refine((days) => new Set(days).size === days.length, 'Each weekday once');

export const settingsSchema = z.object({
  /** The interface language: the browser's (`auto`), or one the rep chose. */
  language: z.enum(LANGUAGES).catch('auto'),
  /** The rep's own addresses: never a contact. */
  ownEmails: z.array(z.string().max(320)).max(100).catch([]),
  /** The rep's company domains: nobody at these is a contact. */
  ownDomains: z.array(z.string().max(253)).max(100).catch([]),
  /** Domain aliases and account merges: account key → the key it was merged into. */
  accountAliases: z.record(z.string().max(320), z.string().max(320)).catch({}),
  /** Supported sites (adapter ids) the rep switched off: no panel there, nothing read is kept. */
  disabledSites: z.array(z.string().max(40)).max(50).catch([]),
  /** CRM hosts the rep added (`crm.example.com` or `*.example.com`), served by the generic adapter. */
  customSites: z.array(z.string().max(260)).max(50).catch([]),
  /** Notifications when follow-ups fall due; the badge and the popup work either way. */
  remindersEnabled: z.boolean().catch(true),
  /** Local wall-clock hours when reminders wait (they arrive when the quiet hours end). */
  quietHours: z
    .object({ enabled: z.boolean(), start: clockTimeSchema, end: clockTimeSchema })
    .catch({ enabled: false, start: '20:00', end: '08:00' }),
  /**
   * The days cadences skip, as ISO weekdays (1 = Monday … 7 = Sunday); null follows the region of the
   * browser's locale. At most six: a week needs a working day.
   */
  weekendDays: weekendDaysSchema.nullable().catch(null),
  /** The rep's name as they sign emails: fills `{senderName}` in the playbook's templates. */
  senderName: z.string().max(NAME_MAX_LENGTH).catch(''),
  /**
   * Record a touch each time the rep opens a thread or record of a tracked account's contact (kept in
   * this browser only). Off: nothing is recorded; the touches already there stay until deleted.
   */
  recordTouches: z.boolean().catch(true),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Per-site state of the in-page panel frame: collapsed or open. */
export const frameLayoutBySiteSchema = z
  .record(z.string().max(40), z.object({ collapsed: z.boolean() }))
  .catch({});
export type FrameLayoutBySite = z.infer<typeof frameLayoutBySiteSchema>;
