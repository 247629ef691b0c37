import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Sets the date to `now` for each test of the enclosing `describe` (or file). Only the clock is faked:
 * React, user events and the database keep their real timers.
 */
export function fixClockAt(now: number | Date): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
