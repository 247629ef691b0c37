/**
 * The words of the wire contract between a content script and the background: what a page can be and
 * why a page gave nobody. The page report itself (`PageContext`) is the `reportPage` request of the
 * message table (./messages.ts), checked there.
 *
 * Imported at run time by the content script, so it holds constants only: no zod, no logic.
 */

export const PAGE_KINDS = ['thread', 'compose', 'record', 'list', 'unknown'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const PARTICIPANT_ROLES = ['from', 'to', 'cc', 'record', 'self'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Which layer of reading found the people: the site's own hooks, or the semantic layer all sites share. */
export const READ_LAYERS = ['site', 'semantic'] as const;
export type ReadLayer = (typeof READ_LAYERS)[number];

/**
 * Why a page gave nobody to show, as a code the panel puts into plain words in the rep's language. Some
 * are ordinary (an inbox list, an empty compose); `READ_FAILURES` are pages of a supported site that
 * should have shown a customer but could not be read, kept locally so the rep can report them.
 */
export const READ_PROBLEMS = [
  /** The mail app shows no message and no compose (settings, calendar, an empty reading pane). */
  'no-mail-open',
  /** A message is open but no sender or recipient could be read from its header. */
  'no-message-header',
  /** A compose window with no recipients yet. */
  'no-recipients',
  /** A CRM page that is not a record Dealside reads (dashboards, reports, settings). */
  'not-a-record',
  /** A record page without an email address or a website. */
  'no-email-on-record',
  /** Custom sites: no address on the page, or several with none standing out. */
  'no-addresses',
  'several-addresses',
  /** The page's DOM broke the reader (it threw); a bug or a redesign of the site. */
  'read-failed',
] as const;
export type ReadProblem = (typeof READ_PROBLEMS)[number];

export const READ_FAILURES: readonly ReadProblem[] = [
  'no-message-header',
  'no-email-on-record',
  'read-failed',
];
