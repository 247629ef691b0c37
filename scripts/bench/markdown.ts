/** Small Markdown helpers for BENCHMARKS.md (Prettier aligns the tables afterwards). */
import type { Summary } from './stats';

export type Align = 'left' | 'right';

const cell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(headers: string[], rows: string[][], align: Align[] = []): string {
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [headers, rule, ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

export const bytes = (value: number): string => `${value.toLocaleString('en-US')} B`;

export const kib = (value: number): string => `${(value / 1024).toFixed(2)} KiB`;

/** Milliseconds with a precision suited to the magnitude. */
export function ms(value: number): string {
  const digits = value < 10 ? 3 : value < 100 ? 2 : 1;
  return `${value.toFixed(digits)} ms`;
}

export const ratio = (value: number): string => `${value.toFixed(1)}×`;

export const count = (value: number): string => value.toLocaleString('en-US');

/** "1 warm-up run", "3 warm-up runs". */
export const counted = (value: number, one: string, many = `${one}s`): string =>
  `${count(value)} ${value === 1 ? one : many}`;

/** Rows per store: "10,000 accounts, 100,000 notes". */
export const rowsText = (rows: Record<string, number>): string =>
  Object.entries(rows)
    .map(([store, n]) => `${count(n)} ${store}`)
    .join(', ');

/** n, median, p95, min and max of timings: the usual columns of a timing row. */
export function summaryRows(s: Summary): string[] {
  return [String(s.n), ms(s.median), ms(s.p95), ms(s.min), ms(s.max)];
}
