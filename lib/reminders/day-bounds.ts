/**
 * Local calendar days as instants. A day is not always 24 hours long (23 or 25 around a daylight-saving
 * change), so day boundaries are built with the local `Date` constructor, which resolves "midnight on
 * that date" on the local clock, never by adding 24 hours to an instant.
 */

/** Midnight at the start of the local calendar day `days` after the day of `instant` (0: that day). */
export function localDayStart(instant: number, days = 0): number {
  const date = new Date(instant);
  // Where midnight does not exist (a daylight-saving jump at 00:00), the constructor lands on the first
  // moment of the day that does: still the day's start.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

/** The next local midnight after `instant`: when "today" turns into "yesterday". */
export function nextLocalMidnight(instant: number): number {
  return localDayStart(instant, 1);
}
