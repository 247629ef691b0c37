/**
 * The pipeline page in real Chromium: open deals of two accounts seeded through the background (a closed
 * one among them), shown as columns by stage and as table rows; a card dragged to another column and
 * another moved from the keyboard alone change their deals' stages through `setStage`; the
 * closing-this-month filter; no serious accessibility violations on the board or the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PipelineView } from '../../lib/messaging/protocol';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const NORTHWIND = 'northwind-trading.com';
const CONTOSO = 'contoso-industrial.co.uk';

/** Today and a day next year, as close dates: one closes this month, the other does not. */
function closeDays(): { thisMonth: string; nextYear: string } {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    thisMonth: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    nextYear: `${now.getFullYear() + 1}-03-15`,
  };
}

describe('the pipeline page', () => {
  let browser: ExtensionBrowser;
  let probe: Page;
  let page: Page;
  const ids: Record<string, string> = {};
  let messageId = 0;

  /** Sends a message the way the extension's pages do (@webext-core/messaging's envelope). */
  async function send<T>(type: string, data: unknown): Promise<T> {
    const envelope = { id: ++messageId, type, data, timestamp: Date.now() };
    const reply = (await probe.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(envelope)})`)) as {
      res?: T;
      err?: { message?: string };
    };
    if (reply.err) throw new Error(`${type} failed: ${reply.err.message}`);
    return reply.res as T;
  }

  async function addDeal(accountKey: string, title: string, fields: Record<string, unknown>) {
    const deal = await send<{ id: string }>('addDeal', { accountKey, title, locale: 'en', ...fields });
    ids[title] = deal.id;
  }

  const card = (title: string) => page.locator(`[data-testid="pipeline-card"][data-deal-id="${ids[title]}"]`);
  const column = (stageId: string) =>
    page.locator(`[data-testid="pipeline-column"][data-stage-id="${stageId}"]`);
  const cardsIn = (stageId: string) =>
    column(stageId)
      .locator('[data-testid="pipeline-card"]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-deal-id')));
  const stageOf = async (title: string) =>
    (await send<PipelineView>('getPipeline', {})).deals.find((deal) => deal.id === ids[title])?.stageId;

  beforeAll(async () => {
    browser = await launchWithExtension();
    probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const { thisMonth, nextYear } = closeDays();
    await addDeal(NORTHWIND, 'Pilot for 3 sites', {
      stageId: 'lead',
      value: 120_000,
      currency: 'EUR',
      closeDate: thisMonth,
    });
    await addDeal(NORTHWIND, 'Spare parts framework', {
      stageId: 'discovery',
      value: 40_000,
      currency: 'EUR',
      closeDate: nextYear,
    });
    await addDeal(NORTHWIND, 'Service contract', { stageId: 'solution' });
    await addDeal(CONTOSO, 'Warehouse rollout', { stageId: 'negotiation', value: 9_500, currency: 'USD' });
    await addDeal(NORTHWIND, 'Last year’s order', { stageId: 'negotiation' });
    await send('closeDeal', { id: ids['Last year’s order'], outcome: 'won' });

    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/pipeline.html`);
    await page.getByTestId('pipeline-board').waitFor();
    await card('Pilot for 3 sites').waitFor();
    // Drawn first from each column's first cards; moving waits for every deal.
    await page.locator('[data-testid="pipeline-board"][aria-busy="false"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every open deal in its stage’s column, and no closed deal', async () => {
    expect(await cardsIn('lead')).toEqual([ids['Pilot for 3 sites']]);
    expect(await cardsIn('discovery')).toEqual([ids['Spare parts framework']]);
    expect(await cardsIn('solution')).toEqual([ids['Service contract']]);
    expect(await cardsIn('negotiation')).toEqual([ids['Warehouse rollout']]);
    expect(await cardsIn('after-sales')).toEqual([]);
    expect(await page.getByTestId('pipeline-card').count()).toBe(4);
    expect(await card('Warehouse rollout').getAttribute('data-account-key')).toBe(CONTOSO);

    const pilot = await card('Pilot for 3 sites').textContent();
    expect(pilot).toContain('northwind-trading.com');
    expect(pilot).toContain('€120,000.00');
    expect(pilot).toContain('No next step');
    // The column's header counts its deals and sums their value.
    expect(await column('lead').locator('header').textContent()).toContain('Deals: 1');
    expect(await column('negotiation').locator('header').textContent()).toContain('$9,500.00');

    expect(await seriousAccessibilityViolations(page.mainFrame())).toEqual([]);
    if (process.env.DEALSIDE_SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.DEALSIDE_SCREENSHOTS}/pipeline-board.png`,
        fullPage: true,
      });
    }
  });

  it('moves a dragged card to the column it is dropped on, through setStage', async () => {
    await card('Pilot for 3 sites').dragTo(column('discovery'));
    await expect.poll(() => cardsIn('discovery')).toContain(ids['Pilot for 3 sites']);
    expect(await cardsIn('lead')).toEqual([]);
    await expect.poll(() => stageOf('Pilot for 3 sites')).toBe('discovery');
    // The move is the panel's stage change: the discovery stage's cadence proposed its follow-ups.
    await expect.poll(() => page.getByTestId('pipeline-announcement').textContent()).toContain('moved to');
  });

  it('moves a card from the keyboard alone, keeping it focused', async () => {
    await card('Spare parts framework').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => cardsIn('solution')).toContain(ids['Spare parts framework']);
    await expect.poll(() => stageOf('Spare parts framework')).toBe('solution');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-deal-id')))
      .toBe(ids['Spare parts framework']);

    // And on with the card's own stage list, still from the keyboard.
    await page.keyboard.press('Tab'); // the account button
    await page.keyboard.press('Tab'); // the stage list
    await page.keyboard.press('ArrowDown'); // Chromium changes a closed <select>'s value with the arrows
    await expect.poll(() => stageOf('Spare parts framework')).toBe('negotiation');
    await expect.poll(() => cardsIn('negotiation')).toContain(ids['Spare parts framework']);
  });

  it('filters to the deals closing this month', async () => {
    await page.getByTestId('pipeline-filter').selectOption('closing-this-month');
    await expect.poll(() => page.getByTestId('pipeline-card').count()).toBe(1);
    expect(await card('Pilot for 3 sites').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('filter')).toBe('closing-this-month');
    await page.getByTestId('pipeline-filter').selectOption('all');
    await expect.poll(() => page.getByTestId('pipeline-card').count()).toBe(4);
  });

  it('lists the open deals as table rows, sortable by value', async () => {
    await page.getByRole('button', { name: 'Table' }).click();
    const table = page.getByTestId('pipeline-table');
    await table.waitFor();
    const rowIds = () =>
      table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-deal-id')));
    expect((await rowIds()).sort()).toEqual(
      [
        ids['Pilot for 3 sites'],
        ids['Spare parts framework'],
        ids['Service contract'],
        ids['Warehouse rollout'],
      ].sort(),
    );

    const valueHeading = table.locator('th', { has: page.locator('[data-sort-column="value"]') });
    await valueHeading.getByRole('button').click();
    expect(await valueHeading.getAttribute('aria-sort')).toBe('ascending');
    // Deals without a value go last either way.
    expect(await rowIds()).toEqual([
      ids['Warehouse rollout'],
      ids['Spare parts framework'],
      ids['Pilot for 3 sites'],
      ids['Service contract'],
    ]);
    await valueHeading.getByRole('button').click();
    expect(await valueHeading.getAttribute('aria-sort')).toBe('descending');
    expect((await rowIds())[0]).toBe(ids['Pilot for 3 sites']);

    expect(await seriousAccessibilityViolations(page.mainFrame())).toEqual([]);
    if (process.env.DEALSIDE_SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.DEALSIDE_SCREENSHOTS}/pipeline-table.png`,
        fullPage: true,
      });
    }
  });
});
