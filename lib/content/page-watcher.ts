/**
 * Re-reads the page when the app changes it, and reports only real changes. Mutations are debounced and
 * observed on the app's main region, so typing in a compose box or a ticking clock costs one cheap
 * comparison, not a message.
 */
import type { PageContext } from '../messaging/messages';
import type { SiteAdapter } from '../sites/types';

export const MUTATION_DEBOUNCE_MS = 150;
/** A page that never stops changing (a ticking counter) still gets read this often. */
export const MUTATION_MAX_WAIT_MS = 1000;

export interface WatchHooks {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  onLocationChange(handler: () => void): void;
  isValid(): boolean;
}

export function watchPage(
  document: Document,
  adapter: SiteAdapter,
  hooks: WatchHooks,
  report: (context: PageContext) => void,
): { readNow(): void; stop(): void } {
  let lastSent = '';
  let pending: number | undefined;
  let pendingSince = 0;
  let observed: Node | undefined;

  const observer = new MutationObserver(() => schedule());

  /** The document the app shows its view in, with its address: a same-origin view frame's, else the page's. */
  function currentView(): { document: Document; url: string } {
    const frame = adapter.viewFrameSelector
      ? document.querySelector<HTMLIFrameElement>(adapter.viewFrameSelector)
      : null;
    try {
      // Null for a frame of another origin or one still loading: the top page is read instead.
      const inner = frame?.contentDocument;
      if (inner?.body && inner.location.href !== 'about:blank')
        return { document: inner, url: inner.location.href };
    } catch {
      // A frame that became cross-origin between the check and the read.
    }
    return { document, url: location.href };
  }

  function observeRegion(view: Document): void {
    const region =
      (adapter.mainRegionSelector && view.querySelector(adapter.mainRegionSelector)) || view.body;
    if (!region || region === observed) return;
    observer.disconnect();
    observer.observe(region, { childList: true, subtree: true, characterData: false });
    // An app may replace the main region itself; that is a change in an ancestor's children.
    for (let parent = region.parentNode; parent && parent !== view; parent = parent.parentNode) {
      observer.observe(parent, { childList: true });
    }
    observed = region;
  }

  // A view frame loading another view changes neither the top page's address nor its DOM. `load` does
  // not bubble, but it passes the top document in the capture phase.
  const onFrameLoad = (event: Event) => {
    if (event.target instanceof HTMLIFrameElement) schedule();
  };
  if (adapter.viewFrameSelector) document.addEventListener('load', onFrameLoad, true);

  function readNow(): void {
    pending = undefined;
    if (!hooks.isValid()) return stop();
    const pageUrl = location.href;
    const view = currentView();
    let context: PageContext;
    try {
      context = adapter.readPage(view.document, new URL(view.url));
    } catch {
      // Adapters are written not to throw; if one does, the page still must not see it.
      context = { site: adapter.id, kind: 'unknown', participants: [], reason: 'read-failed' };
    }
    observeRegion(view.document);
    const key = pageUrl + '\n' + view.url + '\n' + JSON.stringify(context);
    if (key === lastSent) return;
    lastSent = key;
    report(context);
  }

  function schedule(): void {
    const now = Date.now();
    if (pending !== undefined) {
      // Waited long enough: let the scheduled read happen instead of pushing it back again.
      if (now - pendingSince >= MUTATION_MAX_WAIT_MS - MUTATION_DEBOUNCE_MS) return;
      hooks.clearTimeout(pending);
    } else {
      pendingSince = now;
    }
    pending = hooks.setTimeout(readNow, MUTATION_DEBOUNCE_MS);
  }

  function stop(): void {
    observer.disconnect();
    document.removeEventListener('load', onFrameLoad, true);
    if (pending !== undefined) hooks.clearTimeout(pending);
  }

  hooks.onLocationChange(schedule);
  observeRegion(currentView().document);
  return { readNow, stop };
}
