/**
 * What makes two page reports one touch: the same thread or record on the same local day. A thread is
 * named by the part of its address that identifies it, per site family:
 *
 * - Gmail: the thread id, the fragment's last segment, within the mailbox's path. The folder or label
 *   before it does not count: `/mail/u/0/#inbox/FMfcg…` and `/mail/u/0/#all/FMfcg…` are one thread.
 * - Outlook on the web: the item id after `/id/` (`/mail/inbox/id/AAQk…`, `/mail/archive/id/AAQk…`).
 * - Every other site: the whole address. Two addresses of one record then count as two touches that day,
 *   never two records as one.
 */
import { PAGE_TEXT_MAX_LENGTH, TOUCH_KEY_MAX_LENGTH } from '../limits';

/** The thread or record a page shows, as a string that is the same for every address of it. */
export function threadIdentity(site: string, pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return `${site} ${pageUrl}`;
  }
  if (site === 'gmail') {
    // `#inbox/FMfcg…?compose=new`: the segment after the last slash, before any query of the fragment.
    const fragmentPath = url.hash.slice(1).split('?')[0] ?? '';
    const threadId = fragmentPath.split('/').filter(Boolean).at(-1);
    if (threadId) return `gmail ${url.origin}${url.pathname} ${threadId}`;
  }
  if (site === 'outlook') {
    const itemId = /\/id\/([^/?#]+)/.exec(url.pathname)?.[1];
    if (itemId) return `outlook ${url.origin} ${itemId}`;
  }
  return `${site} ${url.href}`;
}

/** The local calendar day of `at`, `2026-03-09`. */
export function localDay(at: number): string {
  const date = new Date(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** One value per thread or record per local day: the unique key of the touches store. */
export function visitKey(site: string, pageUrl: string, at: number): string {
  const day = ` ${localDay(at)}`;
  // Parsing may lengthen an address a little (escapes): the key stays within its bound whatever it is.
  return threadIdentity(site, pageUrl).slice(0, TOUCH_KEY_MAX_LENGTH - day.length) + day;
}

/**
 * The subject or title a touch keeps: the page's own (the adapter's read), else the tab's title, with
 * runs of white space made one space, trimmed and cut to `PAGE_TEXT_MAX_LENGTH` without splitting a
 * character. Empty when neither names anything.
 */
export function touchTitle(reported: string | undefined, tabTitle: string | undefined): string {
  const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const title = clean(reported) || clean(tabTitle);
  if (title.length <= PAGE_TEXT_MAX_LENGTH) return title;
  // Cut by whole code points, counted in the UTF-16 units the bound is counted in.
  let cut = '';
  for (const character of title) {
    if (cut.length + character.length > PAGE_TEXT_MAX_LENGTH) break;
    cut += character;
  }
  return cut.trimEnd();
}
