/**
 * The playbook editor and settings in real Chromium, against the panel on real URLs:
 * - a playbook exported, edited and imported again round-trips, and the panel follows each save;
 * - an invalid playbook file changes nothing and lists what is wrong, where;
 * - the rep's company domain makes a colleague never the contact;
 * - a custom CRM host added in settings gets the generic adapter and the panel;
 * - a supported site switched off shows no panel.
 *
 * Permission prompts: headless Chromium cannot show (or be made to accept) the prompt that
 * `permissions.request` opens, and no command-line switch grants it. The test grants the host the way
 * the browser's own "Site access" settings do (chrome://extensions' developerPrivate.addHostPermission);
 * the options page's real click path then runs, and `permissions.request` resolves at once because the
 * host is already granted.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantHostPermission,
  launchWithExtension,
  panelFrame,
  serveFixture,
  type ExtensionBrowser,
} from './support/browser';

const JANE_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
// The same thread, except that the latest message comes from a colleague at the rep's second domain.
const COLLEAGUE_THREAD = 'https://mail.google.com/mail/u/2/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const CRM_HOST = 'crm.northwind-intranet.example.com';
const CRM_PAGE = `https://${CRM_HOST}/customers/42`;

/** The extension APIs the test reads in the service worker (this project has no `chrome` types). */
interface WorkerApis {
  chrome: {
    scripting: {
      getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; js?: string[] }[]>;
    };
    permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  };
}

async function colleagueThread(): Promise<string> {
  const html = await readFile('tests/fixtures/sites/gmail/thread.html', 'utf8');
  const latest = html.indexOf('<!-- 2: expanded');
  return (
    html.slice(0, latest) +
    html
      .slice(latest)
      .replaceAll('jane.cooper@northwind-trading.com', 'sam.lee@dealside-group.com')
      .replaceAll('Jane Cooper', 'Sam Lee')
  );
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  const started = Date.now();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('playbook-save').waitFor();
  await page.getByTestId('settings-language').waitFor();
  console.info(`[measure] options page → playbook editor and settings ready: ${Date.now() - started} ms`);
  return page;
}

async function renameLeadStage(options: Page, name: string): Promise<void> {
  const lead = options.locator('[data-testid="stage-editor"][data-stage-id="lead"]');
  if (
    !(await lead
      .locator('details')
      .getAttribute('open')
      .then((open) => open !== null))
  ) {
    await lead.locator('summary').click();
  }
  await lead.getByTestId('stage-name-en').fill(name);
}

describe('playbook editor and settings', () => {
  let browser: ExtensionBrowser;
  let downloads: string;

  beforeAll(async () => {
    downloads = await mkdtemp(path.join(tmpdir(), 'dealside-playbook-'));
    browser = await launchWithExtension();
    const colleague = await colleagueThread();
    const jane = await readFile('tests/fixtures/sites/gmail/thread.html', 'utf8');
    await browser.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: route.request().url().includes('/mail/u/2/') ? colleague : jane,
      }),
    );
    await serveFixture(browser.context, `https://${CRM_HOST}/**`, 'sites/generic/profile.html');
  });
  afterAll(async () => {
    await browser?.close();
    await rm(downloads, { recursive: true, force: true });
  });

  it('round-trips a playbook through export, edit, save and import, and the panel follows', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(JANE_THREAD);
    const panel = await panelFrame(mail);
    await panel.getByTestId('stage-select').selectOption('lead');
    await expect.poll(() => panel.getByTestId('stage-current').textContent()).toBe('Lead identification');

    const options = await openOptions(browser);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('playbook-export').click(),
    ]);
    const exported = path.join(downloads, download.suggestedFilename());
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toMatch(/^dealside-playbook-.*\.json$/);
    const file = JSON.parse(await readFile(exported, 'utf8')) as { format: string; version: number };
    expect([file.format, file.version]).toEqual(['dealside-playbook', 1]);

    await renameLeadStage(options, 'Qualify the lead');
    const saved = Date.now();
    await options.getByTestId('playbook-save').click();
    await expect.poll(() => options.getByTestId('playbook-status').textContent()).toContain('Playbook saved');
    // The open panel reloads the playbook when the background announces the save; no page reload.
    await expect.poll(() => panel.getByTestId('stage-current').textContent()).toBe('Qualify the lead');
    console.info(`[measure] save → open panel shows the new stage name: ${Date.now() - saved} ms`);

    await options.getByTestId('playbook-import').setInputFiles(exported);
    await expect.poll(() => options.getByTestId('playbook-status').textContent()).toContain('Imported');
    await options.getByTestId('playbook-save').click();
    await expect.poll(() => options.getByTestId('playbook-status').textContent()).toContain('Playbook saved');
    await expect.poll(() => panel.getByTestId('stage-current').textContent()).toBe('Lead identification');
    await mail.reload();
    const reloaded = await panelFrame(mail);
    await expect.poll(() => reloaded.getByTestId('stage-current').textContent()).toBe('Lead identification');

    const violations = await options.evaluate(
      async (source) => {
        // axe-core runs in the page, limited to the two sections under test.
        new Function(source)();
        const axe = (
          globalThis as unknown as {
            axe: {
              run(
                context: object,
                options: object,
              ): Promise<{
                violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(
          { include: [['[data-testid="playbook-editor"]'], ['[data-testid="settings-section"]']] },
          { resultTypes: ['violations'] },
        );
        return result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({
            id: violation.id,
            targets: violation.nodes.map((node) => node.target.join(' ')),
          }));
      },
      await readFile(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'),
    );
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await options.close();
    await mail.close();
  });

  it('asks before leaving with unsaved changes', async () => {
    const options = await openOptions(browser);
    await renameLeadStage(options, 'Not saved yet');
    expect(await options.getByTestId('playbook-dirty').textContent()).toBe('Unsaved changes');
    const dialog = options.waitForEvent('dialog');
    await options.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.accept();
  });

  it('changes nothing for an invalid playbook file and says what is wrong, where', async () => {
    const options = await openOptions(browser);
    const broken = {
      format: 'dealside-playbook',
      version: 1,
      name: { en: 'Broken', 'zh-CN': '损坏' },
      stages: [{ id: 'Lead!', name: { en: '' }, goal: { en: 'x', 'zh-CN': 'x' }, checklist: [] }],
      questions: [],
      cadences: [{ stageId: 'nowhere', steps: [] }],
    };
    await options.getByTestId('playbook-import').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const list = options.getByTestId('playbook-import-error-list');
    await list.waitFor();
    const paths = await list
      .getByTestId('playbook-error')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-path')));
    expect(paths).toEqual(['stages[0].id', 'stages[0].name.en', 'stages[0].name.zh-CN']);
    expect(await options.getByTestId('playbook-status').textContent()).toContain('Nothing changed');
    expect(await options.getByTestId('playbook-dirty').textContent()).toBe('All changes saved');
    expect(
      await options
        .locator('[data-testid="stage-editor"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-stage-id'))),
    ).toEqual(['lead', 'discovery', 'solution', 'negotiation', 'after-sales']);
    await options.close();
  });

  it('never makes a colleague at the rep’s own domain the contact', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(COLLEAGUE_THREAD);
    const panel = await panelFrame(mail);
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('sam.lee@dealside-group.com');

    const options = await openOptions(browser);
    await options.getByTestId('own-domains-input').fill('dealside-group.com');
    await options.getByTestId('own-domains-add').click();
    await expect
      .poll(() => options.getByTestId('own-domains-item').allTextContents())
      .toEqual([expect.stringContaining('dealside-group.com')]);
    // The open panel chooses again as soon as the setting is saved.
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');
    await mail.reload();
    const reloaded = await panelFrame(mail);
    await expect
      .poll(() => reloaded.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');
    await options.close();
    await mail.close();
  });

  it('gives a custom CRM site the generic adapter and the panel', async () => {
    // Before: no content script runs on the host, so no panel.
    const before = await browser.context.newPage();
    await before.goto(CRM_PAGE);
    await before.waitForTimeout(500);
    expect(await before.evaluate(() => document.querySelector('dealside-panel-host') !== null)).toBe(false);
    await before.close();

    await grantHostPermission(browser, `https://${CRM_HOST}/*`);

    const options = await openOptions(browser);
    await options.getByTestId('custom-site-input').fill(CRM_PAGE);
    await options.getByTestId('custom-site-add').click();
    await expect
      .poll(() => options.getByTestId('custom-site-status').textContent())
      .toContain(`${CRM_HOST} added`);
    await expect.poll(() => options.getByTestId('custom-site').getAttribute('data-host')).toBe(CRM_HOST);
    expect(await options.getByTestId('custom-site').textContent()).toContain('Active');
    const registered = await browser.serviceWorker.evaluate(() =>
      (globalThis as unknown as WorkerApis).chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered).toEqual([
      expect.objectContaining({
        id: `custom-${CRM_HOST}`,
        matches: [`https://${CRM_HOST}/*`],
        js: ['content-generic.js'],
      }),
    ]);

    const crm = await browser.context.newPage();
    await crm.goto(CRM_PAGE);
    const panel = await panelFrame(crm);
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');

    // The wider web-accessible entry needs the session's dynamic URL: another site cannot frame the panel.
    await browser.context.route('https://unrelated.example.org/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe src="chrome-extension://${browser.extensionId}/panel.html"></iframe>`,
      }),
    );
    const unrelated = await browser.context.newPage();
    await unrelated.goto('https://unrelated.example.org/');
    await unrelated.waitForTimeout(500);
    expect(unrelated.frames().some((frame) => frame.url().includes('/panel.html'))).toBe(false);
    await unrelated.close();

    // Removing the site unregisters the script and gives the permission back.
    await options.getByTestId('custom-site-remove').click();
    await expect.poll(() => options.getByTestId('custom-site').count()).toBe(0);
    expect(
      await browser.serviceWorker.evaluate(() =>
        (globalThis as unknown as WorkerApis).chrome.scripting.getRegisteredContentScripts(),
      ),
    ).toEqual([]);
    expect(
      await browser.serviceWorker.evaluate(
        (origin) => (globalThis as unknown as WorkerApis).chrome.permissions.contains({ origins: [origin] }),
        `https://${CRM_HOST}/*`,
      ),
    ).toBe(false);
    await crm.close();
    await options.close();
  });

  it('shows no panel on a supported site the rep switched off', async () => {
    const mail = await browser.context.newPage();
    await mail.goto(JANE_THREAD);
    const shownFrame = await (await panelFrame(mail)).frameElement();
    await expect.poll(() => shownFrame.isVisible()).toBe(true);
    const host = mail.locator('dealside-panel-host');
    expect(await host.evaluate((element) => element.hasAttribute('h'))).toBe(false);

    const options = await openOptions(browser);
    await options.locator('[data-testid="site-switch"][data-site-id="gmail"]').uncheck();
    // Open tabs hide their panel at once; new pages of the site never show it.
    await expect.poll(() => host.evaluate((element) => element.hasAttribute('h'))).toBe(true);
    await mail.reload();
    await expect
      .poll(() => mail.locator('dealside-panel-host').evaluate((element) => element.hasAttribute('h')))
      .toBe(true);
    const hiddenFrame = await (await panelFrame(mail)).frameElement();
    expect(await hiddenFrame.isVisible()).toBe(false);

    await options.locator('[data-testid="site-switch"][data-site-id="gmail"]').check();
    await mail.reload();
    await expect
      .poll(() => mail.locator('dealside-panel-host').evaluate((element) => element.hasAttribute('h')))
      .toBe(false);
    await options.close();
    await mail.close();
  });
});
