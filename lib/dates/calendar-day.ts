/** Calendar days and months as the rep's own calendar has them, spelt `YYYY-MM-DD` and `YYYY-MM`. */

const pad = (value: number) => String(value).padStart(2, '0');

/** The rep's local calendar day of an instant, as a date input's value. */
export function localDay(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local calendar month of an instant and the `count - 1` months after it, `YYYY-MM` each. */
export function localMonthsFrom(instant: number, count: number): string[] {
  const start = new Date(instant);
  return Array.from({ length: count }, (_, offset) => {
    // Day 1 of the month: adding months to the 31st would skip a shorter month.
    const month = new Date(start.getFullYear(), start.getMonth() + offset, 1);
    return `${month.getFullYear()}-${pad(month.getMonth() + 1)}`;
  });
}
