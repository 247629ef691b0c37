/**
 * An account's timeline: what happened with it, newest first, from the rows the panel already has —
 * the threads and records the rep opened (touches), notes (when written), stage moves and follow-ups
 * done. Pure, so the order is tested without a screen.
 */
import type { FollowUpRecord, NoteRecord, StageEventRecord } from '../db/records';
import type { TouchView } from '../messaging/protocol';

/** The most items a timeline holds: each source gives at least its newest this many, so none is missed. */
export const TIMELINE_LIMIT = 50;

export type TimelineItem =
  | { kind: 'touch'; key: string; at: number; touch: TouchView }
  | { kind: 'note'; key: string; at: number; note: NoteRecord }
  | { kind: 'stage'; key: string; at: number; event: StageEventRecord }
  | { kind: 'follow-up-done'; key: string; at: number; followUp: FollowUpRecord };

export interface TimelineSources {
  touches: readonly TouchView[];
  notes: readonly NoteRecord[];
  stageEvents: readonly StageEventRecord[];
  followUps: readonly FollowUpRecord[];
}

/**
 * The newest `limit` items of every source, newest first. Items of the same instant keep a fixed order
 * (by kind, then key), so the list does not reshuffle between renders.
 */
export function buildTimeline(sources: TimelineSources, limit = TIMELINE_LIMIT): TimelineItem[] {
  const items: TimelineItem[] = [
    ...sources.touches.map((touch) => ({
      kind: 'touch' as const,
      key: `touch:${touch.id}`,
      at: touch.at,
      touch,
    })),
    ...sources.notes.map((note) => ({
      kind: 'note' as const,
      key: `note:${note.id}`,
      at: note.createdAt,
      note,
    })),
    ...sources.stageEvents.map((event) => ({
      kind: 'stage' as const,
      key: `stage:${event.id}`,
      at: event.at,
      event,
    })),
    ...sources.followUps.flatMap((followUp) =>
      followUp.status === 'done' && followUp.doneAt !== undefined
        ? [
            {
              kind: 'follow-up-done' as const,
              key: `follow-up:${followUp.id}`,
              at: followUp.doneAt,
              followUp,
            },
          ]
        : [],
    ),
  ];
  return items.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}
