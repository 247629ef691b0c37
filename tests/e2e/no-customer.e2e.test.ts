/**
 * Pages where no person is the customer, in real Chromium at their real URLs: a Salesforce account
 * record that names only the company's website shows that account; an Outlook reading pane whose header
 * cannot be read says so in plain words, the rep attaches it to an existing account found by search, and
 * the page keeps that account across a reload until the rep goes back to automatic detection.
 *
 * With `DEALSIDE_SCREENSHOT_DIR` set, the two states are also saved as PNGs there for a person to look at.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility';
import { FIXTURES_DIR, launchWithExtension, panelFrame, type ExtensionBrowser } from './support/browser';
import { closeQuietly, panelText, servePage } from './support/sites';

const ACCOUNT_RECORD = 'https://dealside.lightning.force.com/lightning/r/Account/0015g00000CoNtSAAV/view';
const ACCOUNT_KEY = 'contoso-industrial.co.uk';
const OUTLOOK_MESSAGE =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAN';

/** An Outlook reading pane whose message shows no header the reader knows: no sender, no recipients. */
const UNREADABLE_MESSAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Mail - Outlook</title></head>
<body>
  <div role="main" id="ReadingPaneContainerId">
    <div role="heading" aria-level="2">Quarterly figures</div>
    <div><p>Please find the figures attached. Kind regards</p></div>
  </div>
</body></html>`;

async function screenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.DEALSIDE_SCREENSHOT_DIR;
  if (directory) await page.screenshot({ path: path.join(directory, `${name}.png`) });
}

async function expectAccessible(panel: Frame): Promise<void> {
  expect(await seriousAccessibilityViolations(panel)).toEqual([]);
}

describe('pages where no person is the customer', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const record = await readFile(path.join(FIXTURES_DIR, 'sites/salesforce/account.html'), 'utf8');
    await servePage(browser.context, ACCOUNT_RECORD, record);
    await servePage(browser.context, OUTLOOK_MESSAGE, UNREADABLE_MESSAGE);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the website-only account record and moves its deal, so the account exists. */
  async function openAccountRecord(): Promise<{ page: Page; panel: Frame }> {
    const page = await browser.context.newPage();
    await page.goto(ACCOUNT_RECORD);
    const panel = await panelFrame(page);
    await expect.poll(() => panelText(panel, 'account-key')).toBe(ACCOUNT_KEY);
    await panel.getByTestId('stage-select').selectOption('discovery');
    await expect.poll(() => panelText(panel, 'stage-current')).toContain('Needs discovery');
    return { page, panel };
  }

  it('shows the account of a company record that names only its website', async () => {
    const { page, panel } = await openAccountRecord();
    try {
      expect(await panelText(panel, 'contact-email')).toBeNull();
      expect(await panel.getByTestId('no-contact').count()).toBe(0);
      await expect.poll(() => panel.getByTestId('checklist-item').count()).toBeGreaterThan(0);
      expect(await panel.getByTestId('note-editor').count()).toBe(1);
      await expectAccessible(panel);
      await screenshot(page, 'account-only-record');
    } finally {
      await closeQuietly(page);
    }
  });

  it('attaches a page with no customer to an account found by search, and keeps it across a reload', async () => {
    await closeQuietly((await openAccountRecord()).page);

    const page = await browser.context.newPage();
    try {
      await page.goto(OUTLOOK_MESSAGE);
      let panel = await panelFrame(page);
      await expect.poll(() => panelText(panel, 'read-problem')).toBe('Outlook: no message header found');
      await expectAccessible(panel);
      await screenshot(page, 'no-customer');

      await panel.getByTestId('attach-account').fill('contoso');
      const result = panel.locator(`[data-testid="attach-result"][data-account-key="${ACCOUNT_KEY}"]`);
      await result.click();
      await expect.poll(() => panelText(panel, 'account-key')).toBe(ACCOUNT_KEY);
      expect(await panelText(panel, 'stage-current')).toContain('Needs discovery');

      await page.reload();
      panel = await panelFrame(page);
      await expect.poll(() => panelText(panel, 'account-key')).toBe(ACCOUNT_KEY);
      expect(await panelText(panel, 'contact-email')).toBeNull();
      await expectAccessible(panel);

      await panel.getByRole('button', { name: 'Back to automatic detection' }).click();
      await expect.poll(() => panelText(panel, 'read-problem')).toBe('Outlook: no message header found');
      expect(await panelText(panel, 'account-key')).toBeNull();
    } finally {
      await closeQuietly(page);
    }
  });
});
