/**
 * What a page that takes over its renderer can reach through our content script, in real Chromium:
 * - code run in the content script's isolated world (a DevTools `Runtime.evaluate` there, with the
 *   content script's privileges) is refused every read and write of `chrome.storage.local` and
 *   `.session`, while the panel frame — an extension page — still reads the language it renders in;
 * - the page cannot stop the content script with an event, and an extension reload makes the old copy
 *   stand down on its own (its panel frame goes away);
 * - a tab that navigates off the supported site is forgotten at once.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';
import { closeQuietly, currentServiceWorker, tabPageFor } from './support/sites';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQisolation';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** The content script's isolated world in the page's top frame, found through the DevTools protocol. */
async function contentScriptWorld(
  page: Page,
  extensionId: string,
): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
    contexts.push(context);
  });
  // Enabling reports every context that already exists.
  await cdp.send('Runtime.enable');
  await expect
    .poll(() =>
      contexts.some(
        (context) =>
          context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`,
      ),
    )
    .toBe(true);
  const world = contexts.find(
    (context) =>
      context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`,
  )!;
  return { cdp, contextId: world.id };
}

/** Runs `expression` (a promise of a JSON value) in the given context and returns its value. */
async function evaluateIn(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const reply = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: unknown };
  if (reply.exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(reply.exceptionDetails)}`);
  return reply.result.value;
}

/** Each storage call from the isolated world, as `ok: <value>` or `refused: <message>`. */
const STORAGE_PROBE = `(async () => {
  const attempt = async (call) => {
    try {
      return 'ok: ' + JSON.stringify(await call());
    } catch (error) {
      return 'refused: ' + (error && error.message);
    }
  };
  const storage = chrome.storage;
  return {
    localRead: await attempt(() => storage.local.get(null)),
    localPicksRead: await attempt(() => storage.local.get('contactPicks')),
    localWrite: await attempt(() =>
      storage.local.set({ contactPicks: { [location.href]: { email: 'mallory@attacker.example', at: Date.now() } } }),
    ),
    sessionRead: await attempt(() => storage.session.get(null)),
    sessionWrite: await attempt(() => storage.session.set({ tabPages: {} })),
  };
})()`;

describe('what a compromised page can reach through the content script', () => {
  let browser: ExtensionBrowser;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await closeQuietly(page);
    await browser?.close();
  });

  it('the content script world is refused every read and write of storage.local and storage.session', async () => {
    // Something of ours is in both areas: the language in local, the tab registry in session. The
    // language is written before the page opens: a change of language reloads the panel frame.
    const worker = await currentServiceWorker(browser);
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome.storage.local.set({ uiLanguage: 'en', probe: 'written by the background' }),
    );
    // A retried attempt starts from a fresh tab, so only one tab reports the address.
    await closeQuietly(page);
    page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);
    await expect.poll(() => tabPageFor(browser, THREAD_URL)).toBeTruthy();

    const { cdp, contextId } = await contentScriptWorld(page, browser.extensionId);
    const outcome = (await evaluateIn(cdp, contextId, STORAGE_PROBE)) as Record<string, string>;
    await cdp.detach();
    for (const [call, result] of Object.entries(outcome)) {
      expect(result, call).toMatch(/^refused: /);
    }

    // The background's own view is untouched, and the panel frame (an extension page) still reads.
    expect(
      await worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get('contactPicks'),
      ),
    ).toEqual({});
    expect(
      await panel.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local.get('uiLanguage'),
      ),
    ).toEqual({ uiLanguage: 'en' });
  });

  it('an event from the page does not stop the content script', async () => {
    page ??= await browser.context.newPage();
    const url = `${THREAD_URL}x`;
    await page.goto(url);
    await panelFrame(page);
    await expect.poll(() => tabPageFor(browser, url)).toBeTruthy();

    // What the previous content script listened for: a newer copy's start, forged here by the page.
    await page.evaluate(() => {
      for (const detail of ['gmail:forged', 'generic:forged']) {
        document.dispatchEvent(new CustomEvent('dealside:content-script-started', { detail }));
      }
    });
    // Still reading: a move to another thread is reported, and the panel frame is still there.
    const next = `${THREAD_URL}y`;
    await page.evaluate((target) => history.pushState(null, '', target), next);
    await expect.poll(() => tabPageFor(browser, next), { timeout: 10_000 }).toBeTruthy();
    await panelFrame(page);
  });

  it('a tab that leaves the supported site is forgotten, so "open" cannot focus it', async () => {
    await browser.context.route('https://elsewhere.example/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Elsewhere</title><p>Not mail.</p>',
      }),
    );
    const tab = await browser.context.newPage();
    const url = `${THREAD_URL}left`;
    await tab.goto(url);
    await expect.poll(() => tabPageFor(browser, url)).toBeTruthy();
    await tab.goto('https://elsewhere.example/mail.google.com');
    await expect.poll(() => tabPageFor(browser, url)).toBeUndefined();
    await closeQuietly(tab);
  });

  it('a reloaded extension makes the old copy stand down: its panel frame goes away', async () => {
    page ??= await browser.context.newPage();
    await page.goto(`${THREAD_URL}z`);
    await panelFrame(page);
    const worker = await currentServiceWorker(browser);
    await worker
      .evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
      )
      .catch(() => undefined);
    await expect
      .poll(() => page!.frames().filter((frame) => /\/panel\.html(?:$|[?#])/.test(frame.url())).length, {
        timeout: 10_000,
      })
      .toBe(0);
    // No frame element of ours is left in the page either (the frame host is the content script's).
    expect(await page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
  });
});
