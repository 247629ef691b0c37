import { changePrivateItems, readPrivateItem, readSettingsIn, writeSettingsIn } from '../db/private-items';
import type { FrameLayoutBySite, Settings } from '../settings/schema';
import { frameLayoutsItem, uiLanguageItem } from '../storage/items';
import { privateItemsDb } from './private-items-db';

/*
 * The settings live in the background's database (lib/db/private-items.ts): they hold the rep's own
 * addresses, account aliases and custom hosts, which no web page may read or forge. Only the interface
 * language is copied to `storage.local`, where every extension page reads it before it renders
 * (lib/i18n.ts); it says nothing about the rep's customers.
 */

const listeners = new Set<(settings: Settings) => void>();

export async function readSettings(): Promise<Settings> {
  return readPrivateItem(await privateItemsDb(), readSettingsIn);
}

/**
 * Lets background modules react to every settings change (reminders re-arm for quiet hours). Returns
 * the function that stops listening.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells listeners and extension pages about settings just committed. Called by `updateSettings`, and by
 * writers that store settings inside a larger transaction (an import).
 */
export async function settingsWritten(settings: Settings): Promise<void> {
  for (const listener of listeners) listener(settings);
  await uiLanguageItem.set(settings.language);
}

/**
 * Changes the settings: `change` gets the current value and returns the next one, which is validated and
 * stored. Read and write share one transaction, so two saves arriving together never lose one another's
 * edit.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = await changePrivateItems(await privateItemsDb(), async (store) => {
    const updated = change(await readSettingsIn(store));
    await writeSettingsIn(store, updated);
    return readSettingsIn(store);
  });
  await settingsWritten(next);
  return next;
}

export function readFrameLayouts(): Promise<FrameLayoutBySite> {
  return frameLayoutsItem.get();
}

export async function setFrameCollapsed(site: string, collapsed: boolean): Promise<void> {
  const layouts = await readFrameLayouts();
  await frameLayoutsItem.set({ ...layouts, [site]: { collapsed } });
}
