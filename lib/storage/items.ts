/**
 * Everything Dealside keeps in the extension's `storage.local` and `storage.session`, one declaration per
 * key (how a declaration reads and writes: ./define.ts). README.md's "Where your data lives" names the
 * same keys; a unit test holds the two together.
 *
 * Nothing that names a customer or steers the panel may go to `storage.local`: Firefox opens it to content
 * scripts. Such things live in the background's database (lib/db/private-items.ts).
 */
import { z } from 'zod';
import { DEFAULT_KEPT_BACKUPS, MAX_KEPT_BACKUPS } from '../data-transfer/types';
import { pageContextSchema } from '../messaging/messages';
import { frameLayoutBySiteSchema } from '../settings/schema';
import { READ_PROBLEMS } from '../messaging/page-context';
import { defineStorageItem } from './define';
import { uiLanguageItem } from './ui-language';

/**
 * Declared on its own, checked without zod, as the popup may read it before its first paint: the interface
 * language the rep chose (every page reads it before it renders).
 */
export { uiLanguageItem };

/** Per site (adapter id), whether the in-page panel is collapsed. */
export const frameLayoutsItem = defineStorageItem(
  'local',
  'frameLayoutBySite',
  frameLayoutBySiteSchema.unwrap(),
  {},
);

/** The instant up to which due follow-ups were announced; null before the first run. */
export const remindedUpToItem = defineStorageItem(
  'local',
  'remindersRemindedUpTo',
  z.number().nullable(),
  null,
);

/** Why the last reminder could not be shown, for the options page; null once one was shown. */
export const reminderFailureItem = defineStorageItem(
  'local',
  'remindersLastFailure',
  z.object({ at: z.number(), message: z.string() }).nullable(),
  null,
);

/**
 * Automatic backups: the rep's choice (how often, how many files to keep) and the bookkeeping. Each field
 * falls back on its own, so one damaged field does not turn backups off.
 */
export const backupStateSchema = z.object({
  frequency: z.enum(['off', 'daily', 'weekly']).catch('off'),
  lastBackupAt: z.number().nonnegative().nullable().catch(null),
  lastFileName: z.string().max(300).nullable().catch(null),
  lastError: z
    .object({
      at: z.number(),
      reason: z.enum(['no-permission', 'failed']),
      detail: z.string().max(500).optional(),
    })
    .nullable()
    .catch(null),
  keep: z.number().int().min(1).max(MAX_KEPT_BACKUPS).catch(DEFAULT_KEPT_BACKUPS),
  /** Download ids of the backup files saved and not yet deleted, oldest first. */
  downloadIds: z.array(z.number().int().nonnegative()).max(1000).catch([]),
});
export type BackupState = z.infer<typeof backupStateSchema>;

export const backupStateItem = defineStorageItem(
  'local',
  'backup',
  backupStateSchema,
  backupStateSchema.parse({}),
);

/** A kept path longer than this was cut (and marked with `…`). */
export const MAX_READ_FAILURE_PATH_LENGTH = 200;

const readFailureSchema = z.object({
  site: z.string().min(1).max(40),
  reason: z.enum(READ_PROBLEMS),
  path: z.string().max(MAX_READ_FAILURE_PATH_LENGTH + 1),
  firstAt: z.number().nonnegative(),
  lastAt: z.number().nonnegative(),
  count: z.number().int().positive(),
});

/** A damaged entry is dropped on its own; only a list that is no list at all is damaged as a whole. */
const readFailuresSchema = z.array(z.unknown()).transform((entries) =>
  entries.flatMap((entry) => {
    const parsed = readFailureSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  }),
);

/** Pages of supported sites that could not be read (lib/background/read-failures.ts). */
export const readFailuresItem = defineStorageItem('local', 'readFailures', readFailuresSchema, []);

const tabPageSchema = z.object({
  url: z.string(),
  context: pageContextSchema,
  reportedAt: z.number(),
});
/** A tab's page as the background keeps it: where it is, and what its content script last reported. */
export type TabPage = z.infer<typeof tabPageSchema>;

/**
 * What each tab's content script last reported, by tab id: a service worker the browser stopped between
 * two messages wakes up knowing every open tab's page (lib/background/page-registry.ts).
 */
export const tabPagesItem = defineStorageItem('session', 'tabPages', z.record(z.string(), tabPageSchema), {});

/** The frame of each tab's in-page panel: tab id → frame id (lib/background/page-registry.ts). */
export const panelFramesItem = defineStorageItem(
  'session',
  'panelFrames',
  z.record(z.string(), z.number().int().nonnegative()),
  {},
);

/** Every key Dealside keeps now (what older versions kept: ./legacy-items.ts). */
export const storageItems = [
  uiLanguageItem,
  frameLayoutsItem,
  remindedUpToItem,
  reminderFailureItem,
  backupStateItem,
  readFailuresItem,
  tabPagesItem,
  panelFramesItem,
] as const;
