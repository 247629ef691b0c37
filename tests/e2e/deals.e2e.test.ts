/**
 * Deals in the panel, in real Chromium: two deals on one account, each with its own stage, one closed as
 * won and the other as lost with a reason from the playbook's list; both outcomes stored as the panel
 * showed them, and the panel's stage writes go to the deal shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, panelFrame, serveFixture, type ExtensionBrowser } from './support/browser';

const JANE_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
const NORTHWIND = 'northwind-trading.com';

interface StoredDeal {
  id: string;
  accountKey: string;
  title: string;
  value?: number;
  currency?: string;
  closeDate?: string;
  stageId?: string;
  outcome: string;
  lostReason?: string;
  closedAt?: number;
}

describe('deals in the panel', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The account's deals as the database holds them, read from an extension page. */
  async function storedDeals(): Promise<StoredDeal[]> {
    const probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const deals = await probe.evaluate(
      (accountKey) =>
        new Promise<StoredDeal[]>((resolve, reject) => {
          const request = indexedDB.open('dealside');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const rows = request.result
              .transaction('deals')
              .objectStore('deals')
              .index('by-account')
              .getAll(accountKey);
            rows.onsuccess = () => {
              resolve(rows.result as StoredDeal[]);
              request.result.close();
            };
          };
        }),
      NORTHWIND,
    );
    await probe.close();
    return deals;
  }

  it('adds two deals to one account, closes one as won and one as lost with a reason', async () => {
    // Titles of this attempt only: a retried attempt finds the first attempt's deals on the account.
    const run = Date.now().toString(36);
    const pilotTitle = `Pilot for 3 sites ${run}`;
    const partsTitle = `Spare parts framework ${run}`;
    const page = await browser.context.newPage();
    await page.goto(JANE_THREAD);
    const panel = await panelFrame(page);
    await expect
      .poll(() => panel.getByTestId('contact-email').textContent())
      .toBe('jane.cooper@northwind-trading.com');

    // First deal: value, currency and close date.
    await panel.getByTestId('deal-title').fill(pilotTitle);
    await panel.getByTestId('deal-value').fill('120000');
    await panel.getByTestId('deal-currency').selectOption('EUR');
    await panel.getByTestId('deal-close-date').fill('2027-01-15');
    await panel.getByTestId('deal-add').click();
    const pilot = panel.getByTestId('deal-item').filter({ hasText: pilotTitle });
    await pilot.waitFor();
    await expect.poll(() => pilot.getAttribute('aria-current')).toBe('true');

    // Second deal, added and shown; then moved on to discovery from the stage picker.
    await panel.getByTestId('deal-title').fill(partsTitle);
    await panel.getByTestId('deal-add').click();
    const parts = panel.getByTestId('deal-item').filter({ hasText: partsTitle });
    await parts.waitFor();
    await expect.poll(() => parts.getAttribute('aria-current')).toBe('true');
    await panel.getByTestId('stage-select').selectOption('discovery');
    await expect.poll(() => parts.textContent()).toContain('Needs discovery');

    // The pilot still stands in the playbook's first stage: the stage write went to the deal shown.
    await pilot.click();
    await expect.poll(() => pilot.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => panel.getByTestId('stage-select').inputValue()).toBe('lead');

    expect(await seriousAccessibilityViolations(panel)).toEqual([]);
    if (process.env.DEALSIDE_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.DEALSIDE_SCREENSHOTS}/deals-panel.png`, fullPage: true });
    }

    // The pilot is won.
    await panel.getByTestId('deal-won').click();
    await expect.poll(() => panel.getByTestId('deal-outcome').getAttribute('data-outcome')).toBe('won');
    expect(await panel.getByTestId('deal-outcome').textContent()).toContain('Won');

    // The framework is lost to a competitor: "Lost" first asks for the reason, choosing it closes the deal.
    await parts.click();
    await expect.poll(() => panel.getByTestId('deal-outcome').getAttribute('data-outcome')).toBe('open');
    await panel.getByTestId('deal-lost').click();
    await panel.getByTestId('deal-lost-reason').selectOption('competitor');
    await expect.poll(() => panel.getByTestId('deal-outcome').getAttribute('data-outcome')).toBe('lost');
    expect(await panel.getByTestId('deal-outcome').textContent()).toContain('Chose a competitor');

    // No open deal is left; both closed ones are listed under "Closed deals".
    await expect.poll(() => panel.locator('[data-testid="deal-item"][data-outcome="open"]').count()).toBe(0);
    expect(await panel.locator('[data-testid="deal-item"][data-outcome]').count()).toBe(2);

    const deals = (await storedDeals())
      .filter((deal) => deal.title.endsWith(run))
      .sort((a, b) => a.title.localeCompare(b.title));
    expect(deals).toEqual([
      expect.objectContaining({
        title: pilotTitle,
        value: 120_000,
        currency: 'EUR',
        closeDate: '2027-01-15',
        stageId: 'lead',
        outcome: 'won',
        closedAt: expect.any(Number),
      }),
      expect.objectContaining({
        title: partsTitle,
        stageId: 'discovery',
        outcome: 'lost',
        lostReason: 'competitor',
        closedAt: expect.any(Number),
      }),
    ]);
    expect(deals[0]).not.toHaveProperty('lostReason');
    await page.close();
  });
});
