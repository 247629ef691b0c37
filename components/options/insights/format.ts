/** Numbers as the insights show them, in the UI language. */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    formats.set(key, format);
  }
  return format;
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, {}).format(value);
}

export function formatPercent(rate: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** A rate with one decimal where it has one ("62.5%", "50%"): a win rate over few deals is rarely round. */
export function formatRate(rate: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** `2026-03` → "March 2026", "2026年3月". */
export function formatMonth(month: string, locale: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const date = new Date(year!, monthNumber! - 1, 1);
  try {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long' }).format(date);
  }
}

/** "1 day", "2.5 days", "3.5天": Intl knows each language's plural forms. */
export function formatDays(days: number, locale: string): string {
  return numberFormat(locale, {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: days < 10 ? 1 : 0,
  }).format(days);
}

/** Chinese characters are about twice as wide as Latin ones in the chart's labels. */
function widthUnits(character: string): number {
  return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(character) ? 2 : 1;
}

/** Shortens a label to about `maxUnits` Latin characters, whole characters only, with an ellipsis. */
export function fitLabel(label: string, maxUnits: number): string {
  const characters = Array.from(label);
  let units = 0;
  for (let index = 0; index < characters.length; index += 1) {
    units += widthUnits(characters[index]!);
    if (units > maxUnits) return `${characters.slice(0, Math.max(1, index - 1)).join('')}…`;
  }
  return label;
}
