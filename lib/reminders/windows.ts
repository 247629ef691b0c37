/**
 * The due-time windows the popup and the badge read, as half-open ranges of instants (`from` <= due <
 * `to`), so each is one range read on the `by-status-due` index and they never overlap.
 */
import { localDayStart } from './day-bounds';

export interface DueWindow {
  from: number;
  to: number;
}

export interface PopupWindows {
  /** Due before now: the moment has passed. */
  overdue: DueWindow;
  /** Still ahead today, on the local calendar. */
  today: DueWindow;
  /** The next seven calendar days after today. */
  week: DueWindow;
}

/** Days shown in the popup's "next 7 days" section, tomorrow included. */
export const WEEK_DAYS = 7;

export function popupWindows(now: number): PopupWindows {
  const tomorrow = localDayStart(now, 1);
  return {
    overdue: { from: 0, to: now },
    today: { from: now, to: tomorrow },
    week: { from: tomorrow, to: localDayStart(now, 1 + WEEK_DAYS) },
  };
}

/** What the toolbar badge counts: everything overdue plus everything still due today. */
export function badgeWindow(now: number): DueWindow {
  return { from: 0, to: localDayStart(now, 1) };
}
