import { storage } from 'wxt/utils/storage';
import {
  frameLayoutBySiteSchema,
  settingsSchema,
  type FrameLayoutBySite,
  type Settings,
} from '../settings/schema';

const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: {}, version: 1 });
const frameLayoutItem = storage.defineItem<unknown>('local:frameLayoutBySite', { fallback: {}, version: 1 });

export async function readSettings(): Promise<Settings> {
  return settingsSchema.parse(await settingsItem.getValue());
}

let settingsWrites: Promise<unknown> = Promise.resolve();

/**
 * Changes the settings: `change` gets the current value and returns the next one, which is validated and
 * stored. Changes run one after another, so two saves arriving together never lose one another's edit.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const run = settingsWrites.then(async () => {
    const next = settingsSchema.parse(change(await readSettings()));
    await settingsItem.setValue(next);
    return next;
  });
  settingsWrites = run.catch(() => undefined);
  return run;
}

export async function readFrameLayouts(): Promise<FrameLayoutBySite> {
  return frameLayoutBySiteSchema.parse(await frameLayoutItem.getValue());
}

export async function setFrameCollapsed(site: string, collapsed: boolean): Promise<void> {
  const layouts = await readFrameLayouts();
  await frameLayoutItem.setValue({ ...layouts, [site]: { collapsed } });
}
