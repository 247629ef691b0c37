/**
 * The popup's lists as the background last worked them out, kept in session storage (the browser's memory,
 * gone when it quits) so a popup draws its rows the moment it opens: without waiting for a message's way
 * to the background and back, nor for a stopped service worker to start. The background removes them in
 * the moment a write that could change them commits, and from the time they stop being true by the clock
 * alone (`validUntil`); the popup still asks the background and shows its answer once React takes over
 * (lib/background/popup-lists-store.ts, components/popup/open-popup.ts).
 *
 * Checked without zod, as ./ui-language.ts is: the popup reads this before its first paint, which loads
 * no zod.
 */
import type { PopupFollowUp, PopupFollowUps, PopupSection } from '../messaging/protocol';
import { defineCheckedStorageItem } from './checked-item';

export interface StoredPopupLists {
  /** The background's answer to `getPopupFollowUps`, as it was at `lists.now`. */
  lists: PopupFollowUps;
  /**
   * The first moment the clock alone changes the lists: the next local midnight, or the first of
   * today's follow-ups falling due (it becomes overdue). From then on they are not to be shown.
   */
  validUntil: number;
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

export function isStoredPopupLists(stored: unknown): stored is StoredPopupLists {
  if (!isObject(stored) || !isInstant(stored.validUntil) || !isObject(stored.lists)) return false;
  const { now, overdue, today, week } = stored.lists;
  return isInstant(now) && isSection(overdue) && isSection(today) && isSection(week);
}

export const popupListsItem = defineCheckedStorageItem<StoredPopupLists | null>(
  'session',
  'popupLists',
  (stored) =>
    isStoredPopupLists(stored)
      ? { valid: true, value: stored }
      : { valid: false, issues: ['expected the popup lists with their validity'] },
  null,
);

/** The stored lists when they may be shown at `now`: worked out before it, and still true by the clock. */
export function popupListsShownAt(stored: StoredPopupLists | null, now: number): PopupFollowUps | undefined {
  if (!stored || now < stored.lists.now || now >= stored.validUntil) return undefined;
  // Due times read relative to the moment the popup opens ("in 5 min"), not to when they were stored.
  return { ...stored.lists, now };
}
