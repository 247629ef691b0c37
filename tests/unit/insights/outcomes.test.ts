import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../lib/dates/due';
import { outcomeFigures, type ClosedDealFact } from '../../../lib/insights/outcomes';

const START = Date.UTC(2026, 0, 5, 9);
const day = (n: number) => START + n * DAY_MS;
const REASONS = ['price', 'competitor', 'no-budget'];

function won(value: number | undefined, currency: string | undefined, opened: number, closed: number) {
  return {
    outcome: 'won',
    ...(value === undefined ? {} : { value }),
    ...(currency === undefined ? {} : { currency }),
    createdAt: day(opened),
    closedAt: day(closed),
  } satisfies ClosedDealFact;
}

function lost(lostReason: string | undefined, closed = 3): ClosedDealFact {
  return { outcome: 'lost', ...(lostReason ? { lostReason } : {}), createdAt: day(0), closedAt: day(closed) };
}

describe('outcome figures', () => {
  // Five won, three lost: 5 / 8 = 62.5 %.
  const closed: ClosedDealFact[] = [
    won(1000, 'EUR', 0, 10), // 10 days
    won(3000, 'EUR', 0, 30), // 30 days
    won(500, 'USD', 5, 25), // 20 days
    won(undefined, undefined, 0, 4), // 4 days, no value
    won(2000, 'EUR', 0, 6), // 6 days
    lost('competitor'),
    lost('budget-freeze'),
    lost('price'),
  ];

  it('counts won and lost deals and the win rate', () => {
    const figures = outcomeFigures(closed, REASONS);
    expect(figures.won).toBe(5);
    expect(figures.lost).toBe(3);
    expect(figures.winRate).toBe(0.625);
  });

  it('averages won deal sizes per currency, never across currencies, over the deals with a value', () => {
    // EUR: (1000 + 3000 + 2000) / 3 = 2000; USD: 500 / 1.
    expect(outcomeFigures(closed, REASONS).averageWonSize).toEqual([
      { currency: 'EUR', average: 2000, deals: 3 },
      { currency: 'USD', average: 500, deals: 1 },
    ]);
  });

  it('measures the sales cycle of won deals from creation to the win', () => {
    // 4, 6, 10, 20, 30 days: median 10, mean 70 / 5 = 14.
    expect(outcomeFigures(closed, REASONS).cycle).toEqual({ medianDays: 10, meanDays: 14, deals: 5 });
  });

  it("lists lost reasons most first, ties in the playbook's order, ids it does not list last", () => {
    expect(outcomeFigures(closed, REASONS).lostReasons).toEqual([
      { reasonId: 'price', count: 1 },
      { reasonId: 'competitor', count: 1 },
      { reasonId: 'budget-freeze', count: 1 },
    ]);
    const more = outcomeFigures([...closed, lost('competitor'), lost(undefined)], REASONS);
    expect(more.lostReasons).toEqual([
      { reasonId: 'competitor', count: 2 },
      { reasonId: 'price', count: 1 },
      { reasonId: 'budget-freeze', count: 1 },
      { reasonId: null, count: 1 },
    ]);
    // 5 won of 10 closed.
    expect(more.winRate).toBe(0.5);
  });

  it('keeps a value entered without a currency apart from every currency', () => {
    const figures = outcomeFigures([
      won(300, undefined, 0, 1),
      won(100, undefined, 0, 3),
      won(900, 'CNY', 0, 2),
    ]);
    expect(figures.averageWonSize).toEqual([
      { currency: null, average: 200, deals: 2 },
      { currency: 'CNY', average: 900, deals: 1 },
    ]);
    // 1, 2, 3 days.
    expect(figures.cycle).toEqual({ medianDays: 2, meanDays: 2, deals: 3 });
  });

  it('has no win rate, average or cycle when nothing closed, and a 0 % rate when all were lost', () => {
    expect(outcomeFigures([])).toEqual({
      won: 0,
      lost: 0,
      winRate: null,
      lostReasons: [],
      averageWonSize: [],
      cycle: { medianDays: null, meanDays: null, deals: 0 },
    });
    const allLost = outcomeFigures([lost('price'), lost('price')]);
    expect(allLost.winRate).toBe(0);
    expect(allLost.cycle.medianDays).toBeNull();
    expect(allLost.lostReasons).toEqual([{ reasonId: 'price', count: 2 }]);
  });
});
