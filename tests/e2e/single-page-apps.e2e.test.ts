/**
 * Single-page apps change the page without loading a new document. A Gmail-like fixture app
 * (tests/fixtures/spa/gmail-app.html) churns its DOM, navigates with `history.pushState` and swaps its
 * main region; the content script must report only real changes and the panel must follow.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launchWithExtension, panelFrame, type ExtensionBrowser } from './support/browser';
import {
  closeQuietly,
  countReports,
  panelHistory,
  panelSummary,
  panelText,
  recordPanelHistory,
  reportsOf,
  servePage,
  tabPageFor,
} from './support/sites';

const APP_URL = 'https://mail.google.com/mail/u/0/';
const JANE = 'jane.cooper@northwind-trading.com';
const TOM = 'tom.becker@contoso-industrial.co.uk';
/** The content script's mutation debounce plus room for the report to reach the background. */
const SETTLE_MS = 1_000;

/** A thread URL of its own for each test: the app shows the thread whose key the id starts with. */
let serial = 0;
function threadUrl(key: 'FMfcgzJane' | 'FMfcgzTom' | 'FMfcgzNoAddress' | 'FMfcgzMarkup'): string {
  serial += 1;
  return `${APP_URL}#inbox/${key}${Date.now().toString(36)}x${serial}`;
}

interface MailApp {
  open(id: string): void;
  churn(ms: number): Promise<number>;
  openSlowly(id: string, stepMs: number, newRegion: boolean): Promise<void>;
}
const idOf = (url: string) => url.split('/').at(-1)!;

describe('single-page apps', () => {
  let browser: ExtensionBrowser;
  let unroute: () => Promise<void>;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await countReports(browser);
    const html = await readFile(path.join(FIXTURES_DIR, 'spa/gmail-app.html'), 'utf8');
    unroute = await servePage(browser.context, APP_URL, html);
  });
  afterAll(async () => {
    await unroute?.();
    await browser?.close();
  });

  /** Opens `url` in a new tab; resolves with the panel once it shows `summary`, and the tab's id. */
  async function openApp(url: string, summary: string) {
    page = await browser.context.newPage();
    await page.goto(url);
    const panel = await panelFrame(page);
    await expect.poll(() => panelSummary(panel)).toBe(summary);
    let tabId = '';
    await expect
      .poll(async () => {
        tabId = (await tabPageFor(browser, url))?.tabId ?? '';
        return tabId;
      })
      .not.toBe('');
    return { page, panel, tabId };
  }

  async function closePage() {
    await closeQuietly(page);
    page = undefined;
  }

  it('sends zero reports when mutations do not change the context', async () => {
    try {
      const { page, panel, tabId } = await openApp(threadUrl('FMfcgzJane'), `contact ${JANE}`);
      await recordPanelHistory(panel);
      expect(await reportsOf(browser, tabId)).toBe(1);

      const ticks = await page.evaluate(() =>
        (window as unknown as { mailApp: MailApp }).mailApp.churn(3_000),
      );
      console.log(`churn: ${ticks} DOM updates in 3 s`);
      await page.waitForTimeout(SETTLE_MS);

      expect(await reportsOf(browser, tabId)).toBe(1);
      expect(await panelText(panel, 'contact-email')).toBe(JANE);
      expect((await panelHistory(panel)).map((moment) => moment.summary)).toEqual([`contact ${JANE}`]);
    } finally {
      await closePage();
    }
  });

  it('follows an in-app navigation to another customer with one report', async () => {
    try {
      const { page, panel, tabId } = await openApp(threadUrl('FMfcgzJane'), `contact ${JANE}`);
      await recordPanelHistory(panel);
      const before = (await reportsOf(browser, tabId))!;
      const next = threadUrl('FMfcgzTom');
      await page.locator('#open-thread').evaluate((button, id) => {
        (button as HTMLElement).dataset.thread = id;
      }, idOf(next));

      await page.locator('#open-thread').click();
      await expect.poll(() => panelSummary(panel)).toBe(`contact ${TOM}`);
      expect(page.url()).toBe(next);
      expect(await panelText(panel, 'contact-name')).toBe('Tom Becker');
      expect(await panelText(panel, 'account-key')).toBe('contoso-industrial.co.uk');

      const clickedAt = await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
      const shownAt = (await panelHistory(panel)).find((moment) => moment.summary === `contact ${TOM}`)!.at;
      console.log(`in-app navigation: click → panel shows the new contact in ${shownAt - clickedAt} ms`);

      await expect.poll(() => reportsOf(browser, tabId)).toBe(before + 1);
      await page.waitForTimeout(SETTLE_MS);
      expect(await reportsOf(browser, tabId)).toBe(before + 1);
      expect((await tabPageFor(browser, next))?.tabId).toBe(tabId);
      expect((await panelHistory(panel)).map((moment) => moment.summary)).toEqual([
        `contact ${JANE}`,
        `contact ${TOM}`,
      ]);
    } finally {
      await closePage();
    }
  });

  /**
   * The app navigates slowly: pushState and a loading state, a skeleton without senders, then the
   * thread. Each step outlasts the content script's debounce, so reads land on the half-built page.
   */
  async function navigateWhileReading(newRegion: boolean): Promise<void> {
    try {
      const { page, panel, tabId } = await openApp(threadUrl('FMfcgzJane'), `contact ${JANE}`);
      await recordPanelHistory(panel);
      const next = threadUrl('FMfcgzTom');

      await page.evaluate(
        ([id, region]) => (window as unknown as { mailApp: MailApp }).mailApp.openSlowly(id, 400, region),
        [idOf(next), newRegion] as const,
      );
      await expect.poll(() => panelSummary(panel)).toBe(`contact ${TOM}`);
      await page.waitForTimeout(SETTLE_MS);

      const history = (await panelHistory(panel)).map((moment) => moment.summary);
      console.log(
        `navigation mid-read (${newRegion ? 'new region' : 'same region'}): panel showed ` +
          `${JSON.stringify(history)} after ${await reportsOf(browser, tabId)} reports`,
      );
      expect(history.filter((summary) => !/^(contact |none$|loading$)/.test(summary))).toEqual([]);
      expect(history.at(-1)).toBe(`contact ${TOM}`);
      expect((await tabPageFor(browser, next))?.page.context.kind).toBe('thread');
    } finally {
      await closePage();
    }
  }

  it('never shows an error when the thread is replaced while being read, and ends on the right contact', () =>
    navigateWhileReading(false));

  it('follows the thread when the app replaces the main region element itself', () =>
    navigateWhileReading(true));

  it('says there is no contact on a thread without any address', async () => {
    try {
      const { panel } = await openApp(threadUrl('FMfcgzNoAddress'), 'none');
      expect(await panel.getByTestId('contact-email').count()).toBe(0);
    } finally {
      await closePage();
    }
  });

  it('shows markup in a sender name as text', async () => {
    const dialogs: string[] = [];
    try {
      page = await browser.context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const url = threadUrl('FMfcgzMarkup');
      await page.goto(url);
      const panel = await panelFrame(page);
      await expect.poll(() => panelSummary(panel)).toBe('contact mallory@markup-test.example.com');

      expect(await panelText(panel, 'contact-name')).toBe('<img src=x onerror=alert(1)>');
      expect(await panel.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await closePage();
    }
  });
});
