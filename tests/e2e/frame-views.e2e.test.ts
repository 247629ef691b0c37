/**
 * Apps that show their view in a frame: QQ Mail's classic UI keeps a frame set page (`frame_html`) and
 * loads the mail list, each mail and compose into the same-origin frame `#mainFrame`, so the top page's
 * address never changes. Content scripts run in the top frame only; the QQ adapter names the view frame
 * and the content script reads and watches the frame's document, with the frame's address.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, launchWithExtension, panelFrame, type ExtensionBrowser } from './support/browser';
import { panelSummary, tabPageFor } from './support/sites';

const FRAME_SET_URL = 'https://mail.qq.com/cgi-bin/frame_html?sid=aBcD&r=1';
const OLIVER = 'oliver.grant@contoso-industrial.co.uk';
const KLAUS = 'klaus.richter@acme-robotics.de';
const REP = 'alex.morgan@dealside-demo.com';

/** QQ Mail's pages by path, as its classic UI requests them. */
const PAGES: Record<string, string> = {
  '/cgi-bin/frame_html': 'spa/qqmail-frameset.html',
  '/cgi-bin/mail_list': 'spa/qqmail-list.html',
  '/cgi-bin/readmail': 'sites/qqmail/readmail.html',
  '/cgi-bin/readtemplate': 'sites/qqmail/compose.html',
};

describe('a view inside a same-origin frame (QQ Mail classic)', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const bodies = new Map<string, string>();
    for (const [pathname, file] of Object.entries(PAGES))
      bodies.set(pathname, await readFile(path.join(FIXTURES_DIR, file), 'utf8'));
    await browser.context.route('https://mail.qq.com/**', (route: Route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: bodies.get(new URL(route.request().url()).pathname) ?? '<!DOCTYPE html><title></title>',
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the panel follows the mail list, a mail and compose as they load into the frame', async () => {
    const page = await browser.context.newPage();
    await page.goto(FRAME_SET_URL);
    const panel = await panelFrame(page);
    // The mail list names senders without addresses: nobody to show.
    await expect.poll(() => panelSummary(panel)).toBe('none');

    // Opening a mail loads it into the frame; the top page stays where it was.
    await page.frameLocator('#mainFrame').locator('a', { hasText: 'Oliver Grant' }).click();
    await expect.poll(() => panelSummary(panel)).toBe(`contact ${OLIVER}`);
    expect(page.url()).toBe(FRAME_SET_URL);
    // The rep's own address is in the frame set's top bar, outside the view: still read as "self".
    const record = await tabPageFor(browser, FRAME_SET_URL);
    expect(record?.page.context.participants).toContainEqual({ email: REP, role: 'self' });

    // Compose, from the folder bar: its first recipient.
    await page.locator('#compose').click();
    await expect.poll(() => panelSummary(panel)).toBe(`contact ${KLAUS}`);

    // Back to the list: the panel lets the customer go again.
    await page.locator('#folder_1').click();
    await expect.poll(() => panelSummary(panel)).toBe('none');
    await page.close();
  });
});
