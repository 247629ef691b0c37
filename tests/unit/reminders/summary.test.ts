import { describe, expect, it } from 'vitest';
import { badgeText } from '../../../lib/reminders/badge';
import { fellDueWhileOpen } from '../../../lib/reminders/schedule';
import {
  MAX_SEPARATE_NOTIFICATIONS,
  ON_TIME_GRACE_MS,
  planReminders,
  type DueReminder,
} from '../../../lib/reminders/summary';

const NOW = Date.UTC(2025, 5, 12, 9);
const reminder = (id: string, minutesAgo: number): DueReminder => ({
  id,
  title: `Follow-up ${id}`,
  due: NOW - minutesAgo * 60_000,
});

describe('planReminders', () => {
  it('nothing due, nothing shown', () => {
    expect(planReminders([], NOW)).toEqual({ kind: 'none' });
  });

  it('one reminder gets its own notification, even a late one (it keeps its buttons)', () => {
    expect(planReminders([reminder('a', 0)], NOW)).toEqual({ kind: 'each', reminders: [reminder('a', 0)] });
    expect(planReminders([reminder('a', 600)], NOW).kind).toBe('each');
  });

  it('a few on time arrive one by one', () => {
    const due = [reminder('a', 1), reminder('b', 0), reminder('c', 0)];
    expect(due.length).toBe(MAX_SEPARATE_NOTIFICATIONS);
    expect(planReminders(due, NOW)).toEqual({ kind: 'each', reminders: due });
  });

  it('many at once become one summary', () => {
    const due = ['a', 'b', 'c', 'd', 'e'].map((id) => reminder(id, 0));
    expect(planReminders(due, NOW)).toEqual({ kind: 'summary', count: 5, first: due.slice(0, 3) });
  });

  it('reminders missed while the browser was closed become one summary', () => {
    const lateBy = ON_TIME_GRACE_MS / 60_000 + 1;
    const due = [reminder('a', 60 * 14), reminder('b', lateBy)];
    expect(planReminders(due, NOW)).toMatchObject({ kind: 'summary', count: 2 });
  });
});

describe('fellDueWhileOpen', () => {
  it('announces follow-ups that were waiting when they fell due, not ones created already overdue', () => {
    expect(fellDueWhileOpen({ status: 'open', due: 100, updatedAt: 50 })).toBe(true);
    expect(fellDueWhileOpen({ status: 'open', due: 100, updatedAt: 100 })).toBe(true);
    expect(fellDueWhileOpen({ status: 'open', due: 100, updatedAt: 150 })).toBe(false);
    expect(fellDueWhileOpen({ status: 'proposed', due: 100, updatedAt: 50 })).toBe(false);
    expect(fellDueWhileOpen({ status: 'done', due: 100, updatedAt: 50 })).toBe(false);
  });
});

describe('badgeText', () => {
  it('is empty at zero and fits four characters', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(badgeText(123_456)).toBe('99+');
  });
});
