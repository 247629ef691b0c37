import { afterEach, beforeEach } from 'vitest';

/**
 * Runs a test file's tests in a time zone. Node reads `process.env.TZ` on every change, so local-time
 * arithmetic follows it at once; the previous zone is restored after each test.
 */
export function useTimeZone(zone: string): void {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}

/** An instant from a local wall-clock reading in the current zone (month is 1-based here). */
export function local(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

export const HOUR = 60 * 60 * 1000;
