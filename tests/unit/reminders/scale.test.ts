/**
 * Measures, on 100,000 follow-ups with a few dozen due, what the popup and the reminder alarm cost with
 * the `by-status-due` range reads against a full scan of the store. Prints the numbers and asserts
 * only on results, never on time (machines are noisy). fake-indexeddb is far slower than the
 * browser's IndexedDB; the ratio is what carries over.
 *
 * Set DEALSIDE_SCALE_ROWS for another size (the default suite uses 100,000).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { popupFollowUps } from '../../../lib/background/popup-follow-ups';
import { followUpsChanged, REMINDER_ALARM } from '../../../lib/background/reminders';
import { firstOpenFollowUpDueAfter } from '../../../lib/db/follow-ups';
import type { FollowUpRecord } from '../../../lib/db/records';
import { fellDueWhileOpen } from '../../../lib/reminders/schedule';
import { popupWindows } from '../../../lib/reminders/windows';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const ROWS = Number(process.env.DEALSIDE_SCALE_ROWS ?? 100_000);
const DUE_SOON = 40;
const NOW = Date.UTC(2025, 5, 12, 10);
const DAY = 86_400_000;

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, result };
}

/** What the popup would do without the index: read every row, keep the open ones in the window. */
async function popupByFullScan(now: number) {
  const rows = (await (await database()).getAll('followUps')) as FollowUpRecord[];
  const windows = popupWindows(now);
  const within = (window: { from: number; to: number }) =>
    rows
      .filter((row) => row.status === 'open' && row.due >= window.from && row.due < window.to)
      .sort((a, b) => a.due - b.due);
  return { overdue: within(windows.overdue), today: within(windows.today), week: within(windows.week) };
}

describe(`scale: ${ROWS.toLocaleString('en')} follow-ups, ${DUE_SOON} due soon`, () => {
  const report: string[] = [];

  beforeAll(async () => {
    const db = await database();
    await db.clear('followUps');
    const started = performance.now();
    const tx = db.transaction('followUps', 'readwrite');
    for (let index = 0; index < ROWS; index++) {
      const soon = index < DUE_SOON;
      // A few dozen due around now; the rest done in the past years, or open months ahead.
      const due = soon
        ? NOW + (index - 10) * 4 * 60 * 60 * 1000
        : index % 10 === 0
          ? NOW + (30 + (index % 700)) * DAY
          : NOW - (1 + (index % 1000)) * DAY;
      void tx.store.put({
        id: `f-${index}`,
        accountKey: `account-${index % 5000}.example`,
        title: `Follow-up ${index}`,
        due,
        status: soon || index % 10 === 0 ? 'open' : 'done',
        source: 'manual',
        createdAt: due - 7 * DAY,
        updatedAt: due - 7 * DAY,
      });
    }
    await tx.done;
    report.push(`seeded in ${Math.round(performance.now() - started)} ms`);
  }, 600_000);

  afterAll(() => {
    console.log(`[scale] ${ROWS.toLocaleString('en')} follow-ups:\n  ${report.join('\n  ')}`);
  });

  it('popup lists: range reads on the index vs a full scan, same rows', async () => {
    const db = await database();
    const indexed = await timed(5, () => popupFollowUps(db, NOW));
    const scanned = await timed(3, () => popupByFullScan(NOW));
    report.push(`popup data (index ranges): ${indexed.ms.toFixed(1)} ms median of 5`);
    report.push(`popup data (full scan):    ${scanned.ms.toFixed(1)} ms median of 3`);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    expect(ids(indexed.result.overdue.rows)).toEqual(ids(scanned.result.overdue));
    expect(ids(indexed.result.today.rows)).toEqual(ids(scanned.result.today));
    expect(ids(indexed.result.week.rows)).toEqual(ids(scanned.result.week));
  }, 600_000);

  it('re-arming: one range read for the next due follow-up, and the whole refresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    try {
      const db = await database();
      const next = await timed(5, () =>
        firstOpenFollowUpDueAfter(db, NOW, (row) => row.due > NOW || fellDueWhileOpen(row)),
      );
      await followUpsChanged(); // the first run sets the "reminded up to" mark
      const refresh = await timed(5, () => followUpsChanged());
      report.push(`next due (one cursor read): ${next.ms.toFixed(2)} ms median of 5`);
      report.push(`re-arm (badge count + next due + alarms): ${refresh.ms.toFixed(2)} ms median of 5`);
      expect(next.result?.due).toBeGreaterThan(NOW);
      expect((await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime).toBe(next.result?.due);
    } finally {
      vi.useRealTimers();
    }
  }, 600_000);
});
