/**
 * Re-reads the page when the app changes it, and reports only real changes. Mutations are debounced and
 * observed on the app's main region, so typing in a compose box or a ticking clock costs one cheap
 * comparison, not a message.
 */
import type { PageContext } from '../messaging/messages';
import { unknownPage, type SiteAdapter } from '../sites/types';
import type { Lifecycle } from './lifecycle';

export const MUTATION_DEBOUNCE_MS = 150;
/** A page that never stops changing (a ticking counter) still gets read this often. */
export const MUTATION_MAX_WAIT_MS = 1000;

/** What the watcher needs of the content script's life: it stops watching when `signal` aborts. */
export type WatchHooks = Pick<Lifecycle, 'setTimeout' | 'isValid' | 'signal'>;

export function watchPage(
  document: Document,
  adapter: SiteAdapter,
  hooks: WatchHooks,
  report: (context: PageContext) => void,
): { readNow(): void } {
  let lastSent = '';
  let pending: number | undefined;
  let pendingSince = 0;
  let observed: Node | undefined;

  const observer = new MutationObserver(() => schedule());

  /** The document the app shows its view in, with its address: a view frame's, else the page's. */
  const currentView = () => adapter.viewOf?.(document) ?? { document, url: location.href };

  function observeRegion(view: Document): void {
    const region =
      (adapter.mainRegionSelector && view.querySelector(adapter.mainRegionSelector)) || view.body;
    if (!region || region === observed) return;
    observer.disconnect();
    // Text edits (a compose body, a ticking clock) are not observed: they change nobody on the page.
    observer.observe(region, { childList: true, subtree: true });
    // An app may replace the main region itself; that is a change in an ancestor's children.
    for (let parent = region.parentNode; parent && parent !== view; parent = parent.parentNode) {
      observer.observe(parent, { childList: true });
    }
    observed = region;
  }

  // A view frame loading another view changes neither the top page's address nor its DOM. `load` does
  // not bubble, but it passes the top document in the capture phase.
  if (adapter.viewOf)
    document.addEventListener('load', (event) => event.target instanceof HTMLIFrameElement && schedule(), {
      capture: true,
      signal: hooks.signal,
    });

  function readNow(): void {
    pending = undefined;
    // An ended lifecycle has already stopped the watcher (below).
    if (!hooks.isValid) return;
    const view = currentView();
    let context: PageContext;
    try {
      context = adapter.readPage(view.document, new URL(view.url));
    } catch {
      // Adapters are written not to throw; if one does, the page still must not see it.
      context = unknownPage(adapter.id, 'read-failed');
    }
    observeRegion(view.document);
    // The same people on another page (or in another view of the frame) are reported again.
    const key = JSON.stringify([location.href, view.url, context]);
    if (key === lastSent) return;
    lastSent = key;
    report(context);
  }

  function schedule(): void {
    const now = Date.now();
    if (pending !== undefined) {
      // Waited long enough: let the scheduled read happen instead of pushing it back again.
      if (now - pendingSince >= MUTATION_MAX_WAIT_MS - MUTATION_DEBOUNCE_MS) return;
      clearTimeout(pending);
    } else {
      pendingSince = now;
    }
    pending = hooks.setTimeout(readNow, MUTATION_DEBOUNCE_MS);
  }

  hooks.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(pending);
  });
  // A single-page app moving to another view without a reload: the Navigation API sees pushState
  // navigations, older browsers get history and hash events, and the DOM observer covers the rest. A
  // navigation that changed nothing the adapter reads is dropped by `readNow`.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  for (const [target, type] of [
    [navigation, 'navigatesuccess'],
    [window, 'popstate'],
    [window, 'hashchange'],
  ] as const)
    target?.addEventListener(type, schedule, { signal: hooks.signal });
  observeRegion(currentView().document);
  return { readNow };
}
