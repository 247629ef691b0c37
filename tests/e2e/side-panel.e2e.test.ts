import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateInExtensionView,
  launchWithExtension,
  panelFrame,
  serveFixture,
  type ExtensionBrowser,
} from './support/browser';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const CONTACT_IN_SIDE_PANEL = `document.querySelector('[data-testid="contact-email"]')?.textContent ?? null`;

describe('the browser side panel', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
    await browser.context.route('https://meet.example.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Call</title><h1>On a call</h1>' }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the in-page panel on the same customer, and keeps them while the rep is on another tab', async () => {
    const page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);
    await panel.getByTestId('contact-email').waitFor();

    await panel.getByRole('button', { name: 'Open in side panel' }).click();
    await expect
      .poll(() => evaluateInExtensionView(browser, 'sidepanel.html', CONTACT_IN_SIDE_PANEL))
      .toBe('jane.cooper@northwind-trading.com');

    // A call in a tab Dealside does not read: the side panel stays on Jane.
    const call = await browser.context.newPage();
    await call.goto('https://meet.example.com/room');
    await call.bringToFront();
    await call.waitForTimeout(500);
    expect(await evaluateInExtensionView(browser, 'sidepanel.html', CONTACT_IN_SIDE_PANEL)).toBe(
      'jane.cooper@northwind-trading.com',
    );
    await call.close();
    await page.close();
  });
});
