/**
 * The rep's settings from the options page: reading and changing them, custom CRM sites (the generic
 * content script registered where the rep granted a host), and merging accounts. Every change is
 * validated here, whatever the page checked already. Also the pages of supported sites that could not
 * be read: only options may list or clear them, as they name pages the rep opened.
 */
import { normalizeAccountKey } from '../../contact/account-key';
import { resolveAccountAlias } from '../../contact/account-aliases';
import { mergeAccountRows } from '../../db/merge-accounts';
import { sendMessage } from '../../messaging/messenger';
import type { PayloadOf } from '../../messaging/messages';
import type {
  AddCustomSiteResult,
  MergeAccountsResult,
  ReadFailureView,
  SettingsPatch,
  SettingsView,
} from '../../messaging/protocol';
import { MAX_CUSTOM_SITES, parseCustomSiteHost } from '../../settings/custom-sites';
import type { Settings } from '../../settings/schema';
import { parseAccountKeyInput, parseOwnDomain, parseOwnEmail } from '../../settings/validate';
import { allSiteMatches, siteAdapters } from '../../sites/registry';
import { broadcastDataChanged, broadcastPageChanged } from '../broadcast';
import {
  customSiteStatuses,
  customSiteWork,
  hasHostPermission,
  registerCustomSite,
  releaseHostPermission,
  unregisterCustomSite,
} from '../custom-site-scripts';
import { allTabPages, forgetTab } from '../page-registry';
import { clearReadFailures, listReadFailures } from '../read-failures';
import { followUpsChanged } from '../reminders';
import type { Handlers } from '../router';
import { privateItemsDb } from '../private-items-db';
import { readSettings, settingsWritten, updateSettings } from '../settings-store';

export async function settingsView(settings?: Settings): Promise<SettingsView> {
  const current = settings ?? (await readSettings());
  return {
    settings: current,
    sites: siteAdapters.map((adapter) => ({ id: adapter.id, name: adapter.name })),
    customSites: await customSiteStatuses(current.customSites),
  };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The patch in stored form: addresses and domains normalised, aliases keyed, unknown sites dropped. */
function normalizedPatch(patch: SettingsPatch): SettingsPatch {
  const siteIds = new Set(siteAdapters.map((adapter) => adapter.id));
  const next: SettingsPatch = { ...patch };
  if (patch.ownEmails) next.ownEmails = unique(patch.ownEmails.map((email) => parseOwnEmail(email) ?? email));
  if (patch.ownDomains) {
    next.ownDomains = unique(
      patch.ownDomains.map((domain) => {
        const parsed = parseOwnDomain(domain);
        return parsed.ok ? parsed.domain : domain;
      }),
    );
  }
  if (patch.accountAliases) {
    const aliases: Record<string, string> = {};
    for (const [from, into] of Object.entries(patch.accountAliases)) {
      const fromKey = parseAccountKeyInput(from);
      const intoKey = parseAccountKeyInput(into);
      if (fromKey && intoKey && fromKey !== intoKey) aliases[fromKey] = intoKey;
    }
    next.accountAliases = aliases;
  }
  if (patch.weekendDays) next.weekendDays = unique(patch.weekendDays).sort((a, b) => a - b);
  if (patch.disabledSites) next.disabledSites = unique(patch.disabledSites.filter((id) => siteIds.has(id)));
  return next;
}

/** Panels choose the contact with the settings: when who counts as "us" changes, they choose again. */
async function refreshOpenPanels(): Promise<void> {
  for (const tabId of (await allTabPages()).keys()) broadcastPageChanged({ tabId });
}

/** Hides the panel at once in open tabs of sites just switched off, and forgets what they showed. */
async function hideSwitchedOffSites(siteIds: readonly string[]): Promise<void> {
  if (siteIds.length === 0) return;
  for (const [tabId, page] of await allTabPages()) {
    if (!siteIds.includes(page.context.site)) continue;
    await sendMessage('applyFrameLayout', { collapsed: true, hidden: true }, tabId).catch(() => undefined);
    await forgetTab(tabId);
    broadcastPageChanged({ tabId });
  }
}

export async function saveSettings(patch: SettingsPatch): Promise<SettingsView> {
  const before = await readSettings();
  const changes = normalizedPatch(patch);
  const after = await updateSettings((current) => ({ ...current, ...changes }));
  await hideSwitchedOffSites(after.disabledSites.filter((id) => !before.disabledSites.includes(id)));
  if (changes.ownEmails || changes.ownDomains || changes.accountAliases) await refreshOpenPanels();
  return settingsView(after);
}

/**
 * Adds a custom site the options page has just asked the browser for. The grant is checked here: a page
 * that skipped the request gets `permission-missing`, and nothing is registered.
 */
export function addCustomSite(rawHost: string): Promise<AddCustomSiteResult> {
  return customSiteWork(async () => {
    const settings = await readSettings();
    const parsed = parseCustomSiteHost(rawHost, { supportedPatterns: allSiteMatches() });
    if (!parsed.ok) return { ok: false, reason: parsed.problem };
    const { host } = parsed;
    // A site already listed is registered again: the rep granted its permission anew.
    const known = settings.customSites.includes(host);
    if (!known && settings.customSites.length >= MAX_CUSTOM_SITES) return { ok: false, reason: 'too-many' };
    if (!(await hasHostPermission(host))) return { ok: false, reason: 'permission-missing' };
    try {
      await registerCustomSite(host);
    } catch (error) {
      return {
        ok: false,
        reason: 'registration-failed',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    const after = await updateSettings((current) => ({
      ...current,
      customSites: unique([...current.customSites, host]),
    }));
    return { ok: true, view: await settingsView(after) };
  });
}

/** Removes a custom site: its script goes, and so does the host permission (unless another site needs it). */
export function removeCustomSite(host: string): Promise<SettingsView> {
  return customSiteWork(async () => {
    const after = await updateSettings((current) => ({
      ...current,
      customSites: current.customSites.filter((candidate) => candidate !== host),
    }));
    await unregisterCustomSite(host);
    await releaseHostPermission(host, after.customSites);
    return settingsView(after);
  });
}

/**
 * Merges account `from` into `into`: in one transaction its rows move and `from` becomes an alias, so
 * what is written later lands in `into` too. `into` is followed through existing aliases first, so a
 * merge can never make a loop.
 */
export async function mergeAccounts(
  request: PayloadOf<'mergeAccounts'>,
  now = Date.now(),
): Promise<MergeAccountsResult> {
  const fromKey = parseAccountKeyInput(request.from);
  if (!fromKey) return { ok: false, reason: 'invalid-from' };
  const typedInto = parseAccountKeyInput(request.into);
  if (!typedInto) return { ok: false, reason: 'invalid-into' };
  const settings = await readSettings();
  const intoKey = resolveAccountAlias(typedInto, settings.accountAliases, normalizeAccountKey);
  if (intoKey === fromKey) return { ok: false, reason: 'same-account' };

  // Rows and alias change in one transaction: a write arriving meanwhile lands wholly before or after.
  const moved = await mergeAccountRows(await privateItemsDb(), fromKey, intoKey, now, { recordAlias: true });
  const after = await readSettings();
  await settingsWritten(after);
  broadcastDataChanged({ accountKeys: [fromKey, intoKey] });
  await refreshOpenPanels();
  if (moved.followUps > 0) void followUpsChanged();
  return { ok: true, from: fromKey, into: intoKey, moved, view: await settingsView(after) };
}

/** The failures for options, newest first, each with its site's name as settings show it. */
export async function readFailuresView(): Promise<ReadFailureView[]> {
  const names = new Map(siteAdapters.map((adapter) => [adapter.id, adapter.name]));
  return (await listReadFailures()).map((failure) => ({
    ...failure,
    siteName: names.get(failure.site) ?? failure.site,
  }));
}

export const optionsSettingsHandlers = {
  getSettings: () => settingsView(),
  saveSettings: (patch) => saveSettings(patch),
  addCustomSite: ({ host }) => addCustomSite(host),
  removeCustomSite: ({ host }) => removeCustomSite(host),
  mergeAccounts: (request) => mergeAccounts(request),
  listReadFailures: () => readFailuresView(),
  clearReadFailures: () => clearReadFailures(),
} satisfies Partial<Handlers>;
