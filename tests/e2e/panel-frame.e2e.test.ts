import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  panelFrame,
  serveFixture,
  stopServiceWorker,
  type ExtensionBrowser,
} from './support/browser';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const INBOX_URL = 'https://mail.google.com/mail/u/0/#inbox';

describe('the in-page panel', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a note written in another tab on the same account within a second', async () => {
    const first = await browser.context.newPage();
    const second = await browser.context.newPage();
    await first.goto(THREAD_URL);
    await second.goto(THREAD_URL);
    const firstPanel = await panelFrame(first);
    const secondPanel = await panelFrame(second);
    await secondPanel.getByTestId('contact-email').waitFor();

    const note = `Shared across tabs ${Date.now()}`;
    await firstPanel.getByTestId('note-editor').fill(note);
    await firstPanel.getByTestId('note-editor').blur();
    await expect
      .poll(() => secondPanel.getByTestId('note-item').allTextContents(), { timeout: 1500, interval: 50 })
      .toContainEqual(expect.stringContaining(note));
    await first.close();
    await second.close();
  });

  it('collapses to a handle, and stays collapsed on this site after a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);
    await panel.getByTestId('contact-email').waitFor();
    // The host carries `c` while the panel is collapsed to its handle.
    const host = page.locator('dealside-panel-host');
    const collapsed = () => host.evaluate((element) => element.hasAttribute('c'));
    await expect.poll(collapsed).toBe(false);

    await panel.getByRole('button', { name: 'Collapse panel' }).click();
    await expect.poll(collapsed).toBe(true);
    const frameBox = await page.locator('iframe').count(); // the frame is in a closed shadow root
    expect(frameBox).toBe(0);

    await page.reload();
    await panelFrame(page);
    await page.waitForTimeout(500);
    expect(await collapsed()).toBe(true);

    // The handle, and only the handle, is clickable in the page: it reopens the panel.
    await page.mouse.click(1280 - 8, 400);
    await expect.poll(collapsed).toBe(false);
    await page.close();
  });

  it('says there is no contact on the inbox list', async () => {
    const page = await browser.context.newPage();
    await browser.context.unroute('https://mail.google.com/**');
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/inbox.html');
    await page.goto(INBOX_URL);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('no-contact').isVisible()).toBe(true);
    expect(await panel.getByTestId('note-editor').count()).toBe(0);
    await page.close();
    await browser.context.unroute('https://mail.google.com/**');
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });

  it('keeps a note typed while the service worker is stopped', async () => {
    const page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);
    await panel.getByTestId('contact-email').waitFor();

    await stopServiceWorker(browser);
    const note = `Typed while the worker was asleep ${Date.now()}`;
    await panel.getByTestId('note-editor').fill(note);
    await expect
      .poll(() => panel.getByTestId('note-item').allTextContents(), { timeout: 5000 })
      .toContainEqual(expect.stringContaining(note));
    await page.close();
  });
});

describe('popup and options', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('open and render', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('popup-empty').isVisible()).toBe(true);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect
      .poll(() => options.getByRole('heading', { level: 1 }).textContent())
      .toBe('Dealside settings');
  });
});
