import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../lib/dates/due';
import { followUpTimeliness, spinCounts } from '../../../lib/insights/activity';
import { funnelFigures, type ClosingFact, type StageEventFact } from '../../../lib/insights/funnel';
import { median } from '../../../lib/insights/median';
import { periodStart } from '../../../lib/insights/period';

const STAGES = ['lead', 'discovery', 'solution', 'negotiation', 'after-sales'];
const NOW = Date.UTC(2025, 5, 30, 12);
const day = (n: number) => NOW - (30 - n) * DAY_MS;

function event(dealKey: string, to: string, at: number): StageEventFact {
  return { dealKey, to, at };
}

function figures(events: StageEventFact[], accountsByStage: Record<string, number> = {}) {
  return funnelFigures({
    stageIds: STAGES,
    accountsByStage: new Map(Object.entries(accountsByStage)),
    events,
    now: NOW,
  });
}

const byStage = (result: ReturnType<typeof figures>) =>
  Object.fromEntries(result.stages.map((stage) => [stage.stageId, stage]));

describe('funnel conversion', () => {
  it('counts an account as reaching every stage up to the furthest one, even when it skipped some', () => {
    // a: lead → solution (skips discovery); b: lead only; c: straight to negotiation.
    const result = byStage(
      figures([
        event('a', 'lead', day(1)),
        event('b', 'lead', day(2)),
        event('a', 'solution', day(5)),
        event('c', 'negotiation', day(6)),
      ]),
    );
    expect(result.lead!.reached).toBe(3);
    expect(result.discovery!.reached).toBe(2);
    expect(result.solution!.reached).toBe(2);
    expect(result.negotiation!.reached).toBe(1);
    expect(result['after-sales']!.reached).toBe(0);

    expect(result.lead!.toNext).toEqual({ reached: 2, of: 3, rate: 2 / 3 });
    expect(result.discovery!.toNext).toEqual({ reached: 2, of: 2, rate: 1 });
    expect(result.solution!.toNext).toEqual({ reached: 1, of: 2, rate: 0.5 });
    expect(result.negotiation!.toNext).toEqual({ reached: 0, of: 1, rate: 0 });
  });

  it('keeps a stage reached when the deal moves back', () => {
    const result = byStage(
      figures([
        event('a', 'lead', day(1)),
        event('a', 'negotiation', day(3)),
        event('a', 'discovery', day(4)),
      ]),
    );
    expect(result.negotiation!.reached).toBe(1);
    expect(result.solution!.toNext).toEqual({ reached: 1, of: 1, rate: 1 });
  });

  it('has no conversion for the last stage, nor for a stage nobody reached', () => {
    const result = byStage(figures([event('a', 'lead', day(1))]));
    expect(result['after-sales']!.toNext).toBeNull();
    expect(result.discovery!.toNext).toBeNull();
    expect(result.lead!.toNext).toEqual({ reached: 0, of: 1, rate: 0 });
  });

  it('reports current accounts per stage apart from the period, and removed stages as "other"', () => {
    const result = figures([event('a', 'pilot', day(1)), event('b', 'lead', day(2))], {
      lead: 4,
      discovery: 1,
      pilot: 2,
      trial: 3,
    });
    expect(result.stages.map((stage) => stage.accounts)).toEqual([4, 1, 0, 0, 0]);
    expect(result.other.accounts).toBe(5);
    expect(result.other.stageIds).toEqual(['trial', 'pilot']);
    // An event to a removed stage reaches no playbook stage.
    expect(byStage(result).lead!.reached).toBe(1);
    expect(result.accountsMoved).toBe(2);
  });
});

describe('days in stage', () => {
  it('takes the median of consecutive events per account; the current stage runs until now', () => {
    const result = byStage(
      figures([
        event('a', 'lead', day(0)),
        event('b', 'lead', day(10)),
        event('a', 'discovery', day(2)),
        event('b', 'discovery', day(14)),
        event('a', 'solution', day(8)),
      ]),
    );
    // Lead: a 2 days, b 4 days. Discovery: a 6 days, b until now (16 days). Solution: a until now (22).
    expect(result.lead!.medianDays).toBe(3);
    expect(result.lead!.stays).toBe(2);
    expect(result.discovery!.medianDays).toBe(11);
    expect(result.solution!.medianDays).toBe(22);
    expect(result.solution!.stays).toBe(1);
    expect(result.negotiation!.medianDays).toBeNull();
  });

  it('counts every stay when a deal returns to a stage', () => {
    const result = byStage(
      figures([
        event('a', 'lead', day(0)),
        event('a', 'discovery', day(1)),
        event('a', 'lead', day(4)),
        event('a', 'discovery', day(5)),
      ]),
    );
    expect(result.lead!.stays).toBe(2);
    expect(result.lead!.medianDays).toBe(1);
    // Discovery: 3 days, then 25 days until now.
    expect(result.discovery!.medianDays).toBe(14);
  });

  it('reads events in time order whatever order they come in, and treats a repeat as the same stay', () => {
    const result = byStage(
      figures([event('a', 'discovery', day(4)), event('a', 'lead', day(0)), event('a', 'lead', day(2))]),
    );
    expect(result.lead!.stays).toBe(1);
    expect(result.lead!.medianDays).toBe(4);
  });

  it('puts stays in removed stages under "other"', () => {
    const result = figures([event('a', 'pilot', day(20)), event('a', 'lead', day(24))]);
    expect(result.other.medianDays).toBe(4);
    expect(result.other.stays).toBe(1);
  });

  it('never reports a negative stay for an event stamped after now', () => {
    const result = byStage(figures([event('a', 'lead', NOW + DAY_MS)]));
    expect(result.lead!.medianDays).toBe(0);
  });
});

describe('period', () => {
  it('starts 30, 90 or 365 days back, or at 0 for all time', () => {
    expect(periodStart('30', NOW)).toBe(NOW - 30 * DAY_MS);
    expect(periodStart('90', NOW)).toBe(NOW - 90 * DAY_MS);
    expect(periodStart('365', NOW)).toBe(NOW - 365 * DAY_MS);
    expect(periodStart('all', NOW)).toBe(0);
    expect(periodStart('365', 1000)).toBe(0);
  });
});

describe('follow-ups on time and late', () => {
  it('counts done follow-ups due in the period: on time when done by their due time', () => {
    expect(
      followUpTimeliness(
        [
          { due: day(5), doneAt: day(5) },
          { due: day(5), doneAt: day(4) },
          { due: day(5), doneAt: day(5) + 1 },
          // Due in the period, done after it ended is still late.
          { due: day(29), doneAt: NOW + DAY_MS },
          // Due before the period: left out, even though done inside it.
          { due: day(-1), doneAt: day(2) },
          // Due after now (done early): not yet due, so not in the period.
          { due: NOW + 3 * DAY_MS, doneAt: day(20) },
          // Not done.
          { due: day(3) },
        ],
        day(0),
        NOW,
      ),
    ).toEqual({ onTime: 2, late: 2 });
  });
});

describe('SPIN questions by type', () => {
  it('counts the questions asked in the period', () => {
    expect(
      spinCounts(
        [
          { spinType: 'S', askedAt: day(1) },
          { spinType: 'S', askedAt: day(2) },
          { spinType: 'P', askedAt: day(3) },
          { spinType: 'N', askedAt: day(-5) },
        ],
        day(0),
      ),
    ).toEqual({ S: 2, P: 1, I: 0, N: 0 });
  });
});

describe('median', () => {
  it('is the middle value, the mean of the middle two, or null', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('funnel with won and lost deals', () => {
  // w: lead → discovery, won from discovery on day 5. l: lead → solution, lost in solution on day 8.
  // o: lead, still open. x: lost in negotiation on day 9, y: won from lead on day 10, neither moved in
  // the period.
  const closings: ClosingFact[] = [
    { dealKey: 'w', outcome: 'won', stageId: 'discovery', at: day(5) },
    { dealKey: 'l', outcome: 'lost', stageId: 'solution', at: day(8) },
    { dealKey: 'x', outcome: 'lost', stageId: 'negotiation', at: day(9) },
    { dealKey: 'y', outcome: 'won', stageId: 'lead', at: day(10) },
  ];
  const events = [
    event('w', 'lead', day(1)),
    event('o', 'lead', day(1)),
    event('l', 'lead', day(2)),
    event('w', 'discovery', day(3)),
    event('l', 'solution', day(4)),
  ];
  const result = byStage(
    funnelFigures({ stageIds: STAGES, accountsByStage: new Map([['lead', 1]]), events, closings, now: NOW }),
  );

  it('counts a won deal as having reached every stage and a lost one up to the stage it was lost in', () => {
    // Furthest: o lead, l solution, x negotiation, w and y after-sales.
    expect(STAGES.map((stage) => result[stage]!.reached)).toEqual([5, 4, 4, 3, 2]);
    expect(result.lead!.toNext).toEqual({ reached: 4, of: 5, rate: 0.8 });
    expect(result.discovery!.toNext).toEqual({ reached: 4, of: 4, rate: 1 });
    expect(result.solution!.toNext).toEqual({ reached: 3, of: 4, rate: 0.75 });
    expect(result.negotiation!.toNext).toEqual({ reached: 2, of: 3, rate: 2 / 3 });
  });

  it('without the outcomes, the same events understate the later stages', () => {
    const eventsOnly = byStage(figures(events));
    expect(STAGES.map((stage) => eventsOnly[stage]!.reached)).toEqual([3, 2, 1, 0, 0]);
  });

  it("keeps a lost deal's furthest stage when it was lost after moving back", () => {
    const movedBack = byStage(
      funnelFigures({
        stageIds: STAGES,
        accountsByStage: new Map(),
        events: [event('m', 'negotiation', day(1)), event('m', 'discovery', day(2))],
        closings: [{ dealKey: 'm', outcome: 'lost', stageId: 'discovery', at: day(3) }],
        now: NOW,
      }),
    );
    expect(STAGES.map((stage) => movedBack[stage]!.reached)).toEqual([1, 1, 1, 1, 0]);
  });

  it('ends a closed deal’s stay at its close, and an open one’s now', () => {
    // Lead: w 2 days, l 2 days, o 29 days (day 1 to now, day 30). Discovery: w 2 days (day 3 to its
    // win on day 5). Solution: l 4 days (day 4 to its loss on day 8).
    expect(result.lead).toMatchObject({ medianDays: 2, stays: 3 });
    expect(result.discovery).toMatchObject({ medianDays: 2, stays: 1 });
    expect(result.solution).toMatchObject({ medianDays: 4, stays: 1 });
    expect(result.negotiation).toMatchObject({ medianDays: null, stays: 0 });
  });

  it('counts only open deals as currently in a stage', () => {
    expect(STAGES.map((stage) => result[stage]!.accounts)).toEqual([1, 0, 0, 0, 0]);
  });
});
