/**
 * The weighted forecast: what the open deals are expected to bring in, month by month.
 *
 * - Which deals: open deals with a close date and a value. A deal never given a stage has no
 *   probability and is left out (adding a deal puts it in the playbook's first stage, so this is rare).
 * - Expected value = value × the stage's win probability (lib/playbook/probability.ts). A deal in a stage
 *   the playbook no longer has is weighed at the first stage's probability, the most cautious one.
 * - Months: the close day (`YYYY-MM-DD`, a day of the rep's calendar) gives the month `YYYY-MM`. The
 *   forecast covers the rep's current month and the five after it; later close dates are not shown.
 * - Overdue close date: a deal still open after its close day has passed is not quietly counted in the
 *   current month — it is shown in its own bucket, as a prompt to win it, lose it or move the date. The
 *   current month therefore holds the close days from today to its end.
 * - Amounts are summed per currency, never across currencies; a value without a currency is its own
 *   group (`null`).
 */
import { localDay, localMonthsFrom } from '../dates/calendar-day';

export const FORECAST_MONTHS = 6;

/** The fields of an open deal the forecast needs. */
export interface OpenDealFact {
  stageId?: string;
  value?: number;
  currency?: string;
  /** `YYYY-MM-DD`. */
  closeDate?: string;
}

export interface CurrencyForecast {
  /** ISO 4217 code; null for values entered without a currency. */
  currency: string | null;
  deals: number;
  /** The values added up, unweighted. */
  pipeline: number;
  /** Each value times its stage's probability, added up. */
  weighted: number;
}

export interface ForecastBucket {
  deals: number;
  /** One row per currency, the largest pipeline first. */
  currencies: CurrencyForecast[];
}

export interface ForecastMonth extends ForecastBucket {
  /** `YYYY-MM`. */
  month: string;
}

export interface ForecastFigures {
  /** The local calendar day the forecast was made on; close days before it are overdue. */
  today: string;
  /** Open deals whose close day has passed. */
  overdue: ForecastBucket;
  /** The current month and the five after it, in order; empty months included. */
  months: ForecastMonth[];
}

export interface ForecastInput {
  deals: Iterable<OpenDealFact>;
  /** Win probability in percent per stage id (lib/playbook/probability.ts). */
  probabilities: ReadonlyMap<string, number>;
  /** Used for stages the playbook no longer has. */
  fallbackProbability: number;
  now: number;
}

class BucketTotals {
  deals = 0;
  private readonly byCurrency = new Map<string | null, CurrencyForecast>();

  add(currency: string | null, value: number, percent: number): void {
    this.deals += 1;
    let row = this.byCurrency.get(currency);
    if (!row) this.byCurrency.set(currency, (row = { currency, deals: 0, pipeline: 0, weighted: 0 }));
    row.deals += 1;
    row.pipeline += value;
    row.weighted += (value * percent) / 100;
  }

  figures(): ForecastBucket {
    const currencies = [...this.byCurrency.values()].sort(
      (a, b) => b.pipeline - a.pipeline || (a.currency ?? '').localeCompare(b.currency ?? ''),
    );
    return { deals: this.deals, currencies };
  }
}

/** The first day after the forecast's last month: the read of open deals need not go past it. */
export function forecastEndDay(now: number): string {
  const [afterLast] = localMonthsFrom(now, FORECAST_MONTHS + 1).slice(-1);
  return `${afterLast}-01`;
}

export function forecastFigures(input: ForecastInput): ForecastFigures {
  const today = localDay(input.now);
  const months = localMonthsFrom(input.now, FORECAST_MONTHS);
  const byMonth = new Map(months.map((month) => [month, new BucketTotals()]));
  const overdue = new BucketTotals();

  for (const deal of input.deals) {
    if (deal.value === undefined || !deal.closeDate || !deal.stageId) continue;
    const bucket = deal.closeDate < today ? overdue : byMonth.get(deal.closeDate.slice(0, 7));
    if (!bucket) continue;
    const percent = input.probabilities.get(deal.stageId) ?? input.fallbackProbability;
    bucket.add(deal.currency ?? null, deal.value, percent);
  }

  return {
    today,
    overdue: overdue.figures(),
    months: months.map((month) => ({ month, ...byMonth.get(month)!.figures() })),
  };
}
