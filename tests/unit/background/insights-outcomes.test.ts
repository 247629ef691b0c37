/**
 * The options page's insights request with deals won, lost and open in the database: outcomes by the
 * period they closed in, the funnel with their outcomes, and the forecast of the open ones, checked
 * against figures worked out by hand from the seeded deals.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../../lib/dates/due';
import { addDeal, changeDealStage, closeDeal, type DealClosing, type NewDeal } from '../../../lib/db/deals';
import type { InsightsReport } from '../../../lib/insights/report';
import { database, resetDatabase } from '../support/database';
import { local } from '../reminders/time-zone';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).extensionPageMessenger,
);
const { getInsights } = await import('../../../lib/background/handlers/options-insights');

/** Monday 15 June 2026, noon in the zone the tests run in. */
const NOW = local(2026, 6, 15, 12);
const daysAgo = (days: number) => NOW - days * DAY_MS;
let ids = 0;
const newId = () => `deal-test-${++ids}`;

async function deal(opened: number, input: Omit<NewDeal, 'accountKey'> & { accountKey?: string }) {
  return addDeal(
    await database(),
    { accountKey: input.accountKey ?? `${input.title.toLowerCase()}.example`, ...input },
    daysAgo(opened),
    newId,
  );
}

async function close(id: string, closing: DealClosing, daysBefore: number) {
  await closeDeal(await database(), id, closing, daysAgo(daysBefore));
}

beforeAll(async () => {
  await resetDatabase();
  // Won 10 days ago after 90 days, having moved to negotiation 20 days ago.
  const alpha = await deal(100, { title: 'Alpha', stageId: 'lead', value: 10_000, currency: 'EUR' });
  await changeDealStage(
    await database(),
    { accountKey: alpha.accountKey, dealId: alpha.id, stageId: 'negotiation', proposals: [] },
    daysAgo(20),
    newId,
  );
  await close(alpha.id, { outcome: 'won' }, 10);
  // Won from the first stage 5 days ago, after 35 days; its close date no longer counts in the forecast.
  const bravo = await deal(40, {
    title: 'Bravo',
    stageId: 'lead',
    value: 2_000,
    currency: 'EUR',
    closeDate: '2026-06-25',
  });
  await close(bravo.id, { outcome: 'won' }, 5);
  // Lost on price in discovery 3 days ago.
  const charlie = await deal(60, { title: 'Charlie', stageId: 'discovery', value: 3_000, currency: 'USD' });
  await close(charlie.id, { outcome: 'lost', lostReason: 'price' }, 3);
  // Lost 2 days ago for a reason the playbook no longer lists.
  const foxtrot = await deal(50, { title: 'Foxtrot', stageId: 'lead' });
  await close(foxtrot.id, { outcome: 'lost', lostReason: 'budget-freeze' }, 2);
  // Outside the last 30 days: won 100 days ago after 100 days; lost to a competitor 45 days ago.
  const delta = await deal(200, { title: 'Delta', stageId: 'solution', value: 5_000, currency: 'EUR' });
  await close(delta.id, { outcome: 'won' }, 100);
  const echo = await deal(80, { title: 'Echo', stageId: 'solution', value: 9_000, currency: 'EUR' });
  await close(echo.id, { outcome: 'lost', lostReason: 'competitor' }, 45);
  // Open deals for the forecast.
  await deal(50, {
    title: 'Golf',
    stageId: 'solution',
    value: 20_000,
    currency: 'CNY',
    closeDate: '2026-06-20',
  });
  await deal(5, {
    title: 'Hotel',
    stageId: 'negotiation',
    value: 1_000,
    currency: 'EUR',
    closeDate: '2026-07-01',
  });
  await deal(50, { title: 'India', stageId: 'lead', value: 500, currency: 'EUR', closeDate: '2026-06-01' });
});

const insights = (period: '30' | '90' | '365' | 'all') => getInsights({ period }, NOW);
const reached = (report: InsightsReport) => report.stages.map((stage) => stage.reached);

describe('outcomes in the insights', () => {
  it('counts the deals closed in the last 30 days only', async () => {
    const { outcomes } = await insights('30');
    // Alpha and Bravo won; Charlie and Foxtrot lost.
    expect(outcomes).toMatchObject({ won: 2, lost: 2, winRate: 0.5 });
    expect(outcomes.averageWonSize).toEqual([{ currency: 'EUR', average: 6_000, deals: 2 }]);
    // 90 and 35 days.
    expect(outcomes.cycle).toEqual({ medianDays: 62.5, meanDays: 62.5, deals: 2 });
    expect(outcomes.lostReasons).toEqual([
      { reasonId: 'price', count: 1, name: { en: 'Price', 'zh-CN': '价格' } },
      { reasonId: 'budget-freeze', count: 1, name: null },
    ]);
  });

  it('takes in the older closes as the period grows', async () => {
    // 90 days: Echo's loss too. 2 won of 5.
    expect((await insights('90')).outcomes).toMatchObject({ won: 2, lost: 3, winRate: 0.4 });
    // 365 days: Delta's win too. 3 of 6; EUR (10,000 + 2,000 + 5,000) / 3; cycles 35, 90, 100.
    const year = (await insights('365')).outcomes;
    expect(year).toMatchObject({ won: 3, lost: 3, winRate: 0.5 });
    expect(year.averageWonSize).toEqual([{ currency: 'EUR', average: 17_000 / 3, deals: 3 }]);
    expect(year.cycle).toEqual({ medianDays: 90, meanDays: 75, deals: 3 });
  });
});

describe('the funnel with outcomes', () => {
  it('counts only open deals as in a stage now', async () => {
    const report = await insights('30');
    // India in lead, Golf in solution, Hotel in negotiation; the closed deals are in none.
    expect(report.stages.map((stage) => stage.accounts)).toEqual([1, 0, 1, 1, 0]);
  });

  it('has won deals reach every stage and lost ones the stage they were lost in', async () => {
    const report = await insights('30');
    // Alpha and Bravo: every stage. Charlie: discovery. Foxtrot: lead. Hotel entered negotiation.
    expect(reached(report)).toEqual([5, 4, 3, 3, 2]);
    // Negotiation: Alpha 10 days until its win, Hotel 5 days so far.
    expect(report.stages[3]).toMatchObject({ medianDays: 7.5, stays: 2 });
  });
});

describe('the forecast in the insights', () => {
  it('weighs open deals by their stage and puts a passed close date apart', async () => {
    const { forecast } = await insights('30');
    expect(forecast.today).toBe('2026-06-15');
    expect(forecast.months.map((month) => month.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    // Golf: 20,000 CNY in solution (40 %). Bravo closed, so its June close date is not forecast.
    expect(forecast.months[0]).toEqual({
      month: '2026-06',
      deals: 1,
      currencies: [{ currency: 'CNY', deals: 1, pipeline: 20_000, weighted: 8_000 }],
    });
    // Hotel: 1,000 EUR in negotiation (60 %).
    expect(forecast.months[1]!.currencies).toEqual([
      { currency: 'EUR', deals: 1, pipeline: 1_000, weighted: 600 },
    ]);
    // India: 500 EUR in lead (10 %), due 1 June.
    expect(forecast.overdue).toEqual({
      deals: 1,
      currencies: [{ currency: 'EUR', deals: 1, pipeline: 500, weighted: 50 }],
    });
  });
});
