/**
 * Reading health in real Chromium: an Outlook reading pane whose page shows a message but no header the
 * reader knows is recorded, and options lists it under "Pages Dealside could not read" with the site,
 * the reason in plain words and the page's path without its query. Set DEALSIDE_SCREENSHOT_DIR to keep a
 * screenshot of the list.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { servePage } from './support/sites';

const PANE_PATH =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJmJr3DoKkdJpC';
const PANE_URL = `${PANE_PATH}?search=Angebot%20Hoffmann&token=s3cret#reply`;

// A reading pane with an open message, but nothing that says who wrote it or to whom: the shape a
// redesign of the header would leave behind.
const HEADERLESS_MESSAGE = `<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Mail – Outlook</title></head>
<body>
  <div id="MainModule">
    <div role="main" aria-label="Lesebereich">
      <div id="ReadingPaneContainerId">
        <div role="heading" aria-level="2">Angebot Brotautomaten</div>
        <div aria-label="Email message">
          <div role="document">Guten Tag, anbei unser Angebot für die drei Filialen.</div>
        </div>
      </div>
    </div>
  </div>
</body></html>`;

describe('pages that could not be read', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await servePage(browser.context, PANE_URL, HEADERLESS_MESSAGE);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an Outlook reading pane without a message header is listed in options, path only', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(PANE_URL);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const rows = options.getByTestId('read-failures').getByTestId('read-failure');
    await expect
      .poll(async () => {
        // The list loads when options opens: reload until the background has recorded the page.
        if ((await rows.count()) === 0) await options.reload();
        return rows.count();
      })
      .toBe(1);

    const row = rows.first();
    expect(await row.getAttribute('data-site')).toBe('outlook');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Outlook: no message header found');
    expect(text).toContain(PANE_PATH);
    expect(text).not.toContain('search=');
    expect(text).not.toContain('s3cret');

    const screenshots = process.env.DEALSIDE_SCREENSHOT_DIR;
    if (screenshots) {
      const card = options.getByTestId('read-failures');
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: path.join(screenshots, 'options-read-failures.png') });
    }

    await options.getByTestId('read-failures-clear').click();
    await expect.poll(() => rows.count()).toBe(0);
    await options.reload();
    await options.getByTestId('read-failures-empty').waitFor();
    await mail.close();
    await options.close();
  });
});
