/**
 * The popup's data, and re-arming the reminder alarm, with 100,000 follow-ups in the database
 * (./scale-browser.ts seeds them: 40 open and due within the popup's next seven days, 20 overdue, the
 * rest due later, proposed or done; plus 10,000 accounts, 100,000 notes and 100,000 stage events).
 *
 * Popup data: `getPopupFollowUps` round trips timed in an extension page. Baseline, in the same run and
 * the same page, against the same database: a full scan — every follow-up read (`getAll`), the open ones
 * due before the end of the popup's week kept, sorted by due time and split into the popup's three
 * sections. Both must find the same counts.
 *
 * Popup open: the extension's popup.html loaded in a new window each time (a cold popup window) at the
 * address the toolbar button opens it at (with its lists, lib/popup/lists-address.ts), from the
 * navigation's start to the browser's first contentful paint, less a blank page's; with the service
 * worker running the worker serves the page with the rows in it (lib/background/popup-page-server.ts),
 * with it stopped the page's own file draws them from the address. Beside it, from the same loads, the
 * React app's render of the same lists (`dealside:popup-interactive`, the baseline: what the popup waited
 * for before it had a first paint).
 *
 * Re-arming: the page snoozes an open follow-up (`updateFollowUp`), which writes the row, answers, and
 * then — after the answer, in the background — recounts the badge and arms the reminder alarm again. The
 * background's side is observed inside the service worker, without changing the extension: the benchmark
 * wraps the worker's `IDBDatabase.prototype.transaction` (to note when a write to `followUps` commits),
 * `chrome.alarms.create` (when each alarm is set) and, to show where the time goes, the refresh's
 * notification-permission query and the badge update's last call. All times are the worker's
 * `performance.timeOrigin + performance.now()`.
 */
import type { Page, Worker } from 'playwright-core';
import { stopServiceWorker } from '../../tests/e2e/support/browser';
import { extensionWorker } from './extension-page';
import { followUpKind, SCALE } from './in-page/scale-rows';
import { BLANK_PAGE, callInPage, sendFrom, type Progress, type ScaleBrowser } from './scale-browser';
import { summarize, type Summary } from './stats';

/** Goal: the popup's data at least ten times faster than a full scan of the follow-ups. */
export const POPUP_SPEEDUP_GOAL = 10;
export const REARM_BUDGET_MS = 10;
export const POPUP_OPEN_BUDGET_MS = 50;
/** components/popup/marks.ts: the lists first in the page with their rows; the React app rendered them. */
const POPUP_READY_MARK = 'dealside:popup-ready';
const POPUP_INTERACTIVE_MARK = 'dealside:popup-interactive';
/** lib/background/reminders.ts's alarm names. */
const REMINDER_ALARM = 'dealside-reminder';
const DAY_TURN_ALARM = 'dealside-day-turn';
const PROBE = '__dealsideBenchProbe';

export interface PopupDataOptions {
  iterations: number;
  warmup: number;
  baselineRuns: number;
  rearmRuns: number;
  rearmWarmup: number;
  /** Popup windows opened (after `warmup` more). */
  opens: number;
  /** Popup windows opened with the worker stopped (after `warmup` more). */
  stoppedOpens: number;
}

export const DEFAULT_POPUP_DATA_OPTIONS: PopupDataOptions = {
  iterations: 60,
  warmup: 5,
  baselineRuns: 10,
  rearmRuns: 60,
  rearmWarmup: 3,
  opens: 30,
  stoppedOpens: 15,
};

/** How long a worker woken by a popup is left to finish starting before it is stopped again. */
const WORKER_START_SETTLE_MS = 1_500;

export interface SectionCounts {
  overdue: number;
  today: number;
  week: number;
}

export interface PopupDataResult {
  speedupGoal: number;
  warmup: number;
  rearmWarmup: number;
  rearmBudgetMs: number;
  database: Record<string, number>;
  /** What the popup was answered: totals per section and rows sent. */
  totals: SectionCounts;
  rowsSent: number;
  baselineCounts: SectionCounts;
  popup: Summary;
  baseline: Summary;
  open: PopupOpenResult;
  /** `updateFollowUp` (snooze) round trip in the page: the write and the answer; re-arming follows it. */
  snoozeRoundTrip: Summary;
  /** In the worker: the snooze's write committed → the reminder alarm set again. */
  rearm: Summary;
  /** In the worker: the write committed → the day-turn alarm set, the last step of the refresh. */
  refresh: Summary;
  /** The re-arm in steps: until the refresh starts; then, side by side from there, the badge and the alarm. */
  rearmSteps: { toRefresh: Summary; badge: Summary; alarm: Summary };
}

export interface PopupOpenResult {
  budgetMs: number;
  /** The window's size: the popup's width, and the most height Chrome gives a popup. */
  viewport: { width: number; height: number };
  /** Navigation start → the browser's first contentful paint: the popup's rows, the page served by the worker. */
  painted: Summary;
  /** Rounds whose popup the running worker served (the rest were the page's file). */
  served: number;
  /** The same address opened right after the worker was stopped: the file draws the rows from its address. */
  workerStopped: Summary;
  /** Its own time above the blank page, round by round. */
  workerStoppedOwn: Summary;
  /** The same, for the blank page of the extension opened the same way: the floor. */
  blank: Summary;
  /** The popup's own time, round by round: its paint less the blank page's (judged on the median). */
  own: Summary;
  /** Navigation start → the first contentful paint without lists in its address: drawn from the answer. */
  unstored: Summary;
  /** Navigation start → the lists in the page (`dealside:popup-ready`, before the browser paints them). */
  ready: Summary;
  /** Navigation start → the React app's first render, which replaces the first paint. */
  interactive: Summary;
  /** The loads with lists' `DOMContentLoaded`: the popup's first script run. */
  scriptsLoaded: Summary;
  /** Rows in the first paint, and in the app once it rendered. */
  rowsPainted: number;
  rowsRendered: number;
}

/** The popup's width (components/popup/popup.css) and the most height Chrome gives a toolbar popup. */
const POPUP_WINDOW = { width: 380, height: 600 };

interface WindowLoad {
  /** The service worker answered the page's navigation. */
  served: boolean;
  contentfulPaint: number;
  ready?: number;
  interactive?: number;
  scriptsLoaded: number;
  rows: number;
}

/** Opens `url` in a new window of the popup's size and reads its timings once `until` is marked. */
async function openWindow(scale: ScaleBrowser, url: string, until: string): Promise<WindowLoad> {
  const window = await scale.browser.context.newPage();
  try {
    await window.setViewportSize(POPUP_WINDOW);
    const response = await window.goto(url);
    await window.waitForFunction(
      (mark) =>
        performance.getEntriesByName(mark).length > 0 &&
        performance.getEntriesByName('first-contentful-paint').length > 0,
      until,
      { timeout: 30_000 },
    );
    const timings = await window.evaluate(
      ([readyMark, interactiveMark]) => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          contentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
          ready: performance.getEntriesByName(readyMark)[0]?.startTime,
          interactive: performance.getEntriesByName(interactiveMark)[0]?.startTime,
          scriptsLoaded: navigation.domContentLoadedEventEnd,
          rows: document.querySelectorAll('[data-testid="popup-followup"]').length,
        };
      },
      [POPUP_READY_MARK, POPUP_INTERACTIVE_MARK] as const,
    );
    return { ...timings, served: response?.fromServiceWorker() ?? false };
  } finally {
    await window.close();
  }
}

/** How many rows the popup's first paint draws: its page read before React replaces it. */
async function rowsInFirstPaint(scale: ScaleBrowser, url: string): Promise<number> {
  const window = await scale.browser.context.newPage();
  try {
    await window.setViewportSize(POPUP_WINDOW);
    await window.goto(url);
    await window.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, POPUP_READY_MARK);
    return await window.evaluate(() => document.querySelectorAll('[data-testid="popup-followup"]').length);
  } finally {
    await window.close();
  }
}

/** The address the toolbar button opens its popup at: with its lists when the background keeps them. */
async function buttonPopupAddress(page: Page): Promise<string> {
  return (await page.evaluate('chrome.action.getPopup({})')) as string;
}

/**
 * Each round opens three windows of the popup's size, one after the other: the blank page, the popup at
 * the button's address with its lists (as the background keeps them; the running worker serves it), and
 * the bare popup.html (as the button opens it right after a change). The budget is judged on the popup's
 * own time above the blank page's. Then, in rounds of their own, the worker is stopped and the blank page
 * and the button's address opened (its file draws the rows from the address; its message wakes the worker).
 */
async function timePopupOpens(scale: ScaleBrowser, options: PopupDataOptions): Promise<PopupOpenResult> {
  const origin = `chrome-extension://${scale.browser.extensionId}`;
  const popupUrl = `${origin}/popup.html`;
  const painted: number[] = [];
  const stoppedPainted: number[] = [];
  let served = 0;
  const blank: number[] = [];
  const unstored: number[] = [];
  const ready: number[] = [];
  const interactive: number[] = [];
  const scriptsLoaded: number[] = [];
  let rowsRendered = 0;
  for (let run = 0; run < options.warmup + options.opens; run++) {
    const floor = await openWindow(scale, `${origin}/${BLANK_PAGE}`, 'bench:blank-ready');
    // The previous popup's answer kept the lists; a change would have taken them out.
    const address = await buttonPopupAddress(scale.page);
    if (!address.includes('#lists=')) throw new Error('The popup’s lists were not kept');
    const stored = await openWindow(scale, address, POPUP_INTERACTIVE_MARK);
    const answered = await openWindow(scale, popupUrl, POPUP_INTERACTIVE_MARK);
    if (stored.rows === 0 || answered.rows !== stored.rows) throw new Error('The popup showed no follow-up');
    rowsRendered = stored.rows;
    if (run < options.warmup) continue;
    blank.push(floor.contentfulPaint);
    painted.push(stored.contentfulPaint);
    if (stored.served) served += 1;
    unstored.push(answered.contentfulPaint);
    ready.push(stored.ready!);
    interactive.push(stored.interactive!);
    scriptsLoaded.push(stored.scriptsLoaded);
  }
  // Apart, after: a worker woken by the last popup's message starts while the next windows load, which
  // would slow down the rounds above.
  const stoppedBlank: number[] = [];
  for (let run = 0; run < options.warmup + options.stoppedOpens; run++) {
    const address = await buttonPopupAddress(scale.page);
    const floor = await openWindow(scale, `${origin}/${BLANK_PAGE}`, 'bench:blank-ready');
    // Stopped after the blank page: the browser may start a worker as a page of its scope opens.
    await stopServiceWorker(scale.browser, scale.page);
    const cold = await openWindow(scale, address, POPUP_INTERACTIVE_MARK);
    if (cold.served) throw new Error('A stopped service worker served the popup');
    if (cold.rows !== rowsRendered) throw new Error('The popup showed other follow-ups');
    // Its start done before the next round stops it again.
    await scale.page.waitForTimeout(WORKER_START_SETTLE_MS);
    if (run < options.warmup) continue;
    stoppedBlank.push(floor.contentfulPaint);
    stoppedPainted.push(cold.contentfulPaint);
  }
  const rowsPainted = await rowsInFirstPaint(scale, await buttonPopupAddress(scale.page));
  return {
    budgetMs: POPUP_OPEN_BUDGET_MS,
    viewport: POPUP_WINDOW,
    painted: summarize(painted),
    blank: summarize(blank),
    own: summarize(painted.map((time, round) => time - blank[round]!)),
    served,
    workerStopped: summarize(stoppedPainted),
    workerStoppedOwn: summarize(stoppedPainted.map((time, round) => time - stoppedBlank[round]!)),
    unstored: summarize(unstored),
    ready: summarize(ready),
    interactive: summarize(interactive),
    scriptsLoaded: summarize(scriptsLoaded),
    rowsPainted,
    rowsRendered,
  };
}

/**
 * Wraps calls in the worker to note when they happen (once per worker): a `followUps` write committing,
 * the refresh under way (asking whether notifications are allowed, right after reading the settings), the
 * badge set (its title, set together with the text and the colour) and each alarm set.
 */
const INSTALL_PROBE = `(() => {
  if (globalThis.${PROBE}) return false;
  const probe = { writes: [], calls: [] };
  const clock = () => performance.timeOrigin + performance.now();
  const wrap = (api, method, name, when) => {
    const original = api[method];
    api[method] = function (...args) {
      const label = typeof name === 'function' ? name(args) : name;
      if (when === 'called') probe.calls.push({ name: label, at: clock() });
      return Promise.resolve(original.apply(api, args)).then((result) => {
        if (when === 'done') probe.calls.push({ name: label, at: clock() });
        return result;
      });
    };
  };
  wrap(chrome.notifications, 'getPermissionLevel', 'refresh', 'called');
  wrap(chrome.action, 'setTitle', 'badge', 'done');
  wrap(chrome.alarms, 'create', (args) => 'alarm:' + (typeof args[0] === 'string' ? args[0] : ''), 'done');
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = transaction.call(this, stores, mode, options);
    const names = typeof stores === 'string' ? [stores] : [...stores];
    if (mode === 'readwrite' && names.includes('followUps'))
      tx.addEventListener('complete', () => probe.writes.push(clock()));
    return tx;
  };
  globalThis.${PROBE} = probe;
  return true;
})()`;

interface ProbeRecord {
  writes: number[];
  calls: { name: string; at: number }[];
}

const worker = (scale: ScaleBrowser): Promise<Worker> => extensionWorker(scale.browser);

/** Empties the probe's records, installing it first in a worker that does not have it. */
async function resetProbe(scale: ScaleBrowser): Promise<void> {
  const sw = await worker(scale);
  await sw.evaluate(INSTALL_PROBE);
  await sw.evaluate(`(${PROBE}.writes = [], ${PROBE}.calls = [], true)`);
}

/** Waits until the refresh after a change has set the day-turn alarm (its last step). */
async function probeAfterRefresh(scale: ScaleBrowser, timeoutMs = 10_000): Promise<ProbeRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sw = await worker(scale);
    const record = (await sw.evaluate(`globalThis.${PROBE} ?? null`)) as ProbeRecord | null;
    if (!record) throw new Error('The service worker was replaced during a re-arm measurement');
    if (record.calls.some((call) => call.name === `alarm:${DAY_TURN_ALARM}`)) return record;
    if (Date.now() > deadline) throw new Error(`No re-arm within ${timeoutMs} ms: ${JSON.stringify(record)}`);
    await scale.page.waitForTimeout(5);
  }
}

/** Open follow-ups due later than the popup's week: what the snooze runs move. */
function snoozeTargets(count: number): string[] {
  const ids: string[] = [];
  for (let id = 0; ids.length < count && id < SCALE.popupFollowUps; id++)
    if (followUpKind(id) === 'open-later') ids.push(`bench-followup-${id}`);
  return ids;
}

export async function measurePopupData(
  scale: ScaleBrowser,
  progress: Progress,
  options: PopupDataOptions = DEFAULT_POPUP_DATA_OPTIONS,
): Promise<PopupDataResult> {
  await scale.ensure(SCALE.popupFollowUps, progress);
  const database = await scale.counts();
  const { page } = scale;

  progress(`timing getPopupFollowUps: ${options.warmup} warm-up and ${options.iterations} timed runs…`);
  const popup: number[] = [];
  let totals: SectionCounts = { overdue: 0, today: 0, week: 0 };
  let rowsSent = 0;
  for (let run = 0; run < options.warmup + options.iterations; run++) {
    const { ms, result } = await sendFrom(page, 'getPopupFollowUps', {});
    if (run >= options.warmup) popup.push(ms);
    totals = { overdue: result.overdue.total, today: result.today.total, week: result.week.total };
    rowsSent = result.overdue.rows.length + result.today.rows.length + result.week.rows.length;
  }

  progress(`full-scan baseline: ${options.baselineRuns} runs…`);
  const baseline: number[] = [];
  let baselineCounts: SectionCounts = { overdue: 0, today: 0, week: 0 };
  for (let run = 0; run < options.baselineRuns; run++) {
    const scan = await callInPage(page, 'popupFullScan');
    baseline.push(scan.ms);
    baselineCounts = scan.counts;
  }

  progress(
    `popup open: ${options.warmup} warm-up and ${options.opens} timed rounds of three windows, then ${options.stoppedOpens} with the worker stopped…`,
  );
  const open = await timePopupOpens(scale, options);

  progress(`re-arming after a snooze: ${options.rearmWarmup} warm-up and ${options.rearmRuns} timed runs…`);
  const roundTrips: number[] = [];
  const rearms: number[] = [];
  const refreshes: number[] = [];
  const steps = { toRefresh: [] as number[], badge: [] as number[], alarm: [] as number[] };
  const targets = snoozeTargets(options.rearmWarmup + options.rearmRuns);
  for (const [run, id] of targets.entries()) {
    await resetProbe(scale);
    // Half an hour ahead and later each run: the snoozed row becomes one of the next reminders due.
    const until = Date.now() + 30 * 60_000 + run * 60_000;
    const { ms } = await sendFrom(page, 'updateFollowUp', { id, action: 'snooze', until });
    const record = await probeAfterRefresh(scale);
    const written = record.writes[0];
    const at = (name: string) => record.calls.find((call) => call.name === name)?.at;
    const [started, badge, armed, dayTurn] = [
      'refresh',
      'badge',
      `alarm:${REMINDER_ALARM}`,
      `alarm:${DAY_TURN_ALARM}`,
    ].map(at);
    if (
      record.writes.length !== 1 ||
      written === undefined ||
      started === undefined ||
      badge === undefined ||
      armed === undefined ||
      dayTurn === undefined
    )
      throw new Error(`Unexpected re-arm record: ${JSON.stringify(record)}`);
    if (run < options.rearmWarmup) continue;
    roundTrips.push(ms);
    rearms.push(armed - written);
    refreshes.push(dayTurn - written);
    steps.toRefresh.push(started - written);
    // The badge and the reminder alarm are brought up to date side by side, both from the refresh's start.
    steps.badge.push(badge - started);
    steps.alarm.push(armed - started);
  }

  return {
    speedupGoal: POPUP_SPEEDUP_GOAL,
    warmup: options.warmup,
    rearmWarmup: options.rearmWarmup,
    rearmBudgetMs: REARM_BUDGET_MS,
    database,
    totals,
    rowsSent,
    baselineCounts,
    popup: summarize(popup),
    baseline: summarize(baseline),
    open,
    snoozeRoundTrip: summarize(roundTrips),
    rearm: summarize(rearms),
    refresh: summarize(refreshes),
    rearmSteps: {
      toRefresh: summarize(steps.toRefresh),
      badge: summarize(steps.badge),
      alarm: summarize(steps.alarm),
    },
  };
}
