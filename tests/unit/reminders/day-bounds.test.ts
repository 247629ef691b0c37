import { describe, expect, it } from 'vitest';
import { localDayStart, nextLocalMidnight } from '../../../lib/reminders/day-bounds';
import { badgeWindow, popupWindows } from '../../../lib/reminders/windows';
import { HOUR, local, useTimeZone } from './time-zone';

/** The local calendar day of `instant`: from its midnight to the next. */
const dayOf = (instant: number) => ({ start: localDayStart(instant), end: nextLocalMidnight(instant) });

describe('local days in Berlin', () => {
  useTimeZone('Europe/Berlin');

  it('an ordinary day is 24 hours from midnight to midnight', () => {
    const { start, end } = dayOf(local(2025, 6, 12, 15, 30));
    expect(start).toBe(Date.UTC(2025, 5, 11, 22));
    expect(end - start).toBe(24 * HOUR);
  });

  it('the day the clocks go forward is 23 hours long', () => {
    const { start, end } = dayOf(local(2025, 3, 30, 12));
    expect(new Date(start).getHours()).toBe(0);
    expect(new Date(end).getHours()).toBe(0);
    expect(end - start).toBe(23 * HOUR);
  });

  it('the day the clocks go back is 25 hours long', () => {
    const { start, end } = dayOf(local(2025, 10, 26, 12));
    expect(end - start).toBe(25 * HOUR);
  });

  it('the last millisecond before midnight still belongs to its day', () => {
    const midnight = local(2025, 12, 31 + 1);
    expect(localDayStart(midnight - 1)).toBe(local(2025, 12, 31));
    expect(nextLocalMidnight(midnight - 1)).toBe(midnight);
    expect(nextLocalMidnight(midnight)).toBe(local(2026, 1, 2));
  });

  it('counts calendar days across month and year ends', () => {
    expect(localDayStart(local(2024, 2, 28, 10), 1)).toBe(local(2024, 2, 29));
    expect(localDayStart(local(2025, 12, 31, 23, 59), 1)).toBe(local(2026, 1, 1));
  });

  it('the popup windows meet without gaps or overlaps, and the week is seven calendar days', () => {
    const now = local(2025, 3, 27, 10); // Thursday; the week crosses the spring-forward Sunday
    const windows = popupWindows(now);
    expect(windows.overdue.to).toBe(windows.today.from);
    expect(windows.today.to).toBe(windows.week.from);
    expect(windows.week.from).toBe(local(2025, 3, 28));
    expect(windows.week.to).toBe(local(2025, 4, 4));
    expect(windows.week.to - windows.week.from).toBe(7 * 24 * HOUR - HOUR);
    expect(badgeWindow(now)).toEqual({ from: 0, to: local(2025, 3, 28) });
  });
});

describe('local days where midnight does not exist', () => {
  // Chile moves its clocks forward at midnight: on 8 September 2024 the day starts at 01:00.
  useTimeZone('America/Santiago');

  it('the day starts at its first real moment', () => {
    const { start, end } = dayOf(local(2024, 9, 8, 12));
    expect(new Date(start).getDate()).toBe(8);
    expect(new Date(start).getHours()).toBe(1);
    expect(end - start).toBe(23 * HOUR);
    expect(nextLocalMidnight(local(2024, 9, 7, 22))).toBe(start);
  });
});
