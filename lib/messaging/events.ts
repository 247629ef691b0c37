/**
 * The events the background sends to every open extension page; each page checks them with these schemas.
 * Apart from the message table (./messages.ts) and written with zod's small build, so that a page that
 * only listens (the popup) does not load the whole table, its schemas and what they import.
 */
import { z } from 'zod/mini';
import { ACCOUNT_KEY_MAX_LENGTH } from '../limits';

/** One open panel (a random id it makes when it loads), so it can tell its own saves from others'. */
export const panelInstanceSchema = z.string().check(z.minLength(8), z.maxLength(64));

const NO_PAYLOAD = z.object({});

export const events = {
  /** Rows of these accounts changed. */
  dataChanged: z.object({
    accountKeys: z
      .array(z.string().check(z.minLength(1), z.maxLength(ACCOUNT_KEY_MAX_LENGTH)))
      .check(z.maxLength(10_000)),
    /** Only notes changed: screens that show no notes need not reload. */
    notesOnly: z.optional(z.literal(true)),
    /** The panel that saved the change, which shows it already (from the save's answer). */
    savedBy: z.optional(panelInstanceSchema),
  }),
  /** What this tab shows changed (another page, another person picked, the tab went away). */
  pageChanged: z.object({ tabId: z.number().check(z.int(), z.nonnegative()) }),
  playbookChanged: NO_PAYLOAD,
  /** A team playbook came in, or the rep answered about one (it may not have changed their own). */
  teamPlaybookChanged: NO_PAYLOAD,
};
export type EventType = keyof typeof events;
export type EventOf<T extends EventType> = z.output<(typeof events)[T]>;
