/**
 * The sales funnel from stage events and outcomes: how many deals reached each stage in a period, how
 * many of those went on to the next stage (the stage conversion rate), and how long deals stay in each
 * stage.
 *
 * "Reached stage i" means any stage event in the period moved the deal to stage i or a later one:
 * reps skip stages (a referral can go straight to solution design), and a deal that skipped a stage has
 * still passed it. Moving back does not undo a stage reached. Stages are ordered as the playbook lists
 * them; events to a stage the playbook no longer has count towards "other / removed stage" only.
 *
 * Won and lost deals, closed in the period (`closedAt`), count as follows:
 * - Current stage ("accounts" per stage) counts open deals only: a closed deal is in no stage any more.
 * - A won deal has reached every stage: it completed the process, even when the rep closed it from an
 *   earlier stage without moving it on, so conversion to later stages is not understated.
 * - A lost deal has reached the stage it was lost in (its stage when closed) and, as for any deal, the
 *   furthest stage its events in the period took it to; never a stage beyond both.
 * - A deal closed in the period with no stage event in it still counts as above: it was worked on in the
 *   period, and its close is the step the funnel measures last.
 * - A closed deal's stay in its last stage ends when it closed, not now.
 */
import { DAY_MS } from '../dates/due';
import { median } from './median';

/** The three fields of a stage event the funnel needs. */
export interface StageEventFact {
  /** Whose stay it is: the deal (events from before deals name only the account, its one deal). */
  dealKey: string;
  to: string;
  at: number;
}

/** A deal won or lost in the period. */
export interface ClosingFact {
  dealKey: string;
  outcome: 'won' | 'lost';
  /** The stage it was in when it closed; absent for a deal never given one. */
  stageId?: string;
  at: number;
}

export interface FunnelInput {
  /** The playbook's stage ids, in pipeline order. */
  stageIds: readonly string[];
  /** Accounts per current stage id, including ids the playbook no longer has. */
  accountsByStage: ReadonlyMap<string, number>;
  /** Stage events inside the period, in any order. */
  events: readonly StageEventFact[];
  /** Deals won or lost inside the period. */
  closings?: readonly ClosingFact[];
  now: number;
}

export interface Conversion {
  /** Accounts that reached the next stage… */
  reached: number;
  /** …of those that reached this one. */
  of: number;
  /** reached / of, between 0 and 1. */
  rate: number;
}

export interface StageFigures {
  stageId: string;
  /** Open deals whose current stage this is (not limited to the period; closed deals are in none). */
  accounts: number;
  /** Deals that reached this stage or a later one in the period (won ones reach every stage). */
  reached: number;
  /** Conversion to the next stage; null for the last stage or when no account reached this one. */
  toNext: Conversion | null;
  /** Median days spent in the stage, over the stays that began in the period; null when none did. */
  medianDays: number | null;
  /** How many stays the median is taken over (a stay still running counts until now). */
  stays: number;
}

export interface OtherStageFigures {
  accounts: number;
  /** The stage ids found that the playbook does not have, most accounts first. */
  stageIds: string[];
  medianDays: number | null;
  stays: number;
}

export interface FunnelFigures {
  stages: StageFigures[];
  other: OtherStageFigures;
  /** Accounts with at least one stage event in the period. */
  accountsMoved: number;
}

function inTimeOrder(events: readonly StageEventFact[]): readonly StageEventFact[] {
  for (let index = 1; index < events.length; index += 1) {
    if (events[index]!.at < events[index - 1]!.at) {
      // A stable sort keeps the stored order for events at the same instant.
      return [...events].sort((a, b) => a.at - b.at);
    }
  }
  return events;
}

export interface AccountWalk {
  /** The stage the account is in after the latest event seen, and since when. */
  stage: string;
  since: number;
  /** The furthest playbook stage reached, as an index; -1 when only removed stages were seen. */
  furthest: number;
}

/** Stay lengths in days per stage id, as the walks measure them. */
export type StaysByStage = Map<string, number[]>;

export function addStay(staysByStage: StaysByStage, stage: string, ms: number): void {
  let stays = staysByStage.get(stage);
  if (!stays) staysByStage.set(stage, (stays = []));
  stays.push(Math.max(0, ms) / DAY_MS);
}

/**
 * One pass over the period's events in time order (the `by-at` index already yields them so): each
 * account's consecutive events give the length of its stays, and its furthest stage.
 */
export function funnelFigures(input: FunnelInput): FunnelFigures {
  const stageIndex = new Map(input.stageIds.map((id, index) => [id, index]));
  const staysByStage: StaysByStage = new Map();
  const walks = new Map<string, AccountWalk>();
  for (const event of inTimeOrder(input.events)) {
    const index = stageIndex.get(event.to) ?? -1;
    const walk = walks.get(event.dealKey);
    if (!walk) {
      walks.set(event.dealKey, { stage: event.to, since: event.at, furthest: index });
      continue;
    }
    walk.furthest = Math.max(walk.furthest, index);
    // A repeated event to the same stage (an import, a double click) continues the stay.
    if (walk.stage === event.to) continue;
    addStay(staysByStage, walk.stage, event.at - walk.since);
    walk.stage = event.to;
    walk.since = event.at;
  }
  return funnelFromWalks(input, walks, staysByStage);
}

/**
 * The figures from each deal's walk over the period's events (where it stands after its last event, and
 * the furthest stage it reached) and the stays its earlier events ended. Exported for walks made from
 * other shapes of the same events (lib/background/insights-aggregates-query.ts); `staysByStage` gets
 * the last stays added.
 */
export function funnelFromWalks(
  input: Omit<FunnelInput, 'events'>,
  walks: ReadonlyMap<string, AccountWalk>,
  staysByStage: StaysByStage,
): FunnelFigures {
  const stageIndex = new Map(input.stageIds.map((id, index) => [id, index]));
  const addStayTo = (stage: string, ms: number) => addStay(staysByStage, stage, ms);

  // Outcomes: a closed deal's last stay ends at its close, and its furthest stage is set by how it ended.
  const lastStage = input.stageIds.length - 1;
  const furthestOf = new Map<string, number>();
  const closedAt = new Map<string, number>();
  for (const closing of input.closings ?? []) {
    closedAt.set(closing.dealKey, closing.at);
    const reachedByEvents = walks.get(closing.dealKey)?.furthest ?? -1;
    const lostIn = closing.stageId === undefined ? -1 : (stageIndex.get(closing.stageId) ?? -1);
    furthestOf.set(
      closing.dealKey,
      closing.outcome === 'won' ? lastStage : Math.max(reachedByEvents, lostIn),
    );
  }
  for (const [dealKey, walk] of walks) {
    if (!furthestOf.has(dealKey)) furthestOf.set(dealKey, walk.furthest);
  }

  // Each deal's last stay runs until it closed, or until now while it is open.
  for (const [dealKey, walk] of walks) {
    addStayTo(walk.stage, (closedAt.get(dealKey) ?? input.now) - walk.since);
  }

  // Deals by the furthest stage they reached, then summed from the last stage back.
  const furthestCounts = new Array<number>(input.stageIds.length).fill(0);
  for (const furthest of furthestOf.values()) {
    if (furthest >= 0) furthestCounts[furthest]! += 1;
  }
  const reached = new Array<number>(input.stageIds.length).fill(0);
  for (let index = input.stageIds.length - 1, running = 0; index >= 0; index -= 1) {
    running += furthestCounts[index]!;
    reached[index] = running;
  }

  const stages = input.stageIds.map((stageId, index): StageFigures => {
    const stays = staysByStage.get(stageId) ?? [];
    const next = reached[index + 1];
    const of = reached[index]!;
    return {
      stageId,
      accounts: input.accountsByStage.get(stageId) ?? 0,
      reached: of,
      toNext: next === undefined || of === 0 ? null : { reached: next, of, rate: next / of },
      medianDays: median(stays),
      stays: stays.length,
    };
  });

  const otherCounts = [...input.accountsByStage].filter(([stageId]) => !stageIndex.has(stageId));
  const otherStays = [...staysByStage].filter(([stageId]) => !stageIndex.has(stageId)).flatMap(([, s]) => s);
  return {
    stages,
    other: {
      accounts: otherCounts.reduce((sum, [, count]) => sum + count, 0),
      stageIds: otherCounts.sort((a, b) => b[1] - a[1]).map(([stageId]) => stageId),
      medianDays: median(otherStays),
      stays: otherStays.length,
    },
    accountsMoved: walks.size,
  };
}
