/**
 * How long the background spent on each message, from the router receiving it to the handler's answer,
 * kept as User Timing measures named `dealside:<message type>`. DevTools' performance panel shows them,
 * and the benchmarks read them from the service worker (scripts/bench/panel-data.ts) to time the
 * background's own work, without the message's way there and back.
 */

/** Measures kept per message type: a worker that runs for long must not grow them without end. */
export const MEASURES_KEPT = 1_000;

const recorded = new Map<string, number>();

export function measureName(type: string): string {
  return `dealside:${type}`;
}

/** Records one handling of `type` that began at `start` (`performance.now()`) and ends now. */
export function recordHandling(type: string, start: number): void {
  const name = measureName(type);
  const count = recorded.get(name) ?? 0;
  if (count >= MEASURES_KEPT) performance.clearMeasures(name);
  recorded.set(name, count >= MEASURES_KEPT ? 1 : count + 1);
  performance.measure(name, { start, end: performance.now() });
}
