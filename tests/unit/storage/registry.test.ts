/**
 * The storage registry: every key of `storage.local` and `storage.session` declared once, every read
 * checked against its schema (a damaged value reads as the default and is logged), and the typed
 * get / set / remove / watch that everything else goes through.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { defineLegacyStorageItem, defineStorageItem } from '../../../lib/storage/define';
import {
  backupStateItem,
  frameLayoutsItem,
  readFailuresItem,
  remindedUpToItem,
  storageItems,
  tabPagesItem,
  uiLanguageItem,
} from '../../../lib/storage/items';
import { legacySettingsItem, legacyStorageItems } from '../../../lib/storage/legacy-items';

const allItems = [...storageItems, ...legacyStorageItems];

function quietWarnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}

describe('the registry', () => {
  it('declares every key once, across both areas and the legacy keys', () => {
    const keys = allItems.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('marks exactly the keys of older versions as legacy', () => {
    expect(storageItems.every((item) => !item.legacy)).toBe(true);
    expect(legacyStorageItems.every((item) => item.legacy)).toBe(true);
  });

  it.each(storageItems.map((item) => [`${item.area}:${item.key}`, item] as const))(
    '%s reads its default when nothing is stored, and the default is a sound value',
    async (_, item) => {
      const warn = quietWarnings();
      expect(await item.get()).toEqual(item.defaultValue);
      // Stored and read back, the default is what it was: it passes its own schema.
      await (item.set as (value: unknown) => Promise<void>)(item.defaultValue);
      expect(await item.get()).toEqual(item.defaultValue);
      expect(warn).not.toHaveBeenCalled();
    },
  );

  it.each(storageItems.map((item) => [`${item.area}:${item.key}`, item] as const))(
    '%s reads a damaged value as the default, and logs it',
    async (_, item) => {
      const warn = quietWarnings();
      await fakeBrowser.storage[item.area].set({ [item.key]: 'damaged by a page' });
      expect(await item.get()).toEqual(item.defaultValue);
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining(`storage.${item.area} "${item.key}" is damaged`),
        expect.anything(),
      );
    },
  );
});

describe('an item', () => {
  it('reads back what was set, and its default again once removed', async () => {
    await frameLayoutsItem.set({ gmail: { collapsed: true } });
    expect(await frameLayoutsItem.get()).toEqual({ gmail: { collapsed: true } });
    expect(await fakeBrowser.storage.local.get('frameLayoutBySite')).toEqual({
      frameLayoutBySite: { gmail: { collapsed: true } },
    });
    await frameLayoutsItem.remove();
    expect(await frameLayoutsItem.get()).toEqual({});
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps to its own area', async () => {
    await fakeBrowser.storage.local.set({ tabPages: { 3: 'not here' } });
    expect(await tabPagesItem.get()).toEqual({});
  });

  it('gives a fresh default each time, so changing what was read changes nothing else', async () => {
    const first = await frameLayoutsItem.get();
    first.gmail = { collapsed: true };
    expect(await frameLayoutsItem.get()).toEqual({});
    expect(frameLayoutsItem.defaultValue).toEqual({});
  });

  it('reads null as nothing stored, without a warning, unless null is a value it keeps', async () => {
    const warn = quietWarnings();
    const item = defineStorageItem('local', 'nullTest', z.number(), 7);
    await fakeBrowser.storage.local.set({ nullTest: null });
    expect(await item.get()).toBe(7);
    expect(await remindedUpToItem.get()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('applies the schema on read: a partly damaged backup state keeps its sound fields', async () => {
    await fakeBrowser.storage.local.set({ backup: { frequency: 'weekly', keep: 'many', downloadIds: [4] } });
    expect(await backupStateItem.get()).toEqual({
      ...backupStateItem.defaultValue,
      frequency: 'weekly',
      downloadIds: [4],
    });
  });

  it('drops a damaged read failure on its own', async () => {
    const sound = {
      site: 'outlook',
      reason: 'no-message-header',
      path: 'p',
      firstAt: 1,
      lastAt: 1,
      count: 1,
    };
    await fakeBrowser.storage.local.set({ readFailures: [{ site: 'outlook' }, sound] });
    expect(await readFailuresItem.get()).toEqual([sound]);
  });
});

describe('watching an item', () => {
  it('reports the new and the previous value as read, until it stops', async () => {
    const warn = quietWarnings();
    const seen: [string, string][] = [];
    const stop = uiLanguageItem.watch((after, before) => seen.push([after, before]));

    await uiLanguageItem.set('zh-CN');
    await fakeBrowser.storage.local.set({ uiLanguage: 'klingon' });
    await uiLanguageItem.remove();
    // Other keys and the other area are not this item.
    await fakeBrowser.storage.local.set({ frameLayoutBySite: {} });
    await fakeBrowser.storage.session.set({ uiLanguage: 'en' });
    stop();
    await uiLanguageItem.set('en');

    expect(seen).toEqual([
      ['zh-CN', 'auto'],
      ['auto', 'zh-CN'],
      ['auto', 'auto'],
    ]);
    expect(warn).toHaveBeenCalledTimes(2); // 'klingon', read as the new and then as the old value
  });
});

describe('a legacy item', () => {
  it('reads what an older version left exactly as it was stored', async () => {
    const stored = { language: 'zh-CN', ownEmails: ['rep@dealside-sales.example'] };
    await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: 1 } });
    // Not the schema's output (which fills in every default): the move copies it as it was.
    expect(await legacySettingsItem.get()).toEqual(stored);
  });

  it('reads nothing when nothing or something damaged is there, and logs the damage', async () => {
    const warn = quietWarnings();
    expect(await legacySettingsItem.get()).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ settings: 'damaged' });
    expect(await legacySettingsItem.get()).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('storage.local "settings" is damaged'),
      expect.anything(),
    );
  });

  it('is removed with the version WXT kept beside it, and nothing else', async () => {
    await fakeBrowser.storage.local.set({ settings: {}, settings$: { v: 1 }, uiLanguage: 'en' });
    await legacySettingsItem.remove();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ uiLanguage: 'en' });

    const plain = defineLegacyStorageItem('session', 'plain', z.string());
    await fakeBrowser.storage.session.set({ plain: 'old', plain$: 'not ours' });
    await plain.remove();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ plain$: 'not ours' });
  });
});
