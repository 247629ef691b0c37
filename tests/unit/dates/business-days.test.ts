import { afterEach, describe, expect, it, vi } from 'vitest';
import { businessDaysLaterAt, isoWeekday, localeWeekend, weekendFor } from '../../../lib/dates/business-days';
import { toDateTimeLocalValue } from '../../../lib/dates/due';
import { useTimeZone } from '../reminders/time-zone';

const SAT_SUN = new Set([6, 7]);
const FRI_SAT = new Set([5, 6]);

/** A local wall-clock reading, as `YYYY-MM-DD HH:mm`. */
function local(date: Date): string {
  return toDateTimeLocalValue(date).replace('T', ' ');
}

describe('the weekend of a region', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads Friday and Saturday for Saudi Arabia, Saturday and Sunday for Germany', () => {
    expect(localeWeekend('ar-SA')).toEqual([5, 6]);
    expect(localeWeekend('de-DE')).toEqual([6, 7]);
  });

  it('prefers getWeekInfo() where the engine has it', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const had = Object.prototype.hasOwnProperty.call(proto, 'getWeekInfo');
    proto.getWeekInfo = function () {
      return { firstDay: 1, weekend: [7], minimalDays: 1 };
    };
    try {
      expect(localeWeekend('en-IN')).toEqual([7]);
    } finally {
      if (!had) delete proto.getWeekInfo;
    }
  });

  it('falls back to Saturday and Sunday when the engine has no week information', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'weekInfo');
    const method = Object.getOwnPropertyDescriptor(proto, 'getWeekInfo');
    Object.defineProperty(proto, 'weekInfo', { configurable: true, get: () => undefined });
    if (method) delete proto.getWeekInfo;
    try {
      expect(localeWeekend('ar-SA')).toEqual([6, 7]);
    } finally {
      if (descriptor) Object.defineProperty(proto, 'weekInfo', descriptor);
      else delete proto.weekInfo;
      if (method) Object.defineProperty(proto, 'getWeekInfo', method);
    }
  });

  it('falls back to Saturday and Sunday for a malformed or missing locale', () => {
    expect(localeWeekend('not a locale!')).toEqual([6, 7]);
    expect(localeWeekend(undefined)).toHaveLength(2);
  });

  it("uses the rep's choice over the region's, and refuses a week with no working day", () => {
    expect([...weekendFor(null, 'ar-SA')].sort()).toEqual([5, 6]);
    expect([...weekendFor([7], 'ar-SA')]).toEqual([7]);
    expect([...weekendFor([], 'de-DE')]).toEqual([]);
    expect([...weekendFor([1, 2, 3, 4, 5, 6, 7], 'de-DE')]).toEqual([]);
  });
});

describe('business days in Berlin', () => {
  useTimeZone('Europe/Berlin');

  it('is really on Berlin time', () => {
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(-120);
  });

  it('takes a cadence started on a Friday with a one-day step to Monday 9:00', () => {
    const friday = new Date(2026, 4, 15, 16, 30); // Friday 15 May 2026
    expect(isoWeekday(friday)).toBe(5);
    expect(local(businessDaysLaterAt(friday, 1, SAT_SUN))).toBe('2026-05-18 09:00');
    expect(local(businessDaysLaterAt(friday, 2, SAT_SUN))).toBe('2026-05-19 09:00');
    expect(local(businessDaysLaterAt(friday, 5, SAT_SUN))).toBe('2026-05-22 09:00');
    expect(local(businessDaysLaterAt(friday, 6, SAT_SUN))).toBe('2026-05-25 09:00');
  });

  it('counts from a weekend day to the first working days after it', () => {
    const saturday = new Date(2026, 4, 16, 10);
    expect(local(businessDaysLaterAt(saturday, 0, SAT_SUN))).toBe('2026-05-18 09:00');
    expect(local(businessDaysLaterAt(saturday, 1, SAT_SUN))).toBe('2026-05-18 09:00');
    expect(local(businessDaysLaterAt(saturday, 2, SAT_SUN))).toBe('2026-05-19 09:00');
  });

  it('keeps a zero-day step on a working day today', () => {
    const wednesday = new Date(2026, 4, 13, 8);
    expect(local(businessDaysLaterAt(wednesday, 0, SAT_SUN))).toBe('2026-05-13 09:00');
  });

  it('stays at 9:00 across the spring change (29 March 2026, a Sunday of 23 hours)', () => {
    const friday = new Date(2026, 2, 27, 23, 30);
    const monday = businessDaysLaterAt(friday, 1, SAT_SUN);
    expect(local(monday)).toBe('2026-03-30 09:00');
    expect(monday.getTimezoneOffset()).toBe(-120);
    // Late on the Saturday before, 24 hours later is already Monday 0:30: the calendar day is Sunday.
    const saturdayLate = new Date(2026, 2, 28, 23, 30);
    expect(local(businessDaysLaterAt(saturdayLate, 1, new Set()))).toBe('2026-03-29 09:00');
  });

  it('stays at 9:00 across the autumn change (25 October 2026, a Sunday of 25 hours)', () => {
    // Just after midnight: adding 24-hour multiples would land on the wrong day or hour here.
    const friday = new Date(2026, 9, 23, 0, 15);
    expect(local(businessDaysLaterAt(friday, 1, SAT_SUN))).toBe('2026-10-26 09:00');
    expect(local(businessDaysLaterAt(friday, 3, SAT_SUN))).toBe('2026-10-28 09:00');
    const sundayLate = new Date(2026, 9, 25, 23, 30);
    expect(local(businessDaysLaterAt(sundayLate, 1, SAT_SUN))).toBe('2026-10-26 09:00');
  });

  it('rolls over month and year ends', () => {
    const thursday = new Date(2026, 11, 31, 17); // Thursday 31 December 2026
    expect(local(businessDaysLaterAt(thursday, 2, SAT_SUN))).toBe('2027-01-04 09:00');
  });

  it('counts every day when there is no weekend', () => {
    const friday = new Date(2026, 4, 15, 16);
    expect(local(businessDaysLaterAt(friday, 1, new Set()))).toBe('2026-05-16 09:00');
  });
});

describe('business days in a Friday–Saturday region (Riyadh)', () => {
  useTimeZone('Asia/Riyadh');

  it('skips Friday and Saturday: a Thursday start with a one-day step falls due Sunday', () => {
    const weekend = weekendFor(null, 'ar-SA');
    const thursday = new Date(2026, 4, 14, 15); // Thursday 14 May 2026
    expect(isoWeekday(thursday)).toBe(4);
    expect(local(businessDaysLaterAt(thursday, 1, weekend))).toBe('2026-05-17 09:00');
    // A Friday is a weekend day there: its first working day is Sunday, its second Monday.
    const friday = new Date(2026, 4, 15, 10);
    expect(local(businessDaysLaterAt(friday, 1, FRI_SAT))).toBe('2026-05-17 09:00');
    expect(local(businessDaysLaterAt(friday, 2, FRI_SAT))).toBe('2026-05-18 09:00');
  });
});

describe('business days across the US spring change (New York, 8 March 2026)', () => {
  useTimeZone('America/New_York');

  it('takes a Friday start to Monday 9:00 local time', () => {
    const friday = new Date(2026, 2, 6, 22);
    const monday = businessDaysLaterAt(friday, 1, SAT_SUN);
    expect(local(monday)).toBe('2026-03-09 09:00');
    expect(monday.toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });
});
