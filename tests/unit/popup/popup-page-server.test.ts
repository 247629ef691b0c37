/**
 * The background serves the popup's page with its first rows written in (lib/background/popup-page-server.ts):
 * only the address the toolbar button opens with the kept lists, only while the clock keeps them true,
 * the rows exactly the first paint's (escaped text), the built page around them; every other request is
 * routed to the files without waking the worker. Where there are no fetch events it serves nothing.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paintPopupFirst } from '../../../components/popup/first-paint';
import { database } from '../../../lib/background/db-connection';
import { popupHandlers } from '../../../lib/background/handlers/popup';
import {
  popupListsChanged,
  popupListsGeneration,
  resetPopupListsMemory,
  storePopupLists,
} from '../../../lib/background/popup-lists-store';
import {
  registerPopupPageServer,
  resetPopupPageServerMemory,
  servePopupLists,
  servePopupPage,
  stopServingPopupLists,
  type FetchEventLike,
} from '../../../lib/background/popup-page-server';
import { addFollowUp } from '../../../lib/db/follow-ups';
import type { PopupFollowUps } from '../../../lib/messaging/protocol';
import { servedListsName, type PopupListsInAddress } from '../../../lib/popup/lists-address';
import { uiLanguageItem } from '../../../lib/storage/ui-language';
import { local, useTimeZone } from '../reminders/time-zone';
import { fixClockAt } from '../support/clock';
import { eventually } from '../support/eventually';
import { popupFollowUp } from '../support/popup-rows';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

useTimeZone('Asia/Shanghai');

const NOW = local(2025, 6, 12, 12);
const HOSTILE = '<img src=x onerror="alert(1)"><b>Hostile</b> & "Co"';
/** The built page's shape (scripts/build/popup-page.ts): stylesheet inline, first script after the root. */
const BUILT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Dealside</title><style>.ds-popup{}</style></head>' +
  '<body><div id="root"></div><script src="/popup-first.js" data-app="/chunks/popup-1.js"></script></body></html>';

const LISTS: PopupFollowUps = {
  now: NOW - 60_000,
  overdue: { rows: [popupFollowUp('a', NOW - 3_600_000, { title: HOSTILE })], total: 4 },
  today: { rows: [popupFollowUp('b', NOW + 2 * 3_600_000)], total: 1 },
  week: { rows: [], total: 7 },
};
const KEPT: PopupListsInAddress = { lists: LISTS, validUntil: NOW + 2 * 3_600_000, language: 'auto' };

let page = BUILT_PAGE;
const fetched: string[] = [];
let listeners: { install?: (event: unknown) => void; fetch?: (event: FetchEventLike) => void };

/** A stand-in for the service worker's global scope, with what the browser's has (Chrome 123 and later). */
function installServiceWorkerGlobals(options: { routes: boolean } = { routes: true }) {
  class ServiceWorkerGlobalScope {
    addEventListener(type: 'install' | 'fetch', listener: (event: never) => void) {
      listeners[type] = listener as never;
    }
  }
  class InstallEvent {}
  if (options.routes) Object.assign(InstallEvent.prototype, { addRoutes: () => Promise.resolve() });
  vi.stubGlobal('ServiceWorkerGlobalScope', ServiceWorkerGlobalScope);
  vi.stubGlobal('InstallEvent', InstallEvent);
  vi.stubGlobal(
    'URLPattern',
    class {
      constructor(readonly init: object) {}
    },
  );
  return new ServiceWorkerGlobalScope();
}

/** A navigation (or another request) for `path`, and what the worker answered it with. */
function request(path: string, mode = 'navigate') {
  let answer: Response | undefined;
  const event: FetchEventLike = {
    request: { url: `chrome-extension://dealside/${path}`, mode },
    respondWith: (response) => {
      if (!(response instanceof Response)) throw new Error('A promise of a response is not expected here.');
      answer = response;
    },
  };
  servePopupPage(event);
  return answer;
}

/** The page served for `path` once the lists are ready: its document. */
async function servedDocument(path: string): Promise<Document> {
  const answer = await eventually(
    async () => request(path),
    (response) => response !== undefined,
  );
  expect(answer!.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return new DOMParser().parseFromString(await answer!.text(), 'text/html');
}

beforeEach(() => {
  listeners = {};
  page = BUILT_PAGE;
  fetched.length = 0;
  resetPopupPageServerMemory();
  resetPopupListsMemory();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      fetched.push(url);
      if (url.endsWith('/popup.html')) return new Response(page);
      if (url.endsWith('/_locales/zh_CN/messages.json'))
        return new Response(await readFile('public/_locales/zh_CN/messages.json', 'utf8'));
      return new Response('', { status: 404 });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('serving the popup page', () => {
  fixClockAt(NOW);

  it('routes only the popup’s navigation to the worker, and only while it runs', async () => {
    const scope = installServiceWorkerGlobals();
    registerPopupPageServer(scope);
    let routes: unknown;
    listeners.install!({
      waitUntil: () => undefined,
      addRoutes: (given: unknown) => {
        routes = given;
        return Promise.resolve();
      },
    });
    expect(routes).toEqual([
      {
        condition: {
          urlPattern: { init: { pathname: '/popup.html' } },
          requestMode: 'navigate',
          runningStatus: 'running',
        },
        source: 'fetch-event',
      },
      { condition: { urlPattern: { init: { pathname: '/*' } } }, source: 'network' },
    ]);
    expect(listeners.fetch).toBe(servePopupPage);
  });

  it('writes the first paint’s rows into the built page, text escaped, the page’s script kept', async () => {
    registerPopupPageServer(installServiceWorkerGlobals());
    expect(servePopupLists(KEPT, 'name-1')).toBe(true);
    const served = await servedDocument('popup.html?served=name-1');

    const root = served.getElementById('root')!;
    expect(root.getAttribute('data-served')).toBe('auto');
    // The same elements and text the page's own first paint draws for the same lists, read at this moment.
    const painted = document.createElement('div');
    paintPopupFirst(painted, { ...LISTS, now: NOW }, 'en');
    expect(root.innerHTML).toBe(painted.innerHTML);
    expect(root.querySelector('img, b')).toBeNull();
    expect(root.querySelector('[data-testid="popup-followup-title"]')!.textContent).toBe(HOSTILE);
    expect(served.querySelector('style')!.textContent).toBe('.ds-popup{}');
    expect(served.querySelector('script')!.getAttribute('src')).toBe('/popup-first.js');
    expect(served.documentElement.lang).toBe('en');
    // The page is read once, not at each request.
    await servedDocument('popup.html?served=name-1');
    expect(fetched.filter((url) => url.endsWith('/popup.html'))).toHaveLength(1);
  });

  it('draws the rows in the language the rep chose', async () => {
    registerPopupPageServer(installServiceWorkerGlobals());
    servePopupLists({ ...KEPT, language: 'zh-CN' }, 'name-zh');
    const served = await servedDocument('popup.html?served=name-zh');
    expect(served.documentElement.lang).toBe('zh-CN');
    expect(served.getElementById('root')!.getAttribute('data-served')).toBe('zh-CN');
    expect(served.querySelector('[data-testid="popup-done"]')!.textContent).toBe('完成');
  });

  it('leaves every other request to the files: the bare page, another name, another page, a subresource', async () => {
    registerPopupPageServer(installServiceWorkerGlobals());
    servePopupLists(KEPT, 'name-1');
    await servedDocument('popup.html?served=name-1');
    expect(request('popup.html')).toBeUndefined();
    expect(request('popup.html?served=name-2')).toBeUndefined();
    expect(request('options.html?served=name-1')).toBeUndefined();
    expect(request('popup.html?served=name-1', 'same-origin')).toBeUndefined();
  });

  it('stops serving the moment the lists may be wrong, or when the clock has made them so', async () => {
    registerPopupPageServer(installServiceWorkerGlobals());
    servePopupLists(KEPT, 'name-1');
    await servedDocument('popup.html?served=name-1');
    stopServingPopupLists();
    expect(request('popup.html?served=name-1')).toBeUndefined();

    servePopupLists({ ...KEPT, validUntil: NOW }, 'name-2');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(request('popup.html?served=name-2')).toBeUndefined();
  });

  it('serves nothing when the built page has no single empty root', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    page = BUILT_PAGE.replace('<div id="root"></div>', '<div id="root">Loading</div>');
    registerPopupPageServer(installServiceWorkerGlobals());
    servePopupLists(KEPT, 'name-1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(request('popup.html?served=name-1')).toBeUndefined();
    expect(console.warn).toHaveBeenCalled();
  });

  it('registers nothing where requests cannot be routed past the worker, or outside a service worker', () => {
    installServiceWorkerGlobals();
    registerPopupPageServer(globalThis); // a page, not the worker
    registerPopupPageServer(installServiceWorkerGlobals({ routes: false })); // before Chrome 123
    expect(listeners).toEqual({});
    expect(servePopupLists(KEPT, 'name-1')).toBe(false);
  });
});

describe('the kept lists’ served name', () => {
  const HOUR = 3_600_000;
  const seed = async (id: string, due: number) =>
    addFollowUp(
      await database(),
      { accountKey: 'northwind-trading.com', title: `Call ${id}`, due },
      Date.now(),
      id,
    );
  const address = () => fakeBrowser.action.getPopup({});

  beforeEach(async () => {
    const db = await database();
    await db.clear('followUps');
    await uiLanguageItem.set('auto');
    await fakeBrowser.action.setPopup({ popup: 'popup.html' });
  });

  it('is in the button’s address, the same for every answer until a change, and a new one after it', async () => {
    registerPopupPageServer(installServiceWorkerGlobals());
    await seed('f-1', Date.now() - HOUR);
    await popupHandlers.getPopupFollowUps();
    const first = await eventually(address, (value) => servedListsName(value) !== undefined);
    const name = servedListsName(first)!;
    await servedDocument(`popup.html?served=${name}`);

    await storePopupLists(await popupHandlers.getPopupFollowUps(), popupListsGeneration());
    expect(servedListsName(await address())).toBe(name);

    popupListsChanged();
    expect(request(`popup.html?served=${name}`)).toBeUndefined();
    await storePopupLists(await popupHandlers.getPopupFollowUps(), popupListsGeneration());
    const renamed = servedListsName(await address());
    expect(renamed).toBeDefined();
    expect(renamed).not.toBe(name);
    await servedDocument(`popup.html?served=${renamed}`);
  });

  it('is left out of the address where the page is not served', async () => {
    await seed('f-1', Date.now() - HOUR);
    await popupHandlers.getPopupFollowUps();
    const kept = await eventually(address, (value) => value.includes('#lists='));
    expect(kept).toMatch(/\/popup\.html#lists=/);
    expect(servedListsName(kept)).toBeUndefined();
  });
});
