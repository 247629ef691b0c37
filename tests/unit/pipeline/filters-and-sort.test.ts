import { describe, expect, it } from 'vitest';
import type { PipelineDeal } from '../../../lib/messaging/protocol';
import fc from 'fast-check';
import { boardColumns, firstCardsByStage, OTHER_STAGES_COLUMN } from '../../../lib/pipeline/board';
import { daysInStage, filterDeals, parseStaleDays } from '../../../lib/pipeline/filters';
import { sortDeals } from '../../../lib/pipeline/sort';
import { local, useTimeZone } from '../reminders/time-zone';

useTimeZone('Asia/Shanghai');

const DAY = 86_400_000;

function deal(id: string, fields: Partial<PipelineDeal> = {}): PipelineDeal {
  return {
    id,
    title: `Deal ${id}`,
    accountKey: `${id}.example`,
    accountLabel: `Account ${id}`,
    hasPage: false,
    ...fields,
  };
}

describe('pipeline filters', () => {
  // 20 May 2026, 10:00 in Shanghai.
  const now = () => local(2026, 5, 20, 10);
  const context = () => ({ now: now(), staleDays: 14 });

  it('stale: no touch for N local days or more, and never touched', () => {
    const deals = [
      deal('fresh', { lastTouchAt: now() - 13 * DAY }),
      deal('exactly', { lastTouchAt: local(2026, 5, 6, 23, 59) }),
      deal('old', { lastTouchAt: now() - 40 * DAY }),
      deal('never'),
    ];
    expect(filterDeals(deals, 'stale', context()).map((d) => d.id)).toEqual(['exactly', 'old', 'never']);
    expect(filterDeals(deals, 'stale', { now: now(), staleDays: 30 }).map((d) => d.id)).toEqual([
      'old',
      'never',
    ]);
  });

  it('no next step: no open follow-up', () => {
    const deals = [deal('planned', { nextFollowUp: { title: 'Call', due: now() + DAY } }), deal('idle')];
    expect(filterDeals(deals, 'no-next-step', context()).map((d) => d.id)).toEqual(['idle']);
  });

  it('overdue: the next follow-up has passed, or the close day lies before today', () => {
    const deals = [
      deal('late-step', { nextFollowUp: { title: 'Call', due: now() - 1 } }),
      deal('later-step', { nextFollowUp: { title: 'Call', due: now() + 1 } }),
      deal('closed-yesterday', { closeDate: '2026-05-19' }),
      deal('closes-today', { closeDate: '2026-05-20' }),
      deal('nothing'),
    ];
    expect(filterDeals(deals, 'overdue', context()).map((d) => d.id)).toEqual([
      'late-step',
      'closed-yesterday',
    ]);
  });

  it('closing this month: the close day falls in the current local month', () => {
    const deals = [
      deal('first', { closeDate: '2026-05-01' }),
      deal('last', { closeDate: '2026-05-31' }),
      deal('june', { closeDate: '2026-06-01' }),
      deal('last-year', { closeDate: '2025-05-20' }),
      deal('none'),
    ];
    expect(filterDeals(deals, 'closing-this-month', context()).map((d) => d.id)).toEqual(['first', 'last']);
    // 31 May 23:30 in Shanghai is still May there, though June has begun nowhere else that matters.
    const lateMay = { now: local(2026, 5, 31, 23, 30), staleDays: 14 };
    expect(filterDeals(deals, 'closing-this-month', lateMay).map((d) => d.id)).toEqual(['first', 'last']);
  });

  it('all keeps every deal', () => {
    expect(filterDeals([deal('a'), deal('b')], 'all', context())).toHaveLength(2);
  });

  it('reads typed stale days as whole numbers from 1 to 365 only', () => {
    expect(parseStaleDays(' 21 ')).toBe(21);
    for (const bad of ['', '0', '366', '1.5', '-3', 'two', '1e2']) expect(parseStaleDays(bad)).toBeNull();
  });

  it('counts days in stage on the local calendar', () => {
    expect(daysInStage({ stageEnteredAt: local(2026, 5, 19, 23, 50) }, now())).toBe(1);
    expect(daysInStage({}, now())).toBeUndefined();
  });
});

describe('pipeline table order', () => {
  const stages = new Map([
    ['lead', 0],
    ['discovery', 1],
  ]);
  const deals = [
    deal('b', {
      accountLabel: 'Beta',
      value: 500,
      stageId: 'discovery',
      closeDate: '2026-07-01',
      stageEnteredAt: 10,
    }),
    deal('a', { accountLabel: 'alpha', value: 2000, stageId: 'lead', stageEnteredAt: 30 }),
    deal('c', { accountLabel: 'Gamma', stageId: 'gone', closeDate: '2026-06-01', stageEnteredAt: 20 }),
    deal('d', { accountLabel: 'Delta' }),
  ];
  const ids = (column: Parameters<typeof sortDeals>[1]['column'], direction: 'ascending' | 'descending') =>
    sortDeals(deals, { column, direction }, stages, 'en').map((d) => d.id);

  it('sorts names as people read them, either way', () => {
    expect(ids('account', 'ascending')).toEqual(['a', 'b', 'd', 'c']);
    expect(ids('account', 'descending')).toEqual(['c', 'd', 'b', 'a']);
  });

  it('puts deals missing the sorted field last in both directions', () => {
    // The two without a value keep the tie order (account name) under them.
    expect(ids('value', 'ascending')).toEqual(['b', 'a', 'd', 'c']);
    expect(ids('value', 'descending')).toEqual(['a', 'b', 'd', 'c']);
    expect(ids('closeDate', 'ascending')).toEqual(['c', 'b', 'a', 'd']);
  });

  it('orders stages as the playbook does, removed stages after them, no stage last', () => {
    expect(ids('stage', 'ascending')).toEqual(['a', 'b', 'c', 'd']);
    expect(ids('stage', 'descending')).toEqual(['c', 'b', 'a', 'd']);
  });

  it('counts the longest in stage as the most days', () => {
    // Entered at 10 is the earliest: the most days in stage.
    expect(ids('daysInStage', 'descending')).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('pipeline board', () => {
  it('puts each deal in its stage’s column, others in a last column, soonest close first', () => {
    const columns = boardColumns(
      [
        deal('late', { stageId: 'lead', closeDate: '2026-09-01', value: 10, currency: 'EUR' }),
        deal('soon', { stageId: 'lead', closeDate: '2026-06-01', value: 5, currency: 'EUR' }),
        deal('undated', { stageId: 'lead', value: 7, currency: 'USD' }),
        deal('removed', { stageId: 'gone' }),
        deal('unstaged'),
      ],
      ['lead', 'discovery'],
    );
    expect(columns.map((column) => [column.stageId, column.deals.map((d) => d.id)])).toEqual([
      ['lead', ['soon', 'late', 'undated']],
      ['discovery', []],
      [OTHER_STAGES_COLUMN, ['removed', 'unstaged']],
    ]);
    expect(columns[0]!.totals).toEqual([
      { currency: 'EUR', value: 15 },
      { currency: 'USD', value: 7 },
    ]);
  });

  it('has no "other" column when every deal is in a playbook stage', () => {
    expect(boardColumns([deal('a', { stageId: 'lead' })], ['lead']).map((column) => column.stageId)).toEqual([
      'lead',
    ]);
  });

  it('draws from each stage’s first cards the same columns, counts and totals as from every deal', () => {
    const someDeal = fc.record({
      stageId: fc.option(fc.constantFrom('lead', 'discovery', 'gone', 'old'), { nil: undefined }),
      closeDate: fc.option(fc.constantFrom('2026-05-01', '2026-06-01', '2026-07-15'), { nil: undefined }),
      value: fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: undefined }),
      currency: fc.option(fc.constantFrom('EUR', 'USD'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(someDeal, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (fields, perStage) => {
          const deals = fields.map((field, index) =>
            deal(`d${index}`, Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined))),
          );
          const stageIds = ['lead', 'discovery'];
          const whole = boardColumns(deals, stageIds);
          const first = firstCardsByStage(deals, perStage);
          const drawn = boardColumns(first.deals, stageIds, first.groups);
          expect(drawn.map((column) => column.stageId)).toEqual(whole.map((column) => column.stageId));
          for (const [index, column] of drawn.entries()) {
            const all = whole[index]!;
            expect(column.count).toBe(all.deals.length);
            expect(column.totals).toEqual(all.totals);
            // The cards shown first are the column's first ones, whichever stages the column gathers.
            const shown = Math.min(perStage, all.deals.length);
            expect(column.deals.slice(0, shown)).toEqual(all.deals.slice(0, shown));
          }
          expect(first.groups.reduce((sum, group) => sum + group.count, 0)).toBe(deals.length);
        },
      ),
    );
  });
});
