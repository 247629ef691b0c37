/**
 * When the one reminder alarm should ring: at the next follow-up's due time, or at once when a reminder
 * is already waiting, and never during quiet hours (then when they end).
 */
import { quietHoursEndAfter, type QuietHours } from './quiet-hours';

export function reminderAlarmTime(nextDue: number, now: number, quiet: QuietHours): number {
  const ring = Math.max(nextDue, now);
  return quietHoursEndAfter(ring, quiet) ?? ring;
}

/** A row as far as reminding is concerned. */
export interface RemindableRow {
  status: string;
  due: number;
  updatedAt: number;
}

/**
 * True when a follow-up fell due while it was waiting, which is what deserves a reminder. A follow-up
 * created, reopened or accepted with a due time already past was last changed after it fell due: the rep
 * has just seen it, so it is shown as overdue but not announced.
 */
export function fellDueWhileOpen(row: RemindableRow): boolean {
  return row.status === 'open' && row.updatedAt <= row.due;
}
