/**
 * How a due time reads in the popup: relative ("in 2 hours", "yesterday") and absolute, both in the
 * browser's language, on the local clock.
 */
import { calendarDaysBetween, HOUR_MS, MINUTE_MS } from '../dates/due';

export interface DueText {
  relative: string;
  absolute: string;
}

/**
 * Formatters by locale and options. Building one loads the locale's data, a cost that shows when a list
 * formats dozens of rows in a page that has just opened (the popup's first paint); formatting is cheap.
 * A formatter keeps the time zone it was built in, which a popup, open for seconds, does not see change.
 */
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  const key = `relative ${locale}`;
  let format = formatters.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function describeDue(due: number, now: number, locale: string): DueText {
  return { relative: relativeDue(due, now, locale), absolute: absoluteDue(due, now, locale) };
}

export function relativeDue(due: number, now: number, locale: string): string {
  const format = relativeFormat(locale);
  const difference = due - now;
  const distance = Math.abs(difference);
  // Rounded, not cut: 1 h 59 min reads "in 2 hours". Under an hour, minutes (59.6 min reads "in 1 hour").
  if (Math.round(distance / MINUTE_MS) < 60)
    return format.format(Math.round(difference / MINUTE_MS), 'minute');
  const days = calendarDaysBetween(new Date(now), new Date(due));
  // Within the same calendar day hours read best; beyond it, calendar days ("tomorrow", "3 days ago").
  if (days === 0) return format.format(Math.round(difference / HOUR_MS), 'hour');
  return format.format(days, 'day');
}

export function absoluteDue(due: number, now: number, locale: string): string {
  const sameDay = calendarDaysBetween(new Date(now), new Date(due)) === 0;
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  if (!sameDay && new Date(due).getFullYear() !== new Date(now).getFullYear()) options.year = 'numeric';
  return dateTimeFormat(locale, options).format(due);
}
