/**
 * What a site adapter reads off a page. Adapters are pure functions over a Document and a URL:
 * no globals, no timers, and they never throw on odd DOM — they return `kind: 'unknown'` with a reason.
 *
 * This module is imported by the content script, so it must stay free of runtime dependencies.
 */

export type PageKind = 'thread' | 'compose' | 'record' | 'list' | 'unknown';

export type ParticipantRole = 'from' | 'to' | 'cc' | 'record' | 'self';

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
  /** Why nothing (or little) was read; shown to nobody but the log and tests. */
  reason?: string;
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
}

/** Shorthand for the "nothing here" result. */
export function unknownPage(site: string, reason: string): PageContext {
  return { site, kind: 'unknown', participants: [], reason };
}
