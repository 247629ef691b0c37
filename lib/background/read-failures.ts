/**
 * Reading health: the last pages of supported sites that should have shown a customer but could not be
 * read, so the rep can report them precisely from options. Kept in this browser only; nothing here is
 * ever sent anywhere.
 *
 * What is kept is deliberately little: the site, the reason code, the page's origin and path (never its
 * query or fragment, which hold search terms, tokens and message ids in some apps), when it happened
 * first and last, and how often. The list stays small: the newest few per site, a cap over all.
 */
import { siteAdapters } from '../sites/registry';
import type { PageContext } from '../messaging/messages';
import { READ_FAILURES, type ReadProblem } from '../messaging/page-context';
import { MAX_READ_FAILURE_PATH_LENGTH, readFailuresItem } from '../storage/items';

/** How many different failures are kept per site, newest first. */
export const MAX_FAILURES_PER_SITE = 10;
/** How many are kept in all (the sites' lists together). */
export const MAX_FAILURES = 60;
/** A path longer than this is cut (and marked with `…`): enough to tell pages apart, never a whole blob. */
export const MAX_PATH_LENGTH = MAX_READ_FAILURE_PATH_LENGTH;

export interface ReadFailure {
  /** Adapter id, e.g. `outlook`. */
  site: string;
  reason: ReadProblem;
  /** Origin and path of the page, e.g. `https://outlook.office.com/mail/inbox/id/AAQk…`. */
  path: string;
  firstAt: number;
  lastAt: number;
  /** How many times this site, reason and path failed (a page read again after it changed counts again). */
  count: number;
}

let queue: Promise<unknown> = Promise.resolve();

/** One change at a time: two tabs failing together must not lose one another's entry. */
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The page's origin and path, without query, fragment or user info, cut to `MAX_PATH_LENGTH`; null for
 * anything that is not an http(s) URL.
 */
export function pagePath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const path = parsed.origin + parsed.pathname;
  return path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path;
}

/**
 * True when this report is a page of a built-in site that should have shown someone: the site's own
 * adapter claims the URL, and the reason is one of `READ_FAILURES`. Custom CRM hosts (the generic reader)
 * and ordinary empty pages (an inbox list, an empty compose) are not failures.
 */
export function isReadFailure(url: string, context: PageContext): boolean {
  if (context.reason === undefined || !READ_FAILURES.includes(context.reason)) return false;
  const adapter = siteAdapters.find((candidate) => candidate.id === context.site);
  if (!adapter) return false;
  try {
    return adapter.isSiteUrl(new URL(url));
  } catch {
    return false;
  }
}

/** Newest first, the newest `MAX_FAILURES_PER_SITE` of each site, `MAX_FAILURES` in all. */
function capped(failures: readonly ReadFailure[]): ReadFailure[] {
  const perSite = new Map<string, number>();
  const kept: ReadFailure[] = [];
  for (const failure of [...failures].sort((a, b) => b.lastAt - a.lastAt)) {
    const count = perSite.get(failure.site) ?? 0;
    if (count >= MAX_FAILURES_PER_SITE) continue;
    perSite.set(failure.site, count + 1);
    kept.push(failure);
    if (kept.length >= MAX_FAILURES) break;
  }
  return kept;
}

/** The kept failures, newest first; a damaged entry is dropped on its own, a damaged list reads as empty. */
export function listReadFailures(): Promise<ReadFailure[]> {
  return readFailuresItem.get();
}

/**
 * Records the report when it is a read failure (see `isReadFailure`); a failure already listed for the
 * same site, reason and path is counted again and moves to the top. Returns whether it was recorded.
 */
export function recordReadFailure(url: string, context: PageContext, now = Date.now()): Promise<boolean> {
  if (!isReadFailure(url, context) || context.reason === undefined) return Promise.resolve(false);
  const path = pagePath(url);
  if (path === null) return Promise.resolve(false);
  const { site, reason } = context;
  return serially(async () => {
    const failures = await listReadFailures();
    const same = failures.find(
      (failure) => failure.site === site && failure.reason === reason && failure.path === path,
    );
    const others = failures.filter((failure) => failure !== same);
    const entry: ReadFailure = same
      ? { ...same, lastAt: now, count: same.count + 1 }
      : { site, reason, path, firstAt: now, lastAt: now, count: 1 };
    await readFailuresItem.set(capped([entry, ...others]));
    return true;
  });
}

export function clearReadFailures(): Promise<void> {
  return serially(() => readFailuresItem.set([]));
}
