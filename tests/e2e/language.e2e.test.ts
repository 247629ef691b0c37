import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';

describe('the language chosen in options', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ locale: 'en-US' });
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('overrides the browser language in options and in the panel', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('settings-language').selectOption('zh-CN');
    // The page reloads itself in the chosen language.
    await expect.poll(() => options.locator('h1').first().textContent()).toBe('Dealside 设置');

    const page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);
    await panel.getByTestId('contact-email').waitFor();
    expect(await panel.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await panel.getByRole('button', { name: '新建笔记' }).count()).toBe(1);

    await options.getByTestId('settings-language').selectOption('auto');
    await expect.poll(() => options.locator('h1').first().textContent()).toBe('Dealside settings');
  });
});
