/**
 * What each tab's content script last reported. Mirrored to session storage so a service worker that
 * the browser stopped between two messages wakes up knowing every open tab's page.
 */
import { storage } from 'wxt/utils/storage';
import type { PageContext } from '../sites/types';

export interface TabPage {
  url: string;
  context: PageContext;
  reportedAt: number;
  /**
   * How many reports this tab's content script has sent since the tab opened. Content scripts report only
   * real changes, so this stays low on busy pages (the benchmark and tests read it).
   */
  reports: number;
}

const sessionItem = storage.defineItem<Record<string, TabPage>>('session:tabPages', { fallback: {} });

let pages: Map<number, TabPage> | undefined;
let loading: Promise<Map<number, TabPage>> | undefined;

async function loaded(): Promise<Map<number, TabPage>> {
  if (pages) return pages;
  loading ??= sessionItem.getValue().then((stored) => {
    pages ??= new Map(Object.entries(stored ?? {}).map(([tabId, page]) => [Number(tabId), page]));
    return pages;
  });
  return loading;
}

async function persist(map: Map<number, TabPage>): Promise<void> {
  await sessionItem.setValue(Object.fromEntries([...map].map(([tabId, page]) => [String(tabId), page])));
}

export async function recordTabPage(tabId: number, page: TabPage): Promise<void> {
  const map = await loaded();
  map.set(tabId, page);
  await persist(map);
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
  if (map.delete(tabId)) await persist(map);
}

/** For tests: forget the in-memory copy, as a restarted service worker would. */
export function resetPageRegistryMemory(): void {
  pages = undefined;
  loading = undefined;
}
