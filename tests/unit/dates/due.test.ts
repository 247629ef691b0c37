import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  dueState,
  HOUR_MS,
  inThreeDaysMorning,
  nextMondayMorning,
  oneHourLater,
  parseDateTimeLocalValue,
  toDateTimeLocalValue,
  tomorrowMorning,
} from '../../../lib/dates/due';

/**
 * The functions read the local calendar, so each block runs in a named time zone. Node applies a change
 * of `process.env.TZ` at once; the first test of each block checks that it did, so a block can never
 * pass vacuously in UTC.
 */
function inTimeZone(zone: string, body: () => void) {
  describe(`in ${zone}`, () => {
    const previous = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    });
    body();
  });
}

/** A local wall-clock reading, as `YYYY-MM-DD HH:mm`. */
function local(date: Date): string {
  return toDateTimeLocalValue(date).replace('T', ' ');
}

inTimeZone('Europe/Berlin', () => {
  it('is really on Berlin time (CET in winter, CEST in summer)', () => {
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(-120);
  });

  it('tomorrow 9:00 over the spring-forward night is 9:00 on the clock, ten real hours later', () => {
    // Clocks jump from 02:00 to 03:00 on Sunday 29 March 2026.
    const now = new Date(2026, 2, 28, 22, 0);
    const due = tomorrowMorning(now);
    expect(local(due)).toBe('2026-03-29 09:00');
    expect(due.getTime()).toBe(Date.UTC(2026, 2, 29, 7, 0));
    expect(due.getTime() - now.getTime()).toBe(10 * HOUR_MS);
  });

  it('tomorrow 9:00 over the fall-back night is 9:00 on the clock, twelve real hours later', () => {
    // Clocks go back from 03:00 to 02:00 on Sunday 25 October 2026.
    const now = new Date(2026, 9, 24, 22, 0);
    const due = tomorrowMorning(now);
    expect(local(due)).toBe('2026-10-25 09:00');
    expect(due.getTime()).toBe(Date.UTC(2026, 9, 25, 8, 0));
    expect(due.getTime() - now.getTime()).toBe(12 * HOUR_MS);
  });

  it('in 3 days and next Monday keep 9:00 across the change', () => {
    const friday = new Date(2026, 9, 23, 15, 30);
    expect(local(inThreeDaysMorning(friday))).toBe('2026-10-26 09:00');
    expect(local(nextMondayMorning(friday))).toBe('2026-10-26 09:00');
    expect(nextMondayMorning(friday).getTime()).toBe(Date.UTC(2026, 9, 26, 8, 0));
  });

  it('just before the skipped hour, tomorrow is still the next calendar day', () => {
    // 02:30 does not exist on 29 March; a moment just before the jump is 01:59.
    const now = new Date(Date.UTC(2026, 2, 29, 0, 59));
    expect(local(now)).toBe('2026-03-29 01:59');
    expect(local(tomorrowMorning(now))).toBe('2026-03-30 09:00');
  });

  it('snoozing one hour is one real hour: the clock reading jumps past the missing hour', () => {
    const now = new Date(2026, 2, 29, 1, 30);
    const later = oneHourLater(now);
    expect(later.getTime() - now.getTime()).toBe(HOUR_MS);
    expect(local(later)).toBe('2026-03-29 03:30');
  });

  it('counts calendar days across a 23-hour day', () => {
    expect(calendarDaysBetween(new Date(2026, 2, 28, 12), new Date(2026, 2, 30, 12))).toBe(2);
    expect(calendarDaysBetween(new Date(2026, 2, 29, 23, 59), new Date(2026, 2, 30, 0, 1))).toBe(1);
    expect(calendarDaysBetween(new Date(2026, 9, 26, 0, 1), new Date(2026, 9, 24, 23))).toBe(-2);
  });
});

inTimeZone('America/New_York', () => {
  it('is really on New York time', () => {
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(300);
    expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(240);
  });

  it('keeps 9:00 over the US spring-forward weekend (8 March 2026)', () => {
    const saturdayEvening = new Date(2026, 2, 7, 20, 0);
    expect(local(tomorrowMorning(saturdayEvening))).toBe('2026-03-08 09:00');
    expect(tomorrowMorning(saturdayEvening).getTime()).toBe(Date.UTC(2026, 2, 8, 13, 0));
    const friday = new Date(2026, 2, 6, 17, 0);
    expect(local(nextMondayMorning(friday))).toBe('2026-03-09 09:00');
    expect(local(inThreeDaysMorning(friday))).toBe('2026-03-09 09:00');
  });

  it('keeps 9:00 over the US fall-back weekend (1 November 2026)', () => {
    const saturday = new Date(2026, 9, 31, 23, 45);
    expect(local(tomorrowMorning(saturday))).toBe('2026-11-01 09:00');
    expect(tomorrowMorning(saturday).getTime()).toBe(Date.UTC(2026, 10, 1, 14, 0));
  });

  it('snoozing one hour over the repeated hour lands on the same clock reading', () => {
    // 01:30 EDT, one hour later it is 01:30 EST.
    const now = new Date(Date.UTC(2026, 10, 1, 5, 30));
    expect(local(now)).toBe('2026-11-01 01:30');
    expect(local(oneHourLater(now))).toBe('2026-11-01 01:30');
  });
});

inTimeZone('Asia/Shanghai', () => {
  it('rolls over month and year ends', () => {
    expect(local(tomorrowMorning(new Date(2026, 11, 31, 18, 0)))).toBe('2027-01-01 09:00');
    expect(local(tomorrowMorning(new Date(2026, 0, 31, 8, 0)))).toBe('2026-02-01 09:00');
    expect(local(tomorrowMorning(new Date(2028, 1, 28, 12, 0)))).toBe('2028-02-29 09:00');
    expect(local(inThreeDaysMorning(new Date(2027, 1, 27, 12, 0)))).toBe('2027-03-02 09:00');
    expect(local(inThreeDaysMorning(new Date(2026, 11, 30, 23, 59)))).toBe('2027-01-02 09:00');
    // Thursday 31 December 2026 → Monday 4 January 2027.
    expect(local(nextMondayMorning(new Date(2026, 11, 31, 10, 0)))).toBe('2027-01-04 09:00');
  });

  it('next week is the coming Monday, and a week later when today is Monday', () => {
    // 2026-11-23 is a Monday.
    const expectations: [number, string][] = [
      [23, '2026-11-30'], // Monday
      [24, '2026-11-30'],
      [25, '2026-11-30'],
      [26, '2026-11-30'],
      [27, '2026-11-30'],
      [28, '2026-11-30'], // Saturday
      [29, '2026-11-30'], // Sunday
    ];
    for (const [day, monday] of expectations) {
      expect(local(nextMondayMorning(new Date(2026, 10, day, 7, 0)))).toBe(`${monday} 09:00`);
    }
  });

  it('tomorrow is the next calendar day even just before midnight', () => {
    expect(local(tomorrowMorning(new Date(2026, 10, 27, 23, 59)))).toBe('2026-11-28 09:00');
    expect(local(tomorrowMorning(new Date(2026, 10, 27, 0, 0)))).toBe('2026-11-28 09:00');
  });

  it('tells overdue, today and later apart on the local calendar', () => {
    const now = new Date(2026, 10, 27, 14, 0).getTime();
    expect(dueState(now - 1, now)).toBe('overdue');
    expect(dueState(new Date(2026, 10, 20, 9).getTime(), now)).toBe('overdue');
    expect(dueState(new Date(2026, 10, 27, 23, 59).getTime(), now)).toBe('today');
    expect(dueState(new Date(2026, 10, 28, 0, 0).getTime(), now)).toBe('later');
  });

  it('reads and writes datetime-local values as local time', () => {
    const instant = new Date(2026, 0, 5, 9, 0).getTime();
    expect(toDateTimeLocalValue(instant)).toBe('2026-01-05T09:00');
    expect(parseDateTimeLocalValue('2026-01-05T09:00')).toBe(instant);
    expect(parseDateTimeLocalValue('2026-01-05T09:00:30')).toBe(instant + 30_000);
    expect(parseDateTimeLocalValue('2026-01-05T09:00:30.5')).toBe(instant + 30_500);
  });

  it('refuses empty, malformed, impossible and pre-1970 values', () => {
    for (const value of [
      '',
      'tomorrow',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-01-05T24:00',
      '1969-12-31T23:00',
    ]) {
      expect(parseDateTimeLocalValue(value), value).toBeNull();
    }
  });
});
