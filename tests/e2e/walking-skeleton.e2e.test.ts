import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';

describe('a Gmail thread', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the customer, keeps a note across a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(THREAD_URL);
    const panel = await panelFrame(page);

    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');
    expect(await panel.getByTestId('contact-name').textContent()).toBe('Jane Cooper');
    expect(await panel.getByTestId('account-key').textContent()).toBe('northwind-trading.com');

    const note = `Budget approved for Q3 pilot ${Date.now()}`;
    await panel.getByTestId('note-editor').fill(note);
    await expect
      .poll(() => panel.getByTestId('note-item').allTextContents())
      .toEqual([expect.stringContaining(note)]);

    // Type more, then reload one second later: autosave must have kept it.
    await panel.getByTestId('note-editor').pressSequentially(' — call back Tuesday');
    await page.waitForTimeout(1000);
    await page.reload();
    const reloaded = await panelFrame(page);
    await expect
      .poll(() => reloaded.getByTestId('note-item').allTextContents())
      .toEqual([expect.stringContaining(`${note} — call back Tuesday`)]);
  });
});

// The manifest's permissions, matches, web-accessible resources and script sizes are audited in
// manifest-audit.e2e.test.ts.
