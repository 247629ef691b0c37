/**
 * The insights' aggregates kept write by write give the figures the records give: after any sequence of
 * stage moves, closes and reopens, deal edits, follow-ups done, reopened, snoozed and deleted, questions
 * asked and taken back, account merges, imports, account deletions and wipes, the report from the
 * aggregates equals the report read from the records (lib/background/insights-query.ts) for every period
 * and both scopes, and so does the report after the aggregates are rebuilt from the records.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsightsAggregatesCache } from '../../../lib/background/insights-aggregates-cache';
import { insightsReportFromAggregates } from '../../../lib/background/insights-aggregates-query';
import { insightsReport, type Counted } from '../../../lib/background/insights-query';
import { importRows, deleteAllRows } from '../../../lib/data-transfer/database';
import type { StoreRows } from '../../../lib/data-transfer/format';
import { DAY_MS } from '../../../lib/dates/due';
import { addDeal, changeDealStage, closeDeal, editDeal } from '../../../lib/db/deals';
import { deleteAccountWithData } from '../../../lib/db/delete-account';
import { addFollowUp, applyFollowUpAction, deleteFollowUp } from '../../../lib/db/follow-ups';
import { insightsAggregates, rebuildInsightsAggregates } from '../../../lib/db/insights-aggregates';
import { mergeAccountRows } from '../../../lib/db/merge-accounts';
import type { Db } from '../../../lib/db/open';
import { logQuestionAsked, undoQuestionAsked } from '../../../lib/db/question-log';
import type {
  Author,
  DealRecord,
  FollowUpRecord,
  QuestionLogRecord,
  StageEventRecord,
} from '../../../lib/db/records';
import { registerDerivedData } from '../../../lib/db/transaction';
import { INSIGHTS_PERIODS } from '../../../lib/insights/period';
import { isByRep } from '../../../lib/insights/scope';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { INSIGHTS_AGGREGATES_VERSION } from '../../../lib/db/migrations/008-insights-aggregates';
import { migrations } from '../../../lib/db/migrations';
import { openDealsideDb } from '../../../lib/db/open';
import { freshDb } from '../db/helpers';

const NOW = Date.UTC(2026, 5, 15, 12);
const HOUR_MS = 3_600_000;
const ACCOUNTS = ['northwind.com', 'contoso.co.uk', 'fabrikam.com', 'ann@gmail.com'];
/** The playbook's stages and one it no longer has. */
const STAGES = [...DEFAULT_PLAYBOOK.stages.map((stage) => stage.id), 'pilot'];
const REASONS = [...DEFAULT_PLAYBOOK.lostReasons.map((reason) => reason.id), 'gone-reason', ''];
const ME: Author = { name: 'Li Wei', email: 'li.wei@dealside.example' };
const AUTHORS: (Author | undefined)[] = [
  undefined,
  ME,
  { name: 'Ana Souza', email: 'ana@dealside.example' },
  { name: ' li wei ' },
  { email: 'LI.WEI@dealside.example', name: 'Someone' },
  {},
];
const SCOPES: [string, Counted | undefined][] = [
  ['team', undefined],
  ['mine', (author) => isByRep(ME, author)],
];

const who = (author: number) => (AUTHORS[author] ? { author: AUTHORS[author] } : {});
/** An instant up to 400 days back; two choices of hour so that moves share instants. */
const instant = fc
  .tuple(fc.integer({ min: -3, max: 400 }), fc.integer({ min: 0, max: 1 }))
  .map(([days, hour]) => NOW - days * DAY_MS + hour * HOUR_MS);
const account = fc.nat(ACCOUNTS.length - 1);
const author = fc.nat(AUTHORS.length - 1);
const pick = fc.nat(50);

const op = fc.oneof(
  fc.record({
    kind: fc.constant('addDeal' as const),
    account,
    stage: fc.option(fc.nat(STAGES.length - 1)),
    author,
    value: fc.option(fc.integer({ min: 0, max: 100_000 })),
    currency: fc.option(fc.constantFrom('EUR', 'CNY')),
    closeIn: fc.option(fc.integer({ min: -40, max: 250 })),
    at: instant,
  }),
  fc.record({
    kind: fc.constant('move' as const),
    account,
    deal: fc.option(pick),
    stage: fc.nat(STAGES.length - 1),
    author,
    at: instant,
  }),
  fc.record({
    kind: fc.constant('close' as const),
    deal: pick,
    outcome: fc.nat(2),
    reason: fc.nat(REASONS.length - 1),
    at: instant,
  }),
  fc.record({
    kind: fc.constant('editDeal' as const),
    deal: pick,
    value: fc.option(fc.integer({ min: 0, max: 100_000 })),
    closeIn: fc.option(fc.integer({ min: -40, max: 250 })),
  }),
  fc.record({ kind: fc.constant('addFollowUp' as const), account, due: instant, author, at: instant }),
  fc.record({
    kind: fc.constant('followUp' as const),
    followUp: pick,
    action: fc.constantFrom('done', 'reopen', 'snooze', 'accept', 'dismiss', 'delete'),
    at: instant,
  }),
  fc.record({
    kind: fc.constant('ask' as const),
    account,
    question: fc.nat(5),
    spin: fc.constantFrom('S', 'P', 'I', 'N'),
    author,
    at: instant,
  }),
  fc.record({ kind: fc.constant('unask' as const), account, question: fc.nat(5) }),
  fc.record({ kind: fc.constant('merge' as const), from: account, into: account, at: instant }),
  fc.record({
    kind: fc.constant('import' as const),
    events: fc.array(
      fc.tuple(fc.nat(8), account, fc.option(pick), fc.nat(STAGES.length - 1), instant, author),
      {
        maxLength: 6,
      },
    ),
    followUps: fc.array(fc.tuple(fc.nat(8), account, instant, fc.option(instant), author), { maxLength: 4 }),
    questions: fc.array(fc.tuple(account, fc.nat(5), fc.constantFrom('S', 'P', 'I', 'N'), instant, author), {
      maxLength: 4,
    }),
    deals: fc.array(fc.tuple(fc.nat(4), account, fc.nat(STAGES.length - 1), fc.nat(2), instant, author), {
      maxLength: 3,
    }),
  }),
  fc.record({ kind: fc.constant('deleteAccount' as const), account }),
  fc.constant({ kind: 'wipe' as const }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let ids = 0;
const newId = () => `id-${++ids}`;
const closeDay = (days: number) => new Date(NOW + days * DAY_MS).toISOString().slice(0, 10);

async function nth<T>(db: Db, store: 'deals' | 'followUps', index: number): Promise<T | undefined> {
  const rows = (await db.getAll(store)) as T[];
  return rows.length === 0 ? undefined : rows[index % rows.length];
}

function importFile(change: Extract<Op, { kind: 'import' }>): StoreRows {
  const stamp = (at: number) => ({ createdAt: at, updatedAt: at });
  return {
    accounts: [],
    contacts: [],
    notes: [],
    touches: [],
    stageEvents: change.events.map(([id, accountKey, deal, stage, at, by]): StageEventRecord => ({
      id: `imported-event-${id}`,
      accountKey: ACCOUNTS[accountKey]!,
      ...(deal === null ? {} : { dealId: `imported-deal-${deal % 5}` }),
      to: STAGES[stage]!,
      at,
      ...who(by),
    })),
    followUps: change.followUps.map(([id, accountKey, due, doneAt, by]): FollowUpRecord => ({
      id: `imported-follow-up-${id}`,
      accountKey: ACCOUNTS[accountKey]!,
      title: 'Imported',
      due,
      status: doneAt === null ? 'open' : 'done',
      ...(doneAt === null ? {} : { doneAt }),
      source: 'manual',
      ...stamp(NOW + id),
      ...who(by),
    })),
    questionLog: change.questions.map(([accountKey, question, spinType, askedAt, by]): QuestionLogRecord => ({
      id: `${ACCOUNTS[accountKey]!}\u0000q${question}`,
      accountKey: ACCOUNTS[accountKey]!,
      questionId: `q${question}`,
      spinType,
      askedAt,
      ...who(by),
    })),
    deals: change.deals.map(([id, accountKey, stage, outcome, at, by]): DealRecord => {
      const closed = outcome === 0 ? {} : { closedAt: at };
      return {
        id: `imported-deal-${id}`,
        accountKey: ACCOUNTS[accountKey]!,
        title: 'Imported deal',
        value: 1_000 * (id + 1),
        currency: 'EUR',
        closeDate: closeDay(id * 20),
        stageId: STAGES[stage]!,
        checklist: {},
        outcome: (['open', 'won', 'lost'] as const)[outcome]!,
        ...(outcome === 2 ? { lostReason: REASONS[id % REASONS.length]! } : {}),
        ...closed,
        createdAt: at - 30 * DAY_MS,
        updatedAt: NOW + id,
        ...who(by),
      };
    }),
  };
}

async function run(db: Db, change: Op): Promise<void> {
  switch (change.kind) {
    case 'addDeal':
      await addDeal(
        db,
        {
          accountKey: ACCOUNTS[change.account]!,
          title: 'Deal',
          ...(change.stage === null ? {} : { stageId: STAGES[change.stage]! }),
          ...(change.value === null ? {} : { value: change.value }),
          ...(change.currency === null ? {} : { currency: change.currency }),
          ...(change.closeIn === null ? {} : { closeDate: closeDay(change.closeIn) }),
          ...who(change.author),
        },
        change.at,
        newId,
      );
      return;
    case 'move': {
      const deal = change.deal === null ? undefined : await nth<DealRecord>(db, 'deals', change.deal);
      await changeDealStage(
        db,
        {
          accountKey: deal?.accountKey ?? ACCOUNTS[change.account]!,
          ...(deal ? { dealId: deal.id } : {}),
          stageId: STAGES[change.stage]!,
          proposals: [{ stepId: 'call', title: 'Call', due: change.at + DAY_MS }],
          ...who(change.author),
        },
        change.at,
        newId,
      );
      return;
    }
    case 'close': {
      const deal = await nth<DealRecord>(db, 'deals', change.deal);
      if (!deal) return;
      const closing =
        change.outcome === 0
          ? { outcome: 'open' as const }
          : change.outcome === 1
            ? { outcome: 'won' as const }
            : { outcome: 'lost' as const, lostReason: REASONS[change.reason]! };
      await closeDeal(db, deal.id, closing, change.at);
      return;
    }
    case 'editDeal': {
      const deal = await nth<DealRecord>(db, 'deals', change.deal);
      if (!deal) return;
      await editDeal(
        db,
        deal.id,
        { value: change.value, closeDate: change.closeIn === null ? null : closeDay(change.closeIn) },
        NOW,
      );
      return;
    }
    case 'addFollowUp':
      await addFollowUp(
        db,
        { accountKey: ACCOUNTS[change.account]!, title: 'Call back', due: change.due, ...who(change.author) },
        change.at,
        newId(),
      );
      return;
    case 'followUp': {
      const followUp = await nth<FollowUpRecord>(db, 'followUps', change.followUp);
      if (!followUp) return;
      if (change.action === 'delete') await deleteFollowUp(db, followUp.id);
      else if (change.action === 'snooze')
        await applyFollowUpAction(db, followUp.id, { kind: 'snooze', until: change.at + DAY_MS }, change.at);
      else await applyFollowUpAction(db, followUp.id, { kind: change.action }, change.at);
      return;
    }
    case 'ask':
      await logQuestionAsked(db, {
        accountKey: ACCOUNTS[change.account]!,
        questionId: `q${change.question}`,
        spinType: change.spin,
        askedAt: change.at,
        ...who(change.author),
      });
      return;
    case 'unask':
      await undoQuestionAsked(db, ACCOUNTS[change.account]!, `q${change.question}`);
      return;
    case 'merge':
      if (change.from !== change.into)
        await mergeAccountRows(db, ACCOUNTS[change.from]!, ACCOUNTS[change.into]!, change.at);
      return;
    case 'import':
      await importRows(db, importFile(change));
      return;
    case 'deleteAccount':
      await deleteAccountWithData(db, ACCOUNTS[change.account]!);
      return;
    case 'wipe':
      await deleteAllRows(db);
      return;
  }
}

/** Every period in both scopes, as one value to compare. */
async function allReports(db: Db, report: typeof insightsReport) {
  const reports: Record<string, unknown> = {};
  for (const period of INSIGHTS_PERIODS) {
    for (const [scope, counted] of SCOPES) {
      reports[`${period}/${scope}`] = await report(db, DEFAULT_PLAYBOOK, period, NOW, counted);
    }
  }
  return reports;
}

/** The aggregates as the background reads them: kept in memory, rows re-read after the writes that touch them. */
const cache = new InsightsAggregatesCache();
const fromCache: typeof insightsReport = (db, playbook, period, now, counted) =>
  insightsReportFromAggregates(db, playbook, period, now, counted, cache.read);

const stops: (() => void)[] = [];
beforeAll(() => {
  stops.push(registerDerivedData(insightsAggregates), cache.follow());
});
afterAll(() => stops.forEach((stop) => stop()));

describe('insights aggregates', () => {
  it('give the figures the records give, kept write by write and rebuilt, after any writes', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), fc.nat(30), async (ops, builtAfter) => {
        const { db } = await freshDb();
        try {
          for (const [index, change] of ops.entries()) {
            // Some writes happen before the aggregates exist: the first report builds them from those.
            if (index === builtAfter) await rebuildInsightsAggregates(db, NOW);
            // The rows kept in memory are read at times, and must follow the writes after.
            if (index % 7 === 3) await fromCache(db, DEFAULT_PLAYBOOK, 'all', NOW);
            try {
              await run(db, change);
              applied++;
            } catch (error) {
              // The app refusing a write (a deal of another account, several open deals) is expected; a
              // failure of the aggregates is not.
              if (String((error as Error).stack).includes('insights-aggregates')) throw error;
              refused++;
            }
          }
          const fromRecords = await allReports(db, insightsReport);
          expect(await allReports(db, insightsReportFromAggregates)).toEqual(fromRecords);
          expect(await allReports(db, fromCache)).toEqual(fromRecords);
          await rebuildInsightsAggregates(db, NOW);
          expect(await allReports(db, insightsReportFromAggregates)).toEqual(fromRecords);
          expect(await allReports(db, fromCache)).toEqual(fromRecords);
        } finally {
          db.close();
        }
      }),
      { numRuns: Number(process.env.AGGREGATES_RUNS ?? 60) },
    );
    // The sequences mostly write: the comparison is not between two empty databases.
    expect(applied).toBeGreaterThan(refused * 3);
  }, 120_000);

  it('are created empty by the upgrade and built from the records at the first report', async () => {
    const name = 'migration-insights-aggregates';
    const before = INSIGHTS_AGGREGATES_VERSION - 1;
    const old = await openDealsideDb({
      name,
      targetVersion: before,
      migrations: migrations.slice(0, before),
    });
    expect([...old.objectStoreNames]).not.toContain('insightsAggregates');
    await old.put('stageEvents', { id: 'e1', accountKey: 'northwind.com', to: 'lead', at: NOW - 5 * DAY_MS });
    await old.put('stageEvents', {
      id: 'e2',
      accountKey: 'northwind.com',
      to: 'discovery',
      at: NOW - DAY_MS,
    });
    await old.put('questionLog', {
      id: 'northwind.com\u0000q1',
      accountKey: 'northwind.com',
      questionId: 'q1',
      spinType: 'S',
      askedAt: NOW - DAY_MS,
    });
    old.close();

    const db = await openDealsideDb({ name });
    expect(await db.count('insightsAggregates')).toBe(0);
    const report = await insightsReportFromAggregates(db, DEFAULT_PLAYBOOK, '30', NOW);
    expect(report).toEqual(await insightsReport(db, DEFAULT_PLAYBOOK, '30', NOW));
    expect(report.accountsMoved).toBe(1);
    expect(report.spin.S).toBe(1);
    expect(await db.get('insightsAggregates', 'meta')).toMatchObject({ kind: 'meta' });
    db.close();
  });

  it('are built again when their rows are damaged or missing, by the explicit rebuild', async () => {
    const { db } = await freshDb();
    try {
      await rebuildInsightsAggregates(db, NOW);
      await changeDealStage(
        db,
        { accountKey: 'northwind.com', stageId: 'lead', proposals: [] },
        NOW - DAY_MS,
        newId,
      );
      await logQuestionAsked(db, {
        accountKey: 'northwind.com',
        questionId: 'q1',
        spinType: 'P',
        askedAt: NOW,
      });
      const expected = await allReports(db, insightsReport);
      expect(await allReports(db, insightsReportFromAggregates)).toEqual(expected);

      // Rows lost behind the app's back (a write that bypassed it): the figures are wrong until rebuilt…
      const keys = (await db.getAllKeys('insightsAggregates')).filter((key) => key !== 'meta');
      await Promise.all(keys.map((key) => db.delete('insightsAggregates', key)));
      expect((await insightsReportFromAggregates(db, DEFAULT_PLAYBOOK, 'all', NOW)).accountsMoved).toBe(0);
      await rebuildInsightsAggregates(db, NOW);
      expect(await allReports(db, insightsReportFromAggregates)).toEqual(expected);

      // …and without their `meta` row (another format, or never built) the next report rebuilds them.
      await Promise.all(keys.map((key) => db.delete('insightsAggregates', key)));
      await db.delete('insightsAggregates', 'meta');
      expect(await allReports(db, insightsReportFromAggregates)).toEqual(expected);
    } finally {
      db.close();
    }
  });
});
