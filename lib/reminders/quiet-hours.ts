/**
 * Quiet hours: a daily stretch of local wall-clock time (say 20:00–08:00) when reminders wait. Read on
 * the local clock of the day in question, so they keep their wall-clock times across daylight-saving
 * changes.
 */

export interface QuietHours {
  enabled: boolean;
  /** `HH:MM`, 24-hour local time. */
  start: string;
  /** `HH:MM`; earlier than `start` means the quiet stretch runs over midnight. */
  end: string;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for an `HH:MM` value, or null when it is not one. */
export function minutesOfClock(value: string): number | null {
  const match = CLOCK.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The local date `days` after `date`'s day at `minutes` after midnight (wall clock). */
function atLocalMinutes(date: Date, days: number, minutes: number): number {
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    date.getDate() + days,
    Math.floor(minutes / 60),
    minutes % 60,
  ).getTime();
}

/**
 * When quiet hours that cover `instant` end, or null when `instant` is outside them (or quiet hours are
 * off, malformed, or empty because start equals end).
 */
export function quietHoursEndAfter(instant: number, quiet: QuietHours): number | null {
  if (!quiet.enabled) return null;
  const start = minutesOfClock(quiet.start);
  const end = minutesOfClock(quiet.end);
  if (start === null || end === null || start === end) return null;
  const date = new Date(instant);
  const minute = date.getHours() * 60 + date.getMinutes();
  let endsAt: number | null = null;
  if (start < end) {
    if (minute >= start && minute < end) endsAt = atLocalMinutes(date, 0, end);
  } else if (minute >= start) {
    endsAt = atLocalMinutes(date, 1, end);
  } else if (minute < end) {
    endsAt = atLocalMinutes(date, 0, end);
  }
  // A wall-clock end inside a daylight-saving gap resolves to later on the clock, never earlier; the
  // guard only protects against a clock reading that maps to the past on a fall-back night.
  return endsAt !== null && endsAt > instant ? endsAt : null;
}
