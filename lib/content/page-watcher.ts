/**
 * Re-reads the page when the app changes it, and reports only real changes. Mutations are debounced and
 * observed on the app's main region, so typing in a compose box or a ticking clock costs one cheap
 * comparison, not a message.
 *
 * When the address changes (an in-app navigation), nothing is debounced: the page is read at once, and
 * again on each change the app makes while it renders the new view, until it shows someone else (or no
 * longer anyone, once the app has had a moment). Until then the old view's people are not reported
 * again under the new address.
 */
import type { PageContext } from '../messaging/messages';
import { unknownPage, type SiteAdapter } from '../sites/types';
import type { Lifecycle } from './lifecycle';

export const MUTATION_DEBOUNCE_MS = 150;
/** A page that never stops changing (a ticking counter) still gets read this often. */
export const MUTATION_MAX_WAIT_MS = 1000;
/**
 * After an in-app navigation, how long the app gets to render the new view before what the page shows is
 * reported anyway (the new view may show the same person, or nobody).
 */
export const NAVIGATION_RENDER_WAIT_MS = 1000;

/** What the watcher needs of the content script's life: it stops watching when `signal` aborts. */
export type WatchHooks = Pick<Lifecycle, 'setTimeout' | 'isValid' | 'signal'>;

export function watchPage(
  document: Document,
  adapter: SiteAdapter,
  hooks: WatchHooks,
  report: (context: PageContext) => void,
): { readNow(): void } {
  let lastSent = '';
  /** What the page showed when last reported, without the address. */
  let lastShown = '';
  /** The addresses (page and view) of the last read. */
  let lastAddress = '';
  let pending: number | undefined;
  let pendingSince = 0;
  let observed: Node | undefined;
  /** When an in-app navigation began, until the new view is reported; 0 when none is under way. */
  let navigatedAt = 0;

  /** The document the app shows its view in, with its address: a view frame's, else the page's. */
  const currentView = () => adapter.viewOf?.(document) ?? { document, url: location.href };
  const addressOf = (view: { url: string }) => location.href + '\u0000' + view.url;

  /**
   * Anything happened: a mutation, a navigation event, a view frame's load. After an address change the
   * page is read in this task's wake (once the app's own script has changed the page), else debounced.
   */
  function changed(): void {
    const now = Date.now();
    if (lastAddress && addressOf(currentView()) !== lastAddress) navigatedAt ||= now;
    if (pending === undefined || navigatedAt) pendingSince = now;
    // Waited long enough: let the scheduled read happen instead of pushing it back again.
    else if (now - pendingSince >= MUTATION_MAX_WAIT_MS - MUTATION_DEBOUNCE_MS) return;
    clearTimeout(pending);
    pending = hooks.setTimeout(readNow, navigatedAt ? 0 : MUTATION_DEBOUNCE_MS);
  }

  const observer = new MutationObserver(changed);

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
    document.addEventListener('load', (event) => event.target instanceof HTMLIFrameElement && changed(), {
      capture: true,
      signal: hooks.signal,
    });

  function readNow(): void {
    clearTimeout(pending);
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
    lastAddress = addressOf(view);
    const shown = JSON.stringify(context);
    if (navigatedAt) {
      // Still the old view's people: the app has not rendered the new view yet. Nobody: it may be
      // loading it, or the new view (a list) shows nobody; that is told a little later. Until then
      // every change the app makes reads again (`changed`), and this timer reads once the wait is over.
      const wait =
        shown === lastShown
          ? NAVIGATION_RENDER_WAIT_MS
          : context.participants.length
            ? 0
            : MUTATION_DEBOUNCE_MS;
      const left = navigatedAt + wait - Date.now();
      if (left > 0) {
        pending = hooks.setTimeout(readNow, left);
        return;
      }
      navigatedAt = 0;
    }
    // The same people on another page (or in another view of the frame) are reported again.
    const key = lastAddress + '\u0000' + shown;
    if (key === lastSent) return;
    lastSent = key;
    lastShown = shown;
    report(context);
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
    target?.addEventListener(type, changed, { signal: hooks.signal });
  observeRegion(currentView().document);
  return { readNow };
}
