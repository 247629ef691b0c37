/**
 * One page read on a generated 20,000-element Gmail-like thread, timed inside real Chromium. The Gmail
 * adapter (lib/sites/gmail.ts) is bundled with esbuild into a page served at Gmail's real address, and each
 * read is timed with performance.now() in the page. The page is cross-origin isolated (COOP + COEP), which
 * gives performance.now() its fine resolution instead of the coarse default.
 *
 * Baselines on the same page, in the same run: a naive full-document scan of the rendered text with an
 * address regex, and a walk over every element checking address attributes and mailto links. The
 * adapter and the baselines take turns, one timed run each per round.
 *
 * Before every timed read, untimed, one node is appended to and removed from the main region, as the app
 * does between two of the content script's reads, so no read profits from a clean layout or a cached
 * query.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import {
  buildLargeGmailThreadHtml,
  LARGE_THREAD_LAST_CUSTOMER,
  LARGE_THREAD_URL,
} from '../../tests/fixtures/sites/large-gmail';
import { chromiumPath } from '../../tests/e2e/support/browser';
import { summarize, type Summary } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GLOBAL_NAME = '__dealsideBenchGmail';

export const PAGE_READ_BUDGET_MS = 2;
export const TARGET_ELEMENTS = 20_000;

export interface PageReadOptions {
  /** Timed rounds; each round times one adapter read and one run of each baseline. */
  iterations: number;
  /** Untimed rounds first. */
  warmup: number;
}

export const DEFAULT_PAGE_READ_OPTIONS: PageReadOptions = { iterations: 200, warmup: 20 };

export interface PageReadResult {
  budgetMs: number;
  elementCount: number;
  targetElements: number;
  bundleBytes: number;
  crossOriginIsolated: boolean;
  timerResolutionMs: number;
  /** What the adapter read, as a sanity check that the timed read did real work. */
  read: { kind: string; participants: number; lastCustomerFound: boolean };
  adapter: Summary;
  baselines: { id: string; label: string; found: number; summary: Summary }[];
}

/** The Gmail adapter as an IIFE that sets `window.__dealsideBenchGmail.readPage`. */
async function bundleGmailAdapter(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { gmail } from './lib/sites/gmail';",
      resolveDir: ROOT,
      sourcefile: 'bench-gmail-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the Gmail adapter');
  return output.text;
}

interface InPageResult {
  crossOriginIsolated: boolean;
  timerResolutionMs: number;
  elementCount: number;
  read: { kind: string; participants: { email: string; role: string }[] };
  times: Record<string, number[]>;
  found: Record<string, number>;
}

/**
 * The in-page harness, as source text: functions passed to page.evaluate would be serialised after the
 * TypeScript transform, whose helpers do not exist in the page.
 */
function harness(options: PageReadOptions): string {
  return `(() => {
  const options = ${JSON.stringify(options)};
  const adapter = window.${GLOBAL_NAME}.gmail;
  const url = new URL(location.href);
  const main = document.querySelector('div[role=main]');
  const emailRegex = /[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+/g;
  const subjects = {
    readPage: () => adapter.readPage(document, url).participants.length,
    innerText: () => (document.body.innerText.match(emailRegex) || []).length,
    walk: () => {
      let found = 0;
      for (const el of document.querySelectorAll('*')) {
        if (el.getAttribute('email')) found++;
        const href = el.getAttribute('href');
        if (href && href.startsWith('mailto:')) found++;
      }
      return found;
    },
  };
  const ids = Object.keys(subjects);
  const times = {};
  const found = {};
  for (const id of ids) times[id] = [];
  // Round-robin, so a busy moment on the machine hits the adapter and the baselines alike.
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    for (const id of ids) {
      const probe = document.createElement('span');
      main.append(probe);
      probe.remove();
      const start = performance.now();
      found[id] = subjects[id]();
      const elapsed = performance.now() - start;
      if (i >= options.warmup) times[id].push(elapsed);
    }
  }
  let resolution = Infinity;
  for (let i = 0, last = performance.now(); i < 200000 && resolution > 0.001; i++) {
    const now = performance.now();
    if (now > last) { resolution = Math.min(resolution, now - last); last = now; }
  }
  const read = adapter.readPage(document, url);
  return {
    crossOriginIsolated: self.crossOriginIsolated === true,
    timerResolutionMs: resolution,
    elementCount: document.getElementsByTagName('*').length,
    read: { kind: read.kind, participants: read.participants.map((p) => ({ email: p.email, role: p.role })) },
    times,
    found,
  };
})()`;
}

export async function measurePageRead(
  options: PageReadOptions = DEFAULT_PAGE_READ_OPTIONS,
): Promise<PageReadResult> {
  const bundle = await bundleGmailAdapter();
  const html = buildLargeGmailThreadHtml(TARGET_ELEMENTS);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('https://mail.google.com/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
        body: html,
      }),
    );
    const page = await context.newPage();
    await page.goto(LARGE_THREAD_URL);
    await page.addScriptTag({ content: bundle });
    const inPage = (await page.evaluate(harness(options))) as InPageResult;

    const sample = (id: string): number[] => {
      const values = inPage.times[id];
      if (!values?.length) throw new Error(`No samples for ${id}`);
      return values;
    };
    return {
      budgetMs: PAGE_READ_BUDGET_MS,
      elementCount: inPage.elementCount,
      targetElements: TARGET_ELEMENTS,
      bundleBytes: Buffer.byteLength(bundle),
      crossOriginIsolated: inPage.crossOriginIsolated,
      timerResolutionMs: inPage.timerResolutionMs,
      read: {
        kind: inPage.read.kind,
        participants: inPage.read.participants.length,
        lastCustomerFound: inPage.read.participants.some(
          (p) => p.email === LARGE_THREAD_LAST_CUSTOMER && p.role === 'from',
        ),
      },
      adapter: summarize(sample('readPage')),
      baselines: [
        {
          id: 'innerText',
          label: 'naive scan: `document.body.innerText.match(emailRegex)`',
          found: inPage.found.innerText ?? 0,
          summary: summarize(sample('innerText')),
        },
        {
          id: 'walk',
          label: "naive walk: `querySelectorAll('*')`, `email` attributes and mailto links",
          found: inPage.found.walk ?? 0,
          summary: summarize(sample('walk')),
        },
      ],
    };
  } finally {
    await browser.close();
  }
}
