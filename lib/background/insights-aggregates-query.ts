/**
 * The insights from the aggregates (lib/db/insights-aggregates.ts) instead of the records: one read-only
 * transaction reads every aggregate row (a few hundred, mostly typed arrays) and the accounts' count, and
 * the period and scope are applied in memory. The figures are those of ./insights-query.ts
 * (`insightsReport`, which reads the records): the same inputs in the same order go to the same
 * lib/insights functions (./insights-query.ts `reportFrom`).
 *
 * When the aggregates are not built yet (the first report after the upgrade that added them, or after
 * their format changed) they are built from the records first.
 */
import {
  currentBuild,
  decodeDeal,
  FOLLOW_UP_STATES,
  readAggregateRows,
  rebuildInsightsAggregates,
  rowsByKind,
  SPIN_TYPES,
  type AggregateRows,
  type AuthorEntry,
  type EventsChunk,
} from '../db/insights-aggregates';
import type { Db } from '../db/open';
import type { SpinCounts } from '../insights/activity';
import { forecastEndDay, type OpenDealFact } from '../insights/forecast';
import { DAY_MS } from '../dates/due';
import type { AccountWalk, StaysByStage } from '../insights/funnel';
import type { ClosedDealFact } from '../insights/outcomes';
import { periodStart, type InsightsPeriod } from '../insights/period';
import type { InsightsReport } from '../insights/report';
import type { Playbook } from '../playbook/schema';
import { reportFrom, type Counted, type ReportInputs } from './insights-query';

/** What a report reads: every aggregate row and the accounts' count, or undefined when not built. */
export type AggregatesSource = (
  db: Db,
) => Promise<{ rows: AggregateRows; totalAccounts: number } | undefined>;

/** The rows read from the database now, in one read-only transaction. */
export const readAggregatesNow: AggregatesSource = async (db) => {
  const tx = db.transaction(['insightsAggregates', 'accounts'], 'readonly');
  const store = tx.objectStore('insightsAggregates');
  const [build, rows, totalAccounts] = await Promise.all([
    currentBuild(store),
    readAggregateRows(store),
    tx.objectStore('accounts').count(),
  ]);
  await tx.done;
  return build === undefined ? undefined : { rows: rowsByKind(rows.values()), totalAccounts };
};

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which of a row's authors count. */
const countedAuthors = (authors: readonly AuthorEntry[], counted: Counted) =>
  authors.map((author) => counted(author ?? undefined));

type ClosedFact = ClosedDealFact & { id: string; stageId?: string };

/** Counts every record (the team's scope, and the only one while sync is off). */
export const countEverything: Counted = () => true;

interface ChunkWalks {
  walks: [string, AccountWalk][];
  stays: StaysByStage;
}

/** All time's walks over every record, per events row as kept in memory (./insights-aggregates-cache.ts). */
const allTimeWalks = new WeakMap<EventsChunk, { playbookKey: string; walked: ChunkWalks }>();

/**
 * All time's walks over every record merged over all the events rows: the same until any row is rewritten
 * (a rewritten row is a new object) or the playbook changes. The funnel adds each deal's last stay to the
 * stay lists, so it is given copies of them; the walks it only reads.
 */
let allTimeMerged:
  | {
      rows: readonly EventsChunk[];
      playbookKey: string;
      walks: ReadonlyMap<string, AccountWalk>;
      stays: StaysByStage;
    }
  | undefined;

const copyStays = (stays: StaysByStage): StaysByStage =>
  new Map([...stays].map(([stage, list]) => [stage, list.slice()]));

const sameRows = (a: readonly EventsChunk[], b: readonly EventsChunk[]) =>
  a.length === b.length && a.every((row, index) => row === b[index]);

/**
 * Each deal's walk over its events of the period, as lib/insights/funnel.ts walks them: the events are
 * each deal's, in the order it needs (time, then id), with their stages as the row's codes.
 */
function walkChunk(
  chunk: EventsChunk,
  from: number,
  counts: readonly boolean[],
  stageIndex: ReadonlyMap<string, number>,
): ChunkWalks {
  const walks: [string, AccountWalk][] = [];
  const stays: StaysByStage = new Map();
  const allCount = counts.every(Boolean);
  const playbookIndex = chunk.stages.map((id) => stageIndex.get(id) ?? -1);
  // Each stage code's stay list (an empty list counts as none).
  const stayLists = chunk.stages.map((id) => {
    let list = stays.get(id);
    if (!list) stays.set(id, (list = []));
    return list;
  });
  for (let deal = 0; deal < chunk.dealKeys.length; deal++) {
    let walk: AccountWalk | undefined;
    let stage = -1;
    for (let index = chunk.start[deal]!, end = chunk.start[deal + 1]!; index < end; index++) {
      const at = chunk.at[index]!;
      if (at < from || (!allCount && !counts[chunk.author[index]!])) continue;
      const to = chunk.to[index]!;
      if (!walk) {
        walk = { stage: chunk.stages[to]!, since: at, furthest: playbookIndex[to]! };
        stage = to;
        continue;
      }
      if (playbookIndex[to]! > walk.furthest) walk.furthest = playbookIndex[to]!;
      // A repeated event to the same stage continues the stay.
      if (to === stage) continue;
      stayLists[stage]!.push(Math.max(0, at - walk.since) / DAY_MS);
      walk.stage = chunk.stages[to]!;
      walk.since = at;
      stage = to;
    }
    if (walk) walks.push([chunk.dealKeys[deal]!, walk]);
  }
  return { walks, stays };
}

/**
 * Each deal's walk over the events rows' events of the period, and the stays they measure. `allTime`: the
 * period is all time over every record, whose walks are kept per row.
 */
function walkRows(
  rows: readonly EventsChunk[],
  stageIds: readonly string[],
  playbookKey: string,
  from: number,
  counted: Counted,
  allTime: boolean,
): { walks: Map<string, AccountWalk>; stays: StaysByStage } {
  const stageIndex = new Map(stageIds.map((id, index) => [id, index]));
  const walks = new Map<string, AccountWalk>();
  const stays: StaysByStage = new Map();
  for (const chunk of rows) {
    // All time over every record is the same for a row until it is rewritten: walked once per row kept.
    const remembered = allTime ? allTimeWalks.get(chunk) : undefined;
    let walked = remembered?.playbookKey === playbookKey ? remembered.walked : undefined;
    if (!walked) {
      walked = walkChunk(chunk, from, countedAuthors(chunk.authors, counted), stageIndex);
      if (allTime) allTimeWalks.set(chunk, { playbookKey, walked });
    }
    for (const [dealKey, walk] of walked.walks) walks.set(dealKey, { ...walk });
    for (const [stage, list] of walked.stays) {
      const into = stays.get(stage);
      if (into) for (const days of list) into.push(days);
      else stays.set(stage, [...list]);
    }
  }
  return { walks, stays };
}

/** The report's inputs for a period and scope, from the aggregate rows. */
export function inputsFromAggregates(
  stageIds: readonly string[],
  rows: AggregateRows,
  totalAccounts: number,
  from: number,
  now: number,
  counted: Counted,
): ReportInputs {
  const endDay = forecastEndDay(now);
  const stageCounts = new Map<string, number>();
  const accountsWithDeal = new Set<string>();
  const closed: ClosedFact[] = [];
  const closing: (OpenDealFact & { id: string; closeDate: string })[] = [];
  for (const chunk of rows.deals) {
    const counts = countedAuthors(chunk.authors, counted);
    for (let index = 0; index < chunk.id.length; index++) {
      accountsWithDeal.add(chunk.accountKey[index]!);
      if (!counts[chunk.author[index]!]) continue;
      const outcome = chunk.outcome[index];
      if (outcome === 0) {
        const stageId = chunk.stageId[index];
        if (stageId !== null && stageId !== undefined)
          stageCounts.set(stageId, (stageCounts.get(stageId) ?? 0) + 1);
        const closeDate = chunk.closeDate[index];
        if (closeDate !== null && closeDate !== undefined && closeDate < endDay) {
          const value = chunk.value[index]!;
          const currency = chunk.currency[index];
          closing.push({
            id: chunk.id[index]!,
            closeDate,
            ...(stageId !== null && stageId !== undefined ? { stageId } : {}),
            ...(!Number.isNaN(value) ? { value } : {}),
            ...(currency !== null && currency !== undefined ? { currency } : {}),
          });
        }
        continue;
      }
      const closedAt = chunk.closedAt[index]!;
      if (!(closedAt >= from && closedAt <= now)) continue;
      const deal = decodeDeal(chunk, index);
      closed.push({
        id: deal.id,
        outcome: deal.outcome === 'won' ? 'won' : 'lost',
        closedAt,
        createdAt: deal.createdAt,
        ...(deal.stageId !== null ? { stageId: deal.stageId } : {}),
        ...(deal.lostReason !== null ? { lostReason: deal.lostReason } : {}),
        ...(!Number.isNaN(deal.value) ? { value: deal.value } : {}),
        ...(deal.currency !== null ? { currency: deal.currency } : {}),
      });
    }
  }
  // The orders the records' indexes give them in: sums of amounts are added up in that order.
  closed.sort((a, b) => a.closedAt - b.closedAt || compareKeys(a.id, b.id));
  closing.sort((a, b) => compareKeys(a.closeDate, b.closeDate) || compareKeys(a.id, b.id));
  const byStage = new Map([...stageCounts].sort((a, b) => compareKeys(a[0], b[0])));

  const playbookKey = stageIds.join('\u0000');
  const allTime = from === 0 && counted === countEverything;
  const merged =
    allTime && allTimeMerged?.playbookKey === playbookKey && sameRows(allTimeMerged.rows, rows.events)
      ? allTimeMerged
      : undefined;
  const funnel = merged
    ? { walks: merged.walks, stays: copyStays(merged.stays) }
    : walkRows(rows.events, stageIds, playbookKey, from, counted, allTime);
  if (allTime && !merged) {
    allTimeMerged = {
      rows: [...rows.events],
      playbookKey,
      walks: funnel.walks,
      stays: copyStays(funnel.stays),
    };
  }

  const followUps = { onTime: 0, late: 0, overdueNow: 0 };
  for (const chunk of rows.followUps) {
    const counts = countedAuthors(chunk.authors, counted);
    for (let index = 0; index < chunk.due.length; index++) {
      if (!counts[chunk.author[index]!]) continue;
      const due = chunk.due[index]!;
      const state = FOLLOW_UP_STATES[chunk.state[index]!];
      const count = chunk.count[index]!;
      if (state === 'open') {
        if (due < now) followUps.overdueNow += count;
      } else if (due >= from && due <= now) {
        followUps[state === 'onTime' ? 'onTime' : 'late'] += count;
      }
    }
  }

  const spin: SpinCounts = { S: 0, P: 0, I: 0, N: 0 };
  for (const chunk of rows.questions) {
    const counts = countedAuthors(chunk.authors, counted);
    for (let index = 0; index < chunk.askedAt.length; index++) {
      if (chunk.askedAt[index]! >= from && counts[chunk.author[index]!]) {
        spin[SPIN_TYPES[chunk.spin[index]!]!] += chunk.count[index]!;
      }
    }
  }

  return {
    byStage,
    totalAccounts,
    accountsWithoutDeal: Math.max(0, totalAccounts - accountsWithDeal.size),
    funnel,
    closed,
    closing,
    followUps: { onTime: followUps.onTime, late: followUps.late, overdueNow: followUps.overdueNow },
    spin,
  };
}

export async function insightsReportFromAggregates(
  db: Db,
  playbook: Playbook,
  period: InsightsPeriod,
  now: number,
  /** The "mine" scope: only records whose author passes. Absent: every record (the team's). */
  counted: Counted = countEverything,
  /** Where the rows come from: the database, or rows kept in memory (./insights-aggregates-cache.ts). */
  source: AggregatesSource = readAggregatesNow,
): Promise<Omit<InsightsReport, 'scope' | 'teamScope'>> {
  let read = await source(db);
  if (!read) {
    await rebuildInsightsAggregates(db, now);
    read = await source(db);
    if (!read) throw new Error('The insights aggregates could not be built.');
  }
  const from = periodStart(period, now);
  return reportFrom(
    playbook,
    period,
    now,
    from,
    inputsFromAggregates(
      playbook.stages.map((stage) => stage.id),
      read.rows,
      read.totalAccounts,
      from,
      now,
      counted,
    ),
  );
}
