/**
 * How a due time reads in the popup: relative ("in 2 hours", "yesterday") and absolute, both in the
 * browser's language, on the local clock.
 */
import { calendarDaysBetween, HOUR_MS, MINUTE_MS } from '../dates/due';

export interface DueText {
  relative: string;
  absolute: string;
}

export function describeDue(due: number, now: number, locale: string): DueText {
  return { relative: relativeDue(due, now, locale), absolute: absoluteDue(due, now, locale) };
}

export function relativeDue(due: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
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
  return new Intl.DateTimeFormat(locale, options).format(due);
}
