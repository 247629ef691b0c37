/**
 * Follow-ups from the panel to the popup, the badge and the reminder alarm, in real Chromium.
 *
 * The browser runs in a fixed-offset time zone where it is about noon when the tests start, so "later
 * today" and "tomorrow 9:00" never straddle midnight, whenever the suite runs. Chromium inherits the
 * zone from the test process's TZ.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateTimeLocalValue, tomorrowMorning } from '../../lib/dates/due';
import {
  evaluateInExtensionView,
  launchWithExtension,
  panelFrame,
  serveFixture,
  stopServiceWorker,
  type ExtensionBrowser,
} from './support/browser';
import { seriousAccessibilityViolations } from './support/accessibility';
import { currentServiceWorker, tabPageFor } from './support/sites';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const JANE = 'jane.cooper@northwind-trading.com';
const NORTHWIND = 'northwind-trading.com';
const MINUTE = 60_000;

/** A fixed-offset zone where the local time is between 12:00 and 13:00 now. */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours(); // -11 … +12 hours
  // Etc/GMT zone names have inverted signs: Etc/GMT-3 is three hours ahead of UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The part of the extension API the probes use, as seen from an extension page. */
interface ExtensionApi {
  action: { getBadgeText(details: object): Promise<string>; getPopup(details: object): Promise<string> };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  storage: { local: { set(items: object): Promise<void> } };
}

/** Runs `use` in an extension page with the page's `chrome` (the function is sent as source text). */
function inExtension<T>(page: Page, use: (chrome: ExtensionApi) => Promise<T>): Promise<T> {
  return page.evaluate(`(${use.toString()})(globalThis.chrome)`) as Promise<T>;
}

describe('reminders, badge and popup', () => {
  let browser: ExtensionBrowser;
  let previousZone: string | undefined;
  /** An extension page kept open to read the badge, alarms and notifications, whether the worker runs or not. */
  let probe: Page;

  const badge = () => inExtension(probe, (chrome) => chrome.action.getBadgeText({}));
  const alarms = () => inExtension(probe, (chrome) => chrome.alarms.getAll());
  const reminderAlarmTime = async () =>
    (await alarms()).find((alarm) => alarm.name === 'dealside-reminder')?.scheduledTime ?? null;
  const notificationIds = async () =>
    Object.keys(await inExtension(probe, (chrome) => chrome.notifications.getAll()));

  beforeAll(async () => {
    previousZone = process.env.TZ;
    process.env.TZ = zoneAtNoon();
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
    probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    await browser?.close();
    if (previousZone === undefined) delete process.env.TZ;
    else process.env.TZ = previousZone;
  });

  async function openThread(): Promise<{ page: Page; panel: Frame }> {
    const page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('contact-email').textContent()).toBe(JANE);
    return { page, panel };
  }

  async function addInPanel(panel: Frame, title: string, due: number): Promise<void> {
    await panel.getByTestId('followup-title').fill(title);
    await panel.getByTestId('followup-due').fill(toDateTimeLocalValue(due));
    await panel.getByTestId('followup-add').click();
    await expect
      .poll(() => panel.getByTestId('followup-item').allTextContents())
      .toContainEqual(expect.stringContaining(title));
  }

  /** Uncaught errors in the popups opened: the first script's and the app's. */
  const popupErrors: string[] = [];

  async function openPopup(): Promise<Page> {
    const popup = await browser.context.newPage();
    popup.on('pageerror', (error) => popupErrors.push(error.message));
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return popup;
  }

  it('a follow-up added in the panel is in the popup and on the badge; done and snooze there update both', async () => {
    const { page, panel } = await openThread();
    const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
    const proposalDue = minute + 30 * MINUTE;
    const sitesDue = minute + 45 * MINUTE;
    await addInPanel(panel, 'Send the pilot proposal', proposalDue);
    await addInPanel(panel, 'Confirm the pilot sites', sitesDue);
    await addInPanel(panel, 'Quarterly review', tomorrowMorning(new Date()).getTime() + 3 * 24 * 60 * MINUTE);

    await expect.poll(badge).toBe('2');
    await expect.poll(reminderAlarmTime).toBe(proposalDue);
    // One reminder alarm for all follow-ups, plus the one that turns the day for the badge.
    expect((await alarms()).map((alarm) => alarm.name).sort()).toEqual([
      'dealside-day-turn',
      'dealside-reminder',
    ]);

    const popup = await openPopup();
    const rows = popup.getByTestId('popup-followup');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Send the pilot proposal');
    expect(await rows.first().textContent()).toContain(`${NORTHWIND} · Jane Cooper`);
    expect(await rows.nth(1).textContent()).toContain('Confirm the pilot sites');
    expect(await popup.getByTestId('popup-section-week').textContent()).toContain('1');
    expect(await seriousAccessibilityViolations(popup.mainFrame())).toEqual([]);

    // Done from the keyboard: the first row has the focus, D marks it done.
    await rows.first().focus();
    await popup.keyboard.press('d');
    await expect
      .poll(() => panel.getByTestId('followup-item').allTextContents())
      .not.toContainEqual(expect.stringContaining('Send the pilot proposal'));
    await expect.poll(badge).toBe('1');
    await expect.poll(reminderAlarmTime).toBe(sitesDue);

    // Snooze to tomorrow 9:00: out of today, into the next 7 days; the panel shows the new due time.
    const sitesRow = rows.filter({ hasText: 'Confirm the pilot sites' });
    const sitesId = await sitesRow.getAttribute('data-followup-id');
    await sitesRow.getByTestId('popup-snooze').click();
    await popup.getByTestId('popup-snooze-tomorrow').click();
    const tomorrowNine = tomorrowMorning(new Date()).getTime();
    await expect
      .poll(() =>
        panel
          .locator(`[data-testid="followup-item"][data-followup-id="${sitesId}"]`)
          .getAttribute('data-due-state'),
      )
      .toBe('later');
    await expect.poll(badge).toBe('');
    await expect.poll(reminderAlarmTime).toBe(tomorrowNine);
    await expect.poll(() => popup.getByTestId('popup-empty').isVisible()).toBe(true);

    // The alarm outlives the service worker.
    await stopServiceWorker(browser);
    expect(await reminderAlarmTime()).toBe(tomorrowNine);

    // "Open" returns to the tab showing Jane; "Side panel" opens the side panel on her.
    const gmailTab = Number((await tabPageFor(browser, THREAD_URL))?.tabId);
    await popup.getByTestId('popup-week-toggle').click();
    await popup.bringToFront();
    await popup.getByTestId('popup-open').first().click();
    await expect
      .poll(() =>
        inExtension(probe, (chrome) =>
          chrome.tabs.query({ active: true }).then((tabs) => tabs.map((tab) => tab.id)),
        ),
      )
      .toEqual([gmailTab]);
    await popup.bringToFront();
    await popup.getByTestId('popup-sidepanel').first().click();
    await expect
      .poll(() =>
        evaluateInExtensionView(
          browser,
          'sidepanel.html',
          `document.querySelector('[data-testid="contact-email"]')?.textContent ?? null`,
        ),
      )
      .toBe(JANE);
    // Close the side panel again: while it is open it narrows every tab of the window, and the next
    // test's clicks (placed in the emulated, unnarrowed viewport) would land beside their targets.
    await evaluateInExtensionView(browser, 'sidepanel.html', 'window.close()');
    await expect.poll(() => evaluateInExtensionView(browser, 'sidepanel.html', '1')).toBeUndefined();
    await popup.close();
    expect(popupErrors).toEqual([]);
    await page.close();
  });

  it('the popup at the toolbar button’s address comes served with its rows while the worker runs, and draws them from its address when it is stopped', async () => {
    const { page, panel } = await openThread();
    const due = Math.floor(Date.now() / MINUTE) * MINUTE + 3 * 60 * MINUTE;
    await addInPanel(panel, 'Prepare the pilot demo', due);
    const buttonAddress = () => inExtension(probe, (chrome) => chrome.action.getPopup({}));
    const address = await expect
      .poll(buttonAddress)
      .toMatch(/\/popup\.html\?served=[^#]+#lists=/)
      .then(buttonAddress);

    const served = await browser.context.newPage();
    served.on('pageerror', (error) => popupErrors.push(error.message));
    const response = await served.goto(address);
    expect(response?.fromServiceWorker()).toBe(true);
    // The rows are in the page the worker answered with, before any script ran.
    expect(await response?.text()).toContain('Prepare the pilot demo');
    const rows = served.getByTestId('popup-followup');
    await expect
      .poll(() => served.evaluate(() => performance.getEntriesByName('dealside:popup-interactive').length))
      .toBe(1);
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('Prepare the pilot demo')]);
    await expect
      .poll(() => served.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('popup-followup');
    await served.close();

    await stopServiceWorker(browser);
    const fromFile = await browser.context.newPage();
    fromFile.on('pageerror', (error) => popupErrors.push(error.message));
    // The page's own file (the browser reports no response for it): its first script draws the rows.
    const fileResponse = await fromFile.goto(address);
    expect(fileResponse?.fromServiceWorker() ?? false).toBe(false);
    expect(await fromFile.evaluate(() => document.getElementById('root')?.hasAttribute('data-served'))).toBe(
      false,
    );
    await expect
      .poll(() => fromFile.getByTestId('popup-followup').allTextContents())
      .toEqual([expect.stringContaining('Prepare the pilot demo')]);
    await fromFile.close();
    expect(popupErrors).toEqual([]);

    // Done, so the next tests start from no follow-up due today.
    const added = panel.getByTestId('followup-item').filter({ hasText: 'Prepare the pilot demo' });
    await added.getByTestId('followup-done').click();
    await expect.poll(() => added.count()).toBe(0);
    await page.close();
  });

  it('rings at the due time with a notification for the follow-up', async () => {
    const { page, panel } = await openThread();
    const due = Date.now() + 4000;
    const worker = await currentServiceWorker(browser);
    // A follow-up due in seconds (the panel's field has minutes), written the way the background writes rows.
    await worker.evaluate(
      async ({ due, contactEmail, accountKey }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('dealside');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('followUps', 'readwrite');
          tx.objectStore('followUps').put({
            id: 'e2e-soon',
            accountKey,
            contactEmail,
            title: 'Call Jane back',
            due,
            status: 'open',
            source: 'manual',
            createdAt: due - 60_000,
            updatedAt: due - 60_000,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { due, contactEmail: JANE, accountKey: NORTHWIND },
    );
    // Any change re-arms the alarm: another follow-up from the panel.
    await addInPanel(
      panel,
      'Book the workshop',
      tomorrowMorning(new Date()).getTime() + 2 * 24 * 60 * MINUTE,
    );
    await expect.poll(notificationIds, { timeout: 20_000 }).toContain('dealside-followup:e2e-soon');
    await page.close();
  });
});

describe('reminders missed while the browser was closed', () => {
  it('arrive as one summary when it starts again', async () => {
    const first = await launchWithExtension({ keepProfile: true });
    const origin = `chrome-extension://${first.extensionId}`;
    const page = await first.context.newPage();
    await page.goto(`${origin}/options.html`);
    // The install catch-up has run once the day-turn alarm is armed; only then is the scene set.
    await expect
      .poll(() =>
        inExtension(page, (chrome) => chrome.alarms.getAll().then((all) => all.map((alarm) => alarm.name))),
      )
      .toContain('dealside-day-turn');
    const now = Date.now();
    const worker = await currentServiceWorker(first);
    await worker.evaluate(
      async ({ now, accountKey }) => {
        // As if the last reminder went out two hours ago and two follow-ups fell due since, unannounced.
        await (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.set({
          remindersRemindedUpTo: now - 2 * 3_600_000,
        });
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('dealside');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('followUps', 'readwrite');
          for (const [id, minutesAgo] of [
            ['missed-1', 90],
            ['missed-2', 30],
          ] as const) {
            tx.objectStore('followUps').put({
              id,
              accountKey,
              title: `Missed ${id}`,
              due: now - minutesAgo * 60_000,
              status: 'open',
              source: 'manual',
              createdAt: now - 3 * 3_600_000,
              updatedAt: now - 3 * 3_600_000,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { now, accountKey: NORTHWIND },
    );
    await first.close();

    const second = await launchWithExtension({ profileDir: first.profileDir });
    try {
      const probe = await second.context.newPage();
      await probe.goto(`chrome-extension://${second.extensionId}/options.html`);
      await expect
        .poll(
          () => inExtension(probe, (chrome) => chrome.notifications.getAll().then((all) => Object.keys(all))),
          {
            timeout: 15_000,
          },
        )
        .toEqual(['dealside-summary']);
      await expect.poll(() => inExtension(probe, (chrome) => chrome.action.getBadgeText({}))).toBe('2');
    } finally {
      await second.close();
      const { rm } = await import('node:fs/promises');
      await rm(first.profileDir, { recursive: true, force: true });
    }
  });
});
