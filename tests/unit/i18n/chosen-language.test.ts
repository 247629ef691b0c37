/**
 * Extension pages render in the language the rep chose, which the background copies to `storage.local`
 * (`uiLanguage`): read before the page renders, and the page reloads when it changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiLanguageItem } from '../../../lib/storage/items';

/** A fresh copy of lib/i18n.ts: the chosen catalogue is kept per page load. */
async function freshI18n() {
  vi.resetModules();
  return import('../../../lib/i18n');
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => ({
      json: async () => ({ extName: { message: url.includes('zh_CN') ? '成交助手' : 'Dealside' } }),
    })),
  );
  return () => vi.unstubAllGlobals();
});

describe('the chosen language', () => {
  it('is read before rendering: pages then speak it', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'zh-CN' });
    const i18n = await freshI18n();
    await i18n.loadChosenLanguage();
    expect(i18n.uiLanguage()).toBe('zh-CN');
    expect(i18n.t('extName')).toBe('成交助手');
  });

  it('falls back to the browser language when none or a damaged one is stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let i18n = await freshI18n();
    await i18n.loadChosenLanguage();
    expect(i18n.uiLanguage()).toBe('en');

    await fakeBrowser.storage.local.set({ uiLanguage: { language: 'zh-CN' } });
    i18n = await freshI18n();
    await i18n.loadChosenLanguage();
    expect(i18n.uiLanguage()).toBe('en');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reloads the page when it changes, and only then', async () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { reload });
    const i18n = await freshI18n();
    i18n.reloadOnLanguageChange();

    await uiLanguageItem.set('auto'); // nothing stored read as `auto` before: no change
    await fakeBrowser.storage.local.set({ frameLayoutBySite: {} });
    expect(reload).not.toHaveBeenCalled();

    await uiLanguageItem.set('zh-CN');
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
