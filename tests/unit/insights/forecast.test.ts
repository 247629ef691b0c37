import { describe, expect, it } from 'vitest';
import { forecastEndDay, forecastFigures, type OpenDealFact } from '../../../lib/insights/forecast';
import { createDefaultPlaybook } from '../../../lib/playbook/default-playbook';
import { defaultStageProbability, stageProbabilities } from '../../../lib/playbook/probability';
import { local, useTimeZone } from '../reminders/time-zone';

/** The default playbook with discovery at 25 % and negotiation's own figure removed (60 % by position). */
function teamPlaybook() {
  const playbook = createDefaultPlaybook();
  playbook.stages[1]!.probability = 25;
  delete playbook.stages[3]!.probability;
  return playbook;
}

const deal = (
  stageId: string | undefined,
  value: number | undefined,
  currency: string | undefined,
  closeDate: string,
) =>
  ({
    ...(stageId ? { stageId } : {}),
    ...(value === undefined ? {} : { value }),
    ...(currency ? { currency } : {}),
    closeDate,
  }) satisfies OpenDealFact;

describe('stage probabilities', () => {
  it('takes a stage’s own figure, else the common-practice one of its position, capped at 80 %', () => {
    expect([...stageProbabilities(teamPlaybook())]).toEqual([
      ['lead', 10],
      ['discovery', 25],
      ['solution', 40],
      ['negotiation', 60],
      ['after-sales', 80],
    ]);
    expect([0, 1, 2, 3, 4, 5, 12].map(defaultStageProbability)).toEqual([10, 20, 40, 60, 80, 80, 80]);
  });
});

describe('weighted forecast', () => {
  // Sunday 15 March 2026, noon, wherever the tests run.
  const now = local(2026, 3, 15, 12);
  const playbook = teamPlaybook();
  const forecast = forecastFigures({
    deals: [
      deal('negotiation', 10_000, 'EUR', '2026-03-20'), // March: 6,000
      deal('discovery', 4_000, 'EUR', '2026-03-31'), // March: 1,000
      deal('solution', 50_000, 'CNY', '2026-03-15'), // today is not overdue: March, 20,000
      deal('lead', 2_000, 'EUR', '2026-04-01'), // April: 200
      deal('negotiation', 500, undefined, '2026-04-10'), // April, no currency: 300
      deal('pilot', 1_000, 'EUR', '2026-05-10'), // removed stage, weighed as the first: 100
      deal('after-sales', 1_000, 'USD', '2026-08-31'), // August: 800
      deal('negotiation', 3_000, 'EUR', '2026-09-01'), // after the sixth month: not shown
      deal('solution', 8_000, 'EUR', '2026-03-14'), // yesterday: overdue, 3,200
      deal('lead', undefined, 'EUR', '2026-03-20'), // no value
      deal(undefined, 1_000, 'EUR', '2026-03-20'), // no stage, so no probability
    ],
    probabilities: stageProbabilities(playbook),
    fallbackProbability: 10,
    now,
  });

  it('covers the current month and the five after it, empty months included', () => {
    expect(forecast.today).toBe('2026-03-15');
    expect(forecast.months.map((month) => [month.month, month.deals])).toEqual([
      ['2026-03', 3],
      ['2026-04', 2],
      ['2026-05', 1],
      ['2026-06', 0],
      ['2026-07', 0],
      ['2026-08', 1],
    ]);
  });

  it('weighs each value by its stage’s probability and sums per currency, largest pipeline first', () => {
    const [march, april, may, june, , august] = forecast.months;
    expect(march!.currencies).toEqual([
      { currency: 'CNY', deals: 1, pipeline: 50_000, weighted: 20_000 },
      { currency: 'EUR', deals: 2, pipeline: 14_000, weighted: 7_000 },
    ]);
    expect(april!.currencies).toEqual([
      { currency: 'EUR', deals: 1, pipeline: 2_000, weighted: 200 },
      { currency: null, deals: 1, pipeline: 500, weighted: 300 },
    ]);
    expect(may!.currencies).toEqual([{ currency: 'EUR', deals: 1, pipeline: 1_000, weighted: 100 }]);
    expect(june!.currencies).toEqual([]);
    expect(august!.currencies).toEqual([{ currency: 'USD', deals: 1, pipeline: 1_000, weighted: 800 }]);
  });

  it('puts open deals whose close day has passed in the overdue bucket, not in the current month', () => {
    expect(forecast.overdue).toEqual({
      deals: 1,
      currencies: [{ currency: 'EUR', deals: 1, pipeline: 8_000, weighted: 3_200 }],
    });
  });

  it('reads no further than the first day after the sixth month', () => {
    expect(forecastEndDay(now)).toBe('2026-09-01');
    expect(forecastEndDay(local(2026, 11, 30, 23))).toBe('2027-05-01');
  });
});

describe('forecast months in the rep’s time zone', () => {
  useTimeZone('Asia/Shanghai');

  it('starts the month at local midnight: 31 January 17:00 UTC is already February in Shanghai', () => {
    const now = Date.UTC(2026, 0, 31, 17);
    const forecast = forecastFigures({
      deals: [deal('lead', 1_000, 'CNY', '2026-01-31'), deal('lead', 2_000, 'CNY', '2026-02-01')],
      probabilities: stageProbabilities(teamPlaybook()),
      fallbackProbability: 10,
      now,
    });
    expect(forecast.today).toBe('2026-02-01');
    expect(forecast.months.map((month) => month.month)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    expect(forecast.overdue.currencies).toEqual([
      { currency: 'CNY', deals: 1, pipeline: 1_000, weighted: 100 },
    ]);
    expect(forecast.months[0]!.currencies).toEqual([
      { currency: 'CNY', deals: 1, pipeline: 2_000, weighted: 200 },
    ]);
    expect(forecastEndDay(now)).toBe('2026-08-01');
  });

  it('rolls over the year: December is followed by January of the next', () => {
    const forecast = forecastFigures({
      deals: [],
      probabilities: new Map(),
      fallbackProbability: 10,
      now: local(2026, 12, 31, 23, 30),
    });
    expect(forecast.months.map((month) => month.month)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
  });
});
