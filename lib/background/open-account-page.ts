/**
 * "Open" on a pipeline card or row: go back to a tab already showing the account, else to the page where
 * one of its people was seen last.
 */
import { browser } from 'wxt/browser';
import { contactRecordSchema } from '../db/records';
import { validRows } from '../db/validate';
import type { OpenAccountPageResult } from '../messaging/protocol';
import { database } from './db-connection';
import { focusTab } from './open-follow-up';
import { isWebUrl } from './page-url';
import { tabContacts } from './tab-contacts';

const emailOf = (row: unknown) => (row as { email?: unknown }).email;

export async function openAccountPage(accountKey: string, windowId?: number): Promise<OpenAccountPageResult> {
  // Tabs come most recent first; one closed since it reported is skipped for the next.
  for (const tab of await tabContacts()) {
    if (tab.accountKey === accountKey && (await focusTab(tab.tabId)))
      return { opened: 'tab', tabId: tab.tabId };
  }
  const db = await database();
  const people = validRows(
    contactRecordSchema,
    'contacts',
    await db.getAllFromIndex('contacts', 'by-account', accountKey),
    emailOf,
  );
  const lastSeen = people
    .filter((person) => isWebUrl(person.lastSeenUrl))
    .sort((a, b) => (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0))[0];
  if (!lastSeen?.lastSeenUrl) return { opened: 'nothing', reason: 'no-page' };
  const tab = await browser.tabs.create({
    url: lastSeen.lastSeenUrl,
    active: true,
    ...(windowId === undefined ? {} : { windowId }),
  });
  return { opened: 'last-seen-page', ...(tab.id === undefined ? {} : { tabId: tab.id }) };
}
