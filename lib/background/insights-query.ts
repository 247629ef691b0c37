/**
 * Reads what the insights need, each store once and by index ranges where the schema has one: open
 * deals counted per current stage on `by-outcome-stage` (one count per distinct stage, never a row
 * read), the
 * period's stage events on `by-at` (already in time order, as the funnel pass wants them), follow-ups
 * due in the period and overdue now on `by-status-due`, and the SPIN questions asked in the period on
 * `by-asked`. One read-only transaction, so the figures are of one moment (measured: separate
 * transactions per store were no faster in Chromium). The figures come from lib/insights.
 */
import type { IDBPTransaction } from 'idb';
import type { Db } from '../db/open';
import { followUpRecordSchema, questionLogRecordSchema, stageEventRecordSchema } from '../db/records';
import { validRows } from '../db/validate';
import { followUpTimeliness, spinCounts } from '../insights/activity';
import { funnelFigures } from '../insights/funnel';
import { periodStart, type InsightsPeriod } from '../insights/period';
import type { InsightsReport } from '../insights/report';
import type { DealsideDb } from '../db/schema';
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
  const [deals, events, followUps, asked] = await Promise.all([
    dealCounts(tx),
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
  };
}
