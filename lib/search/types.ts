/** The notes search as the options page gets it back (the request is the `searchNotes` message). */
import type { Snippet } from './snippet';

/** Longest query accepted; longer text is not a search. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
/** Results per page. */
export const SEARCH_PAGE_SIZE = 50;
export const SEARCH_PAGE_MAX = 100;

export interface NotesSearchHit {
  noteId: string;
  kind: 'note' | 'call';
  accountKey: string;
  /** The account as people read it: its display name, else the Unicode domain. */
  accountLabel: string;
  contactEmail?: string;
  contactName?: string;
  /** The web page where the note's contact (or the account's latest contact) was last seen. */
  openUrl?: string;
  /** Who a new mail goes to when there is no page to open. */
  mailTo?: string;
  createdAt: number;
  updatedAt: number;
  snippet: Snippet;
}

export interface NotesSearchResult {
  query: string;
  /** Every note that matches, newest first, from `offset` on, at most `limit`. */
  hits: NotesSearchHit[];
  /** How many notes match in all. */
  total: number;
  offset: number;
}
