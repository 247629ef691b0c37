/**
 * Helpers shared by the benchmarks that run the built extension: the Gmail-like fixture served at Gmail's
 * real address, the background's per-tab report registry, and timestamps sent from pages and panel frames
 * to the benchmark process.
 */
import { performance } from 'node:perf_hooks';
import type { BrowserContext } from 'playwright-core';
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

/** `reports` recorded by the background for the tab showing `url` (0 when it has not reported). */
export async function reportsFor(browser: ExtensionBrowser, url: string): Promise<number> {
  const worker = browser.context.serviceWorkers()[0] ?? browser.serviceWorker;
  const pages = (await worker.evaluate(
    "chrome.storage.session.get('tabPages').then((stored) => stored.tabPages ?? {})",
  )) as Record<string, { url: string; reports: number }>;
  return Object.values(pages).find((page) => page.url === url)?.reports ?? 0;
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
