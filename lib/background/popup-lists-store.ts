/**
 * Keeps the popup's lists in the toolbar button's popup address (lib/popup/lists-address.ts) while they
 * are true, so a popup draws them the moment it opens, even when this service worker is stopped; while it
 * runs, it serves the popup's page with them drawn in (./popup-page-server.ts).
 *
 * They are taken out in the moment anything they are made of changes: a committed write to the follow-ups,
 * accounts, contacts or private items (settings, the person picked on a page), or what a tab shows (the
 * rows name the tab showing their contact). A second after the first such change they are worked out
 * again. Every answer to `getPopupFollowUps` is kept too. A generation counter, moved on at each change,
 * keeps lists read before a change from being kept after it: the button's address is set from this one
 * worker, in order, and the generation is checked again just before each setting, so the last word is
 * always the newest.
 */
import { onCommittedChanges, type StoreChange } from '../db/committed-changes';
import type { PopupFollowUps } from '../messaging/protocol';
import {
  POPUP_PAGE,
  popupAddressWith,
  popupListsInAddress,
  servedListsName,
  type PopupListsInAddress,
} from '../popup/lists-address';
import { localDayStart } from '../reminders/day-bounds';
import { uiLanguageItem } from '../storage/ui-language';
import { onTabPagesChanged } from './page-registry';
import { servePopupLists, stopServingPopupLists } from './popup-page-server';
import { toolbarButton } from './toolbar-button';

/** The stores the popup's rows are read from or depend on. */
const POPUP_STORES: ReadonlySet<string> = new Set(['followUps', 'accounts', 'contacts', 'privateItems']);

/**
 * After a change, the lists are worked out again this much later, once for a whole burst of writes
 * (a sync, an import, a rep typing in a panel): a popup opened in between asks the background.
 */
export const POPUP_LISTS_REFRESH_DELAY_MS = 1_000;

let generation = 0;
/**
 * The name the lists of this generation are served under (./popup-page-server.ts): the same for every
 * answer until a change, so a popup opened at an address set a moment ago is still served.
 */
let listsName: string | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/** The first moment the clock alone changes `lists`: the next midnight, or today's first one falling due. */
export function popupListsValidUntil(lists: PopupFollowUps): number {
  const midnight = localDayStart(lists.now, 1);
  const firstDueToday = lists.today.rows[0]?.due;
  return firstDueToday === undefined ? midnight : Math.min(midnight, firstDueToday);
}

/** Which lists a read begun now belongs to: pass it to `storePopupLists` with what the read found. */
export function popupListsGeneration(): number {
  return generation;
}

/** The address the toolbar button opens its popup at now; '' where there is no button. */
async function popupAddress(): Promise<string> {
  return (await toolbarButton()?.getPopup({})) ?? '';
}

/** The fragment (`#…`) of `address`; '' for none. */
function fragmentOf(address: string): string {
  const fragmentAt = address.indexOf('#');
  return fragmentAt < 0 ? '' : address.slice(fragmentAt);
}

function setPopupAddress(address: string): Promise<void> {
  return toolbarButton()?.setPopup({ popup: address }) ?? Promise.resolve();
}

/** Keeps `lists`, read in generation `readIn`, unless something changed since: they may be stale. */
export async function storePopupLists(lists: PopupFollowUps, readIn: number): Promise<void> {
  if (readIn !== generation) return;
  const validUntil = popupListsValidUntil(lists);
  refreshWhenExpired(validUntil);
  try {
    const kept: PopupListsInAddress = { lists, validUntil, language: await uiLanguageItem.get() };
    // A change while the language was read has taken the lists out: these may be stale now.
    if (readIn !== generation) return;
    listsName ??= crypto.randomUUID();
    await setPopupAddress(popupAddressWith(kept, servePopupLists(kept, listsName) ? listsName : undefined));
  } catch (error) {
    console.warn('[dealside] could not keep the popup lists', error);
  }
}

/** Takes the kept lists out at once, and works them out again a moment later. */
export function popupListsChanged(): void {
  generation += 1;
  listsName = undefined;
  stopServingPopupLists();
  setPopupAddress(POPUP_PAGE).catch((error: unknown) => {
    console.warn('[dealside] could not take the popup lists out', error);
  });
  scheduleRefresh(POPUP_LISTS_REFRESH_DELAY_MS);
}

/**
 * Lists are worked out again when the clock makes them wrong, if this worker still runs then; a worker
 * started later finds them expired (`refreshIfMissing`).
 */
function refreshWhenExpired(validUntil: number): void {
  clearTimeout(expiryTimer);
  const wait = Math.max(0, validUntil - Date.now());
  // Longer than a timer can wait (about 24.8 days): no worker runs that long.
  if (wait <= 2 ** 31 - 1) expiryTimer = setTimeout(() => scheduleRefresh(0), wait);
}

type ReadLists = () => Promise<PopupFollowUps>;
let readLists: ReadLists | undefined;

function scheduleRefresh(delayMs: number): void {
  // The first change of a burst sets the time; later ones do not push it back, so a steady stream of
  // changes still gets lists stored between them.
  if (refreshTimer !== undefined || !readLists) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    void refreshPopupLists();
  }, delayMs);
}

async function refreshPopupLists(): Promise<void> {
  if (!readLists) return;
  const readIn = generation;
  try {
    await storePopupLists(await readLists(), readIn);
  } catch (error) {
    console.warn('[dealside] could not work out the popup lists', error);
  }
}

function concernsPopup(changes: readonly StoreChange[]): boolean {
  return changes.some((change) => POPUP_STORES.has(change.store));
}

/**
 * Keeps the stored lists true from now on, reading them with `read` when they must be worked out again;
 * works them out now if none may be shown. Returns the function that stops it.
 */
export function keepPopupListsCurrent(read: ReadLists): () => void {
  readLists = read;
  const stopCommits = onCommittedChanges((changes) => {
    if (concernsPopup(changes)) popupListsChanged();
  });
  const stopTabs = onTabPagesChanged(popupListsChanged);
  void refreshIfMissing();
  return () => {
    stopCommits();
    stopTabs();
    readLists = undefined;
    clearTimeout(refreshTimer);
    clearTimeout(expiryTimer);
    refreshTimer = undefined;
  };
}

/** A worker that starts (at browser start, or woken later) keeps lists when there are none to show. */
async function refreshIfMissing(): Promise<void> {
  const readIn = generation;
  const address = await popupAddress().catch(() => '');
  if (readIn !== generation) return; // A change came first: it has scheduled the refresh.
  const kept = popupListsInAddress(fragmentOf(address), Date.now());
  if (kept) {
    refreshWhenExpired(kept.validUntil);
    // Served again under the name the button's address carries, as the worker before this one did,
    // unless an answer since has already kept lists under a name of its own.
    const name = servedListsName(address);
    if (name !== undefined && listsName === undefined) servePopupLists(kept, (listsName = name));
    return;
  }
  scheduleRefresh(0);
}

/** For tests: forget this worker's memory, as a stopped and restarted service worker would. */
export function resetPopupListsMemory(): void {
  generation = 0;
  listsName = undefined;
  clearTimeout(refreshTimer);
  clearTimeout(expiryTimer);
  refreshTimer = undefined;
}
