/**
 * What a site adapter reads off a page. Adapters are pure functions over a Document and a URL:
 * no globals, no timers, and they never throw on odd DOM — they return `kind: 'unknown'` with a reason.
 *
 * What an adapter returns is the page report of the wire contract (`PageContext`, owned by the message
 * table in lib/messaging/messages.ts). This module is imported by the content script, so it must stay
 * free of runtime dependencies.
 */

import type { PageContext } from '../messaging/messages';
import type { ReadProblem } from '../messaging/page-context';

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
   * Optional: the document the app shows its current view in, with its address, when that is not the
   * page itself: QQ Mail's classic UI loads each mail into `#mainFrame` of a frame set page (see
   * `frameView` in dom.ts). The content script then reads and watches that document instead of the top
   * page; undefined while there is none to read.
   */
  viewOf?(top: Document): { document: Document; url: string } | undefined;
  /** True for apps that list a conversation's newest message first (Outlook), for the semantic layer. */
  newestFirst?: boolean;
  /**
   * Optional: a CSS selector for the body editor of a message being written (never its To/Cc fields),
   * where the panel's templates are inserted (lib/content/compose-insert.ts).
   */
  composeBodySelector?: string;
}

/** Shorthand for the "nothing here" result. */
export function unknownPage(site: string, reason: ReadProblem): PageContext {
  return { site, kind: 'unknown', participants: [], reason };
}
