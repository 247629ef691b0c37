/**
 * Helpers for tests that open site fixtures at their real URLs and look at what the background recorded
 * about each tab.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Page, Route, Worker } from 'playwright-core';
import type { PageContext } from '../../../lib/messaging/messages';
import { FIXTURES_DIR, type ExtensionBrowser } from './browser';

export interface SiteFixture {
  /** The adapter folder, e.g. `gmail`. */
  site: string;
  /** The fixture's base name, e.g. `thread`. */
  name: string;
  /** The page's HTML. */
  html: string;
  /** The page's real URL and what its adapter reads there. */
  url: string;
  context: PageContext;
}

/** Every `tests/fixtures/sites/<site>/<name>.expected.json` with its page, sorted, except the `skip`ped sites. */
export function siteFixtures(skip: readonly string[] = []): SiteFixture[] {
  const root = path.join(FIXTURES_DIR, 'sites');
  return readdirSync(root)
    .filter((site) => !skip.includes(site) && statSync(path.join(root, site)).isDirectory())
    .sort()
    .flatMap((site) =>
      readdirSync(path.join(root, site))
        .filter((file) => file.endsWith('.expected.json'))
        .sort()
        .map((file) => {
          const name = file.replace(/\.expected\.json$/, '');
          const expected = JSON.parse(readFileSync(path.join(root, site, file), 'utf8')) as {
            url: string;
            context: PageContext;
          };
          const html = readFileSync(path.join(root, site, `${name}.html`), 'utf8');
          return { site, name, html, url: expected.url, context: expected.context };
        }),
    );
}

/** `https://host/**` for a page URL: every request to that origin. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/**`;
}

/**
 * Serves `html` for the document at `url` (hash ignored) and an empty page for every other request to
 * its origin (frames, scripts, images a fixture names), so a fixture never loads copies of itself into
 * its own frames. Returns a function that removes the route.
 */
export async function servePage(
  context: BrowserContext,
  url: string,
  html: string,
): Promise<() => Promise<void>> {
  const pattern = originPattern(url);
  const documentUrl = url.split('#')[0];
  const handler = (route: Route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: route.request().url() === documentUrl ? html : '<!DOCTYPE html><title></title>',
    });
  await context.route(pattern, handler);
  return () => context.unroute(pattern, handler);
}

/** One tab's entry in the background's page registry. */
export interface TabPageRecord {
  url: string;
  context: PageContext;
  reportedAt: number;
}

/** The part of the extension API these helpers use. */
interface ExtensionGlobals {
  chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
}

/**
 * The extension's running service worker. The browser stops idle workers, and a stopped worker is
 * gone from `context.serviceWorkers()`; then this waits for the next one (the caller's activity, such as
 * a page report, wakes it).
 */
export async function currentServiceWorker(browser: ExtensionBrowser, timeoutMs = 5_000): Promise<Worker> {
  const origin = `chrome-extension://${browser.extensionId}/`;
  const running = browser.context.serviceWorkers().find((worker) => worker.url().startsWith(origin));
  if (running) return running;
  return browser.context.waitForEvent('serviceworker', {
    predicate: (worker) => worker.url().startsWith(origin),
    timeout: timeoutMs,
  });
}

/**
 * The background's page registry (`chrome.storage.session` → `tabPages`). Read in the service worker
 * when one runs; otherwise in an extension page, which can read session storage too and needs no
 * worker.
 */
export async function readTabPages(browser: ExtensionBrowser): Promise<Record<string, TabPageRecord>> {
  // Runs in the extension (serialised by Playwright), where `chrome` is a global.
  const read = () =>
    (globalThis as unknown as ExtensionGlobals).chrome.storage.session
      .get('tabPages')
      .then((items) => items.tabPages ?? {});
  const origin = `chrome-extension://${browser.extensionId}/`;
  const worker = browser.context.serviceWorkers().find((candidate) => candidate.url().startsWith(origin));
  if (worker) {
    try {
      return (await worker.evaluate(read)) as Record<string, TabPageRecord>;
    } catch {
      // Stopped between the lookup and the call: read from a page instead.
    }
  }
  const page = await browser.context.newPage();
  try {
    await page.goto(`${origin}popup.html`);
    return (await page.evaluate(read)) as Record<string, TabPageRecord>;
  } finally {
    await page.close();
  }
}

/** The tab id and record of the one tab whose last report was for `url`, or undefined. */
export async function tabPageFor(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ tabId: string; page: TabPageRecord } | undefined> {
  const pages = await readTabPages(browser);
  const hits = Object.entries(pages).filter(([, page]) => page.url === url);
  if (hits.length > 1) throw new Error(`${hits.length} tabs reported ${url}; use a unique URL per test.`);
  const [hit] = hits;
  return hit ? { tabId: hit[0], page: hit[1] } : undefined;
}

interface ReportCounting {
  dealsideReportsByTab?: Record<string, number>;
  chrome: {
    runtime: {
      onMessage: {
        addListener(listener: (message: unknown, sender: { tab?: { id?: number } }) => undefined): void;
      };
    };
  };
}

/**
 * Starts counting the page reports each tab's content script sends, from outside the extension's code: a
 * listener of the test's own in the service worker sees every `reportPage` message. Call it before the
 * pages open; the count lives as long as the worker does.
 */
export async function countReports(browser: ExtensionBrowser): Promise<void> {
  const worker = await currentServiceWorker(browser);
  await worker.evaluate(() => {
    const scope = globalThis as unknown as ReportCounting;
    if (scope.dealsideReportsByTab) return;
    const counts: Record<string, number> = {};
    scope.dealsideReportsByTab = counts;
    scope.chrome.runtime.onMessage.addListener((message, sender) => {
      const tabId = sender.tab?.id;
      if ((message as { type?: unknown } | null)?.type === 'reportPage' && tabId !== undefined) {
        counts[tabId] = (counts[tabId] ?? 0) + 1;
      }
      return undefined; // not an answer: the extension's own listener answers
    });
  });
}

/** How many reports tab `tabId` sent since `countReports`, or undefined when it sent none. */
export async function reportsOf(browser: ExtensionBrowser, tabId: string): Promise<number | undefined> {
  const worker = await currentServiceWorker(browser);
  return worker.evaluate((id) => (globalThis as unknown as ReportCounting).dealsideReportsByTab?.[id], tabId);
}

/** The visible text of the panel element with this `data-testid`, or null when there is none. */
export async function panelText(panel: Frame, testId: string): Promise<string | null> {
  const locator = panel.getByTestId(testId);
  return (await locator.count()) === 0 ? null : locator.first().textContent();
}

/**
 * What the panel shows, in one string for polling: `contact <email>`, `none` (the no-contact card),
 * `error <message>`, or `loading`.
 */
export async function panelSummary(panel: Frame): Promise<string> {
  return panel.evaluate(() => {
    const byId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    const error = document.querySelector('[role=alert],.ds-error');
    if (error) return `error ${error.textContent ?? ''}`;
    const email = byId('contact-email');
    if (email) return `contact ${email.textContent ?? ''}`;
    if (byId('no-contact')) return 'none';
    return 'loading';
  });
}

/** One thing the panel showed (as `panelSummary` words it) and when it started showing it (`Date.now()`). */
export interface PanelMoment {
  at: number;
  summary: string;
}

/**
 * Starts recording, inside the panel document, everything the panel shows, however briefly (an error
 * card between two polls included). Read it with `panelHistory`.
 */
export async function recordPanelHistory(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const moments: { at: number; summary: string }[] = [];
    const byId = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    const note = () => {
      const error = document.querySelector('[role=alert],.ds-error');
      const email = byId('contact-email');
      const summary = error
        ? `error ${error.textContent ?? ''}`
        : email
          ? `contact ${email.textContent ?? ''}`
          : byId('no-contact')
            ? 'none'
            : 'loading';
      if (moments.at(-1)?.summary !== summary) moments.push({ at: Date.now(), summary });
    };
    note();
    new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true });
    (globalThis as { dealsidePanelHistory?: unknown }).dealsidePanelHistory = moments;
  });
}

export async function panelHistory(panel: Frame): Promise<PanelMoment[]> {
  return panel.evaluate(
    () => ((globalThis as { dealsidePanelHistory?: unknown }).dealsidePanelHistory ?? []) as PanelMoment[],
  );
}

/** Closes a page even when a test failed half-way. */
export async function closeQuietly(page: Page | undefined): Promise<void> {
  await page?.close().catch(() => undefined);
}
