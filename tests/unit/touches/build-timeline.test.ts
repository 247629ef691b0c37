/** The timeline's order: every kind of event, newest first, bounded, stable for events of one instant. */
import { describe, expect, it } from 'vitest';
import { buildTimeline, TIMELINE_LIMIT } from '../../../lib/timeline/build-timeline';
import type { TouchView } from '../../../lib/messaging/protocol';
import { followUp, note, stageEvent, touch } from '../data-transfer/rows';

const KEY = 'northwind-trading.com';
const touchView = (id: string, at: number): TouchView => ({ ...touch(id, KEY, { at }), siteName: 'Gmail' });

describe('buildTimeline', () => {
  it('merges touches, notes (when written), stage moves and follow-ups done, newest first', () => {
    const items = buildTimeline({
      touches: [touchView('t2', 600), touchView('t1', 100)],
      notes: [note('n1', KEY, { createdAt: 300, updatedAt: 900 })],
      stageEvents: [stageEvent('s1', KEY, { at: 500, from: 'lead', to: 'discovery' })],
      followUps: [
        followUp('done', KEY, { status: 'done', doneAt: 400, updatedAt: 400 }),
        followUp('open', KEY, { status: 'open', due: 1_000 }),
        followUp('proposed', KEY, { status: 'proposed', due: 2_000 }),
      ],
    });
    expect(items.map((item) => [item.kind, item.at])).toEqual([
      ['touch', 600],
      ['stage', 500],
      ['follow-up-done', 400],
      ['note', 300],
      ['touch', 100],
    ]);
  });

  it('keeps the newest items only, and a fixed order for items of the same instant', () => {
    const touches = Array.from({ length: 200 }, (_, index) => touchView(`t${index}`, index));
    const notes = [note('same', KEY, { createdAt: 199 })];
    const items = buildTimeline({ touches, notes, stageEvents: [], followUps: [] });
    expect(items).toHaveLength(TIMELINE_LIMIT);
    expect(items[0]).toMatchObject({ kind: 'note', at: 199 });
    expect(items[1]).toMatchObject({ kind: 'touch', at: 199 });
    expect(items.at(-1)?.at).toBe(200 - TIMELINE_LIMIT + 1);
  });
});
