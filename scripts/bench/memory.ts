/**
 * JS heap of the content script and of the panel, in real Chromium, on large Gmail-like pages
 * (tests/fixtures/sites/large-gmail.ts) whose customer is the big account of the seeded database
 * (2,000 notes), and their growth over in-app navigations once warmed up (the first ones fill caches
 * and compiled code; the ones after would show a leak).
 *
 * Chromium keeps one V8 heap per renderer process, so neither the content script nor the panel can be
 * weighed alone; each is weighed as a difference against a baseline in the same run:
 *
 * - Content script: the page's renderer heap (page world and the content script's isolated world share
 *   it) minus the heap of the same HTML served at an address no content script matches. The panel frame
 *   is an extension frame in another process, so it is not in either figure.
 * - Panel: the extension renderer's heap with the panel open minus the same heap just before the tab was
 *   opened (the quiet extension page the data benchmarks use lives in that process too).
 *
 * Every figure is read after three forced garbage collections (DevTools protocol
 * `HeapProfiler.collectGarbage`), with `Runtime.getHeapUsage`: `usedSize` is the V8 (JavaScript) heap in
 * use; `embedderHeapUsedSize` is Blink's own heap (DOM nodes and the like), reported beside it.
 */
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import {
  buildLargeGmailThreadHtml,
  LARGE_THREAD_LAST_CUSTOMER,
} from '../../tests/fixtures/sites/large-gmail';
import { panelFrame } from '../../tests/e2e/support/browser';
import { CUSTOMERS, threadMarkup, threadUrl } from './fixtures/gmail-thread';
import type { Progress, ScaleBrowser } from './scale-browser';
import { SCALE } from './in-page/scale-rows';
import { summarize, type Summary } from './stats';

export const CONTENT_HEAP_BUDGET_BYTES = 1024 * 1024;
export const PANEL_HEAP_BUDGET_BYTES = 10 * 1024 * 1024;
/** Growth over the navigations that is not a leak but the garbage collector's and the allocator's slack. */
export const GROWTH_BUDGET_BYTES = 256 * 1024;

export interface MemoryOptions {
  /** Fresh page loads per page size. */
  runs: number;
  /** Element counts of the large pages. */
  pageSizes: readonly number[];
  /** In-app navigations in one tab before the growth check starts (reported apart). */
  warmupNavigations: number;
  /** In-app navigations in the same tab for the growth check. */
  navigations: number;
  /** Quiet time after a page shows its customer before the heap is read. */
  settleMs: number;
}

export const DEFAULT_MEMORY_OPTIONS: MemoryOptions = {
  runs: 5,
  pageSizes: [20_000, 200_000],
  // Measured: the panel's renderer grows by about 740, 100, 80 and 30 KiB over four runs of 100
  // navigations as compiled code tiers up and caches fill, then stays flat.
  warmupNavigations: 200,
  navigations: 200,
  settleMs: 1000,
};

interface HeapUsage {
  /** V8 heap in use, bytes. */
  js: number;
  /** Blink heap in use (DOM and other objects of the engine), bytes. */
  engine: number;
}

export interface PageSizeMemory {
  targetElements: number;
  elementCount: number;
  /** The page's renderer with the content script. */
  withContentScript: Summary;
  /** The same HTML where no content script runs. */
  withoutContentScript: Summary;
  /** Per run: with minus without. */
  contentScript: Summary;
  contentScriptEngine: Summary;
  /** Per run: extension renderer with the panel open minus just before. */
  panel: Summary;
  notesShown: number;
}

export interface MemoryResult {
  contentBudgetBytes: number;
  panelBudgetBytes: number;
  growthBudgetBytes: number;
  notesInAccount: number;
  pages: PageSizeMemory[];
  navigations: number;
  warmupNavigations: number;
  /** Over the first navigations: caches and compiled code settling in, reported. */
  warmup: Growth;
  /** Over the navigations after those: what would be a leak, judged. */
  measured: Growth;
  /** The extension renderer's heap with the panel: at the start, after the warm-up, at the end. */
  panelHeap: { start: number; warm: number; end: number };
}

export interface Growth {
  /** The content script's share: the page's growth minus the growth of the same page without it. */
  contentScript: number;
  /** The page's own growth, without the content script. */
  pageWithout: number;
  panel: number;
}

interface GrowthReading {
  page: number;
  plain: number;
  panel: number;
}

const growth = (from: GrowthReading, to: GrowthReading): Growth => ({
  contentScript: to.page - from.page - (to.plain - from.plain),
  pageWithout: to.plain - from.plain,
  panel: to.panel - from.panel,
});

const UNMATCHED_URL = 'https://unlisted.example/mail/u/0/';
const LARGE_THREAD_URL = threadUrl(0, 900_000);

async function heapOf(context: BrowserContext, target: Page | Frame): Promise<HeapUsage> {
  const cdp: CDPSession = await context.newCDPSession(target);
  try {
    await cdp.send('HeapProfiler.enable');
    // Several passes: objects freed by one collection's finalizers go in the next.
    for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      embedderHeapUsedSize?: number;
    };
    return { js: usage.usedSize, engine: usage.embedderHeapUsedSize ?? 0 };
  } finally {
    await cdp.detach();
  }
}

async function openPage(context: BrowserContext, url: string, html: string): Promise<Page> {
  const page = await context.newPage();
  // Routed on the page, so the route is this page's whatever the other groups route on the context.
  await page.route('https://**/*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(url);
  return page;
}

async function shownContact(panel: Frame, email: string): Promise<void> {
  await panel.locator('[data-testid="contact-email"]', { hasText: email }).waitFor({ timeout: 20_000 });
}

/** Swaps another customer's thread into the main region after a `pushState`, as Gmail does. */
async function navigateInApp(page: Page, step: number): Promise<string> {
  const customer = CUSTOMERS[step % CUSTOMERS.length]!;
  await page.evaluate(
    ({ url, markup }) => {
      history.pushState(null, '', url);
      document.querySelector('div[role=main]')!.innerHTML = markup;
    },
    {
      // Path and fragment only, so the same change can be made on the page at the unmatched address.
      url: new URL(threadUrl(step % CUSTOMERS.length, 900_000 + step)).href.replace(/^https:\/\/[^/]+/, ''),
      markup: threadMarkup(customer),
    },
  );
  return customer.email;
}

export async function measureMemory(
  scale: ScaleBrowser,
  progress: Progress,
  options: MemoryOptions = DEFAULT_MEMORY_OPTIONS,
): Promise<MemoryResult> {
  await scale.ensure(SCALE.panelFollowUps, progress);
  const { context } = scale.browser;
  const extensionHeap = () => heapOf(context, scale.page);

  const pages: PageSizeMemory[] = [];
  for (const targetElements of options.pageSizes) {
    progress(`${targetElements.toLocaleString('en-US')}-element page, ${options.runs} loads…`);
    const html = buildLargeGmailThreadHtml(targetElements);
    const withScript: HeapUsage[] = [];
    const without: HeapUsage[] = [];
    const panel: number[] = [];
    let elementCount = 0;
    let notesShown = 0;
    for (let run = 0; run < options.runs; run++) {
      const before = await extensionHeap();
      const page = await openPage(context, LARGE_THREAD_URL, html);
      const frame = await panelFrame(page, 20_000);
      await shownContact(frame, LARGE_THREAD_LAST_CUSTOMER);
      await frame.locator('[data-testid="note-item"]').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(options.settleMs);
      notesShown = await frame.locator('[data-testid="note-item"]').count();
      elementCount = await page.evaluate(() => document.getElementsByTagName('*').length);
      withScript.push(await heapOf(context, page));
      panel.push((await heapOf(context, frame)).js - before.js);

      const plain = await openPage(context, UNMATCHED_URL, html);
      await plain.waitForTimeout(options.settleMs);
      without.push(await heapOf(context, plain));
      await plain.close();
      await page.close();
    }
    pages.push({
      targetElements,
      elementCount,
      withContentScript: summarize(withScript.map((usage) => usage.js)),
      withoutContentScript: summarize(without.map((usage) => usage.js)),
      contentScript: summarize(withScript.map((usage, i) => usage.js - without[i]!.js)),
      contentScriptEngine: summarize(withScript.map((usage, i) => usage.engine - without[i]!.engine)),
      panel: summarize(panel),
      notesShown,
    });
  }

  progress(
    `${options.warmupNavigations} + ${options.navigations} in-app navigations, with and without the content script…`,
  );
  const html = buildLargeGmailThreadHtml(options.pageSizes[0] ?? 20_000);
  const page = await openPage(context, LARGE_THREAD_URL, html);
  const frame = await panelFrame(page, 20_000);
  await shownContact(frame, LARGE_THREAD_LAST_CUSTOMER);
  const plain = await openPage(context, UNMATCHED_URL, html);
  const readings = async (): Promise<GrowthReading> => {
    await page.waitForTimeout(options.settleMs);
    return {
      page: (await heapOf(context, page)).js,
      plain: (await heapOf(context, plain)).js,
      panel: (await heapOf(context, frame)).js,
    };
  };
  let step = 0;
  const navigate = async (times: number) => {
    for (let end = step + times; step < end;) {
      step += 1;
      await shownContact(frame, await navigateInApp(page, step));
      await navigateInApp(plain, step);
    }
  };
  const start = await readings();
  await navigate(options.warmupNavigations);
  const warm = await readings();
  await navigate(options.navigations);
  const end = await readings();
  await plain.close();
  await page.close();

  return {
    contentBudgetBytes: CONTENT_HEAP_BUDGET_BYTES,
    panelBudgetBytes: PANEL_HEAP_BUDGET_BYTES,
    growthBudgetBytes: GROWTH_BUDGET_BYTES,
    notesInAccount: SCALE.bigAccountNotes,
    pages,
    navigations: options.navigations,
    warmupNavigations: options.warmupNavigations,
    warmup: growth(start, warm),
    measured: growth(warm, end),
    panelHeap: { start: start.panel, warm: warm.panel, end: end.panel },
  };
}
