/**
 * Due times for follow-ups. Every function takes the current moment and returns an instant; "tomorrow",
 * "9:00" and "Monday" are read on the local calendar, built with the local `Date` constructor so the
 * wall-clock time survives daylight-saving changes and month or year ends roll over by themselves.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Follow-ups fall due when a rep starts work. */
export const WORKDAY_START_HOUR = 9;

/** `days` calendar days after `now`'s local day, at `hour`:00 local time. */
export function daysLaterAt(now: Date, days: number, hour = WORKDAY_START_HOUR): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, hour, 0, 0, 0);
}

/** Tomorrow at 9:00 local time. */
export function tomorrowMorning(now: Date): Date {
  return daysLaterAt(now, 1);
}

/** Three calendar days from today at 9:00 local time. */
export function inThreeDaysMorning(now: Date): Date {
  return daysLaterAt(now, 3);
}

/** The coming Monday at 9:00 local time; on a Monday, the Monday a week later. */
export function nextMondayMorning(now: Date): Date {
  const day = now.getDay(); // 0 = Sunday … 6 = Saturday
  const daysUntilMonday = (8 - day) % 7 || 7;
  return daysLaterAt(now, daysUntilMonday);
}

/**
 * One hour of real time later. Across a daylight-saving change the local clock reading moves by zero or
 * two hours; the reminder still comes after one hour.
 */
export function oneHourLater(now: Date): Date {
  return new Date(now.getTime() + HOUR_MS);
}

/** Midnight at the start of `date`'s local day. */
export function startOfLocalDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Local calendar days from `from`'s day to `to`'s day (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date): number {
  // Days are 23 or 25 hours long around daylight-saving changes: rounding absorbs that.
  return Math.round((startOfLocalDay(to).getTime() - startOfLocalDay(from).getTime()) / DAY_MS);
}

export type DueState = 'overdue' | 'today' | 'later';

/** Overdue once the due moment has passed; "today" while it is still ahead on the local calendar day. */
export function dueState(due: number, now: number): DueState {
  if (due < now) return 'overdue';
  return calendarDaysBetween(new Date(now), new Date(due)) === 0 ? 'today' : 'later';
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The value an `<input type="datetime-local">` shows for an instant, in local time (minutes). */
export function toDateTimeLocalValue(instant: number | Date): string {
  const date = new Date(instant);
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Reads an `<input type="datetime-local">` value as local time. Returns null for an empty, malformed or
 * impossible value (30 February) and for dates before 1970, which cannot be stored.
 */
export function parseDateTimeLocalValue(value: string): number | null {
  const match = DATE_TIME_LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(match[6] ?? 0);
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  if (year < 1970 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(year, month - 1, day, hour, minute, second, millis);
  // An impossible day rolls into the next month; refuse it rather than guess.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}
