/**
 * Loading an account's panel data with 10,000 accounts, 100,000 notes and 50,000 follow-ups in the
 * database (./scale-browser.ts seeds them). Three Gmail-like threads (./fixtures/gmail-thread.ts, served
 * at Gmail's real address) are opened: one with a typical account's customer (10 notes, a handful of
 * follow-ups), one with the big account's (2,000 notes, 250 follow-ups), one with the busy account's
 * (20 deals and 200 touches). Once each tab's panel shows the contact, `getPanelState({ tabId })` round
 * trips are timed from inside that tab's panel frame — an extension page, the one that sends this message
 * in the product — the tabs taking turns.
 *
 * Baseline, in the same run: the same account's data read without the indexes, by whole-store scans in
 * an extension page against the same database.
 *
 * Autosave, on the big account: `saveNote` round trips from the quiet extension page, one edit of the same
 * note after another, with the tabs' panels gone (so no other screen's reload competes). Today's method
 * names the saving panel in the save, which then shows the answer and loads nothing; the baseline, taking
 * turns with it, is the method before: the save, then the saving panel's `getPanelState` of the big
 * account's tab. Each timed save comes as an autosave does, `AUTOSAVE_DELAY_MS` after the last one's
 * work (the rep's pause in typing): not straight after the baseline's reload of 500 notes, whose
 * garbage and database work would otherwise land in it.
 */
import type { Frame, Page } from 'playwright-core';
import { panelFrame } from '../../tests/e2e/support/browser';
import { CUSTOMERS, threadUrl, type Customer } from './fixtures/gmail-thread';
import { measureName } from '../../lib/background/handler-timing';
import { AUTOSAVE_DELAY_MS } from '../../lib/notes/autosave';
import { extensionWorker, serveGmailThreads } from './extension-page';
import {
  BIG_ACCOUNT,
  BUSY_ACCOUNT,
  BUSY_ACCOUNT_INDEX,
  noteCounts,
  SCALE,
  TYPICAL_ACCOUNT,
} from './in-page/scale-rows';
import {
  callInPage,
  injectPageCode,
  sendFrom,
  type Progress,
  type ScaleBrowser,
  type SeedStep,
} from './scale-browser';
import { summarize, type Summary } from './stats';

export const PANEL_DATA_BUDGET_MS = 50;
export const AUTOSAVE_BUDGET_MS = 3;

export interface PanelDataOptions {
  /** Timed rounds; each times one round trip in each tab. */
  iterations: number;
  warmup: number;
  baselineRuns: number;
  /** Timed autosaves (and as many baseline ones). */
  autosaves: number;
}

export const DEFAULT_PANEL_DATA_OPTIONS: PanelDataOptions = {
  iterations: 60,
  warmup: 5,
  baselineRuns: 6,
  autosaves: 100,
};

export interface PanelDataCase {
  label: string;
  accountKey: string;
  email: string;
  notesInDatabase: number;
  /** What the account has besides its notes, in words ("20 deals, 200 touches"); absent for none. */
  besides?: string;
  /** What the answer carried: a sanity check that every timed run did the real work. */
  notesReturned: number;
  followUpsReturned: number;
  peopleReturned: number;
  dealsReturned: number;
  touchesReturned: number;
  summary: Summary;
}

export interface PanelDataResult {
  budgetMs: number;
  warmup: number;
  database: Record<string, number>;
  seeding: SeedStep[];
  cases: PanelDataCase[];
  baseline: Summary;
  autosave: {
    budgetMs: number;
    notesOnAccount: number;
    bodyLength: number;
    /** The background's work per save: from the router receiving `saveNote` to the handler's answer. */
    handled: Summary;
    /** The save alone, as a round trip from an extension page: the saving panel shows the answer. */
    save: Summary;
    /** Baseline: the save, then the saving panel's whole state loaded again. */
    saveAndReload: Summary;
  };
}

async function waitForContact(frame: Frame, email: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await frame
      .locator('[data-testid=contact-email]')
      .textContent({ timeout: 1000 })
      .catch(() => null);
    if (shown?.trim() === email) return;
    if (Date.now() > deadline)
      throw new Error(`The panel did not show ${email} (shows ${shown ?? 'nothing'})`);
    await frame.page().waitForTimeout(100);
  }
}

/** The background's tab id for the tab showing `url` (its page registry in session storage). */
async function tabIdFor(page: Page, url: string): Promise<number> {
  const pages = (await page.evaluate(
    "chrome.storage.session.get('tabPages').then((stored) => stored.tabPages ?? {})",
  )) as Record<string, { url: string }>;
  const entry = Object.entries(pages).find(([, tabPage]) => tabPage.url === url);
  if (!entry) throw new Error(`No tab registered for ${url}`);
  return Number(entry[0]);
}

export async function measurePanelData(
  scale: ScaleBrowser,
  progress: Progress,
  options: PanelDataOptions = DEFAULT_PANEL_DATA_OPTIONS,
): Promise<PanelDataResult> {
  await scale.ensure(SCALE.panelFollowUps, progress);
  const database = await scale.counts();
  const { context } = scale.browser;
  const setups: { label: string; accountKey: string; customer: number; notes: number; besides?: string }[] = [
    { label: 'typical account', accountKey: TYPICAL_ACCOUNT, customer: 1, notes: SCALE.typicalAccountNotes },
    { label: 'big account', accountKey: BIG_ACCOUNT, customer: 0, notes: SCALE.bigAccountNotes },
    {
      label: 'busy account',
      accountKey: BUSY_ACCOUNT,
      customer: 2,
      notes: noteCounts()[BUSY_ACCOUNT_INDEX]!,
      besides: `${SCALE.busyAccountDeals} deals, ${SCALE.busyAccountTouches} touches`,
    },
  ];
  let current: Customer = CUSTOMERS[0]!;
  await serveGmailThreads(context, () => current);

  const tabs: { frame: Frame; page: Page; tabId: number; email: string }[] = [];
  for (const setup of setups) {
    current = CUSTOMERS[setup.customer]!;
    const url = threadUrl(setup.customer, 300_000);
    const page = await context.newPage();
    await page.goto(url);
    const frame = await panelFrame(page, 20_000);
    await waitForContact(frame, current.email);
    await injectPageCode(frame);
    tabs.push({ frame, page, tabId: await tabIdFor(scale.page, url), email: current.email });
  }

  progress(`timing getPanelState: ${options.warmup} warm-up and ${options.iterations} timed rounds…`);
  const samples: number[][] = setups.map(() => []);
  const answers: { notes: number; followUps: number; people: number; deals: number; touches: number }[] = [];
  for (let round = 0; round < options.warmup + options.iterations; round++) {
    for (const [index, tab] of tabs.entries()) {
      const { ms, result } = await sendFrom(tab.frame, 'getPanelState', { tabId: tab.tabId });
      if (result.contact?.email !== tab.email || result.account?.key !== setups[index]!.accountKey)
        throw new Error(
          `getPanelState answered about ${result.contact?.email ?? 'nobody'}, not ${tab.email}`,
        );
      if (round >= options.warmup) samples[index]!.push(ms);
      answers[index] = {
        notes: result.notes.length,
        followUps: result.followUps.length,
        people: result.account.people.length,
        deals: result.account.deals.length,
        touches: result.touches.length,
      };
    }
  }
  const big = tabs[setups.findIndex((setup) => setup.accountKey === BIG_ACCOUNT)]!;
  for (const tab of tabs) if (tab !== big) await tab.page.close();
  const autosave = await timeAutosaves(scale, big, options);
  await big.page.close();

  progress(`full-scan baseline: ${options.baselineRuns} runs…`);
  const baseline: number[] = [];
  for (let run = 0; run < options.baselineRuns; run++) {
    const setup = setups[run % setups.length]!;
    baseline.push((await callInPage(scale.page, 'panelFullScan', setup.accountKey)).ms);
  }

  return {
    budgetMs: PANEL_DATA_BUDGET_MS,
    warmup: options.warmup,
    database,
    seeding: [...scale.seeding],
    cases: setups.map((setup, index) => ({
      label: setup.label,
      accountKey: setup.accountKey,
      email: tabs[index]!.email,
      notesInDatabase: setup.notes,
      ...(setup.besides ? { besides: setup.besides } : {}),
      notesReturned: answers[index]!.notes,
      followUpsReturned: answers[index]!.followUps,
      peopleReturned: answers[index]!.people,
      dealsReturned: answers[index]!.deals,
      touchesReturned: answers[index]!.touches,
      summary: summarize(samples[index]!),
    })),
    baseline: summarize(baseline),
    autosave,
  };
}

/** The measure the background records for each `saveNote` it handles (lib/background/handler-timing.ts). */
const SAVE_MEASURE = measureName('saveNote');

/** A panel id for the bench's saves: no panel shows it, so none skips a reload for them. */
const BENCH_SAVER = 'bench-autosave-0000-4000-8000-000000000000';

async function timeAutosaves(
  scale: ScaleBrowser,
  big: { page: Page; tabId: number; email: string },
  options: PanelDataOptions,
): Promise<PanelDataResult['autosave']> {
  // The tab keeps its page (the background still knows what it shows); its panel goes, so that nothing
  // reloads on the saves' change events.
  await big.page.evaluate("document.querySelector('dealside-panel-host')?.remove()");
  const noteId = 'bench-autosave-note';
  let revision: number | null = null;
  let words = 'Called Jane about the rollout.';
  const save = async (savedBy?: string) => {
    words += ' Next step agreed.';
    const { ms, result } = await sendFrom(scale.page, 'saveNote', {
      id: noteId,
      accountKey: BIG_ACCOUNT,
      // As the panel sends it: about the contact it shows, whom the save checks is known.
      contactEmail: big.email,
      kind: 'note',
      body: words,
      baseRevision: revision,
      ...(savedBy ? { savedBy } : {}),
    });
    if (result.status !== 'saved') throw new Error(`An autosave answered ${result.status}`);
    revision = result.note.revision;
    return ms;
  };
  const worker = await extensionWorker(scale.browser);
  const saveOnly: number[] = [];
  const inWorker: number[] = [];
  const saveAndReload: number[] = [];
  for (let round = 0; round < options.warmup + options.autosaves; round++) {
    // The worker's own timing of this save, from the router receiving it to the handler's answer.
    await worker.evaluate(`performance.clearMeasures(${JSON.stringify(SAVE_MEASURE)})`);
    await scale.page.waitForTimeout(AUTOSAVE_DELAY_MS);
    const alone = await save(BENCH_SAVER);
    const handled = (await worker.evaluate(
      `performance.getEntriesByName(${JSON.stringify(SAVE_MEASURE)}, 'measure').map((entry) => entry.duration)`,
    )) as number[];
    if (handled.length !== 1) throw new Error(`The worker timed ${handled.length} saves, not one`);
    const before = await save();
    const { ms: reload, result } = await sendFrom(scale.page, 'getPanelState', { tabId: big.tabId });
    if (result.account?.key !== BIG_ACCOUNT) throw new Error('The reload was not about the big account');
    if (round < options.warmup) continue;
    inWorker.push(handled[0]!);
    saveOnly.push(alone);
    saveAndReload.push(before + reload);
  }
  return {
    budgetMs: AUTOSAVE_BUDGET_MS,
    notesOnAccount: SCALE.bigAccountNotes,
    bodyLength: words.length,
    handled: summarize(inWorker),
    save: summarize(saveOnly),
    saveAndReload: summarize(saveAndReload),
  };
}
