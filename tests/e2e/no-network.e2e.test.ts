/**
 * Every end-to-end browser fails on close if one of the extension's contexts sent a request off the
 * machine (see launchWithExtension). This file proves that watch works, so a silent watch cannot pass
 * for "no network".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

describe('the no-network watch', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    // Answer locally: nothing leaves this machine even while the watch is being tested.
    await browser.context.route('https://telemetry.example/**', (route) => route.fulfill({ body: 'ok' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees a request made from an extension page, and not one made by a web page', async () => {
    const site = await browser.context.newPage();
    await browser.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({ body: '<p>mail</p>' }),
    );
    await site.goto('https://mail.google.com/mail/u/0/#inbox');
    await site.evaluate(() => fetch('https://telemetry.example/page').catch(() => undefined));
    expect(browser.externalRequestsFromExtension).toEqual([]);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.evaluate(() => fetch('https://telemetry.example/extension').catch(() => undefined));
    await expect
      .poll(() => browser.externalRequestsFromExtension)
      .toEqual(['GET https://telemetry.example/extension']);
    // Planted by this test: clear it so closing the browser does not fail.
    browser.externalRequestsFromExtension.length = 0;
  });
});
