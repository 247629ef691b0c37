/**
 * Industry processes in real Chromium, on a Gmail thread at its real URL:
 * - an account set to software shows the software checklist of its stage in the panel;
 * - an industry the rep adds in the playbook editor, with its own checklist, can be chosen in the panel,
 *   which then shows that checklist, in either language.
 * Screenshots of the editor and the panel go to DEALSIDE_SCREENSHOT_DIR when it is set.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ElementHandle, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const ACCOUNT = 'northwind-trading.com';

async function screenshot(target: Page | Locator | ElementHandle, name: string): Promise<void> {
  const directory = process.env.DEALSIDE_SCREENSHOT_DIR;
  if (directory) await target.screenshot({ path: path.join(directory, `${name}.png`) });
}

const checklistIds = (panel: Frame) =>
  panel
    .getByTestId('checklist-item')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-item-id')));

describe('industry processes', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const thread = await readFile('tests/fixtures/sites/gmail/thread.html', 'utf8');
    await browser.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: thread }),
    );
    options = await browser.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#playbook`);
    await options.getByTestId('playbook-save').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the software checklist for a software account', async () => {
    await sendFromPage(options, 'setIndustry', { accountKey: ACCOUNT, industry: 'software' });
    await sendFromPage(options, 'setStage', { accountKey: ACCOUNT, stageId: 'solution', locale: 'en' });

    const mail = await browser.context.newPage();
    await mail.goto(THREAD);
    const panel = await panelFrame(mail);
    await expect.poll(() => checklistIds(panel)).toContain('sw-poc-scoped');
    expect(await checklistIds(panel)).toEqual([
      'sw-demo-done',
      'sw-poc-scoped',
      'sw-poc-passed',
      'sw-integration-plan',
      'sw-security-review',
      'sw-business-case',
    ]);
    expect(await panel.getByTestId('industry-select').inputValue()).toBe('software');
    await expect
      .poll(() => panel.locator('.ds-checklist-intro').textContent())
      .toBe('To finish Solution design (Software & IT checklist):');
    await screenshot(await panel.frameElement(), 'panel-software-en');
    await mail.close();
  });

  it('adds an own industry with its own checklist in options, and the panel offers and follows it', async () => {
    await options.getByTestId('industry-new-en').fill('Retail');
    await options.getByTestId('industry-new-zh').fill('零售');
    await options.getByTestId('industry-add').click();
    const lead = options.locator('[data-testid="stage-editor"][data-stage-id="lead"]');
    await lead.locator('summary').click();
    await lead.getByTestId('stage-industry').selectOption('retail');
    await lead.getByTestId('checklist-variant-add').click();
    await lead.getByTestId('checklist-item-text-en').first().fill('Store count and footfall known');
    await lead.getByTestId('checklist-item-text-zh').first().fill('已了解门店数量和客流量');
    await screenshot(
      options.getByTestId('playbook-editor').locator('section').first(),
      'editor-industries-en',
    );
    await screenshot(lead, 'editor-stage-variant-en');
    await options.getByTestId('playbook-save').click();
    await expect.poll(() => options.getByTestId('playbook-status').textContent()).toContain('Playbook saved');

    const mail = await browser.context.newPage();
    await mail.goto(THREAD);
    const panel = await panelFrame(mail);
    await panel.getByTestId('industry-select').selectOption('retail');
    await panel.getByTestId('stage-select').selectOption('lead');
    await expect.poll(() => checklistIds(panel)).toContain('retail-research-background');
    await expect
      .poll(() => panel.locator('[data-item-id="retail-research-background"]').textContent())
      .toBe('Store count and footfall known');
    await screenshot(await panel.frameElement(), 'panel-retail-en');

    // In Chinese, the panel names the rep's industry and shows its checklist in Chinese. Options reloads
    // itself in the chosen language, and so does the panel.
    await options.getByTestId('settings-language').selectOption('zh-CN');
    await expect.poll(() => options.locator('h1').first().textContent()).toBe('Dealside 设置');
    await options.getByTestId('playbook-save').waitFor();
    await mail.reload();
    const chinese = await panelFrame(mail);
    await expect
      .poll(() => chinese.locator('[data-item-id="retail-research-background"]').textContent())
      .toBe('已了解门店数量和客流量');
    expect(
      await chinese
        .getByTestId('industry-select')
        .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent),
    ).toBe('零售');
    await screenshot(await chinese.frameElement(), 'panel-retail-zh');
    const leadZh = options.locator('[data-testid="stage-editor"][data-stage-id="lead"]');
    await leadZh.locator('summary').click();
    await leadZh.getByTestId('stage-industry').selectOption('retail');
    await screenshot(
      options.getByTestId('playbook-editor').locator('section').first(),
      'editor-industries-zh',
    );
    await screenshot(leadZh, 'editor-stage-variant-zh');
    await mail.close();
  });
});
