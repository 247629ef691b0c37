/**
 * Reads what the insights need, each store once and by index ranges where the schema has one: open
 * deals counted per current stage on `by-outcome-stage` (one count per distinct stage, never a row
 * read), the deals won or lost in the period on `by-closed`, the deals whose close day is before the
 * forecast's horizon on `by-close-date`, the period's stage events on `by-at` (already in time order, as
 * the funnel pass wants them), follow-ups due in the period and overdue now on `by-status-due`, and the
 * SPIN questions asked in the period on `by-asked`. One read-only transaction, so the figures are of one
 * moment (measured: separate transactions per store were no faster in Chromium). The figures come from
 * lib/insights.
 */
import type { IDBPTransaction } from 'idb';
import type { Db } from '../db/open';
import {
  dealRecordSchema,
  followUpRecordSchema,
  questionLogRecordSchema,
  stageEventRecordSchema,
  type Author,
  type DealRecord,
} from '../db/records';
import { validRows } from '../db/validate';
import { followUpTimeliness, spinCounts, type SpinCounts } from '../insights/activity';
import { forecastEndDay, forecastFigures, type OpenDealFact } from '../insights/forecast';
import {
  funnelFigures,
  funnelFromWalks,
  type AccountWalk,
  type StageEventFact,
  type StaysByStage,
} from '../insights/funnel';
import { outcomeFigures, type ClosedDealFact } from '../insights/outcomes';
import { periodStart, type InsightsPeriod } from '../insights/period';
import type { InsightsOutcomes, InsightsReport } from '../insights/report';
import type { DealsideDb } from '../db/schema';
import { defaultStageProbability, stageProbabilities } from '../playbook/probability';
import type { Playbook } from '../playbook/schema';

const STORES = ['accounts', 'deals', 'stageEvents', 'followUps', 'questionLog'] as const;
type ReadTx = IDBPTransaction<DealsideDb, (typeof STORES)[number][], 'readonly'>;

const idOf = (row: unknown) => (row as { id?: unknown }).id;

/** Which records count: all of them, or (the "mine" scope) those whose author passes. */
export type Counted = (author: Author | undefined) => boolean;
export const everything: Counted = () => true;

/** Open deals per current stage id; accounts in all, and how many have no deal yet. */
async function dealCounts(
  tx: ReadTx,
  counted: Counted,
): Promise<{ byStage: Map<string, number>; totalAccounts: number; accountsWithoutDeal: number }> {
  const byStageIndex = tx.objectStore('deals').index('by-outcome-stage');
  const openDeals = IDBKeyRange.bound(['open', ''], ['open', '\uffff']);
  const byStage = new Map<string, number>();
  const counting: Promise<void>[] = [];
  if (counted === everything) {
    // Walks the distinct stage ids only; each is then counted by the index without reading a row.
    let cursor = await byStageIndex.openKeyCursor(openDeals, 'nextunique');
    while (cursor) {
      const key = cursor.key;
      counting.push(byStageIndex.count(key).then((count) => void byStage.set(key[1], count)));
      cursor = await cursor.continue();
    }
  } else {
    // Only some owners' deals: the open deals are read, as the owner is in the row.
    const open = validRows(dealRecordSchema, 'deals', await byStageIndex.getAll(openDeals), idOf);
    for (const deal of open) {
      if (deal.stageId === undefined || !counted(deal.author)) continue;
      byStage.set(deal.stageId, (byStage.get(deal.stageId) ?? 0) + 1);
    }
  }
  // Accounts with a deal: the distinct keys of the deals' account index, read without a row.
  let accountsWithDeal = 0;
  let accountCursor = await tx.objectStore('deals').index('by-account').openKeyCursor(null, 'nextunique');
  while (accountCursor) {
    accountsWithDeal += 1;
    accountCursor = await accountCursor.continue();
  }
  const [totalAccounts] = await Promise.all([tx.objectStore('accounts').count(), ...counting]);
  return { byStage, totalAccounts, accountsWithoutDeal: Math.max(0, totalAccounts - accountsWithDeal) };
}

/** Deals won or lost in [from, now]; deals still open have no `closedAt` and are not in the index. */
async function dealsClosedIn(tx: ReadTx, from: number, now: number, counted: Counted) {
  const rows = await tx.objectStore('deals').index('by-closed').getAll(IDBKeyRange.bound(from, now));
  return validRows(dealRecordSchema, 'deals', rows, idOf).filter(
    (deal): deal is DealRecord & ClosedDealFact =>
      deal.outcome !== 'open' && deal.closedAt !== undefined && counted(deal.author),
  );
}

/**
 * Open deals with a close day before the end of the forecast's last month. The index holds close days of
 * closed deals too (it has no outcome to bound by); those are dropped here. Deals without a close day are
 * not in the index at all, and have no place in the forecast.
 */
async function dealsClosingBefore(tx: ReadTx, endDay: string, counted: Counted) {
  const rows = await tx
    .objectStore('deals')
    .index('by-close-date')
    .getAll(IDBKeyRange.upperBound(endDay, true));
  return validRows(dealRecordSchema, 'deals', rows, idOf).filter(
    (deal) => deal.outcome === 'open' && counted(deal.author),
  );
}

async function stageEventsSince(tx: ReadTx, from: number, counted: Counted) {
  const rows = await tx.objectStore('stageEvents').index('by-at').getAll(IDBKeyRange.lowerBound(from));
  const events = validRows(stageEventRecordSchema, 'stageEvents', rows, idOf);
  return counted === everything ? events : events.filter((event) => counted(event.author));
}

/** Done follow-ups due in [from, now], and how many open ones are past due now. */
async function followUpFigures(tx: ReadTx, from: number, now: number, counted: Counted) {
  const index = tx.objectStore('followUps').index('by-status-due');
  const overdue = IDBKeyRange.bound(['open', -Infinity], ['open', now], false, true);
  const [doneRows, overdueNow] = await Promise.all([
    index.getAll(IDBKeyRange.bound(['done', from], ['done', now])),
    counted === everything
      ? index.count(overdue)
      : index
          .getAll(overdue)
          .then(
            (rows) =>
              validRows(followUpRecordSchema, 'followUps', rows, idOf).filter((row) => counted(row.author))
                .length,
          ),
  ]);
  const done = validRows(followUpRecordSchema, 'followUps', doneRows, idOf).filter((row) =>
    counted(row.author),
  );
  return { ...followUpTimeliness(done, from, now), overdueNow };
}

async function questionsAskedSince(tx: ReadTx, from: number, counted: Counted) {
  const rows = await tx.objectStore('questionLog').index('by-asked').getAll(IDBKeyRange.lowerBound(from));
  return validRows(questionLogRecordSchema, 'questionLog', rows, idOf).filter((row) => counted(row.author));
}

export async function insightsReport(
  db: Db,
  playbook: Playbook,
  period: InsightsPeriod,
  now: number,
  /** The "mine" scope: only records whose author passes. Absent: every record (the team's). */
  counted: Counted = everything,
): Promise<Omit<InsightsReport, 'scope' | 'teamScope'>> {
  const from = periodStart(period, now);
  const tx: ReadTx = db.transaction([...STORES], 'readonly');
  const [deals, closed, closing, events, followUps, asked] = await Promise.all([
    dealCounts(tx, counted),
    dealsClosedIn(tx, from, now, counted),
    dealsClosingBefore(tx, forecastEndDay(now), counted),
    stageEventsSince(tx, from, counted),
    followUpFigures(tx, from, now, counted),
    questionsAskedSince(tx, from, counted),
  ]);
  await tx.done;

  return reportFrom(playbook, period, now, from, {
    ...deals,
    funnel: {
      events: events.map((event) => ({
        dealKey: event.dealId ?? event.accountKey,
        to: event.to,
        at: event.at,
      })),
    },
    closed,
    closing,
    followUps,
    spin: spinCounts(asked, from),
  });
}

/** What a period's figures are computed from, however it was read (the records or the aggregates). */
export interface ReportInputs {
  /** Open deals per current stage id, the stage ids in IndexedDB's key order. */
  byStage: Map<string, number>;
  totalAccounts: number;
  accountsWithoutDeal: number;
  /**
   * The period's stage events in time order, or each deal's walk over them already made (with the stays
   * its earlier events ended; lib/insights/funnel.ts `funnelFromWalks`).
   */
  funnel:
    { events: readonly StageEventFact[] } | { walks: ReadonlyMap<string, AccountWalk>; stays: StaysByStage };
  /** Deals closed in the period, in `by-closed` order (close instant, then id). */
  closed: readonly (ClosedDealFact & { id: string; stageId?: string })[];
  /** Open deals closing before the forecast's horizon, in `by-close-date` order (close day, then id). */
  closing: readonly OpenDealFact[];
  followUps: InsightsReport['followUps'];
  spin: SpinCounts;
}

export function reportFrom(
  playbook: Playbook,
  period: InsightsPeriod,
  now: number,
  from: number,
  inputs: ReportInputs,
): Omit<InsightsReport, 'scope' | 'teamScope'> {
  const { closed } = inputs;
  const funnelInput = {
    stageIds: playbook.stages.map((stage) => stage.id),
    accountsByStage: inputs.byStage,
    closings: closed.map((deal) => ({
      dealKey: deal.id,
      outcome: deal.outcome,
      ...(deal.stageId ? { stageId: deal.stageId } : {}),
      at: deal.closedAt,
    })),
    now,
  };
  const funnel =
    'events' in inputs.funnel
      ? funnelFigures({ ...funnelInput, events: inputs.funnel.events })
      : funnelFromWalks(funnelInput, inputs.funnel.walks, inputs.funnel.stays);
  return {
    period,
    now,
    from,
    stages: funnel.stages.map((figures, index) => ({ ...figures, name: playbook.stages[index]!.name })),
    other: funnel.other,
    accountsWithoutStage: inputs.accountsWithoutDeal,
    totalAccounts: inputs.totalAccounts,
    accountsMoved: funnel.accountsMoved,
    followUps: inputs.followUps,
    spin: inputs.spin,
    outcomes: namedOutcomes(closed, playbook),
    forecast: forecastFigures({
      deals: inputs.closing,
      probabilities: stageProbabilities(playbook),
      fallbackProbability: playbook.stages[0]?.probability ?? defaultStageProbability(0),
      now,
    }),
  };
}

/** The outcome figures with each lost reason's name from the playbook (null for ids it no longer has). */
export function namedOutcomes(closed: readonly ClosedDealFact[], playbook: Playbook): InsightsOutcomes {
  const names = new Map(playbook.lostReasons.map((reason) => [reason.id, reason.name]));
  const figures = outcomeFigures(
    closed,
    playbook.lostReasons.map((reason) => reason.id),
  );
  return {
    ...figures,
    lostReasons: figures.lostReasons.map((reason) => ({
      ...reason,
      name: reason.reasonId === null ? null : (names.get(reason.reasonId) ?? null),
    })),
  };
}
