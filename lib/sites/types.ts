/**
 * What a site adapter reads off a page. Adapters are pure functions over a Document and a URL:
 * no globals, no timers, and they never throw on odd DOM — they return `kind: 'unknown'` with a reason.
 *
 * This module is imported by the content script, so it must stay free of runtime dependencies.
 */

export type PageKind = 'thread' | 'compose' | 'record' | 'list' | 'unknown';

export type ParticipantRole = 'from' | 'to' | 'cc' | 'record' | 'self';

/**
 * Why a page gave nobody to show, as a code the panel puts into plain words in the rep's language. Some
 * are ordinary (an inbox list, an empty compose); `READ_FAILURES` are pages of a supported site that
 * should have shown a customer but could not be read, kept locally so the rep can report them.
 */
export type ReadProblem =
  /** The mail app shows no message and no compose (settings, calendar, an empty reading pane). */
  | 'no-mail-open'
  /** A message is open but no sender or recipient could be read from its header. */
  | 'no-message-header'
  /** A compose window with no recipients yet. */
  | 'no-recipients'
  /** A CRM page that is not a record Dealside reads (dashboards, reports, settings). */
  | 'not-a-record'
  /** A record page without an email address or a website. */
  | 'no-email-on-record'
  /** Custom sites: no address on the page, or several with none standing out. */
  | 'no-addresses'
  | 'several-addresses'
  /** The page's DOM broke the reader (it threw); a bug or a redesign of the site. */
  | 'read-failed';

/** Every problem code, for the background's message schema. */
export const READ_PROBLEMS = [
  'no-mail-open',
  'no-message-header',
  'no-recipients',
  'not-a-record',
  'no-email-on-record',
  'no-addresses',
  'several-addresses',
  'read-failed',
] as const satisfies readonly ReadProblem[];

export const READ_FAILURES: readonly ReadProblem[] = [
  'no-message-header',
  'no-email-on-record',
  'read-failed',
];

/** Which layer of reading found the people: the site's own hooks, or the semantic layer all sites share. */
export type ReadLayer = 'site' | 'semantic';

export interface Participant {
  /** The address exactly as the page shows it (trimmed); normalisation happens in the background. */
  email: string;
  /** Display name as shown by the page, plain text, salutations stripped where the site adds them. */
  name?: string;
  role: ParticipantRole;
  /**
   * Position in the conversation, 0 = oldest message. Lets the background pick the most recent external
   * sender. Omitted for records and composes.
   */
  order?: number;
}

export interface PageContext {
  /** Adapter id, e.g. `gmail`, `outlook`, `salesforce`, `generic`. */
  site: string;
  kind: PageKind;
  participants: Participant[];
  /** Thread subject or record title, plain text. */
  title?: string;
  /**
   * Company and deal records: the organisation's website or email domain as the record shows it
   * (`www.northwind-trading.com`, `https://northwind-trading.com/`). The background keys the account by
   * it when no person's address on the record does.
   */
  website?: string;
  /** Which layer answered; absent when nobody was found. */
  layer?: ReadLayer;
  /** Why nobody (or only a list) was read. */
  reason?: ReadProblem;
}

export interface SiteAdapter {
  /** Stable id, also used for per-site settings. */
  id: string;
  /** Human name for settings and logs. */
  name: string;
  /**
   * Match patterns for the manifest (`content_scripts.matches` and `host_permissions`). Never localhost.
   */
  matches: string[];
  /** Pure URL test: does this adapter handle this page? */
  isSiteUrl(url: URL): boolean;
  /** Reads the page. Never throws. */
  readPage(document: Document, url: URL): PageContext;
  /**
   * Optional: a CSS selector for the app's main region, so the content script watches only that part of
   * the DOM for changes. Falls back to `document.body`.
   */
  mainRegionSelector?: string;
  /**
   * Optional: a CSS selector for a same-origin frame the app shows its current view in (QQ Mail's
   * classic UI loads each mail into `#mainFrame` of a frame set page). When the frame's document can be
   * read, the content script reads and watches it, with the frame's address, instead of the top page.
   */
  viewFrameSelector?: string;
  /** True for apps that list a conversation's newest message first (Outlook), for the semantic layer. */
  newestFirst?: boolean;
}

/** Shorthand for the "nothing here" result. */
export function unknownPage(site: string, reason: ReadProblem): PageContext {
  return { site, kind: 'unknown', participants: [], reason };
}
