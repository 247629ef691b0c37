/** Follow-up discipline and SPIN questioning in a period, counted in one pass over their rows. */
import type { SpinType } from '../playbook/schema';

export interface FollowUpTimeliness {
  /** Done no later than due. */
  onTime: number;
  /** Done after they were due. */
  late: number;
}

/**
 * Follow-ups due in the period (from `from` up to now) that are done: on time when done by their due
 * time, else late. Snoozing moves the due time, so a snoozed follow-up done by its new time is on time.
 * Counting by due time rather than by completion lets the `by-status-due` index bound the read, and
 * asks the question a rep's lead asks: of what fell due lately, how much was handled in time?
 */
export function followUpTimeliness(
  done: Iterable<{ due: number; doneAt?: number }>,
  from: number,
  now: number,
): FollowUpTimeliness {
  const result = { onTime: 0, late: 0 };
  for (const followUp of done) {
    if (followUp.doneAt === undefined || followUp.due < from || followUp.due > now) continue;
    if (followUp.doneAt <= followUp.due) result.onTime += 1;
    else result.late += 1;
  }
  return result;
}

export type SpinCounts = Record<SpinType, number>;

/** SPIN questions asked in the period, by type. */
export function spinCounts(
  asked: Iterable<{ spinType: SpinType; askedAt: number }>,
  from: number,
): SpinCounts {
  const counts: SpinCounts = { S: 0, P: 0, I: 0, N: 0 };
  for (const question of asked) {
    if (question.askedAt >= from) counts[question.spinType] += 1;
  }
  return counts;
}
