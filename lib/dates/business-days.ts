/**
 * Business days for follow-up cadences: "two days after entering the stage" skips the rep's weekend.
 * Weekdays are ISO numbers (1 = Monday … 7 = Sunday), as `Intl.Locale`'s week information gives them.
 * Days are counted on the local calendar with the local `Date` constructor (see ./due.ts), so 9:00 stays
 * 9:00 across daylight-saving changes.
 */
import { WORKDAY_START_HOUR } from './due';

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Saturday and Sunday: the weekend when the locale says nothing. */
export const DEFAULT_WEEKEND: readonly IsoWeekday[] = [6, 7];

interface WeekInfo {
  weekend?: readonly number[];
}

/** `getWeekInfo()` (current engines) or the older `weekInfo` getter (Chromium before 130, Node 20). */
function weekInfoOf(locale: Intl.Locale): WeekInfo | undefined {
  const candidate = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
  if (typeof candidate.getWeekInfo === 'function') return candidate.getWeekInfo();
  return candidate.weekInfo;
}

function isIsoWeekday(value: unknown): value is IsoWeekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

/** The weekend days of a locale's region (e.g. `ar-SA` → Friday and Saturday), Saturday and Sunday if unknown. */
export function localeWeekend(locale: string | undefined): IsoWeekday[] {
  try {
    const weekend = weekInfoOf(new Intl.Locale(locale || 'und'))?.weekend;
    if (Array.isArray(weekend)) {
      const days = [...new Set(weekend.filter(isIsoWeekday))].sort();
      // A week with no working day cannot schedule anything: read it as unknown.
      if (days.length < 7) return days;
    }
  } catch {
    // An unknown or malformed locale tag: fall through to the default.
  }
  return [...DEFAULT_WEEKEND];
}

/** The browser's own locale: its region decides the weekend when the rep has not chosen one. */
export function browserLocale(): string | undefined {
  return globalThis.navigator?.language || Intl.DateTimeFormat().resolvedOptions().locale;
}

/**
 * The weekend in force: the rep's own choice (`weekendDays` setting), or the region's when it is null.
 * A choice of all seven days would leave no day to work on and is read as no weekend at all.
 */
export function weekendFor(chosen: readonly number[] | null, locale: string | undefined): Set<IsoWeekday> {
  if (chosen === null) return new Set(localeWeekend(locale));
  const days = chosen.filter(isIsoWeekday);
  return new Set(days.length >= 7 ? [] : days);
}

/** A date's ISO weekday on the local calendar. */
export function isoWeekday(date: Date): IsoWeekday {
  return (date.getDay() || 7) as IsoWeekday;
}

/**
 * `days` business days after `now`'s local day, at `hour`:00 local time. Zero days means today, or the
 * next business day when today is a weekend day. A cadence started on a Friday with a one-day step
 * falls due on Monday (with a Saturday–Sunday weekend).
 */
export function businessDaysLaterAt(
  now: Date,
  days: number,
  weekend: ReadonlySet<number>,
  hour = WORKDAY_START_HOUR,
): Date {
  const working = (offset: number) =>
    !weekend.has(isoWeekday(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset)));
  let offset = 0;
  let counted = 0;
  if (weekend.size < 7) {
    while (counted < days) {
      offset += 1;
      if (working(offset)) counted += 1;
    }
    while (!working(offset)) offset += 1;
  } else {
    offset = days;
  }
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, hour, 0, 0, 0);
}
