/**
 * "Open" on a follow-up, from the popup or a reminder: go back to a tab already showing its contact,
 * else to the page where the contact was last seen, else a new mail to them.
 */
import { browser } from 'wxt/browser';
import { contactRecordSchema, followUpRecordSchema } from '../db/records';
import { validRow } from '../db/validate';
import type { OpenFollowUpResult } from '../messaging/protocol';
import { database } from './db-connection';
import { forgetTab } from './page-registry';
import { isWebUrl } from './page-url';
import { tabContacts, tabFor } from './tab-contacts';

/** Brings a tab and its window to the front; false when the tab is gone (closed since it reported). */
export async function focusTab(tabId: number): Promise<boolean> {
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return true;
  } catch {
    await forgetTab(tabId);
    return false;
  }
}

export async function openFollowUp(id: string, windowId?: number): Promise<OpenFollowUpResult> {
  const db = await database();
  const followUp = validRow(followUpRecordSchema, 'followUps', await db.get('followUps', id), id);
  if (!followUp) return { opened: 'nothing', reason: 'missing' };

  for (const tabId of candidateTabs(followUp, await tabContacts())) {
    if (await focusTab(tabId)) return { opened: 'tab', tabId };
  }
  if (!followUp.contactEmail) return { opened: 'nothing', reason: 'no-contact' };

  const contact = validRow(
    contactRecordSchema,
    'contacts',
    await db.get('contacts', followUp.contactEmail),
    followUp.contactEmail,
  );
  const where = windowId === undefined ? {} : { windowId };
  if (isWebUrl(contact?.lastSeenUrl)) {
    const tab = await browser.tabs.create({ url: contact.lastSeenUrl, active: true, ...where });
    return { opened: 'last-seen-page', ...(tab.id === undefined ? {} : { tabId: tab.id }) };
  }
  // The browser hands a mailto: tab to the rep's mail program (or webmail registered for it).
  const tab = await browser.tabs.create({
    url: `mailto:${encodeURIComponent(followUp.contactEmail).replace(/%40/g, '@')}`,
    active: true,
    ...where,
  });
  return { opened: 'new-mail', ...(tab.id === undefined ? {} : { tabId: tab.id }) };
}

/** Every tab showing the follow-up's person, best first: a stale one is skipped for the next. */
function candidateTabs(
  followUp: { accountKey: string; contactEmail?: string },
  tabs: Awaited<ReturnType<typeof tabContacts>>,
): number[] {
  const candidates: number[] = [];
  let remaining = [...tabs];
  for (;;) {
    const tabId = tabFor(remaining, followUp);
    if (tabId === undefined) return candidates;
    candidates.push(tabId);
    remaining = remaining.filter((tab) => tab.tabId !== tabId);
  }
}
