/**
 * Real Chromium with the built extension loaded, and fixture pages served at their real URLs by request
 * routing (production `matches` never include localhost).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type BrowserContext,
  type Frame,
  type Page,
  type Request,
  type Worker,
} from 'playwright-core';

/** The built extension; tests may point elsewhere (a copy) with DEALSIDE_EXTENSION_DIR. */
export const EXTENSION_DIR = path.resolve(process.env.DEALSIDE_EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES_DIR = path.resolve('tests/fixtures');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  profileDir: string;
  /** Requests that left the browser from one of the extension's own contexts: must stay empty. */
  externalRequestsFromExtension: string[];
  /** Requests from the extension's contexts to the origins the test allowed (`allowedOrigins`). */
  allowedRequestsFromExtension: string[];
  /**
   * Closes the browser (the profile is kept when `keepProfile` was set, for restart tests), and fails if
   * the extension made any network request while it ran: Dealside makes none, ever.
   */
  close(): Promise<void>;
}

const EXTENSION_URL = /^(chrome-extension|moz-extension):/;
const LOCAL_URL = /^(chrome-extension|moz-extension|data|blob|about|chrome):/;

/** The URL of the context a request came from: its frame's document, or the service worker. */
function requestOrigin(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchWithExtension(
  options: {
    profileDir?: string;
    locale?: string;
    headless?: boolean;
    keepProfile?: boolean;
    colorScheme?: 'light' | 'dark';
    /**
     * Origins the extension may talk to in this test (a sync server on 127.0.0.1): requests there are
     * not counted as leaks; every other one still is.
     */
    allowedOrigins?: readonly string[];
    /** Another build (or a copy) of the extension to load instead of EXTENSION_DIR. */
    extensionDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const profileDir = options.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'dealside-profile-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(options.locale ? { locale: options.locale } : {}),
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${options.extensionDir ?? EXTENSION_DIR}`,
      `--load-extension=${options.extensionDir ?? EXTENSION_DIR}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
    ...(options.locale ? { env: { ...process.env, LANGUAGE: options.locale.replace('-', '_') } } : {}),
  });
  const externalRequestsFromExtension: string[] = [];
  const allowedRequestsFromExtension: string[] = [];
  context.on('request', (request) => {
    if (!EXTENSION_URL.test(requestOrigin(request)) || LOCAL_URL.test(request.url())) return;
    const allowed = options.allowedOrigins?.includes(new URL(request.url()).origin) ?? false;
    (allowed ? allowedRequestsFromExtension : externalRequestsFromExtension).push(
      `${request.method()} ${request.url()}`,
    );
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir,
    externalRequestsFromExtension,
    allowedRequestsFromExtension,
    async close() {
      await context.close();
      if (!options.keepProfile && !options.profileDir) await rm(profileDir, { recursive: true, force: true });
      if (externalRequestsFromExtension.length > 0) {
        throw new Error(`The extension made network requests: ${externalRequestsFromExtension.join(', ')}`);
      }
    },
  };
}

/**
 * Grants the extension a host permission the way the browser's own "Site access" settings do
 * (chrome://extensions' developerPrivate.addHostPermission): headless Chromium cannot show, or be made
 * to accept, the prompt `permissions.request` opens. The page's real click path then runs, and its
 * `permissions.request` resolves at once.
 */
export async function grantHostPermission(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const extensions = await browser.context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(
    ({ id, origin }) =>
      new Promise<void>((resolve) => {
        const developer = (
          globalThis as unknown as {
            chrome: {
              developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void };
            };
          }
        ).chrome.developerPrivate;
        developer.addHostPermission(id, origin, resolve);
      }),
    { id: browser.extensionId, origin: pattern },
  );
  await extensions.close();
}

/** Serves a fixture file for every request to `urlPattern` (a glob such as `https://mail.google.com/**`). */
export async function serveFixture(
  context: BrowserContext,
  urlPattern: string,
  fixturePath: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const body = await readFile(path.join(FIXTURES_DIR, fixturePath), 'utf8');
  await context.route(urlPattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body }),
  );
}

/** The in-page panel's frame (it sits in a closed shadow root, so it is found by URL, not by selector). */
export async function panelFrame(page: Page, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => /\/panel\.html(?:$|[?#])/.test(candidate.url()));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline) throw new Error('The Dealside panel frame did not appear.');
    await page.waitForTimeout(50);
  }
}

/**
 * Stops the extension's service worker the way the browser does when it idles, through the DevTools
 * protocol of one of the extension's own pages (`via`, or one opened for it and closed after); resolves
 * once the browser reports it stopped.
 */
export async function stopServiceWorker(browser: ExtensionBrowser, via?: Page): Promise<void> {
  const page = via ?? (await browser.context.newPage());
  if (!via) await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const cdp = await browser.context.newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    await cdp.detach();
    if (!via) await page.close();
  }
}

/**
 * Evaluates an expression in an extension page the browser shows outside any tab (the side panel), which
 * Playwright does not list as a page. Returns undefined while no such page exists.
 */
export async function evaluateInExtensionView(
  browser: ExtensionBrowser,
  pagePath: string,
  expression: string,
): Promise<unknown> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const view = targetInfos.find((target) =>
      target.url.startsWith(`chrome-extension://${browser.extensionId}/${pagePath}`),
    );
    if (!view) return undefined;
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: view.targetId,
      flatten: false,
    })) as {
      sessionId: string;
    };
    const reply = new Promise<unknown>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: unknown } };
        };
        if (event.sessionId === sessionId && message.id === 1) resolve(message.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true },
      }),
    });
    return await reply;
  } finally {
    await cdp.detach();
  }
}
