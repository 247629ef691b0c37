/**
 * The popup's lists kept in its address (lib/background/popup-lists-store.ts, lib/popup/lists-address.ts):
 * kept with every answer, taken out in the moment a change could make them wrong, worked out again a
 * moment later, never kept from a read a change overtook, and shown only while the clock keeps them true.
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
  FIRST_PAINT_ROWS,
  firstPaintLists,
  isPopupListsInAddress,
  popupAddressWith,
  popupListsInAddress,
  type PopupListsInAddress,
} from '../../../lib/popup/lists-address';
import { uiLanguageItem } from '../../../lib/storage/ui-language';
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

/** What the toolbar button's popup address carries now, as written; null for the bare page. */
async function stored(): Promise<PopupListsInAddress | null> {
  const address = await fakeBrowser.action.getPopup({});
  const at = address.indexOf('#lists=');
  return at < 0
    ? null
    : (JSON.parse(decodeURIComponent(address.slice(at + '#lists='.length))) as PopupListsInAddress);
}
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

describe('the popup’s kept lists', () => {
  it('keeps every answer’s first rows, valid until the first of today’s follow-ups falls due', async () => {
    await seed('Call back', Date.now() - HOUR);
    const dueSoon = Date.now() + HOUR;
    await seed('Send the quote', dueSoon);
    const answer = await popupHandlers.getPopupFollowUps();
    await eventually(stored, (value) => value !== null);
    const kept = (await stored())!;
    expect(kept.lists).toEqual(firstPaintLists(answer));
    expect(kept.language).toBe('auto');
    // Midnight comes later than an hour ahead only before 23:00; either way the earlier of the two.
    expect(kept.validUntil).toBe(Math.min(dueSoon, popupListsValidUntil(answer)));
    expect(kept.validUntil).toBeLessThanOrEqual(dueSoon);
  });

  it('takes them out at once when a follow-up is written, and keeps the new lists a moment later', async () => {
    await seed('Call back', Date.now() - HOUR);
    stop = keepPopupListsCurrent(currentPopupFollowUps);
    await eventually(stored, (value) => value !== null);
    expect(titles((await stored())!.lists)).toEqual(['Call back']);

    const writtenAt = Date.now();
    await seed('Send the quote', Date.now() + 10 * 60_000);
    // Taken out in the moment the write committed: no popup draws the lists without the new row.
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

  it('carries the language the rep chose, so the popup need not read it first', async () => {
    await seed('Call back', Date.now() - HOUR);
    await uiLanguageItem.set('zh-CN');
    await storePopupLists(await currentPopupFollowUps(), popupListsGeneration());
    expect((await stored())?.language).toBe('zh-CN');
  });

  it('never keeps lists read before a change that came in while they were read', async () => {
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

describe('lists in the popup’s address', () => {
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

  const fragment = (kept: unknown) => `#lists=${encodeURIComponent(JSON.stringify(kept))}`;
  const addressed = (kept: PopupListsInAddress) => popupAddressWith(kept).slice('popup.html'.length);

  it('shows them only between when they were worked out and when they expire, due times read from now', () => {
    const kept: PopupListsInAddress = { lists, validUntil: local(2025, 6, 12, 15), language: 'zh-CN' };
    expect(popupAddressWith(kept)).toMatch(/^popup\.html#lists=/);
    expect(popupListsInAddress(addressed(kept), NOW - 1)).toBeUndefined();
    expect(popupListsInAddress(addressed(kept), local(2025, 6, 12, 15))).toBeUndefined();
    expect(popupListsInAddress('', NOW)).toBeUndefined();
    expect(popupListsInAddress(addressed(kept), NOW + 60_000)).toEqual({
      ...kept,
      lists: { ...lists, now: NOW + 60_000 },
    });
  });

  it('carries only the rows drawn first, with whole counts, so the address stays small', () => {
    const row = lists.today.rows[0]!;
    const many = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        ...row,
        id: `${prefix}${index}`,
        title: `客户回访 ${index}`,
      }));
    const long: PopupFollowUps = {
      now: NOW,
      overdue: { rows: many('o', 4), total: 4 },
      today: { rows: many('t', 200), total: 950 },
      week: { rows: many('w', 200), total: 4_000 },
    };
    const address = popupAddressWith({ lists: long, validUntil: NOW + 60_000, language: 'auto' });
    expect(address.length).toBeLessThan(8_000);
    const shown = popupListsInAddress(address.slice('popup.html'.length), NOW)!.lists;
    expect(shown.overdue).toEqual(long.overdue);
    expect(shown.today).toEqual({ rows: long.today.rows.slice(0, FIRST_PAINT_ROWS - 4), total: 950 });
    expect(shown.week).toEqual({ rows: [], total: 4_000 });
  });

  it('reads damaged or foreign addresses as no lists', () => {
    const later = NOW + 60_000;
    const damaged = [
      { lists, validUntil: 'tomorrow', language: 'auto' },
      { lists, validUntil: later, language: 'fr' },
      {
        lists: { ...lists, today: { rows: [{ id: 'f-1' }], total: 1 } },
        validUntil: later,
        language: 'auto',
      },
      { lists: { ...lists, week: { rows: [], total: -1 } }, validUntil: later, language: 'auto' },
      {
        lists: { ...lists, overdue: { rows: lists.today.rows, total: 0 } },
        validUntil: later,
        language: 'auto',
      },
    ];
    for (const value of damaged) {
      expect(isPopupListsInAddress(value)).toBe(false);
      expect(popupListsInAddress(fragment(value), NOW)).toBeUndefined();
    }
    for (const foreign of ['#lists=%E0%A4%A', '#lists={"lists"', '#other=1', '#lists=null']) {
      expect(popupListsInAddress(foreign, NOW)).toBeUndefined();
    }
    expect(popupListsInAddress(fragment({ lists, validUntil: later, language: 'auto' }), NOW)).toBeDefined();
  });
});
