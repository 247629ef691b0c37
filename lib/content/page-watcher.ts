/**
 * Re-reads the page when the app changes it, and reports only real changes. Mutations are debounced and
 * observed on the app's main region, so typing in a compose box or a ticking clock costs one cheap
 * comparison, not a message.
 */
import type { PageContext, SiteAdapter } from '../sites/types';

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
  report: (url: string, context: PageContext) => void,
): { readNow(): void; stop(): void } {
  let lastSent = '';
  let pending: number | undefined;
  let pendingSince = 0;
  let observed: Node | undefined;

  const observer = new MutationObserver(() => schedule());

  function observeRegion(): void {
    const region =
      (adapter.mainRegionSelector && document.querySelector(adapter.mainRegionSelector)) || document.body;
    if (!region || region === observed) return;
    observer.disconnect();
    observer.observe(region, { childList: true, subtree: true, characterData: false });
    // An app may replace the main region itself; that is a change in an ancestor's children.
    for (let parent = region.parentNode; parent && parent !== document; parent = parent.parentNode) {
      observer.observe(parent, { childList: true });
    }
    observed = region;
  }

  function readNow(): void {
    pending = undefined;
    if (!hooks.isValid()) return stop();
    const url = location.href;
    let context: PageContext;
    try {
      context = adapter.readPage(document, new URL(url));
    } catch (error) {
      // Adapters are written not to throw; if one does, the page still must not see it.
      context = {
        site: adapter.id,
        kind: 'unknown',
        participants: [],
        reason: `read failed: ${String(error)}`,
      };
    }
    observeRegion();
    const key = url + '\n' + JSON.stringify(context);
    if (key === lastSent) return;
    lastSent = key;
    report(url, context);
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
    if (pending !== undefined) hooks.clearTimeout(pending);
  }

  hooks.onLocationChange(schedule);
  observeRegion();
  return { readNow, stop };
}
