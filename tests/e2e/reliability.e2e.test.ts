/**
 * What happens to a note when the world is unkind: the page reloads or the tab closes a moment after the
 * last keystroke, the service worker is stopped mid-write, the browser restarts, the rep types very
 * fast, and two panels edit the same note. The rule everywhere: the stored note is whole — the latest
 * text or, when the last keystrokes could not be flushed, the previously saved text — never a truncated
 * mixture, never a lost version.
 *
 * Stored rows are read from the extension's own IndexedDB ('dealside') through an extension page, which
 * shares the service worker's storage and works whether the worker runs or not.
 */
import { rm } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateTimeLocalValue } from '../../lib/dates/due';
import {
  launchWithExtension,
  panelFrame,
  serveFixture,
  stopServiceWorker,
  type ExtensionBrowser,
} from './support/browser';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const JANE = 'jane.cooper@northwind-trading.com';
const NORTHWIND = 'northwind-trading.com';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface StoredNote {
  id: string;
  accountKey: string;
  body: string;
  revision: number;
  createdAt: number;
  updatedAt: number;
}
interface StoredFollowUp {
  id: string;
  title: string;
  due: number;
  status: string;
}

/** Every row of some stores of the extension's database, read in an extension page; {} before it exists. */
async function readStores(probe: Page, stores: string[]): Promise<Record<string, unknown[]>> {
  return probe.evaluate(async (names) => {
    // Opening a database that does not exist would create an empty one under the extension: never do that.
    if (!(await indexedDB.databases()).some((info) => info.name === 'dealside')) return {};
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dealside');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const out: Record<string, unknown[]> = {};
      for (const name of names) {
        out[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      }
      return out;
    } finally {
      db.close();
    }
  }, stores);
}

async function notesStartingWith(probe: Page, marker: string): Promise<StoredNote[]> {
  const { notes = [] } = await readStores(probe, ['notes']);
  return (notes as StoredNote[]).filter((note) => note.body.startsWith(marker));
}

async function openThread(browser: ExtensionBrowser): Promise<{ page: Page; panel: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(THREAD_URL);
  const panel = await panelFrame(page);
  await expect.poll(() => panel.getByTestId('contact-email').textContent()).toBe(JANE);
  return { page, panel };
}

async function openProbe(browser: ExtensionBrowser): Promise<Page> {
  const probe = await browser.context.newPage();
  await probe.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return probe;
}

/**
 * Reads the stored body until it equals `final` or `settleMs` pass (a flush may still be on its way);
 * a measurement, not an assertion: callers assert on what it returns.
 */
async function settledNotes(
  probe: Page,
  marker: string,
  final: string,
  settleMs = 3000,
): Promise<StoredNote[]> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const notes = await notesStartingWith(probe, marker);
    if (notes.some((note) => note.body === final) || Date.now() > deadline) return notes;
    await probe.waitForTimeout(100);
  }
}

/** Types `base`, waits for it to be saved, then types `rest` — the unsaved tail a reload may catch. */
async function typeSavedThenUnsaved(panel: Frame, base: string, rest: string): Promise<void> {
  const editor = panel.getByTestId('note-editor');
  await editor.click();
  await editor.pressSequentially(base, { delay: 5 });
  await expect
    .poll(() => panel.getByTestId('note-item').allTextContents())
    .toContainEqual(expect.stringContaining(base));
  await editor.pressSequentially(rest, { delay: 15 });
}

type Outcome = 'whole' | 'previous' | 'other';
function outcomeOf(notes: StoredNote[], base: string, full: string): Outcome {
  if (notes.length === 1 && notes[0]!.body === full) return 'whole';
  if (notes.length === 1 && notes[0]!.body === base) return 'previous';
  return 'other';
}

const measured: string[] = [];

describe('notes survive interruptions', () => {
  let browser: ExtensionBrowser;
  let probe: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
    probe = await openProbe(browser);
  });
  afterAll(async () => {
    await browser?.close();
    if (measured.length > 0) console.log(`reliability measurements:\n${measured.join('\n')}`);
  });

  it('a reload 50–150 ms after the last keystroke leaves the whole note or the previous saved one', async () => {
    const outcomes: Outcome[] = [];
    for (const [trial, waitMs] of [50, 75, 100, 125, 150].entries()) {
      const { page, panel } = await openThread(browser);
      const marker = `Reload trial ${trial} ${Date.now()}:`;
      const base = `${marker} budget owner is Jane`;
      const full = `${base}, and Marcus signs off on IT security`;
      await typeSavedThenUnsaved(panel, base, full.slice(base.length));
      await page.waitForTimeout(waitMs); // inside the 400 ms autosave delay: only a flush can save the tail
      await page.reload();
      const reloaded = await panelFrame(page);
      await expect.poll(() => reloaded.getByTestId('contact-email').textContent()).toBe(JANE);

      const notes = await settledNotes(probe, marker, full);
      const outcome = outcomeOf(notes, base, full);
      outcomes.push(outcome);
      measured.push(
        `reload +${waitMs} ms: ${outcome} (${notes.map((note) => note.body.length).join(',')} chars)`,
      );
      expect(outcome, `stored: ${JSON.stringify(notes.map((note) => note.body))}`).not.toBe('other');
      // The reloaded panel lists what is stored.
      await expect
        .poll(() => reloaded.getByTestId('note-item').allTextContents())
        .toContainEqual(expect.stringContaining(notes[0]!.body));
      await page.close();
    }
    measured.push(`reload: ${outcomes.filter((o) => o === 'whole').length}/${outcomes.length} whole`);
  });

  it('closing the tab right after typing keeps the whole note', async () => {
    const outcomes: Outcome[] = [];
    for (const [trial, waitMs] of [50, 100, 150].entries()) {
      const { page, panel } = await openThread(browser);
      const marker = `Close trial ${trial} ${Date.now()}:`;
      const base = `${marker} pilot at three sites`;
      const full = `${base}; pricing tiers and the security questionnaire next`;
      await typeSavedThenUnsaved(panel, base, full.slice(base.length));
      await page.waitForTimeout(waitMs);
      await page.close();

      const { page: again, panel: reopened } = await openThread(browser);
      const notes = await settledNotes(probe, marker, full);
      const outcome = outcomeOf(notes, base, full);
      outcomes.push(outcome);
      measured.push(`close +${waitMs} ms: ${outcome}`);
      // The unsaved text reaches the background over the panel's draft port, saved when the tab goes.
      expect(outcome, `stored: ${JSON.stringify(notes.map((note) => note.body))}`).toBe('whole');
      await expect
        .poll(() => reopened.getByTestId('note-item').allTextContents())
        .toContainEqual(expect.stringContaining(notes[0]!.body));
      await again.close();
    }
    measured.push(`tab close: ${outcomes.filter((o) => o === 'whole').length}/${outcomes.length} whole`);
  });

  it('stopping the service worker right after typing still saves the whole note', async () => {
    const { page, panel } = await openThread(browser);
    const marker = `Worker stopped after typing ${Date.now()}:`;
    const full = `${marker} 张总下周三前要报价单 📄 and a call back on Friday`;
    await panel.getByTestId('note-editor').click();
    await panel.getByTestId('note-editor').pressSequentially(full, { delay: 5 });
    await stopServiceWorker(browser);
    await expect
      .poll(() => notesStartingWith(probe, marker), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ body: full })]);
    await expect.poll(() => panel.locator('.ds-status').textContent(), { timeout: 20_000 }).toBe('Saved');
    await page.close();
  });

  it('stopping the service worker during a burst of typing still saves the whole note, once', async () => {
    const { page, panel } = await openThread(browser);
    const marker = `Worker stopped mid-burst ${Date.now()}:`;
    const full = `${marker} ${'reconciliation takes two people every Friday; '.repeat(6)}end.`;
    const editor = panel.getByTestId('note-editor');
    await editor.click();
    // Pauses longer than the autosave delay inside the burst, so saves are in flight while it stops.
    const typing = (async () => {
      for (const chunk of full.match(/.{1,40}/g)!) {
        await editor.pressSequentially(chunk, { delay: 5 });
        await page.waitForTimeout(450);
      }
    })();
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(full.length / 2);
    await stopServiceWorker(browser);
    await typing;
    await expect
      .poll(() => notesStartingWith(probe, marker), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ body: full })]);
    const [note] = await notesStartingWith(probe, marker);
    measured.push(`worker stopped mid-burst: 1 note, revision ${note!.revision}`);
    await page.close();
  });

  it('1,000 rapid keystrokes end as exactly the final text', async () => {
    const { page, panel } = await openThread(browser);
    const marker = `Rapid ${Date.now()}:`;
    const words = 'order volume peaks in Q4 with one hundred twenty orders a day ';
    let full = `${marker} `;
    while (full.length < 1000) full += words;
    full = full.slice(0, 1000);
    const editor = panel.getByTestId('note-editor');
    await editor.click();
    await editor.pressSequentially(full, { delay: 0 });
    expect(await editor.inputValue()).toBe(full);
    await expect
      .poll(() => notesStartingWith(probe, marker), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ body: full })]);
    const [note] = await notesStartingWith(probe, marker);
    measured.push(`1,000 keystrokes: saved whole, revision ${note!.revision}`);
    // One write per debounced save: never more writes than keystrokes, and at least one.
    expect(note!.revision).toBeGreaterThanOrEqual(1);
    expect(note!.revision).toBeLessThanOrEqual(1000);
    await page.close();
  });

  it('two panels editing the same note keep both versions', async () => {
    const a = await openThread(browser);
    const b = await openThread(browser);
    const marker = `Two panels ${Date.now()}:`;
    const first = `${marker} first draft from tab A`;
    const editorA = a.panel.getByTestId('note-editor');
    await editorA.fill(first);
    await editorA.blur();
    const itemInB = b.panel.getByTestId('note-item').filter({ hasText: marker });
    await expect.poll(() => itemInB.count()).toBe(1);

    const fromB = `${marker} rewritten in tab B`;
    await itemInB.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => b.panel.getByTestId('note-editor').inputValue()).toBe(first);
    await b.panel.getByTestId('note-editor').fill(fromB);
    await b.panel.getByTestId('note-editor').blur();
    await expect
      .poll(async () => (await notesStartingWith(probe, marker)).map((note) => note.body))
      .toEqual([fromB]);

    // Tab A still has its own copy at the old revision, and changes it.
    const fromA = `${first}, then extended in tab A`;
    await editorA.fill(fromA);
    await editorA.blur();
    await expect
      .poll(async () => (await notesStartingWith(probe, marker)).map((note) => note.body).sort())
      .toEqual([fromA, fromB].sort());
    // Both panels list both texts.
    for (const panel of [a.panel, b.panel]) {
      await expect
        .poll(() => panel.getByTestId('note-item').filter({ hasText: marker }).allTextContents())
        .toEqual(expect.arrayContaining([expect.stringContaining(fromA), expect.stringContaining(fromB)]));
    }
    await a.page.close();
    await b.page.close();
  });
});

describe('a browser restart with the same profile', () => {
  it('keeps notes, stage and follow-ups, and arms the reminder for the next open follow-up again', async () => {
    const first = await launchWithExtension({ keepProfile: true });
    const profileDir = first.profileDir;
    const note = `Before the restart ${Date.now()}: 预算已批 ✅`;
    const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
    const nextDue = minute + DAY + 30 * MINUTE;
    const laterDue = minute + 2 * DAY;
    let before: Record<string, unknown[]>;
    try {
      await serveFixture(first.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
      const { panel } = await openThread(first);
      await panel.getByTestId('stage-select').selectOption('solution');
      await expect.poll(() => panel.getByTestId('stage-current').textContent()).toMatch(/Solution|方案/i);
      await panel.getByTestId('note-editor').fill(note);
      await panel.getByTestId('note-editor').blur();
      await expect
        .poll(() => panel.getByTestId('note-item').allTextContents())
        .toContainEqual(expect.stringContaining(note));
      for (const [title, due] of [
        ['Restart: send the proposal', laterDue],
        ['Restart: call Jane back', nextDue],
      ] as const) {
        await panel.getByTestId('followup-title').fill(title);
        await panel.getByTestId('followup-due').fill(toDateTimeLocalValue(due));
        await panel.getByTestId('followup-add').click();
        await expect
          .poll(() => panel.getByTestId('followup-item').allTextContents())
          .toContainEqual(expect.stringContaining(title));
      }
      const probe = await openProbe(first);
      await expect.poll(() => reminderAlarmTime(first)).toBe(nextDue);
      before = await readStores(probe, ['notes', 'followUps', 'stageEvents', 'accounts']);
      // The browser may drop alarms on restart; the extension must arm the reminder again by itself.
      await first.serviceWorker.evaluate('chrome.alarms.clear("dealside-reminder")');
      expect(await reminderAlarmTime(first)).toBeNull();
    } finally {
      await first.close();
    }

    const second = await launchWithExtension({ profileDir });
    try {
      await serveFixture(second.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
      await expect.poll(() => reminderAlarmTime(second), { timeout: 15_000 }).toBe(nextDue);
      const probe = await openProbe(second);
      const after = await readStores(probe, ['notes', 'followUps', 'stageEvents']);
      expect(after.notes).toEqual(before.notes);
      expect(after.followUps).toEqual(before.followUps);
      expect(after.stageEvents).toEqual(before.stageEvents);
      expect(
        ((await readStores(probe, ['deals'])).deals as { accountKey: string; stageId?: string }[]).find(
          (deal) => deal.accountKey === NORTHWIND,
        )?.stageId,
      ).toBe('solution');
      expect(
        (after.followUps as StoredFollowUp[])
          .filter((row) => row.status === 'open')
          .map((row) => row.due)
          .sort(),
      ).toEqual([nextDue, laterDue]);

      const { panel } = await openThread(second);
      await expect
        .poll(() => panel.getByTestId('note-item').allTextContents())
        .toContainEqual(expect.stringContaining(note));
      await expect.poll(() => panel.getByTestId('stage-current').textContent()).toMatch(/Solution|方案/i);
      await expect
        .poll(() => panel.getByTestId('followup-item').allTextContents())
        .toEqual(
          expect.arrayContaining([
            expect.stringContaining('Restart: call Jane back'),
            expect.stringContaining('Restart: send the proposal'),
          ]),
        );
    } finally {
      await second.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  });
});

/** The reminder alarm's time, asked of the running service worker; null when no such alarm is armed. */
async function reminderAlarmTime(browser: ExtensionBrowser): Promise<number | null> {
  const origin = `chrome-extension://${browser.extensionId}/`;
  const worker =
    browser.context.serviceWorkers().find((candidate) => candidate.url().startsWith(origin)) ??
    (await browser.context.waitForEvent('serviceworker', {
      predicate: (candidate) => candidate.url().startsWith(origin),
    }));
  const alarms = (await worker.evaluate(
    '(async () => (await chrome.alarms.getAll()).map(({ name, scheduledTime }) => ({ name, scheduledTime })))()',
  )) as { name: string; scheduledTime: number }[];
  return alarms.find((alarm) => alarm.name === 'dealside-reminder')?.scheduledTime ?? null;
}
