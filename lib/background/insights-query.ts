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
  type DealRecord,
} from '../db/records';
import { validRows } from '../db/validate';
import { followUpTimeliness, spinCounts } from '../insights/activity';
import { forecastEndDay, forecastFigures } from '../insights/forecast';
import { funnelFigures } from '../insights/funnel';
import { outcomeFigures, type ClosedDealFact } from '../insights/outcomes';
import { periodStart, type InsightsPeriod } from '../insights/period';
import type { InsightsOutcomes, InsightsReport } from '../insights/report';
import type { DealsideDb } from '../db/schema';
import { defaultStageProbability, stageProbabilities } from '../playbook/probability';
import type { Playbook } from '../playbook/schema';

const STORES = ['accounts', 'deals', 'stageEvents', 'followUps', 'questionLog'] as const;
type ReadTx = IDBPTransaction<DealsideDb, (typeof STORES)[number][], 'readonly'>;

const idOf = (row: unknown) => (row as { id?: unknown }).id;

/** Open deals per current stage id; accounts in all, and how many have no deal yet. */
async function dealCounts(
  tx: ReadTx,
): Promise<{ byStage: Map<string, number>; totalAccounts: number; accountsWithoutDeal: number }> {
  const byStageIndex = tx.objectStore('deals').index('by-outcome-stage');
  const openDeals = IDBKeyRange.bound(['open', ''], ['open', '\uffff']);
  const byStage = new Map<string, number>();
  const counting: Promise<void>[] = [];
  // Walks the distinct stage ids only; each is then counted by the index without reading a row.
  let cursor = await byStageIndex.openKeyCursor(openDeals, 'nextunique');
  while (cursor) {
    const key = cursor.key;
    counting.push(byStageIndex.count(key).then((count) => void byStage.set(key[1], count)));
    cursor = await cursor.continue();
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
async function dealsClosedIn(tx: ReadTx, from: number, now: number) {
  const rows = await tx.objectStore('deals').index('by-closed').getAll(IDBKeyRange.bound(from, now));
  return validRows(dealRecordSchema, 'deals', rows, idOf).filter(
    (deal): deal is DealRecord & ClosedDealFact => deal.outcome !== 'open' && deal.closedAt !== undefined,
  );
}

/**
 * Open deals with a close day before the end of the forecast's last month. The index holds close days of
 * closed deals too (it has no outcome to bound by); those are dropped here. Deals without a close day are
 * not in the index at all, and have no place in the forecast.
 */
async function dealsClosingBefore(tx: ReadTx, endDay: string) {
  const rows = await tx
    .objectStore('deals')
    .index('by-close-date')
    .getAll(IDBKeyRange.upperBound(endDay, true));
  return validRows(dealRecordSchema, 'deals', rows, idOf).filter((deal) => deal.outcome === 'open');
}

async function stageEventsSince(tx: ReadTx, from: number) {
  const rows = await tx.objectStore('stageEvents').index('by-at').getAll(IDBKeyRange.lowerBound(from));
  return validRows(stageEventRecordSchema, 'stageEvents', rows, idOf);
}

/** Done follow-ups due in [from, now], and how many open ones are past due now. */
async function followUpFigures(tx: ReadTx, from: number, now: number) {
  const index = tx.objectStore('followUps').index('by-status-due');
  const [doneRows, overdueNow] = await Promise.all([
    index.getAll(IDBKeyRange.bound(['done', from], ['done', now])),
    index.count(IDBKeyRange.bound(['open', -Infinity], ['open', now], false, true)),
  ]);
  const done = validRows(followUpRecordSchema, 'followUps', doneRows, idOf);
  return { ...followUpTimeliness(done, from, now), overdueNow };
}

async function questionsAskedSince(tx: ReadTx, from: number) {
  const rows = await tx.objectStore('questionLog').index('by-asked').getAll(IDBKeyRange.lowerBound(from));
  return validRows(questionLogRecordSchema, 'questionLog', rows, idOf);
}

export async function insightsReport(
  db: Db,
  playbook: Playbook,
  period: InsightsPeriod,
  now: number,
): Promise<InsightsReport> {
  const from = periodStart(period, now);
  const tx: ReadTx = db.transaction([...STORES], 'readonly');
  const [deals, closed, closing, events, followUps, asked] = await Promise.all([
    dealCounts(tx),
    dealsClosedIn(tx, from, now),
    dealsClosingBefore(tx, forecastEndDay(now)),
    stageEventsSince(tx, from),
    followUpFigures(tx, from, now),
    questionsAskedSince(tx, from),
  ]);
  await tx.done;

  const funnel = funnelFigures({
    stageIds: playbook.stages.map((stage) => stage.id),
    accountsByStage: deals.byStage,
    events: events.map((event) => ({
      dealKey: event.dealId ?? event.accountKey,
      to: event.to,
      at: event.at,
    })),
    closings: closed.map((deal) => ({
      dealKey: deal.id,
      outcome: deal.outcome,
      ...(deal.stageId ? { stageId: deal.stageId } : {}),
      at: deal.closedAt,
    })),
    now,
  });
  return {
    period,
    now,
    from,
    stages: funnel.stages.map((figures, index) => ({ ...figures, name: playbook.stages[index]!.name })),
    other: funnel.other,
    accountsWithoutStage: deals.accountsWithoutDeal,
    totalAccounts: deals.totalAccounts,
    accountsMoved: funnel.accountsMoved,
    followUps,
    spin: spinCounts(asked, from),
    outcomes: namedOutcomes(closed, playbook),
    forecast: forecastFigures({
      deals: closing,
      probabilities: stageProbabilities(playbook),
      fallbackProbability: playbook.stages[0]?.probability ?? defaultStageProbability(0),
      now,
    }),
  };
}

/** The outcome figures with each lost reason's name from the playbook (null for ids it no longer has). */
function namedOutcomes(closed: readonly ClosedDealFact[], playbook: Playbook): InsightsOutcomes {
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
