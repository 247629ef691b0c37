/**
 * What to announce when reminders fall due: one notification each while they arrive on time, and one
 * summary when many arrive together or late (the browser was closed, the computer slept, quiet hours
 * held them back), so the rep never gets a storm of notifications.
 */

export interface DueReminder {
  id: string;
  title: string;
  due: number;
}

export type ReminderPlan =
  | { kind: 'none' }
  | { kind: 'each'; reminders: DueReminder[] }
  | { kind: 'summary'; count: number; first: DueReminder[] };

/** How late a reminder may be and still count as "on time" (alarms and waking workers lag a little). */
export const ON_TIME_GRACE_MS = 5 * 60_000;
/** More reminders than this at once become a summary even when on time. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
/** How many titles a summary lists. */
export const SUMMARY_TITLES = 3;

/** `due` is every reminder that fell due since the last delivery, in due order. */
export function planReminders(due: readonly DueReminder[], now: number): ReminderPlan {
  if (due.length === 0) return { kind: 'none' };
  // A single reminder keeps its own notification (with Done and Snooze) however late it is.
  if (due.length === 1) return { kind: 'each', reminders: [...due] };
  const allOnTime = due.every((reminder) => now - reminder.due <= ON_TIME_GRACE_MS);
  if (allOnTime && due.length <= MAX_SEPARATE_NOTIFICATIONS) return { kind: 'each', reminders: [...due] };
  return { kind: 'summary', count: due.length, first: due.slice(0, SUMMARY_TITLES) };
}
