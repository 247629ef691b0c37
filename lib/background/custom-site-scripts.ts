/**
 * Custom CRM sites in the browser: the generic content script registered for each host the rep added
 * and granted. Registrations persist across sessions; start-up and permission changes bring them back in
 * line with the settings (a permission removed in the browser's own UI unregisters the script).
 */
import { browser } from 'wxt/browser';
import { customSiteMatchPattern, customSiteScriptId, hostsOverlap } from '../settings/custom-sites';
import { readSettings } from './settings-store';

export const GENERIC_CONTENT_SCRIPT = 'content-generic.js';
const SCRIPT_ID_PREFIX = 'custom-';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs custom-site work one piece at a time: a sync reading the settings while a site is being added
 * must not see the new registration as stale and undo it.
 */
export function customSiteWork<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

export interface CustomSiteStatus {
  host: string;
  /** The rep granted the host permission (and has not taken it back in the browser). */
  granted: boolean;
  /** The generic content script is registered for the host. */
  registered: boolean;
}

export function hasHostPermission(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [customSiteMatchPattern(host)] });
}

async function registeredIds(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((script) => script.id));
}

/** Registers (or refreshes) the generic content script for a granted host. */
export async function registerCustomSite(host: string): Promise<void> {
  const id = customSiteScriptId(host);
  const script = {
    id,
    matches: [customSiteMatchPattern(host)],
    js: [GENERIC_CONTENT_SCRIPT],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if ((await registeredIds()).has(id)) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

export async function unregisterCustomSite(host: string): Promise<void> {
  const id = customSiteScriptId(host);
  if ((await registeredIds()).has(id)) await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/**
 * Gives back the host permission of a removed site, unless another custom site still needs it (a
 * wildcard host and one of its subdomains share a grant).
 */
export async function releaseHostPermission(host: string, remaining: readonly string[]): Promise<void> {
  if (remaining.some((other) => hostsOverlap(other, host))) return;
  try {
    await browser.permissions.remove({ origins: [customSiteMatchPattern(host)] });
  } catch (error) {
    // Already gone (removed in the browser's UI): nothing is left to give back.
    console.warn('[dealside] could not remove the host permission', host, error);
  }
}

export async function customSiteStatuses(hosts: readonly string[]): Promise<CustomSiteStatus[]> {
  const ids = await registeredIds();
  return Promise.all(
    hosts.map(async (host) => ({
      host,
      granted: await hasHostPermission(host),
      registered: ids.has(customSiteScriptId(host)),
    })),
  );
}

/** Registered scripts = the custom sites in settings whose permission is granted; nothing else. */
export async function syncCustomSiteScripts(): Promise<void> {
  const { customSites } = await readSettings();
  const wanted = new Set<string>();
  for (const host of customSites) {
    if (await hasHostPermission(host)) {
      wanted.add(customSiteScriptId(host));
      await registerCustomSite(host);
    }
  }
  const stale = [...(await registeredIds())].filter(
    (id) => id.startsWith(SCRIPT_ID_PREFIX) && !wanted.has(id),
  );
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
}

function logged(work: Promise<unknown>): void {
  work.catch((error: unknown) => console.warn('[dealside] custom sites:', error));
}

/**
 * Listeners that keep registrations in line with permissions; registered once at start-up. (A grant
 * needs no listener: the options page asks the background to add the site right after it.)
 */
export function registerCustomSiteSync(): void {
  const sync = () => logged(customSiteWork(syncCustomSiteScripts));
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
