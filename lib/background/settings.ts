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

export async function readFrameLayouts(): Promise<FrameLayoutBySite> {
  return frameLayoutBySiteSchema.parse(await frameLayoutItem.getValue());
}

export async function setFrameCollapsed(site: string, collapsed: boolean): Promise<void> {
  const layouts = await readFrameLayouts();
  await frameLayoutItem.setValue({ ...layouts, [site]: { collapsed } });
}
