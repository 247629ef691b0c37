/**
 * An older version kept the settings, the playbook and the contact picks in `storage.local`. In real
 * Chromium, a background that starts again moves them into its database and deletes them there, keeping
 * only the language where extension pages read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, stopServiceWorker, type ExtensionBrowser } from './support/browser';

interface StorageArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: object): Promise<void>;
}
type ExtensionGlobals = { chrome: { storage: { local: StorageArea } } };

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQupgrade';

describe('private items from an older version', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('move from storage.local into the database when the background starts again', async () => {
    // Written from an extension page and read back before the worker is stopped, so the test starts from
    // the older version's keys for certain (written through the worker's handle on a busy machine, they
    // were found missing).
    const writer = await browser.context.newPage();
    await writer.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    await writer.evaluate(
      (thread) =>
        (globalThis as unknown as ExtensionGlobals).chrome.storage.local.set({
          settings: { language: 'zh-CN', ownEmails: ['rep@dealside-sales.example'] },
          settings$: { v: 1 },
          contactPicks: { [thread]: { email: 'buyer@northwind-trading.com', at: 1 } },
        }),
      THREAD,
    );
    await expect
      .poll(() =>
        writer.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get(null)),
      )
      .toHaveProperty('contactPicks');
    await writer.close();
    await stopServiceWorker(browser);

    // Any extension page wakes the background; this one also reads what it left.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get(null)),
      )
      .not.toHaveProperty('contactPicks');
    const local = await page.evaluate(() =>
      (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get(null),
    );
    expect(local).not.toHaveProperty('settings');
    expect(local).not.toHaveProperty('settings$');
    expect(local).toHaveProperty('uiLanguage', 'zh-CN');

    const moved = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const request = indexedDB.open('dealside');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const store = request.result.transaction('privateItems').objectStore('privateItems');
            const settings = store.get('settings');
            const picks = store.get('contactPicks');
            picks.onsuccess = () => {
              resolve([settings.result, picks.result]);
              request.result.close();
            };
          };
        }),
    );
    expect(moved).toEqual([
      { language: 'zh-CN', ownEmails: ['rep@dealside-sales.example'] },
      { [THREAD]: { email: 'buyer@northwind-trading.com', at: 1 } },
    ]);
    await page.close();
  });
});
