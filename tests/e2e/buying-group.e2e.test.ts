/**
 * The buying group in real Chromium: on a Gmail thread from Jane Cooper copied to Tom Becker, the rep
 * sets roles by clicking (and typing) in the panel frame; each person shows theirs, the roles the
 * deal still lacks shrink as they are set, the checklist says who holds a role, and everything is still
 * there after a reload.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';
import { sendFromPage } from './support/messages';

const JANE_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const ACCOUNT = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
const TOM = 'tom.becker@northwind-trading.com';
/** Someone of the account the rep worked with before, who is not on this thread. */
const SAM = 'sam.okafor@northwind-trading.com';

const person = (panel: Frame, email: string) =>
  panel.locator(`[data-testid="person-item"][data-email="${email}"]`);
const roleBox = (panel: Frame, email: string, role: string) =>
  person(panel, email).locator(`[data-testid="person-role"][data-role="${role}"]`);
/** The roles a person's checkboxes show as held. */
const rolesShown = (panel: Frame, email: string) =>
  person(panel, email)
    .locator('[data-testid="person-role"]:checked')
    .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-role')));

/** With DEALSIDE_SCREENSHOT_DIR set, saves the panel section holding `testId` at the panel's width. */
async function screenshot(panel: Frame, name: string, testId = 'person-item'): Promise<void> {
  const directory = process.env.DEALSIDE_SCREENSHOT_DIR;
  if (!directory) return;
  const section = panel.locator('section', { has: panel.getByTestId(testId) });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(directory, `${name}.png`) });
}

describe('the buying group in the panel', () => {
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
    // Earlier work on the account, through the background: the deal is in negotiation, and Sam is known.
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await sendFromPage(options, 'setStage', {
      accountKey: ACCOUNT,
      stageId: 'negotiation',
      locale: 'en',
    });
    await sendFromPage(options, 'setContactRoles', { accountKey: ACCOUNT, email: SAM, roles: [] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sets roles by clicking in the panel; they show for each person, fill the unknown roles and survive a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(JANE_THREAD);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByTestId('contact-email').textContent()).toBe(JANE);

    // Everyone of the account: Jane on screen first, Tom from the same thread, then Sam.
    const items = panel.getByTestId('person-item');
    await expect
      .poll(() => items.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-email'))))
      .toEqual([JANE, TOM, SAM]);
    expect(await person(panel, JANE).getAttribute('aria-current')).toBe('true');
    expect(await person(panel, TOM).textContent()).toContain('on this page');
    expect(await person(panel, SAM).textContent()).toContain('not seen on a page yet');

    // Negotiation needs a decision maker and an economic buyer; discovery's unticked "everyone who will
    // influence the decision" still wants an influencer.
    const missing = panel.getByTestId('roles-missing');
    await expect
      .poll(() => missing.textContent())
      .toBe('Still unknown: decision maker, economic buyer, influencer');
    const confirmItem = panel.locator(
      '[data-testid="checklist-item"][data-item-id="decision-maker-confirmed"]',
    );
    expect(await confirmItem.textContent()).toContain('decision maker: nobody known yet');
    await screenshot(panel, 'buying-group-before-en');

    await roleBox(panel, JANE, 'decision-maker').click();
    await expect.poll(() => missing.textContent()).toBe('Still unknown: economic buyer, influencer');
    await roleBox(panel, TOM, 'economic-buyer').click();
    await roleBox(panel, TOM, 'user').click();
    await expect.poll(() => missing.textContent()).toBe('Still unknown: influencer');
    // The keyboard sets a role as well: the chips are native checkboxes.
    await roleBox(panel, SAM, 'influencer').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => missing.count()).toBe(0);

    await expect.poll(() => rolesShown(panel, JANE)).toEqual(['decision-maker']);
    await expect.poll(() => rolesShown(panel, TOM)).toEqual(['economic-buyer', 'user']);
    await expect.poll(() => rolesShown(panel, SAM)).toEqual(['influencer']);
    await expect.poll(() => confirmItem.textContent()).toContain('decision maker known: Jane Cooper');
    const violations = await seriousAccessibilityViolations(panel);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(panel, 'buying-group-after-en');
    await screenshot(panel, 'checklist-roles-en', 'checklist-item');

    // Taking a role back brings it back to the unknown ones.
    await roleBox(panel, TOM, 'economic-buyer').click();
    await expect.poll(() => missing.textContent()).toBe('Still unknown: economic buyer');
    await roleBox(panel, TOM, 'economic-buyer').click();
    await expect.poll(() => missing.count()).toBe(0);

    // Stored by the background: a reload shows the same roles.
    await page.reload();
    const reloaded = await panelFrame(page);
    await expect.poll(() => person(reloaded, TOM).count()).toBe(1);
    await expect.poll(() => rolesShown(reloaded, JANE)).toEqual(['decision-maker']);
    expect(await rolesShown(reloaded, TOM)).toEqual(['economic-buyer', 'user']);
    expect(await rolesShown(reloaded, SAM)).toEqual(['influencer']);
    expect(await reloaded.getByTestId('roles-missing').count()).toBe(0);
    await page.close();
  });

  it('reads in Chinese when the rep chooses it', async () => {
    // Chosen in options, which reloads itself in the new language (a message sent from it would lose
    // its answer to that reload).
    await options.getByTestId('settings-language').selectOption('zh-CN');
    await expect.poll(() => options.locator('h1').first().textContent()).toBe('Dealside 设置');
    const page = await browser.context.newPage();
    await page.goto(JANE_THREAD);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => rolesShown(panel, JANE)).toEqual(['decision-maker']);
    expect(await person(panel, JANE).textContent()).toContain('决策人');
    await roleBox(panel, JANE, 'decision-maker').click();
    await expect.poll(() => panel.getByTestId('roles-missing').textContent()).toBe('尚未明确：决策人');
    await screenshot(panel, 'buying-group-zh');
    await roleBox(panel, JANE, 'decision-maker').click();
    await expect.poll(() => panel.getByTestId('roles-missing').count()).toBe(0);
    await page.close();
  });
});
