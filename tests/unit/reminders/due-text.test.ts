import { describe, expect, it } from 'vitest';
import { absoluteDue, relativeDue } from '../../../lib/reminders/due-text';
import { HOUR, local, useTimeZone } from './time-zone';

describe('due times as people read them', () => {
  useTimeZone('Europe/Berlin');
  const now = local(2025, 6, 12, 10);

  it('relative, in English', () => {
    expect(relativeDue(now + 20 * 60_000, now, 'en')).toBe('in 20 minutes');
    expect(relativeDue(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(relativeDue(now + 3 * HOUR, now, 'en')).toBe('in 3 hours');
    expect(relativeDue(now + 2 * HOUR - 60_000, now, 'en')).toBe('in 2 hours');
    expect(relativeDue(now + 59.6 * 60_000, now, 'en')).toBe('in 1 hour');
    expect(relativeDue(now + 20_000, now, 'en')).toBe('this minute');
    expect(relativeDue(local(2025, 6, 13, 9), now, 'en')).toBe('tomorrow');
    expect(relativeDue(local(2025, 6, 11, 16), now, 'en')).toBe('yesterday');
    expect(relativeDue(local(2025, 6, 15, 9), now, 'en')).toBe('in 3 days');
  });

  it('relative, in Chinese', () => {
    expect(relativeDue(local(2025, 6, 13, 9), now, 'zh-CN')).toBe('明天');
    expect(relativeDue(now + 3 * HOUR, now, 'zh-CN')).toBe('3小时后');
  });

  it('a due time just after midnight is "tomorrow", not "in 14 hours"', () => {
    expect(relativeDue(local(2025, 6, 13, 0, 30), local(2025, 6, 12, 23, 50), 'en')).toBe('in 40 minutes');
    expect(relativeDue(local(2025, 6, 13, 2, 0), local(2025, 6, 12, 23, 0), 'en')).toBe('tomorrow');
  });

  it('absolute: the time for today, the date and time otherwise, on the local clock', () => {
    expect(absoluteDue(local(2025, 6, 12, 15, 5), now, 'en')).toBe('3:05 PM');
    expect(absoluteDue(local(2025, 6, 13, 9), now, 'en')).toBe('Fri, Jun 13, 9:00 AM');
    expect(absoluteDue(local(2026, 1, 2, 9), now, 'en')).toContain('2026');
    expect(absoluteDue(local(2025, 6, 13, 9), now, 'zh-CN')).toContain('6月13日');
  });

  it('after the clocks go forward, 9:00 still reads 9:00', () => {
    expect(absoluteDue(local(2025, 3, 30, 9), local(2025, 3, 29, 12), 'en')).toBe('Sun, Mar 30, 9:00 AM');
  });
});
