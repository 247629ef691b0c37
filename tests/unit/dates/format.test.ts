import { describe, expect, it } from 'vitest';
import { formatAbsoluteDue, formatRelativeDue } from '../../../lib/dates/format';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();

describe('due texts', () => {
  const now = at(27, 14);

  it('speaks in calendar days beyond today, in hours and minutes within it', () => {
    expect(formatRelativeDue(now + 5 * 60_000, now, 'en')).toBe('in 5 minutes');
    expect(formatRelativeDue(now + 20_000, now, 'en')).toBe('now');
    expect(formatRelativeDue(at(27, 17), now, 'en')).toBe('in 3 hours');
    expect(formatRelativeDue(at(28, 9), now, 'en')).toBe('tomorrow');
    expect(formatRelativeDue(at(28, 9), at(27, 23, 30), 'en')).toBe('tomorrow');
    expect(formatRelativeDue(at(25, 9), now, 'en')).toBe('2 days ago');
    expect(formatRelativeDue(at(27, 13), now, 'en')).toBe('1 hour ago');
  });

  it('uses the UI language', () => {
    expect(formatRelativeDue(at(28, 9), now, 'zh-CN')).toBe('明天');
    expect(formatRelativeDue(at(25, 9), now, 'zh-CN')).toBe('前天');
    expect(formatAbsoluteDue(at(28, 9), now, 'zh-CN')).toMatch(/11月28日/);
  });

  it('shows the year only when it is not this year', () => {
    expect(formatAbsoluteDue(at(28, 9), now, 'en')).not.toMatch(/2026/);
    expect(formatAbsoluteDue(new Date(2027, 0, 4, 9).getTime(), now, 'en')).toMatch(/2027/);
  });

  it('falls back to English for a malformed language tag instead of throwing', () => {
    expect(formatRelativeDue(at(28, 9), now, 'not a locale!')).toBe('tomorrow');
  });
});
