import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { database } from '../../../lib/background/db-connection';
import { addDeal, closeDeal, type DealClosing } from '../../../lib/db/deals';
import { DAY_MS } from '../../../lib/dates/due';
import { formatDealValue } from '../../../components/panel/deal-format';
import type { Catalogue } from '../../../lib/i18n';
import { fixClockAt } from '../support/clock';
import { resetDatabase } from '../support/database';
import { speak } from '../support/language';
import { local } from '../reminders/time-zone';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { InsightsSection } = await import('../../../components/options/InsightsSection');

const NOW = local(2026, 6, 15, 12);
let ids = 0;
const newId = () => `o-${++ids}`;

async function seed(): Promise<void> {
  const db = await database();
  const closings: DealClosing[] = [
    ...Array.from({ length: 5 }, () => ({ outcome: 'won' }) as const),
    { outcome: 'lost', lostReason: 'price' },
    { outcome: 'lost', lostReason: 'price' },
    { outcome: 'lost', lostReason: 'competitor' },
  ];
  for (const [index, closing] of closings.entries()) {
    const deal = await addDeal(
      db,
      {
        accountKey: `closed-${index}.example`,
        title: `Closed ${index}`,
        stageId: 'solution',
        value: 4_000,
        currency: 'EUR',
      },
      NOW - 20 * DAY_MS,
      newId,
    );
    await closeDeal(db, deal.id, closing, NOW - 8 * DAY_MS);
  }
  await addDeal(
    db,
    {
      accountKey: 'open-1.example',
      title: 'Open 1',
      stageId: 'negotiation',
      value: 10_000,
      currency: 'EUR',
      closeDate: '2026-06-20',
    },
    NOW - DAY_MS,
    newId,
  );
  await addDeal(
    db,
    {
      accountKey: 'open-2.example',
      title: 'Open 2',
      stageId: 'solution',
      value: 50_000,
      currency: 'CNY',
      closeDate: '2026-07-10',
    },
    NOW - DAY_MS,
    newId,
  );
}

const month = (yyyyMm: string) =>
  screen.getAllByTestId('forecast-month').find((row) => row.getAttribute('data-month') === yyyyMm)!;
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('outcomes and forecast on the insights page', () => {
  fixClockAt(NOW);
  beforeEach(async () => {
    await resetDatabase();
    await seed();
  });

  it('shows the win rate, lost reasons, average won deal and sales cycle of the period', async () => {
    render(<InsightsSection />);
    // 5 won of 8 closed.
    expect(await screen.findByTestId('win-rate')).toHaveTextContent('62.5% 5 won of 8 closed');
    // Every won deal was opened 20 days before and won 8 days before: 12 days.
    expect(screen.getByTestId('sales-cycle')).toHaveTextContent(
      'median 12 days · mean 12 days over 5 won deals',
    );
    const reasons = screen.getByRole('table', { name: /Deals lost in the period, per reason/ });
    expect(cells(within(reasons).getByRole('row', { name: /Price/ }))).toEqual(['2', '67%']);
    expect(cells(within(reasons).getByRole('row', { name: /Chose a competitor/ }))).toEqual(['1', '33%']);
    const sizes = screen.getByRole('table', { name: /Average value of the deals won/ });
    expect(cells(within(sizes).getByRole('row', { name: /EUR/ }))).toEqual([
      formatDealValue(4_000, 'EUR', 'en'),
      '5',
    ]);
  });

  it('shows one forecast row per month with the count, pipeline and weighted forecast per currency', async () => {
    render(<InsightsSection />);
    await screen.findByTestId('forecast-table');
    expect(screen.getAllByTestId('forecast-month').map((row) => row.getAttribute('data-month'))).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    // Negotiation is 60 %, solution 40 %.
    expect(within(month('2026-06')).getByRole('rowheader')).toHaveTextContent('June 2026');
    expect(cells(month('2026-06'))).toEqual([
      '1',
      formatDealValue(10_000, 'EUR', 'en'),
      formatDealValue(6_000, 'EUR', 'en'),
    ]);
    expect(cells(month('2026-07'))).toEqual([
      '1',
      formatDealValue(50_000, 'CNY', 'en'),
      formatDealValue(20_000, 'CNY', 'en'),
    ]);
    expect(cells(month('2026-08'))).toEqual(['0', '—', '—']);
    expect(screen.queryByTestId('forecast-overdue')).toBeNull();
  });

  it('speaks Chinese when the browser does', async () => {
    speak(chinese as Catalogue, 'zh-CN');
    render(<InsightsSection />);
    expect(await screen.findByTestId('win-rate')).toHaveTextContent('62.5% 已结束 8 个，赢单 5 个');
    expect(within(month('2026-07')).getByRole('rowheader')).toHaveTextContent('2026年7月');
    expect(cells(month('2026-07'))[2]).toBe(formatDealValue(20_000, 'CNY', 'zh-CN'));
  });
});
