import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { changeDealStage } from '../../../lib/db/deals';
import { addFollowUp, applyFollowUpAction } from '../../../lib/db/follow-ups';
import { DAY_MS } from '../../../lib/dates/due';
import { resetDatabase } from '../support/database';
import { inTransaction } from '../../../lib/db/transaction';
import { SYNC_CONFIG_ITEM } from '../../../lib/background/sync/sync-config';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { InsightsSection } = await import('../../../components/options/InsightsSection');

let ids = 0;
const newId = () => `i-${++ids}`;

async function move(accountKey: string, stageId: string, daysAgo: number) {
  await changeDealStage(
    await database(),
    { accountKey, stageId, proposals: [] },
    Date.now() - daysAgo * DAY_MS,
    newId,
  );
}

const stageCount = (stageId: string) =>
  screen.getAllByTestId('funnel-stage').find((stage) => stage.getAttribute('data-stage-id') === stageId);

describe('InsightsSection', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('says what to do when there is no data yet', async () => {
    render(<InsightsSection />);
    expect(await screen.findByTestId('insights-empty')).toHaveTextContent(
      "pick the deal's stage in the Dealside panel",
    );
    expect(screen.queryByTestId('funnel-chart')).toBeNull();
  });

  it('draws one funnel bar per playbook stage with its count, and the exact figures in a table', async () => {
    await move('northwind.com', 'lead', 10);
    await move('northwind.com', 'discovery', 5);
    await move('contoso.com', 'lead', 3);
    await move('fabrikam.com', 'pilot', 2);
    render(<InsightsSection />);

    const chart = await screen.findByTestId('funnel-chart');
    expect(chart).toHaveAccessibleName(/Sales funnel/);
    const stages = within(chart).getAllByTestId('funnel-stage');
    expect(stages.map((stage) => stage.getAttribute('data-stage-id'))).toEqual([
      'lead',
      'discovery',
      'solution',
      'negotiation',
      'after-sales',
    ]);
    expect(stageCount('lead')).toHaveTextContent('1');
    expect(stageCount('discovery')).toHaveTextContent('Needs discovery');
    expect(stageCount('discovery')!.getAttribute('data-count')).toBe('1');
    expect(within(chart).getByTestId('funnel-other-stage')).toHaveTextContent('Other / removed stage');

    const table = screen.getByRole('table', { name: /Stages: accounts in each now/ });
    const leadRow = within(table).getByRole('row', { name: /Lead identification/ });
    // Accounts now 1; reached 2; of those, 1 went on to discovery.
    expect(
      within(leadRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '2', '50% (1 of 2)']);
    expect(within(table).getByRole('row', { name: /Other \/ removed stage/ })).toHaveTextContent('pilot');
  });

  it('filters by period: 30 days, 90 days, 365 days or all time', async () => {
    const db = await database();
    await move('northwind.com', 'lead', 1);
    const late = await addFollowUp(
      db,
      { accountKey: 'northwind.com', title: 'Call', due: Date.now() - 60 * DAY_MS },
      Date.now() - 70 * DAY_MS,
      newId(),
    );
    await applyFollowUpAction(db, late.id, { kind: 'done' }, Date.now() - 50 * DAY_MS);
    render(<InsightsSection />);

    const table = await screen.findByTestId('followups-table');
    const lateRow = () =>
      within(screen.getByTestId('followups-table')).getByRole('row', { name: /Done late/ });
    // Default: the last 90 days.
    expect(screen.getByRole('radio', { name: 'Last 90 days' })).toBeChecked();
    expect(within(lateRow()).getAllByRole('cell')[0]).toHaveTextContent('1');
    expect(table).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Last 30 days' }));
    await vi.waitFor(() => expect(within(lateRow()).getAllByRole('cell')[0]).toHaveTextContent('0'));
    await userEvent.click(screen.getByRole('radio', { name: 'All time' }));
    await vi.waitFor(() => expect(within(lateRow()).getAllByRole('cell')[0]).toHaveTextContent('1'));
  });

  it('updates when a deal moves in a panel', async () => {
    await move('northwind.com', 'lead', 1);
    render(<InsightsSection />);
    await screen.findByTestId('funnel-chart');
    expect(stageCount('discovery')!.getAttribute('data-count')).toBe('0');

    const { setStage } = await import('../../../lib/background/handlers/panel-writes');
    await setStage({ accountKey: 'northwind.com', stageId: 'discovery', locale: 'en' });
    await vi.waitFor(() => expect(stageCount('discovery')!.getAttribute('data-count')).toBe('1'), {
      timeout: 3000,
    });
  });

  it('waits until a hidden tab is shown again before recomputing', async () => {
    await move('northwind.com', 'lead', 1);
    render(<InsightsSection />);
    await screen.findByTestId('funnel-chart');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');

    const { setStage } = await import('../../../lib/background/handlers/panel-writes');
    await setStage({ accountKey: 'northwind.com', stageId: 'discovery', locale: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 1800));
    expect(stageCount('discovery')!.getAttribute('data-count')).toBe('0');

    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(stageCount('discovery')!.getAttribute('data-count')).toBe('1'));
  });

  it('names the stages in the UI language', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'zh-CN';
    await move('northwind.com', 'discovery', 1);
    render(<InsightsSection />);
    await screen.findByTestId('funnel-chart');
    expect(stageCount('discovery')).toHaveTextContent('需求沟通');
    expect(screen.getByTestId('funnel-table')).toHaveTextContent('需求沟通');
  });
  it('offers "Mine" and "Team" once sync is on, and counts a colleague’s move only in Team', async () => {
    await move('northwind.com', 'lead', 2);
    const db = await database();
    await changeDealStage(
      db,
      {
        accountKey: 'contoso.com',
        stageId: 'lead',
        proposals: [],
        author: { name: 'Ana Souza', email: 'ana@dealside.example' },
      },
      Date.now() - DAY_MS,
      newId,
    );
    render(<InsightsSection />);
    await screen.findByTestId('funnel-chart');
    // Sync off: everything here is the rep's own, and there is nothing to choose.
    expect(screen.queryByTestId('insights-scope')).toBeNull();
    expect(stageCount('lead')!.getAttribute('data-count')).toBe('2');
    cleanup();

    await inTransaction(db, ['privateItems'], 'readwrite', (tx) =>
      tx
        .objectStore('privateItems')
        .put(
          { url: 'https://couch.example', database: 'team', username: 'li', password: 'x', startedAt: 1 },
          SYNC_CONFIG_ITEM,
        ),
    );
    render(<InsightsSection />);
    const scope = await screen.findByTestId('insights-scope');
    expect(within(scope).getByRole('radio', { name: 'Mine' })).toBeChecked();
    await vi.waitFor(() => expect(stageCount('lead')!.getAttribute('data-count')).toBe('1'));
    expect(screen.getByTestId('insights-scope-hint')).toHaveTextContent('anything recorded without a name');
    await userEvent.click(within(scope).getByRole('radio', { name: 'Team' }));
    await vi.waitFor(() => expect(stageCount('lead')!.getAttribute('data-count')).toBe('2'));
    expect(screen.getByTestId('insights-scope-hint')).toHaveTextContent("everyone's work");
  });
});
