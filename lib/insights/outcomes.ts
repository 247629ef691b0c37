/**
 * How deals ended in a period: won and lost counts, the win rate, why deals were lost, the average size
 * of a won deal and how long winning took. A deal belongs to the period its outcome was recorded in
 * (`closedAt`), whenever it was opened.
 *
 * - Win rate = won / (won + lost); null when nothing closed (no rate is not a 0 % rate).
 * - Lost reasons: lost deals per reason id, most first (ties in the playbook's order, then by id). A
 *   deal lost without a reason (an import from before reasons) counts under `null`.
 * - Average won deal size: per currency, over the won deals that have a value. Amounts in different
 *   currencies are never added; a value without a currency is its own group (`null`).
 * - Sales cycle: days from the deal's creation to its win, median and mean over the won deals.
 */
import { DAY_MS } from '../dates/due';
import { median } from './median';

/** The fields of a closed deal the outcome figures need. */
export interface ClosedDealFact {
  outcome: 'won' | 'lost';
  lostReason?: string;
  value?: number;
  currency?: string;
  createdAt: number;
  closedAt: number;
}

export interface LostReasonCount {
  /** The playbook's reason id; null for a deal lost without one. */
  reasonId: string | null;
  count: number;
}

export interface AverageDealSize {
  /** ISO 4217 code; null for values entered without a currency. */
  currency: string | null;
  /** The mean value of the won deals in this currency. */
  average: number;
  /** How many won deals the average is taken over. */
  deals: number;
}

export interface CycleLength {
  medianDays: number | null;
  meanDays: number | null;
  /** How many won deals the figures are taken over. */
  deals: number;
}

export interface OutcomeFigures {
  won: number;
  lost: number;
  /** won / (won + lost), between 0 and 1; null when no deal closed in the period. */
  winRate: number | null;
  lostReasons: LostReasonCount[];
  /** One figure per currency, the currency with most won deals first. */
  averageWonSize: AverageDealSize[];
  cycle: CycleLength;
}

/**
 * The figures over the deals closed in the period. The caller reads them by the `by-closed` index range,
 * so only closed deals inside it arrive; `reasonOrder` is the playbook's lost reason ids in its order.
 */
export function outcomeFigures(
  closed: Iterable<ClosedDealFact>,
  reasonOrder: readonly string[] = [],
): OutcomeFigures {
  let won = 0;
  let lost = 0;
  const reasons = new Map<string | null, number>();
  const sizes = new Map<string | null, { total: number; deals: number }>();
  const cycleDays: number[] = [];
  for (const deal of closed) {
    if (deal.outcome === 'lost') {
      lost += 1;
      const reason = deal.lostReason || null;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      continue;
    }
    won += 1;
    cycleDays.push(Math.max(0, deal.closedAt - deal.createdAt) / DAY_MS);
    if (deal.value === undefined) continue;
    const currency = deal.currency ?? null;
    const size = sizes.get(currency) ?? { total: 0, deals: 0 };
    size.total += deal.value;
    size.deals += 1;
    sizes.set(currency, size);
  }

  const position = new Map(reasonOrder.map((id, index) => [id, index]));
  const rank = (id: string | null) => (id === null ? Infinity : (position.get(id) ?? reasonOrder.length));
  const lostReasons = [...reasons]
    .map(([reasonId, count]) => ({ reasonId, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        rank(a.reasonId) - rank(b.reasonId) ||
        (a.reasonId ?? '').localeCompare(b.reasonId ?? ''),
    );

  const averageWonSize = [...sizes]
    .map(([currency, { total, deals }]) => ({ currency, average: total / deals, deals }))
    .sort((a, b) => b.deals - a.deals || (a.currency ?? '').localeCompare(b.currency ?? ''));

  const closedCount = won + lost;
  return {
    won,
    lost,
    winRate: closedCount === 0 ? null : won / closedCount,
    lostReasons,
    averageWonSize,
    cycle: {
      medianDays: median(cycleDays),
      meanDays:
        cycleDays.length === 0 ? null : cycleDays.reduce((sum, days) => sum + days, 0) / cycleDays.length,
      deals: cycleDays.length,
    },
  };
}
