import { describe, expect, it } from 'vitest';
import { minutesOfClock, quietHoursEndAfter, type QuietHours } from '../../../lib/reminders/quiet-hours';
import { reminderAlarmTime } from '../../../lib/reminders/schedule';
import { local, useTimeZone } from './time-zone';

const evenings: QuietHours = { enabled: true, start: '20:00', end: '08:00' };
const lunch: QuietHours = { enabled: true, start: '12:00', end: '13:30' };

describe('minutesOfClock', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(minutesOfClock('00:00')).toBe(0);
    expect(minutesOfClock('08:30')).toBe(510);
    expect(minutesOfClock('23:59')).toBe(1439);
    for (const bad of ['24:00', '8:00', '12:60', '', 'noon', '12:00:00'])
      expect(minutesOfClock(bad)).toBeNull();
  });
});

describe('quiet hours', () => {
  useTimeZone('Europe/Berlin');

  it('over midnight: evenings wait for the next morning, early mornings for the same morning', () => {
    expect(quietHoursEndAfter(local(2025, 6, 12, 21, 15), evenings)).toBe(local(2025, 6, 13, 8));
    expect(quietHoursEndAfter(local(2025, 6, 12, 20, 0), evenings)).toBe(local(2025, 6, 13, 8));
    expect(quietHoursEndAfter(local(2025, 6, 13, 6, 0), evenings)).toBe(local(2025, 6, 13, 8));
    expect(quietHoursEndAfter(local(2025, 6, 13, 8, 0), evenings)).toBeNull();
    expect(quietHoursEndAfter(local(2025, 6, 13, 19, 59), evenings)).toBeNull();
  });

  it('within a day', () => {
    expect(quietHoursEndAfter(local(2025, 6, 12, 12, 40), lunch)).toBe(local(2025, 6, 12, 13, 30));
    expect(quietHoursEndAfter(local(2025, 6, 12, 13, 30), lunch)).toBeNull();
    expect(quietHoursEndAfter(local(2025, 6, 12, 11, 59), lunch)).toBeNull();
  });

  it('off, empty or malformed quiet hours hold nothing back', () => {
    const at = local(2025, 6, 12, 22);
    expect(quietHoursEndAfter(at, { ...evenings, enabled: false })).toBeNull();
    expect(quietHoursEndAfter(at, { enabled: true, start: '22:00', end: '22:00' })).toBeNull();
    expect(quietHoursEndAfter(at, { enabled: true, start: '25:00', end: '08:00' })).toBeNull();
  });

  it('keep their wall-clock end on the night the clocks go forward', () => {
    // 29→30 March 2025: the night is an hour shorter, quiet hours still end at 08:00 local.
    const end = quietHoursEndAfter(local(2025, 3, 29, 23), evenings);
    expect(end).toBe(local(2025, 3, 30, 8));
    expect(new Date(end!).getHours()).toBe(8);
    expect(end! - local(2025, 3, 29, 23)).toBe(8 * 60 * 60 * 1000);
  });

  it('keep their wall-clock end on the night the clocks go back', () => {
    const end = quietHoursEndAfter(local(2025, 10, 25, 23), evenings);
    expect(new Date(end!).getHours()).toBe(8);
    expect(end! - local(2025, 10, 25, 23)).toBe(10 * 60 * 60 * 1000);
  });

  it('an end that falls in the skipped hour comes right after the jump', () => {
    const end = quietHoursEndAfter(local(2025, 3, 30, 1, 0), { enabled: true, start: '23:00', end: '02:30' });
    expect(end).toBe(Date.UTC(2025, 2, 30, 1, 30)); // 03:30 CEST: the first reading at or after 02:30
  });
});

describe('reminderAlarmTime', () => {
  useTimeZone('Europe/Berlin');
  const off: QuietHours = { ...evenings, enabled: false };

  it('rings at the due time, or at once when a reminder is already waiting', () => {
    const now = local(2025, 6, 12, 10);
    expect(reminderAlarmTime(local(2025, 6, 12, 15), now, off)).toBe(local(2025, 6, 12, 15));
    expect(reminderAlarmTime(local(2025, 6, 12, 9), now, off)).toBe(now);
  });

  it('a due time inside quiet hours rings when they end', () => {
    const now = local(2025, 6, 12, 10);
    expect(reminderAlarmTime(local(2025, 6, 12, 22), now, evenings)).toBe(local(2025, 6, 13, 8));
    expect(reminderAlarmTime(local(2025, 6, 12, 9), local(2025, 6, 12, 21), evenings)).toBe(
      local(2025, 6, 13, 8),
    );
    expect(reminderAlarmTime(local(2025, 6, 13, 9), now, evenings)).toBe(local(2025, 6, 13, 9));
  });
});
