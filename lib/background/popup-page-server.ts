/**
 * Serves the popup's page with its first rows already in it (Chrome): the page the toolbar button opens
 * then shows its rows in the browser's first paint of it, as fast as a blank page of the extension, with no
 * script to load first. While this service worker runs, the browser asks it for `popup.html` (a fetch
 * event for the navigation); it answers with the built page, the kept lists' first rows written into its
 * root. The popup's first script finds them there and only takes over (components/popup/open-popup.ts).
 *
 * Only while the worker runs: the routes set at install send everything else — every other file, and
 * the popup itself while the worker is stopped — straight to the extension's files, so no page ever waits
 * for this worker to start. Then the popup draws the same rows from its address (lib/popup/lists-address.ts).
 * Only the address the button opens with these lists (its `served` parameter names them): the bare
 * page, opened right after a change or by hand, is always the file.
 *
 * The extension's content security policy applies to a served page as to the file (checked: an inline
 * script in a served page does not run); everything from the records is escaped text
 * (components/popup/first-paint-markup.ts). Firefox runs the background as a page, with no fetch events:
 * nothing here registers there.
 */
import { browser } from 'wxt/browser';
import {
  escapeHtml,
  markupToHtml,
  popupFirstPaintMarkup,
  type Translate,
} from '@/components/popup/first-paint-markup';
import { browserLanguage, loadCatalogue, translate } from '../i18n';
import {
  POPUP_PAGE,
  SERVED_LISTS_PARAMETER,
  SERVED_ROOT_ATTRIBUTE,
  type PopupListsInAddress,
} from '../popup/lists-address';

const POPUP_PATH = `/${POPUP_PAGE}`;

/** The page's empty root as the build writes it (entrypoints/popup/index.html): the rows go inside. */
const EMPTY_ROOT = '<div id="root"></div>';

/** The built page before and after its empty root. */
interface PopupPageParts {
  before: string;
  after: string;
}

interface ServedLists {
  name: string;
  kept: PopupListsInAddress;
  page: PopupPageParts;
  t: Translate;
  locale: string;
}

/** The parts of the service worker's world this module uses; a fake one in tests. */
export interface FetchEventLike {
  request: { url: string; mode: string };
  respondWith(response: Response | Promise<Response>): void;
}
interface InstallEventLike {
  waitUntil(promise: Promise<unknown>): void;
  addRoutes(routes: unknown[]): Promise<void>;
}
export interface ServiceWorkerScopeLike {
  addEventListener(type: 'install', listener: (event: InstallEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

let serving = false;
/** The lists being made ready to serve (their name); `ready` once the page and the language are loaded. */
let preparing: string | undefined;
let ready: ServedLists | undefined;
let pageParts: Promise<PopupPageParts | undefined> | undefined;

/**
 * The popup page's fetch event only while this worker runs and the request is the popup's navigation;
 * every other request of the extension's pages goes to its files without waking it.
 */
function routes(): unknown[] {
  const URLPatternClass = (globalThis as unknown as { URLPattern: new (init: object) => unknown }).URLPattern;
  return [
    {
      condition: {
        urlPattern: new URLPatternClass({ pathname: POPUP_PATH }),
        requestMode: 'navigate',
        runningStatus: 'running',
      },
      source: 'fetch-event',
    },
    { condition: { urlPattern: new URLPatternClass({ pathname: '/*' }) }, source: 'network' },
  ];
}

/** Whether this is a service worker that can route requests away from itself (Chrome 123 and later). */
function canServe(scope: unknown): scope is ServiceWorkerScopeLike {
  const installEvent = (globalThis as { InstallEvent?: { prototype: object } }).InstallEvent;
  const workerScope = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown })
    .ServiceWorkerGlobalScope;
  return (
    !!installEvent &&
    'addRoutes' in installEvent.prototype &&
    !!workerScope &&
    scope instanceof workerScope &&
    'URLPattern' in globalThis
  );
}

/**
 * Starts serving the popup page, where the browser allows it. Must run in the worker script's first run:
 * the browser only dispatches fetch events to listeners added then. `scope` is for tests.
 */
export function registerPopupPageServer(scope: unknown = globalThis): void {
  if (!canServe(scope)) return;
  scope.addEventListener('install', (event) => {
    // Without the routes every request of every extension page would come here, starting this worker
    // for each: the fetch listener then answers only the popup, and the rest still loads, a little later.
    event.waitUntil(
      event.addRoutes(routes()).catch((error: unknown) => {
        console.warn('[dealside] could not route the extension pages past the service worker', error);
      }),
    );
  });
  scope.addEventListener('fetch', servePopupPage);
  serving = true;
}

/** The built popup page around its empty root, read once from the extension's files. */
function popupPageParts(): Promise<PopupPageParts | undefined> {
  pageParts ??= (async () => {
    const page = await (await fetch(browser.runtime.getURL(POPUP_PATH as '/'))).text();
    const at = page.indexOf(EMPTY_ROOT);
    if (at < 0 || page.indexOf(EMPTY_ROOT, at + 1) >= 0) {
      console.warn('[dealside] the popup page has no single empty root: it is not served with its rows');
      return undefined;
    }
    return { before: page.slice(0, at), after: page.slice(at + EMPTY_ROOT.length) };
  })().catch((error: unknown) => {
    pageParts = undefined; // tried again with the next lists
    console.warn('[dealside] could not read the popup page', error);
    return undefined;
  });
  return pageParts;
}

async function prepare(name: string, kept: PopupListsInAddress): Promise<void> {
  try {
    const [page, catalogue] = await Promise.all([popupPageParts(), loadCatalogue(kept.language)]);
    if (!page || preparing !== name) return;
    ready = {
      name,
      kept,
      page,
      t: (key) => translate(catalogue, key),
      locale: kept.language === 'auto' ? browserLanguage() : kept.language,
    };
  } catch (error) {
    console.warn('[dealside] could not make the popup page ready to serve', error);
  }
}

/**
 * Serves the popup page with `kept`'s rows under `name` from now on (once its parts are loaded, a moment
 * later); false where pages are not served.
 */
export function servePopupLists(kept: PopupListsInAddress, name: string): boolean {
  if (!serving) return false;
  if (preparing === name && ready) {
    ready = { ...ready, kept };
    return true;
  }
  preparing = name;
  ready = undefined;
  void prepare(name, kept);
  return true;
}

/** Serves the bare file again: the kept lists may be wrong now. */
export function stopServingPopupLists(): void {
  preparing = undefined;
  ready = undefined;
}

/** The popup page with `served`'s rows, their due times read at `now`. */
export function servedPopupPage(served: ServedLists, now: number): string {
  const lists = { ...served.kept.lists, now };
  const rows = markupToHtml(popupFirstPaintMarkup(lists, served.locale, served.t));
  const before = served.page.before.replace(
    /<html lang="[^"]*"/,
    `<html lang="${escapeHtml(served.locale)}"`,
  );
  return `${before}<div id="root" ${SERVED_ROOT_ATTRIBUTE}="${escapeHtml(served.kept.language)}">${rows}</div>${served.page.after}`;
}

/**
 * Answers the popup's navigation with its rows drawn in, when it asks for the lists ready here and the
 * clock still keeps them true; otherwise leaves it to the file.
 */
export function servePopupPage(event: FetchEventLike): void {
  const served = ready;
  if (!served || event.request.mode !== 'navigate') return;
  const url = new URL(event.request.url);
  if (url.pathname !== POPUP_PATH || url.searchParams.get(SERVED_LISTS_PARAMETER) !== served.name) return;
  const now = Date.now();
  if (now < served.kept.lists.now || now >= served.kept.validUntil) return;
  let page: string;
  try {
    page = servedPopupPage(served, now);
  } catch (error) {
    console.warn('[dealside] could not draw the popup page', error);
    return;
  }
  event.respondWith(new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
}

/** For tests: forget this worker's memory, as a stopped and restarted service worker would. */
export function resetPopupPageServerMemory(): void {
  serving = false;
  preparing = undefined;
  ready = undefined;
  pageParts = undefined;
}
