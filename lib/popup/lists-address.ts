/**
 * The popup's lists carried in its own address. Whenever the background has worked the lists out it sets
 * the toolbar button's popup to `popup.html#lists=…`, holding what the popup's first paint draws: the
 * first rows, each section's count and the interface language. The moment a change could make them wrong
 * it sets the bare `popup.html` back (lib/background/popup-lists-store.ts). A popup opened from the button
 * then draws its rows straight from its address, without waiting for anything: no storage read, no
 * message, no service worker to start (components/popup/open-popup.ts). The address lives in the browser's
 * memory, as the button's badge does, and is gone when it quits.
 *
 * Only the first rows travel, so the address stays a few kilobytes however long the lists are; the popup
 * asks the background for the whole lists once they are on screen. Checked without zod: the popup reads
 * this before its first paint, which loads no zod.
 */
import type { PopupFollowUp, PopupFollowUps, PopupSection } from '../messaging/protocol';
import { isLanguage, type Language } from '../settings/languages';

/** The popup page, as the manifest names it: the button's popup when no lists are kept. */
export const POPUP_PAGE = 'popup.html';

/**
 * Rows the first paint draws: more than the popup shows before it scrolls (it is at most 600 pixels high
 * in Chrome, so it opens at its full height), and no more, however long the lists: each row costs the
 * first paint time to build, lay out and draw. The React app, a moment later, draws the rest.
 */
export const FIRST_PAINT_ROWS = 6;

export interface PopupListsInAddress {
  /** The background's lists as they were at `lists.now`, each section cut to the rows drawn first. */
  lists: PopupFollowUps;
  /**
   * The first moment the clock alone changes the lists: the next local midnight, or the first of
   * today's follow-ups falling due (it becomes overdue). From then on they are not to be shown.
   */
  validUntil: number;
  /** The interface language the rep chose (`auto`: the browser's), so the popup need not read it first. */
  language: Language;
}

/** Rows drawn first from each section: the overdue ones, then today's, and none of the next week's. */
export function firstPaintRowCounts(lists: PopupFollowUps): { overdue: number; today: number } {
  const overdue = Math.min(lists.overdue.rows.length, FIRST_PAINT_ROWS);
  return { overdue, today: Math.min(lists.today.rows.length, FIRST_PAINT_ROWS - overdue) };
}

/** `lists` with each section cut to the rows the first paint draws; the counts stay whole. */
export function firstPaintLists(lists: PopupFollowUps): PopupFollowUps {
  const counts = firstPaintRowCounts(lists);
  return {
    now: lists.now,
    overdue: { rows: lists.overdue.rows.slice(0, counts.overdue), total: lists.overdue.total },
    today: { rows: lists.today.rows.slice(0, counts.today), total: lists.today.total },
    week: { rows: [], total: lists.week.total },
  };
}

const LISTS_PREFIX = '#lists=';

/**
 * The query parameter naming the lists an address was set with, when the background serves the page with
 * them drawn in (lib/background/popup-page-server.ts): it serves only the address it set, never the bare
 * page. It travels to the background with the request; the fragment stays in the browser.
 */
export const SERVED_LISTS_PARAMETER = 'served';

/**
 * The popup's address carrying `kept`, relative to the extension's root as the button takes it;
 * `servedAs` names the lists the background serves the page with.
 */
export function popupAddressWith(kept: PopupListsInAddress, servedAs?: string): string {
  const carried = { ...kept, lists: firstPaintLists(kept.lists) };
  const query = servedAs === undefined ? '' : `?${SERVED_LISTS_PARAMETER}=${encodeURIComponent(servedAs)}`;
  return `${POPUP_PAGE}${query}${LISTS_PREFIX}${encodeURIComponent(JSON.stringify(carried))}`;
}

/** The attribute on the root of a served page, naming the language its rows were drawn in (`auto` too). */
export const SERVED_ROOT_ATTRIBUTE = 'data-served';

/** The name of the served lists in a popup address (absolute, or relative as the button keeps it). */
export function servedListsName(address: string): string | undefined {
  try {
    return (
      new URL(address, 'chrome-extension://popup/').searchParams.get(SERVED_LISTS_PARAMETER) ?? undefined
    );
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isInstant = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, test: (value: unknown) => boolean) => value === undefined || test(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function isRow(row: unknown): row is PopupFollowUp {
  return (
    isObject(row) &&
    isString(row.id) &&
    isString(row.title) &&
    isInstant(row.due) &&
    isString(row.accountKey) &&
    isString(row.accountLabel) &&
    optional(row.contactEmail, isString) &&
    optional(row.contactName, isString) &&
    typeof row.fromCadence === 'boolean' &&
    optional(row.tabId, isCount)
  );
}

function isSection(section: unknown): section is PopupSection {
  return (
    isObject(section) &&
    isCount(section.total) &&
    Array.isArray(section.rows) &&
    section.rows.length <= section.total &&
    section.rows.every(isRow)
  );
}

export function isPopupListsInAddress(kept: unknown): kept is PopupListsInAddress {
  if (!isObject(kept) || !isInstant(kept.validUntil) || !isObject(kept.lists)) return false;
  if (!isLanguage(kept.language)) return false;
  const { now, overdue, today, week } = kept.lists;
  return isInstant(now) && isSection(overdue) && isSection(today) && isSection(week);
}

/**
 * The lists an address's fragment (`location.hash`) carries, when they may be shown at `now`: worked out
 * before it and still true by the clock. Anything else in the fragment (none, damaged, edited by hand)
 * reads as no lists.
 */
export function popupListsInAddress(fragment: string, now: number): PopupListsInAddress | undefined {
  if (!fragment.startsWith(LISTS_PREFIX)) return undefined;
  let kept: unknown;
  try {
    kept = JSON.parse(decodeURIComponent(fragment.slice(LISTS_PREFIX.length)));
  } catch {
    return undefined;
  }
  if (!isPopupListsInAddress(kept) || now < kept.lists.now || now >= kept.validUntil) return undefined;
  // Due times read relative to the moment the popup opens ("in 5 min"), not to when they were kept.
  return { ...kept, lists: { ...kept.lists, now } };
}
