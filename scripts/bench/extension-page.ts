/**
 * Helpers shared by the benchmarks that run the built extension: the Gmail-like fixture served at Gmail's
 * real address, the extension's service worker and the page reports that reach it, and timestamps sent
 * from pages and panel frames to the benchmark process.
 */
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Worker } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/e2e/support/browser';
import { CUSTOMERS, gmailThreadPage, type Customer } from './fixtures/gmail-thread';

export const MARK_BINDING = '__dealsideBenchMark';

/**
 * Serves the thread page of whichever customer `current()` names (the URL's fragment never reaches the
 * server, so the benchmark says which thread the next load shows).
 */
export async function serveGmailThreads(context: BrowserContext, current: () => Customer): Promise<void> {
  const pages = new Map(CUSTOMERS.map((customer) => [customer, gmailThreadPage(customer)]));
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: pages.get(current()) ?? gmailThreadPage(current()),
    }),
  );
}

/** The extension's running service worker, or the next one to start (the browser stops it when idle). */
export async function extensionWorker(browser: ExtensionBrowser, timeoutMs = 10_000): Promise<Worker> {
  const origin = `chrome-extension://${browser.extensionId}/`;
  const running = browser.context.serviceWorkers().find((candidate) => candidate.url().startsWith(origin));
  return (
    running ??
    browser.context.waitForEvent('serviceworker', {
      predicate: (candidate) => candidate.url().startsWith(origin),
      timeout: timeoutMs,
    })
  );
}

const REPORT_COUNTER = '__dealsideBenchReports';

/** Source text run in the worker: adds the counting listener once, and names this worker's counter. */
const INSTALL_REPORT_COUNTER = `(() => {
  if (globalThis.${REPORT_COUNTER}) return globalThis.${REPORT_COUNTER}.token;
  const counter = { token: String(performance.timeOrigin), tabs: {} };
  chrome.runtime.onMessage.addListener((message, sender) => {
    const tabId = sender.tab && sender.tab.id;
    if (!message || message.type !== 'reportPage' || sender.frameId !== 0 || tabId === undefined) return;
    const tab = (counter.tabs[tabId] ??= { urls: [], sent: 0 });
    tab.sent += 1;
    for (const url of [sender.url, sender.tab.url]) if (url && !tab.urls.includes(url)) tab.urls.push(url);
  });
  globalThis.${REPORT_COUNTER} = counter;
  return counter.token;
})()`;

interface CounterRecord {
  /** The worker's `performance.timeOrigin`: another token means another worker. */
  token: string;
  tabs: Record<string, { urls: string[]; sent: number }>;
}

/**
 * Counts the content scripts' page reports from the outside: a `chrome.runtime.onMessage` listener the
 * benchmark adds to the service worker, beside the background's own, notes every `reportPage` message
 * from a tab's top frame as it arrives, with the tab and the page's address. It never answers, so the
 * background's answer is the one the content script gets. The count lives in the worker: a worker the
 * browser replaced has lost it, and `reportsFor` says so rather than count from zero.
 */
export class ReportCounter {
  private constructor(
    private readonly browser: ExtensionBrowser,
    private readonly token: string,
  ) {}

  /** Installs the listener (once per worker) before the reports to count are sent. */
  static async install(browser: ExtensionBrowser): Promise<ReportCounter> {
    const worker = await extensionWorker(browser);
    return new ReportCounter(browser, String(await worker.evaluate(INSTALL_REPORT_COUNTER)));
  }

  /** `reportPage` messages so far from the tab showing `url` (0 when it has not reported). */
  async reportsFor(url: string): Promise<number> {
    const worker = await extensionWorker(this.browser);
    const counter = (await worker.evaluate(`globalThis.${REPORT_COUNTER} ?? null`)) as CounterRecord | null;
    if (counter?.token !== this.token)
      throw new Error('The service worker was replaced while reports were counted: the count is lost');
    return Object.values(counter.tabs).find((tab) => tab.urls.includes(url))?.sent ?? 0;
  }
}

/** When a mark arrived (benchmark process clock) and when it was made (the browser's clock). */
export interface Mark {
  /** `performance.now()` of the benchmark process when the mark arrived. */
  arrivedAt: number;
  /** `performance.timeOrigin + performance.now()` in the page or frame that made the mark. */
  madeAt: number;
}

interface Waiter {
  label: string;
  resolve(mark: Mark): void;
}

/**
 * Timestamps from inside the browser: page and panel scripts call
 * `window.__dealsideBenchMark(label, performance.timeOrigin + performance.now())`. The benchmark process
 * notes when each mark arrives on its own monotonic clock, and keeps the browser's time of making it:
 * spans between two marks made in the browser use the browser's times, which no delivery delay skews.
 */
export class Marks {
  private waiters: Waiter[] = [];

  static async install(context: BrowserContext): Promise<Marks> {
    const marks = new Marks();
    await context.exposeBinding(MARK_BINDING, (_source, label: unknown, madeAt: unknown) =>
      marks.record(String(label), Number(madeAt)),
    );
    // In every panel frame: a mark each time the shown contact changes. Source text, not a function:
    // the page cannot run helpers the TypeScript transform may add.
    await context.addInitScript(`(() => {
      if (!location.pathname.endsWith('/panel.html')) return;
      let shown = '';
      new MutationObserver(() => {
        const text = (document.querySelector('[data-testid=contact-email]')?.textContent ?? '').trim();
        if (text && text !== shown) {
          shown = text;
          window.${MARK_BINDING}('contact:' + text, performance.timeOrigin + performance.now());
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    })()`);
    return marks;
  }

  private record(label: string, madeAt: number): void {
    const mark = { arrivedAt: performance.now(), madeAt };
    const matched = this.waiters.filter((waiter) => waiter.label === label);
    this.waiters = this.waiters.filter((waiter) => waiter.label !== label);
    for (const waiter of matched) waiter.resolve(mark);
  }

  /** Resolves with the next mark `label`; ask for it before causing the mark. */
  next(label: string, timeoutMs = 10_000): Promise<Mark> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`No "${label}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry: Waiter = {
        label,
        resolve: (mark) => {
          clearTimeout(timer);
          resolve(mark);
        },
      };
      this.waiters.push(entry);
    });
  }
}
