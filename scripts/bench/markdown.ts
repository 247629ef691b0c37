/** Small Markdown helpers for BENCHMARKS.md (Prettier aligns the tables afterwards). */

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
