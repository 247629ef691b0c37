/**
 * The insights as the background computes them from the database: index range reads for the period,
 * counts per current stage, follow-ups and the SPIN log.
 */
import { describe, expect, it } from 'vitest';
import { insightsReport } from '../../../lib/background/insights-query';
import { DAY_MS } from '../../../lib/dates/due';
import { changeDealStage } from '../../../lib/db/deals';
import { addFollowUp, applyFollowUpAction } from '../../../lib/db/follow-ups';
import type { Db } from '../../../lib/db/open';
import { logQuestionAsked } from '../../../lib/db/question-log';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { freshDb } from '../db/helpers';

const NOW = Date.UTC(2025, 5, 30, 12);
const daysAgo = (days: number) => NOW - days * DAY_MS;
let ids = 0;
const newId = () => `id-${++ids}`;

async function move(db: Db, accountKey: string, stageId: string, at: number) {
  await changeDealStage(db, { accountKey, stageId, proposals: [] }, at, newId);
}

async function followUp(db: Db, due: number, doneAt?: number) {
  const row = await addFollowUp(
    db,
    { accountKey: 'northwind.com', title: 'Call back', due },
    daysAgo(200),
    newId(),
  );
  if (doneAt !== undefined) await applyFollowUpAction(db, row.id, { kind: 'done' }, doneAt);
}

async function seeded(): Promise<Db> {
  const { db } = await freshDb();
  // Northwind: lead 100 days ago, discovery 20 days ago, solution 10 days ago.
  await move(db, 'northwind.com', 'lead', daysAgo(100));
  await move(db, 'northwind.com', 'discovery', daysAgo(20));
  await move(db, 'northwind.com', 'solution', daysAgo(10));
  // Contoso skips straight to negotiation 5 days ago, then goes back to discovery 1 day ago.
  await move(db, 'contoso.co.uk', 'negotiation', daysAgo(5));
  await move(db, 'contoso.co.uk', 'discovery', daysAgo(1));
  // Fabrikam was set to a stage that has since left the playbook.
  await move(db, 'fabrikam.com', 'pilot', daysAgo(50));

  await followUp(db, daysAgo(3), daysAgo(4)); // on time, in every period
  await followUp(db, daysAgo(60), daysAgo(40)); // late, done 40 days ago
  await followUp(db, daysAgo(2)); // open and overdue now
  await followUp(db, NOW + DAY_MS); // open, not due yet

  await logQuestionAsked(db, {
    accountKey: 'northwind.com',
    questionId: 'q1',
    spinType: 'S',
    askedAt: daysAgo(2),
  });
  await logQuestionAsked(db, {
    accountKey: 'northwind.com',
    questionId: 'q2',
    spinType: 'P',
    askedAt: daysAgo(2),
  });
  await logQuestionAsked(db, {
    accountKey: 'contoso.co.uk',
    questionId: 'q3',
    spinType: 'P',
    askedAt: daysAgo(70),
  });
  return db;
}

const stage = (report: Awaited<ReturnType<typeof insightsReport>>, id: string) =>
  report.stages.find((candidate) => candidate.stageId === id)!;

describe('insights from the database', () => {
  it('counts accounts per current stage, whatever the period, with removed stages as "other"', async () => {
    const db = await seeded();
    const report = await insightsReport(db, DEFAULT_PLAYBOOK, '30', NOW);
    expect(report.stages.map((s) => [s.stageId, s.accounts])).toEqual([
      ['lead', 0],
      ['discovery', 1],
      ['solution', 1],
      ['negotiation', 0],
      ['after-sales', 0],
    ]);
    expect(report.other).toMatchObject({ accounts: 1, stageIds: ['pilot'] });
    expect(report.totalAccounts).toBe(3);
    expect(report.accountsWithoutStage).toBe(0);
    expect(stage(report, 'discovery').name.en).toBe('Needs discovery');
  });

  it("computes conversion and time in stage from the period's events only", async () => {
    const db = await seeded();
    const month = await insightsReport(db, DEFAULT_PLAYBOOK, '30', NOW);
    // In 30 days: Northwind reached solution (from discovery 20 days ago), Contoso reached negotiation.
    expect(month.accountsMoved).toBe(2);
    expect(month.accountsMoved).toBe(2);
    expect(stage(month, 'discovery').reached).toBe(2);
    expect(stage(month, 'solution').toNext).toEqual({ reached: 1, of: 2, rate: 0.5 });
    // Discovery: Northwind 10 days, Contoso 1 day (still there).
    expect(stage(month, 'discovery').medianDays).toBe(5.5);

    const all = await insightsReport(db, DEFAULT_PLAYBOOK, 'all', NOW);
    expect(stage(all, 'lead').reached).toBe(2);
    expect(stage(all, 'lead').medianDays).toBe(80);
    expect(all.other).toMatchObject({ stays: 1, medianDays: 50 });
  });

  it('counts follow-ups done on time and late in the period, and overdue ones now', async () => {
    const db = await seeded();
    expect((await insightsReport(db, DEFAULT_PLAYBOOK, '30', NOW)).followUps).toEqual({
      onTime: 1,
      late: 0,
      overdueNow: 1,
    });
    expect((await insightsReport(db, DEFAULT_PLAYBOOK, '90', NOW)).followUps).toEqual({
      onTime: 1,
      late: 1,
      overdueNow: 1,
    });
  });

  it('counts SPIN questions asked in the period by type', async () => {
    const db = await seeded();
    expect((await insightsReport(db, DEFAULT_PLAYBOOK, '30', NOW)).spin).toEqual({ S: 1, P: 1, I: 0, N: 0 });
    expect((await insightsReport(db, DEFAULT_PLAYBOOK, '90', NOW)).spin).toEqual({ S: 1, P: 2, I: 0, N: 0 });
  });

  it('reports an empty database as zeros', async () => {
    const { db } = await freshDb();
    const report = await insightsReport(db, DEFAULT_PLAYBOOK, 'all', NOW);
    expect(report.totalAccounts).toBe(0);
    expect(report.accountsMoved).toBe(0);
    expect(report.stages.every((s) => s.accounts === 0 && s.reached === 0 && s.toNext === null)).toBe(true);
    expect(report.other.accounts).toBe(0);
  });

  it('counts accounts that have follow-ups but no stage', async () => {
    const { db } = await freshDb();
    await addFollowUp(db, { accountKey: 'solo.com', title: 'Intro', due: NOW }, daysAgo(1), newId());
    const report = await insightsReport(db, DEFAULT_PLAYBOOK, 'all', NOW);
    expect(report.accountsWithoutStage).toBe(1);
    expect(report.totalAccounts).toBe(1);
  });
});
