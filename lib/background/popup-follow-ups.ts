/**
 * The popup's lists: overdue, today and the next seven days, each one range read on the follow-ups'
 * `by-status-due` index, then the few rows shown joined with their account and contact.
 */
import { displayAccountKey } from '../contact/account-key';
import { countOpenFollowUpsDue, listOpenFollowUpsDue } from '../db/follow-ups';
import type { Db } from '../db/open';
import { accountRecordSchema, contactRecordSchema, type FollowUpRecord } from '../db/records';
import { validRow } from '../db/validate';
import type { PopupFollowUp, PopupFollowUps, PopupSection } from '../messaging/protocol';
import { popupWindows, type DueWindow } from '../reminders/windows';
import { tabFor, type TabContact } from './tab-contacts';

/** Rows per section: a popup is no place for more, and the count says how many were left out. */
export const POPUP_SECTION_LIMIT = 200;

async function section(db: Db, window: DueWindow): Promise<{ rows: FollowUpRecord[]; total: number }> {
  const [rows, total] = await Promise.all([
    listOpenFollowUpsDue(db, window.from, window.to, POPUP_SECTION_LIMIT),
    countOpenFollowUpsDue(db, window.from, window.to),
  ]);
  return { rows, total };
}

interface Labels {
  accounts: Map<string, string>;
  contacts: Map<string, string | undefined>;
}

/** Account display names and contact names for the rows shown, read in one transaction. */
async function labelsFor(db: Db, rows: readonly FollowUpRecord[]): Promise<Labels> {
  const accountKeys = [...new Set(rows.map((row) => row.accountKey))];
  const emails = [...new Set(rows.flatMap((row) => (row.contactEmail ? [row.contactEmail] : [])))];
  const tx = db.transaction(['accounts', 'contacts']);
  const [accounts, contacts] = await Promise.all([
    Promise.all(accountKeys.map((key) => tx.objectStore('accounts').get(key))),
    Promise.all(emails.map((email) => tx.objectStore('contacts').get(email))),
  ]);
  const labels: Labels = { accounts: new Map(), contacts: new Map() };
  accountKeys.forEach((key, index) => {
    const account = validRow(accountRecordSchema, 'accounts', accounts[index], key);
    labels.accounts.set(key, account?.displayName || displayAccountKey(key));
  });
  emails.forEach((email, index) => {
    labels.contacts.set(email, validRow(contactRecordSchema, 'contacts', contacts[index], email)?.name);
  });
  return labels;
}

function popupRow(row: FollowUpRecord, labels: Labels, tabs: readonly TabContact[]): PopupFollowUp {
  // The stored contact may have no name yet (panels record the address); an open page may show one.
  const contactName = row.contactEmail
    ? (labels.contacts.get(row.contactEmail) ??
      tabs.find((tab) => tab.email === row.contactEmail && tab.name)?.name)
    : undefined;
  const tabId = tabFor(tabs, row);
  return {
    id: row.id,
    title: row.title,
    due: row.due,
    accountKey: row.accountKey,
    accountLabel: labels.accounts.get(row.accountKey) ?? displayAccountKey(row.accountKey),
    ...(row.contactEmail ? { contactEmail: row.contactEmail } : {}),
    ...(contactName ? { contactName } : {}),
    fromCadence: row.source === 'plan',
    ...(tabId === undefined ? {} : { tabId }),
  };
}

export async function popupFollowUps(
  db: Db,
  now: number,
  tabs: readonly TabContact[] = [],
): Promise<PopupFollowUps> {
  const windows = popupWindows(now);
  const [overdue, today, week] = await Promise.all([
    section(db, windows.overdue),
    section(db, windows.today),
    section(db, windows.week),
  ]);
  const labels = await labelsFor(db, [...overdue.rows, ...today.rows, ...week.rows]);
  const view = (part: { rows: FollowUpRecord[]; total: number }): PopupSection => ({
    rows: part.rows.map((row) => popupRow(row, labels, tabs)),
    total: part.total,
  });
  return { now, overdue: view(overdue), today: view(today), week: view(week) };
}
