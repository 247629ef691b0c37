import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
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

  it('builds a manifest with only the supported sites', async () => {
    const manifest = JSON.parse(await readFile(path.resolve('.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.background.service_worker).toBeTruthy();
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.side_panel.default_path).toBe('sidepanel.html');
    expect(manifest.options_ui.page).toBe('options.html');
    const matches: string[] = manifest.content_scripts.flatMap(
      (script: { matches: string[] }) => script.matches,
    );
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(match).toMatch(/^https:\/\/[^/]+\/\*$/);
    expect(matches.join(' ')).not.toMatch(/localhost|127\.0\.0\.1|<all_urls>/);
    // Only the panel page, only on https pages (custom CRM hosts are granted at runtime), and only
    // through the per-session dynamic URL.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['panel.html'], matches: ['https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('keeps every content script within its 12 KB budget', async () => {
    const manifest = JSON.parse(await readFile(path.resolve('.output/chrome-mv3/manifest.json'), 'utf8'));
    const scripts: string[] = [
      ...manifest.content_scripts.flatMap((script: { js: string[] }) => script.js),
      'content-generic.js',
    ];
    for (const script of scripts) {
      const size = (await stat(path.resolve('.output/chrome-mv3', script))).size;
      expect(size, script).toBeLessThanOrEqual(12 * 1024);
    }
  });
});
