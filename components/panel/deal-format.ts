/**
 * How a deal reads in the rep's language: its value with the currency, its close day, its outcome. Shared
 * by the panel and the pipeline page.
 */
import type { DealRecord } from '@/lib/db/records';

/** Currencies offered first; a deal keeps any other ISO code it was given. */
export const COMMON_CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'HKD',
  'SGD',
  'AUD',
  'CAD',
  'CHF',
  'INR',
  'KRW',
] as const;

/** The currency a new deal starts with: the account's latest deal's, else the one of the UI language. */
export function defaultCurrency(deals: readonly DealRecord[], locale: string): string {
  const used = deals.find((deal) => deal.currency)?.currency;
  if (used) return used;
  return locale.toLowerCase().startsWith('zh') ? 'CNY' : 'USD';
}

// Formatters are kept per locale and currency: the pipeline page formats hundreds of cards at once, and
// building an Intl formatter costs far more than using one.
const numberFormats = new Map<string, Intl.NumberFormat | null>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a currency, or null for an ISO-shaped code the browser does not know. */
function numberFormat(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}\u0000${currency}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : {});
    } catch {
      format = null;
    }
    numberFormats.set(key, format);
  }
  return format;
}

/** `¥120,000.00`, `$5,000.00`; the bare number when the deal has no currency. */
export function formatDealValue(value: number, currency: string | undefined, locale: string): string {
  const format = numberFormat(locale, currency ?? '');
  if (format) return format.format(value);
  // An ISO-shaped code the browser does not know: show it beside the number.
  return `${numberFormat(locale, '')!.format(value)} ${currency}`;
}

/** A `YYYY-MM-DD` close day in the rep's format, read as that calendar day wherever they are. */
export function formatCloseDate(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(year!, month! - 1, date));
}

export { localDay } from '@/lib/dates/calendar-day';
