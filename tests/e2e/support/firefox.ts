/**
 * The Firefox build (.output/firefox-mv2) in a real Firefox: Debian's `firefox-esr`, driven over WebDriver
 * BiDi by puppeteer-core, the extension installed as a temporary add-on. Pages are served by request
 * interception at their real addresses, as in Chromium.
 *
 * Firefox does not list the panel's frame by its moz-extension address over BiDi (it shows as
 * `about:blank`), but scripts run in it; the panel is found by asking each frame where it is.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = path.resolve(process.env.DEALSIDE_FIREFOX_DIR ?? '.output/firefox-mv2');
/** The add-on id from the Firefox manifest (`browser_specific_settings.gecko.id`). */
const ADDON_ID = 'dealside@dealside.invalid';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

export function firefoxAvailable(): boolean {
  return existsSync(firefoxPath());
}

export interface FirefoxWithExtension {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: {
      // No first-run pages, updates or telemetry: nothing of Firefox's own should reach the network.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`Installed add-on ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, close: () => browser.close() };
}

/**
 * A new tab whose requests to `url`'s origin get `html` for the document at `url` and an empty page for
 * anything else there; requests elsewhere are refused (nothing here may reach the network).
 */
export async function openServedPage(
  firefox: FirefoxWithExtension,
  url: string,
  html: string,
): Promise<Page> {
  const page = await firefox.browser.newPage();
  const documentUrl = url.split('#')[0];
  const origin = new URL(url).origin;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const requestUrl = request.url();
    if (requestUrl.startsWith(`${origin}/`)) {
      void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        // Firefox's requests keep the address's fragment; the document is the address without it.
        body: requestUrl.split('#')[0] === documentUrl ? html : '<!DOCTYPE html><title></title>',
      });
      return;
    }
    void request.abort();
  });
  await page.goto(url);
  return page;
}

/** The in-page panel's frame in `page`, once its document is the panel. */
export async function firefoxPanelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (/^moz-extension:\/\/[^/]+\/panel\.html/.test(href)) return frame;
    }
    if (Date.now() > deadline) throw new Error('The Dealside panel frame did not appear in Firefox.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of the first `[data-testid=…]` element in the frame, or null. */
export function testIdText(frame: Frame, testId: string): Promise<string | null> {
  return frame.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null,
    testId,
  );
}

/**
 * Opens one of the extension's pages (popup.html, options.html) in a tab. WebDriver BiDi may not
 * navigate a tab to a moz-extension address, so the panel frame — the extension's own origin — opens it,
 * as a link in the panel would; the new tab is then found by asking each tab where it is.
 */
export async function openExtensionPage(
  firefox: FirefoxWithExtension,
  panel: Frame,
  pagePath: string,
  timeoutMs = 15_000,
): Promise<Page> {
  const before = new Set(await firefox.browser.pages());
  await panel.evaluate((path) => {
    const runtime = (globalThis as unknown as { browser: { runtime: { getURL(path: string): string } } })
      .browser.runtime;
    window.open(runtime.getURL(path), '_blank');
  }, pagePath);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await firefox.browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension:') && href.includes(pagePath)) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return page;
      }
    }
    if (Date.now() > deadline) throw new Error(`The extension page ${pagePath} did not open in Firefox.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
