/**
 * The popup's stored lists (lib/background/popup-lists-store.ts, lib/storage/popup-lists.ts): stored with
 * every answer, removed in the moment a change could make them wrong, worked out again a moment later,
 * never stored from a read a change overtook, and shown only while the clock keeps them true.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { currentPopupFollowUps, popupHandlers } from '../../../lib/background/handlers/popup';
import { recordTabPage, resetPageRegistryMemory } from '../../../lib/background/page-registry';
import {
  keepPopupListsCurrent,
  popupListsChanged,
  popupListsGeneration,
  popupListsValidUntil,
  POPUP_LISTS_REFRESH_DELAY_MS,
  resetPopupListsMemory,
  storePopupLists,
} from '../../../lib/background/popup-lists-store';
import { updateAccount } from '../../../lib/db/accounts';
import { addFollowUp } from '../../../lib/db/follow-ups';
import { saveNoteEdit } from '../../../lib/db/notes';
import type { PopupFollowUps } from '../../../lib/messaging/protocol';
import {
  isStoredPopupLists,
  popupListsItem,
  popupListsShownAt,
  type StoredPopupLists,
} from '../../../lib/storage/popup-lists';
import { local, useTimeZone } from '../reminders/time-zone';
import { eventually } from '../support/eventually';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

useTimeZone('Asia/Shanghai');

const NORTHWIND = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
const STORES = ['accounts', 'contacts', 'notes', 'followUps'] as const;
const HOUR = 60 * 60_000;
let ids = 0;

async function seed(title: string, due: number) {
  return addFollowUp(
    await database(),
    { accountKey: NORTHWIND, title, due, person: { email: JANE, accountKey: NORTHWIND } },
    Date.now(),
    `f-${++ids}`,
  );
}

const stored = () => popupListsItem.get();
const titles = (lists: PopupFollowUps | undefined) =>
  lists && [...lists.overdue.rows, ...lists.today.rows].map((row) => row.title);

let stop: (() => void) | undefined;

beforeEach(async () => {
  resetPageRegistryMemory();
  resetPopupListsMemory();
  const db = await database();
  for (const store of STORES) await db.clear(store);
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('the popup’s stored lists', () => {
  it('stores every answer, valid until the first of today’s follow-ups falls due', async () => {
    await seed('Call back', Date.now() - HOUR);
    const dueSoon = Date.now() + HOUR;
    await seed('Send the quote', dueSoon);
    const answer = await popupHandlers.getPopupFollowUps();
    await eventually(stored, (value) => value !== null);
    const kept = (await stored())!;
    expect(kept.lists).toEqual(answer);
    // Midnight comes later than an hour ahead only before 23:00; either way the earlier of the two.
    expect(kept.validUntil).toBe(Math.min(dueSoon, popupListsValidUntil(answer)));
    expect(kept.validUntil).toBeLessThanOrEqual(dueSoon);
  });

  it('removes them at once when a follow-up is written, and stores the new lists a moment later', async () => {
    await seed('Call back', Date.now() - HOUR);
    stop = keepPopupListsCurrent(currentPopupFollowUps);
    await eventually(stored, (value) => value !== null);
    expect(titles((await stored())!.lists)).toEqual(['Call back']);

    const writtenAt = Date.now();
    await seed('Send the quote', Date.now() + 10 * 60_000);
    // Removed in the moment the write committed: no popup draws the lists without the new row.
    expect(await stored()).toBeNull();
    const refreshed = await eventually(stored, (value) => value !== null);
    expect(Date.now() - writtenAt).toBeGreaterThanOrEqual(POPUP_LISTS_REFRESH_DELAY_MS - 50);
    expect(titles(refreshed!.lists)).toEqual(['Call back', 'Send the quote']);
  });

  it('keeps them through writes the popup does not show (notes) and drops them when an account is renamed', async () => {
    await seed('Call back', Date.now() - HOUR);
    stop = keepPopupListsCurrent(currentPopupFollowUps);
    await eventually(stored, (value) => value !== null);
    await saveNoteEdit(
      await database(),
      { id: 'n-1', accountKey: NORTHWIND, kind: 'note', body: 'Met Jane', baseRevision: null },
      Date.now(),
      () => 'n-1',
    );
    expect(await stored()).not.toBeNull();

    await updateAccount(await database(), NORTHWIND, Date.now(), (account) => ({
      ...account,
      displayName: 'Northwind Trading',
    }));
    expect(await stored()).toBeNull();
    const refreshed = await eventually(stored, (value) => value !== null);
    expect(refreshed!.lists.overdue.rows[0]!.accountLabel).toBe('Northwind Trading');
  });

  it('drops them when what a tab shows changes, not when a tab reports the same page again later', async () => {
    await seed('Call back', Date.now() - HOUR);
    stop = keepPopupListsCurrent(currentPopupFollowUps);
    await eventually(stored, (value) => value !== null);
    const page = {
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
      reportedAt: Date.now(),
      context: {
        site: 'gmail' as const,
        kind: 'thread' as const,
        participants: [{ email: JANE, name: 'Jane Cooper', role: 'from' as const, order: 0 }],
      },
    };
    await recordTabPage(7, page);
    expect(await stored()).toBeNull();
    const refreshed = await eventually(stored, (value) => value !== null);
    expect(refreshed!.lists.overdue.rows[0]!.tabId).toBe(7);

    // Reported again a moment later, showing the same.
    await recordTabPage(7, { ...structuredClone(page), reportedAt: page.reportedAt + 1_000 });
    expect(await stored()).not.toBeNull();
  });

  it('never stores lists read before a change that came in while they were read', async () => {
    await seed('Call back', Date.now() - HOUR);
    const readIn = popupListsGeneration();
    const lists = await currentPopupFollowUps();
    popupListsChanged();
    await storePopupLists(lists, readIn);
    expect(await stored()).toBeNull();

    await storePopupLists(await currentPopupFollowUps(), popupListsGeneration());
    expect(titles((await stored())!.lists)).toEqual(['Call back']);
  });
});

describe('showing stored lists', () => {
  // Worked out in each test: the time zone is set for the test, not while the file loads.
  let NOW: number;
  let lists: PopupFollowUps;
  beforeEach(() => {
    NOW = local(2025, 6, 12, 12);
    lists = listsAt(NOW);
  });
  const listsAt = (now: number): PopupFollowUps => ({
    now,
    overdue: { rows: [], total: 0 },
    today: {
      rows: [
        {
          id: 'f-1',
          title: 'Send the quote',
          due: local(2025, 6, 12, 15),
          accountKey: NORTHWIND,
          accountLabel: 'Northwind',
          fromCadence: false,
        },
      ],
      total: 1,
    },
    week: { rows: [], total: 3 },
  });

  it('is valid until today’s first follow-up falls due, or until midnight', () => {
    expect(popupListsValidUntil(lists)).toBe(local(2025, 6, 12, 15));
    expect(popupListsValidUntil({ ...lists, today: { rows: [], total: 0 } })).toBe(local(2025, 6, 13));
  });

  it('shows them only between when they were worked out and when they expire, due times read from now', () => {
    const kept: StoredPopupLists = { lists, validUntil: local(2025, 6, 12, 15) };
    expect(popupListsShownAt(kept, NOW - 1)).toBeUndefined();
    expect(popupListsShownAt(kept, local(2025, 6, 12, 15))).toBeUndefined();
    expect(popupListsShownAt(null, NOW)).toBeUndefined();
    expect(popupListsShownAt(kept, NOW + 60_000)).toEqual({ ...lists, now: NOW + 60_000 });
  });

  it('ignores damaged lists', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const damaged = [
      { lists, validUntil: 'tomorrow' },
      { lists: { ...lists, today: { rows: [{ id: 'f-1' }], total: 1 } }, validUntil: NOW },
      { lists: { ...lists, week: { rows: [], total: -1 } }, validUntil: NOW },
      { lists: { ...lists, overdue: { rows: lists.today.rows, total: 0 } }, validUntil: NOW },
    ];
    for (const value of damaged) {
      expect(isStoredPopupLists(value)).toBe(false);
      await fakeBrowser.storage.session.set({ popupLists: value });
      expect(await stored()).toBeNull();
    }
    expect(isStoredPopupLists({ lists, validUntil: NOW })).toBe(true);
    warn.mockRestore();
  });
});
