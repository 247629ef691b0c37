/**
 * Outcomes and the weighted forecast on the options page, in real Chromium: deals are added, staged and
 * closed through the background's messages as the panel sends them, and the page's win rate and forecast
 * rows are checked against figures this test works out from what it seeded and the playbook's stage
 * probabilities. Close dates fall on the last day of the current month and in the next month, so the
 * test holds whatever day it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './support/accessibility';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

interface Seeded {
  id: string;
}

/** Sends one request as an extension page does, in @webext-core/messaging's envelope. */
async function send<T>(page: Page, type: string, data: unknown): Promise<T> {
  const message = { id: Date.now(), type, data, timestamp: Date.now() };
  const reply = (await page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`)) as {
    res?: T;
    err?: unknown;
  };
  if (reply.err !== undefined) throw new Error(`${type} failed: ${JSON.stringify(reply.err)}`);
  return reply.res as T;
}

/** `YYYY-MM-DD` / `YYYY-MM` of the browser's local calendar, `monthOffset` months from now. */
async function localDates(page: Page) {
  return page.evaluate(() => {
    const pad = (value: number) => String(value).padStart(2, '0');
    const now = new Date();
    const month = (offset: number) => {
      const first = new Date(now.getFullYear(), now.getMonth() + offset, 1);
      return `${first.getFullYear()}-${pad(first.getMonth() + 1)}`;
    };
    const lastDay = new Date(now.getFullYear(), now.getMonth() + 1, 0);
    return {
      thisMonth: month(0),
      nextMonth: month(1),
      lastDayThisMonth: `${month(0)}-${pad(lastDay.getDate())}`,
      midNextMonth: `${month(1)}-15`,
    };
  });
}

describe('outcomes and forecast on the options page', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the win rate and the weighted forecast the seeded deals add up to', async () => {
    const probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const dates = await localDates(probe);
    const playbook = await send<{ stages: { id: string; probability?: number }[] }>(probe, 'getPlaybook', {});
    const probability = (stageId: string) =>
      playbook.stages.find((stage) => stage.id === stageId)!.probability!;

    // Five won and three lost, closed now: inside the page's default period.
    const outcomes = ['won', 'won', 'lost', 'won', 'won', 'lost', 'won', 'lost'] as const;
    for (const [index, outcome] of outcomes.entries()) {
      const deal = await send<Seeded>(probe, 'addDeal', {
        accountKey: `closed-${index}.example`,
        title: `Closed deal ${index}`,
        value: 1_000 * (index + 1),
        currency: 'EUR',
        locale: 'en',
      });
      await send(probe, 'closeDeal', {
        id: deal.id,
        ...(outcome === 'won' ? { outcome } : { outcome, lostReason: 'price' }),
      });
    }
    const won = outcomes.filter((outcome) => outcome === 'won').length;
    const closed = outcomes.length;

    // Open deals: one closing at the end of this month, moved on to negotiation; two next month.
    const open = [
      {
        key: 'north.example',
        stageId: 'negotiation',
        value: 12_000,
        currency: 'EUR',
        day: dates.lastDayThisMonth,
      },
      { key: 'east.example', stageId: 'solution', value: 30_000, currency: 'CNY', day: dates.midNextMonth },
      { key: 'west.example', stageId: 'discovery', value: 5_000, currency: 'EUR', day: dates.midNextMonth },
    ];
    for (const deal of open) {
      const added = await send<Seeded>(probe, 'addDeal', {
        accountKey: deal.key,
        title: `Deal with ${deal.key}`,
        value: deal.value,
        currency: deal.currency,
        closeDate: deal.day,
        locale: 'en',
      });
      await send(probe, 'setStage', {
        accountKey: deal.key,
        dealId: added.id,
        stageId: deal.stageId,
        locale: 'en',
      });
    }

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const language = (await options.evaluate('chrome.i18n.getUILanguage()')) as string;
    const money = (value: number, currency: string) =>
      new Intl.NumberFormat(language, { style: 'currency', currency }).format(value);
    const rate = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
      won / closed,
    );

    const winRate = options.getByTestId('win-rate');
    await expect.poll(() => winRate.textContent(), { timeout: 10_000 }).toContain(rate);
    expect(await winRate.textContent()).toContain(`${won} won of ${closed} closed`);

    /** Count, pipeline and weighted forecast per currency of one month, from the seeded open deals. */
    const expectedCells = (month: string) => {
      const deals = open.filter((deal) => deal.day.startsWith(month));
      const currencies = [...new Set(deals.map((deal) => deal.currency))];
      const sum = (currency: string, amount: (deal: (typeof open)[number]) => number) =>
        deals.filter((deal) => deal.currency === currency).reduce((total, deal) => total + amount(deal), 0);
      return {
        count: String(deals.length),
        pipeline: currencies.map((currency) =>
          money(
            sum(currency, (deal) => deal.value),
            currency,
          ),
        ),
        weighted: currencies.map((currency) =>
          money(
            sum(currency, (deal) => (deal.value * probability(deal.stageId)) / 100),
            currency,
          ),
        ),
      };
    };

    for (const month of [dates.thisMonth, dates.nextMonth]) {
      const row = options.locator(`[data-testid="forecast-month"][data-month="${month}"]`);
      const expected = expectedCells(month);
      expect(await row.locator('td[data-column="deals"]').textContent()).toBe(expected.count);
      expect((await row.locator('td[data-column="pipeline"] li').allTextContents()).sort()).toEqual(
        expected.pipeline.sort(),
      );
      expect((await row.locator('td[data-column="weighted"] li').allTextContents()).sort()).toEqual(
        expected.weighted.sort(),
      );
    }
    expect(await options.getByTestId('forecast-month').count()).toBe(6);
    expect(await options.getByTestId('forecast-overdue').count()).toBe(0);
    // The figures read well to assistive technology: tables with captions and headers, labelled figures.
    expect(await seriousAccessibilityViolations(options.mainFrame())).toEqual([]);
  });
});
