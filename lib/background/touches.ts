/**
 * Touches, recorded from page reports: each time the rep opens a thread or record whose account Dealside
 * tracks (it has an account row: the rep wrote something about it), one row for that thread or record
 * that day, with its subject or title and the page to return to. The first opening of the day is the one
 * kept; opening it again that day changes nothing. Pages of accounts the rep never wrote about are not
 * recorded, as with everything a page merely shows.
 *
 * Single-page apps report a page again on every change, so a visit already recorded is remembered for
 * the service worker's life and skipped without touching the database.
 */
import { getAccount } from '../db/accounts';
import type { TouchRecord } from '../db/records';
import { addTouchOnce } from '../db/touches';
import { touchTitle, visitKey } from '../touches/visit-key';
import { broadcastDataChanged } from './broadcast';
import { database } from './db-connection';
import type { TabPage } from './page-registry';
import { pageSubject } from './page-subject';
import { returnUrl } from './page-url';
import { readSettings } from './settings-store';

/** Visits remembered as recorded; past this many the memory starts again (it only saves a read). */
const REMEMBERED_VISITS_MAX = 2_000;
const recordedVisits = new Set<string>();

function rememberRecorded(key: string): void {
  if (recordedVisits.size >= REMEMBERED_VISITS_MAX) recordedVisits.clear();
  recordedVisits.add(key);
}

/** Forgets which visits are recorded: after touches are deleted, the next opening records anew. */
export function forgetRecordedVisits(): void {
  recordedVisits.clear();
}

/**
 * Records a touch for the page a tab reported, when it is a thread or record of a tracked account and
 * the rep has not turned touches off. `tabTitle` (the browser's title for the tab) stands in for a
 * subject the page's reader did not find. Answers the touch added, or null when none was.
 */
export async function recordTouchForPage(
  page: TabPage,
  tabTitle: string | undefined,
  now = Date.now(),
): Promise<TouchRecord | null> {
  const { context } = page;
  if (context.kind !== 'thread' && context.kind !== 'record') return null;
  const settings = await readSettings();
  if (!settings.recordTouches) return null;
  const key = visitKey(context.site, page.url, now);
  if (recordedVisits.has(key)) return null;

  const db = await database();
  const subject = await pageSubject(page, settings, db);
  if (subject.accountKey === null || !(await getAccount(db, subject.accountKey))) return null;
  const url = returnUrl(page.url);
  const touch: TouchRecord = {
    id: crypto.randomUUID(),
    accountKey: subject.accountKey,
    ...(subject.contact ? { contactEmail: subject.contact.email } : {}),
    at: now,
    site: context.site,
    title: touchTitle(context.title, tabTitle),
    ...(url ? { url } : {}),
    visitKey: key,
  };
  const outcome = await addTouchOnce(db, touch);
  rememberRecorded(key);
  if (outcome === 'already-recorded') return null;
  broadcastDataChanged({ accountKeys: [touch.accountKey] });
  return touch;
}
