/**
 * Due times as people read them, in the UI language: relative ("tomorrow", "in 3 hours", "2 days ago")
 * and absolute ("Mon, Mar 31, 9:00 AM"). Calendar words follow the local calendar day, so 23:30 → 09:00
 * the next morning reads "tomorrow", not "in 10 hours".
 */
import { calendarDaysBetween, HOUR_MS, MINUTE_MS } from './due';

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const absoluteFormats = new Map<string, Intl.DateTimeFormat>();

/** A locale Intl accepts; an unknown or malformed tag falls back to English rather than throwing. */
function supported(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(supported(locale), { numeric: 'auto', style: 'long' });
    relativeFormats.set(locale, format);
  }
  return format;
}

function absoluteFormat(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}\u0000${withYear}`;
  let format = absoluteFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(supported(locale), {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: 'numeric',
      minute: '2-digit',
    });
    absoluteFormats.set(key, format);
  }
  return format;
}

/** "in 5 minutes", "in 3 hours", "tomorrow", "in 4 days", "last month"… */
export function formatRelativeDue(due: number, now: number, locale: string): string {
  const format = relativeFormat(locale);
  const diff = due - now;
  const days = calendarDaysBetween(new Date(now), new Date(due));
  if (days === 0 || Math.abs(diff) < 6 * HOUR_MS) {
    if (Math.abs(diff) < MINUTE_MS) return format.format(0, 'second');
    if (Math.abs(diff) < HOUR_MS) return format.format(Math.trunc(diff / MINUTE_MS), 'minute');
    return format.format(Math.trunc(diff / HOUR_MS), 'hour');
  }
  if (Math.abs(days) < 14) return format.format(days, 'day');
  if (Math.abs(days) < 60) return format.format(Math.trunc(days / 7), 'week');
  if (Math.abs(days) < 365) return format.format(Math.trunc(days / 30), 'month');
  return format.format(Math.trunc(days / 365), 'year');
}

/** Weekday, date and time; the year only when it is not this year. */
export function formatAbsoluteDue(due: number, now: number, locale: string): string {
  const withYear = new Date(due).getFullYear() !== new Date(now).getFullYear();
  return absoluteFormat(locale, withYear).format(due);
}

const timestampFormats = new Map<string, Intl.DateTimeFormat>();

/** When something was written or edited, e.g. "Nov 27, 2026, 3:38 AM", in the UI language. */
export function formatTimestamp(instant: number, locale: string): string {
  let format = timestampFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(supported(locale), { dateStyle: 'medium', timeStyle: 'short' });
    timestampFormats.set(locale, format);
  }
  return format.format(instant);
}
