/**
 * One page read per site adapter on a 20,000-element page, timed inside real Chromium: every adapter the
 * manifest lists, on two pages at that site's real address.
 *
 * - **customer page**: the site's first captured-structure fixture whose expected read names someone,
 *   grown to the target size with filler (an activity feed inside the app's main region, a navigation
 *   list outside it), as a long thread or a busy record page is;
 * - **nobody found**: the same address with the same amount of filler and no header or record field the
 *   site's hooks know, so the semantic layer every site shares runs too (the slowest path a read takes).
 *
 * The adapters are bundled with esbuild from lib/sites/registry.ts; before every timed read, untimed, one
 * node is appended to and removed from the main region so no read profits from a cached query.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../../tests/e2e/support/browser';
import { siteFixtures } from '../../tests/e2e/support/sites';
import { PAGE_READ_BUDGET_MS, TARGET_ELEMENTS } from './page-read';
import { summarize, type Summary } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GLOBAL_NAME = '__dealsideBenchSites';

export interface SiteReadOptions {
  iterations: number;
  warmup: number;
}

export const DEFAULT_SITE_READ_OPTIONS: SiteReadOptions = { iterations: 100, warmup: 10 };

export interface SiteReadRow {
  site: string;
  page: 'customer' | 'nobody';
  fixture: string;
  elementCount: number;
  /** What the timed read returned, as a check that it did the work. */
  read: { kind: string; layer?: string; people: number };
  summary: Summary;
}

export interface SiteReadResult {
  budgetMs: number;
  targetElements: number;
  rows: SiteReadRow[];
}

async function bundleAdapters(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { siteAdapters } from './lib/sites/registry';",
      resolveDir: ROOT,
      sourcefile: 'bench-sites-entry.ts',
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
  if (!output) throw new Error('esbuild produced no output for the site adapters');
  return output.text;
}

/** In-page: grows the page to the target size, then times the site's read. Source text, see page-read.ts. */
function harness(site: string, target: number, nobody: boolean, options: SiteReadOptions): string {
  return `(() => {
  const options = ${JSON.stringify(options)};
  const adapter = window.${GLOBAL_NAME}.siteAdapters.find((a) => a.id === ${JSON.stringify(site)});
  const url = new URL(location.href);
  if (${nobody}) document.body.replaceChildren(Object.assign(document.createElement('div'), { role: 'main' }));
  const main = document.querySelector('[role=main],main') || document.body;
  if (${nobody}) main.setAttribute('role', 'main');
  const row = (i) => {
    const div = document.createElement('div');
    div.className = 'feed-item';
    div.innerHTML = '<span>Update ' + i + '</span> <b>status</b> <i>changed</i>';
    return div;
  };
  const feed = document.createElement('section');
  const nav = document.createElement('nav');
  let i = 0;
  while (document.getElementsByTagName('*').length < ${target}) {
    for (let j = 0; j < 250; j++, i++) (i % 2 ? nav : feed).append(row(i));
    if (!feed.isConnected) { main.append(feed); document.body.append(nav); }
  }
  const times = [];
  for (let k = 0; k < options.warmup + options.iterations; k++) {
    const probe = document.createElement('span');
    main.append(probe);
    probe.remove();
    const start = performance.now();
    adapter.readPage(document, url);
    const elapsed = performance.now() - start;
    if (k >= options.warmup) times.push(elapsed);
  }
  const read = adapter.readPage(document, url);
  return {
    elementCount: document.getElementsByTagName('*').length,
    read: { kind: read.kind, layer: read.layer, people: read.participants.filter((p) => p.role !== 'self').length },
    times,
  };
})()`;
}

export async function measureSiteReads(
  options: SiteReadOptions = DEFAULT_SITE_READ_OPTIONS,
): Promise<SiteReadResult> {
  const bundle = await bundleAdapters();
  const fixtures = siteFixtures(['generic']);
  const sites = [...new Set(fixtures.map((f) => f.site))];
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const rows: SiteReadRow[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    for (const site of sites) {
      const fixture =
        fixtures.find((f) => f.site === site && f.context.participants.some((p) => p.role !== 'self')) ??
        fixtures.find((f) => f.site === site)!;
      for (const nobody of [false, true]) {
        const pattern = `${new URL(fixture.url).origin}/**`;
        await context.route(pattern, (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: {
              'Cross-Origin-Opener-Policy': 'same-origin',
              'Cross-Origin-Embedder-Policy': 'require-corp',
            },
            body: fixture.html,
          }),
        );
        const page = await context.newPage();
        try {
          await page.goto(fixture.url);
          await page.addScriptTag({ content: bundle });
          const inPage = (await page.evaluate(harness(site, TARGET_ELEMENTS, nobody, options))) as {
            elementCount: number;
            read: SiteReadRow['read'];
            times: number[];
          };
          rows.push({
            site,
            page: nobody ? 'nobody' : 'customer',
            fixture: `${site}/${fixture.name}`,
            elementCount: inPage.elementCount,
            read: inPage.read,
            summary: summarize(inPage.times),
          });
        } finally {
          await page.close();
          await context.unroute(pattern);
        }
      }
    }
  } finally {
    await browser.close();
  }
  return { budgetMs: PAGE_READ_BUDGET_MS, targetElements: TARGET_ELEMENTS, rows };
}
