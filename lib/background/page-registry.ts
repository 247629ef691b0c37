/**
 * What each tab's content script last reported. Mirrored to session storage so a service worker that
 * the browser stopped between two messages wakes up knowing every open tab's page.
 */
import { panelFramesItem, tabPagesItem, type TabPage } from '../storage/items';

export type { TabPage };

let pages: Map<number, TabPage> | undefined;
let loading: Promise<Map<number, TabPage>> | undefined;
const changeListeners = new Set<() => void>();

/**
 * Calls `listener` whenever what some tab shows changes: a different report, or a tab forgotten. Returns
 * the function that stops listening.
 */
export function onTabPagesChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function tabPagesChanged(): void {
  for (const listener of changeListeners) listener();
}

async function loaded(): Promise<Map<number, TabPage>> {
  if (pages) return pages;
  loading ??= tabPagesItem.get().then((stored) => {
    pages ??= new Map(Object.entries(stored).map(([tabId, page]) => [Number(tabId), page]));
    return pages;
  });
  return loading;
}

async function persist(map: Map<number, TabPage>): Promise<void> {
  await tabPagesItem.set(Object.fromEntries([...map].map(([tabId, page]) => [String(tabId), page])));
}

export async function recordTabPage(tabId: number, page: TabPage): Promise<void> {
  const map = await loaded();
  const before = map.get(tabId);
  map.set(tabId, page);
  await persist(map);
  // Content scripts report again, with a new `reportedAt`, on many changes of their page that leave what
  // it shows as it was: only a different address or content is a change of what the tab shows.
  if (before?.url !== page.url || JSON.stringify(before.context) !== JSON.stringify(page.context)) {
    tabPagesChanged();
  }
}

export async function tabPage(tabId: number): Promise<TabPage | undefined> {
  return (await loaded()).get(tabId);
}

/** Every tab's last report, for finding the tab that shows a given contact. */
export async function allTabPages(): Promise<ReadonlyMap<number, TabPage>> {
  return loaded();
}

export async function forgetTab(tabId: number): Promise<void> {
  const map = await loaded();
  if (map.delete(tabId)) {
    await persist(map);
    tabPagesChanged();
  }
  await forgetPanelFrame(tabId);
}

/** Forgets every tab (everything was deleted: no panel may go on showing what it showed). */
export async function forgetAllTabs(): Promise<number[]> {
  const map = await loaded();
  const tabIds = [...map.keys()];
  map.clear();
  await persist(map);
  tabPagesChanged();
  await panelFramesItem.set({});
  return tabIds;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The tab's top page is now `url`. A tab that left the site it reported from is forgotten, so "open"
 * never focuses a tab that shows something else now; a move within the same site waits for the content
 * script's next report. Without an address (the browser names none without the `tabs` permission, for
 * in-app navigations of our own sites too) nothing is decided here: the content script's port closing
 * with its page tells instead (`contentScriptGone`). Returns whether the tab was forgotten.
 */
export async function tabNavigated(tabId: number, url: string | undefined): Promise<boolean> {
  const page = (await loaded()).get(tabId);
  const now = originOf(url);
  if (!page || now === undefined || now === originOf(page.url)) return false;
  await forgetTab(tabId);
  return true;
}

/**
 * Keeps the frame of the tab's in-page panel, learned when the panel first asks for its state. Firefox
 * sends the background's change events to tabs rather than to extension frames; with the frame id they
 * reach the panel alone, never the web page's side of the tab.
 */
export async function recordPanelFrame(tabId: number, frameId: number): Promise<void> {
  const frames = await panelFramesItem.get();
  if (frames[String(tabId)] === frameId) return;
  await panelFramesItem.set({ ...frames, [String(tabId)]: frameId });
}

/** Every tab's panel frame: tab id → frame id. */
export async function panelFrames(): Promise<ReadonlyMap<number, number>> {
  const frames = await panelFramesItem.get();
  return new Map(Object.entries(frames).map(([tabId, frameId]) => [Number(tabId), frameId]));
}

async function forgetPanelFrame(tabId: number): Promise<void> {
  const frames = await panelFramesItem.get();
  if (!(String(tabId) in frames)) return;
  const { [String(tabId)]: _gone, ...rest } = frames;
  await panelFramesItem.set(rest);
}

/** For tests: forget the in-memory copy, as a restarted service worker would. */
export function resetPageRegistryMemory(): void {
  pages = undefined;
  loading = undefined;
}
