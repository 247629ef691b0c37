import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { recordContactSeen } from '../../../lib/db/accounts';
import { changeDealStage } from '../../../lib/db/deals';
import { addFollowUp, applyFollowUpAction } from '../../../lib/db/follow-ups';
import { local } from '../reminders/time-zone';
import { fixClockAt } from '../support/clock';
import { clearDataStores } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).extensionPageMessenger,
);

const { PopupApp } = await import('../../../components/popup/PopupApp');

const NORTHWIND = 'northwind-trading.com';
const jane = { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', accountKey: NORTHWIND };
const NOW = local(2025, 6, 12, 12);
let ids = 0;

async function seed(title: string, due: number, createdAt = NOW - 60_000) {
  return addFollowUp(
    await database(),
    { accountKey: NORTHWIND, title, due, person: jane },
    createdAt,
    `f-${++ids}`,
  );
}

const rows = () => screen.queryAllByTestId('popup-followup');
const titles = () => rows().map((row) => within(row).getByTestId('popup-followup-title').textContent);

describe('PopupApp', () => {
  fixClockAt(NOW);
  beforeEach(async () => {
    await clearDataStores();
  });

  it('says what to do when nothing is due, and links to the options', async () => {
    render(<PopupApp />);
    expect(await screen.findByTestId('popup-empty')).toHaveTextContent('Add a next step in the panel');
    expect(screen.getByRole('button', { name: 'Settings and insights' })).toBeInTheDocument();
    expect(rows()).toHaveLength(0);
  });

  it('lists overdue and today, keeps the next 7 days collapsed, and shows who, when and where from', async () => {
    await seed('Send the pilot proposal', local(2025, 6, 11, 15));
    await seed('Call about the budget', local(2025, 6, 12, 16, 30));
    await seed('Prepare the demo', local(2025, 6, 14, 9));
    await seed('Next month', local(2025, 7, 30, 9));
    await changeDealStage(
      await database(),
      {
        accountKey: NORTHWIND,
        stageId: 'needs',
        person: jane,
        proposals: [{ stepId: 's', title: 'Proposed only', due: local(2025, 6, 12, 13) }],
      },
      NOW,
      () => `p-${++ids}`,
    );
    const proposal = (await (await database()).getAll('followUps')).find((row) => row.status === 'proposed')!;
    await applyFollowUpAction(await database(), proposal.id, { kind: 'accept' }, NOW - 1000);

    render(<PopupApp />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByTestId('popup-empty')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('popup-section-overdue')).getAllByTestId('popup-followup')).toHaveLength(
      1,
    );
    expect(titles()).toEqual(['Send the pilot proposal', 'Proposed only', 'Call about the budget']);

    const [overdue, cadence, today] = rows();
    expect(overdue).toHaveTextContent(`${NORTHWIND} · Jane Cooper`);
    expect(overdue).toHaveTextContent('yesterday');
    expect(today).toHaveTextContent('in 5 hours'); // 4 h 30 min, rounded
    expect(today!.querySelector('time')).toHaveAttribute(
      'dateTime',
      new Date(local(2025, 6, 12, 16, 30)).toISOString(),
    );
    expect(cadence).toHaveAttribute('data-from-cadence', 'true');
    expect(cadence).toHaveTextContent('Stage cadence');
    expect(today).toHaveAttribute('data-from-cadence', 'false');

    await userEvent.click(screen.getByTestId('popup-week-toggle'));
    expect(titles()).toContain('Prepare the demo');
    expect(titles()).not.toContain('Next month');
  });

  it('cuts a 10,000-character title and keeps the whole text for hovering', async () => {
    const long = 'Renewal terms '.repeat(715).slice(0, 10_000);
    await seed(long, local(2025, 6, 12, 18));
    render(<PopupApp />);
    const title = await screen.findByTestId('popup-followup-title');
    expect(title.textContent!.length).toBeLessThan(400);
    expect(title).toHaveAttribute('title', long);
  });

  it('keyboard: focus starts on the first row, arrows move, D marks done, Enter opens', async () => {
    await seed('First', local(2025, 6, 12, 13));
    const second = await seed('Second', local(2025, 6, 12, 14));
    await seed('Third', local(2025, 6, 12, 15));
    await recordContactSeen(await database(), jane.email, 'https://mail.google.com/mail/u/0/#inbox/abc', NOW);
    render(<PopupApp />);
    await waitFor(() => expect(rows()[0]).toHaveFocus());

    await userEvent.keyboard('{ArrowDown}');
    expect(rows()[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(rows()[2]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(rows()[1]).toHaveFocus();

    await userEvent.keyboard('d');
    await waitFor(() => expect(titles()).toEqual(['First', 'Third']));
    expect(await (await database()).get('followUps', second.id)).toMatchObject({ status: 'done' });
    // Focus stays where the done row was.
    await waitFor(() => expect(rows()[1]).toHaveFocus());
    expect(screen.getByTestId('popup-notice')).toHaveTextContent('Marked done: Second');

    await userEvent.keyboard('{Enter}');
    await waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        'https://mail.google.com/mail/u/0/#inbox/abc',
      ),
    );
  });

  it('undo takes a done back', async () => {
    await seed('Only one', local(2025, 6, 12, 13));
    render(<PopupApp />);
    await userEvent.click(await screen.findByTestId('popup-done'));
    await waitFor(() => expect(rows()).toHaveLength(0));
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['Only one']));
  });

  it('snoozes by an hour, to tomorrow 9:00, or to a picked date', async () => {
    const a = await seed('A', local(2025, 6, 12, 11));
    const b = await seed('B', local(2025, 6, 12, 12, 30));
    const c = await seed('C', local(2025, 6, 12, 13));
    render(<PopupApp />);
    await waitFor(() => expect(rows()).toHaveLength(3));

    await userEvent.click(within(rows()[0]!).getByTestId('popup-snooze'));
    await userEvent.click(screen.getByTestId('popup-snooze-hour'));
    await waitFor(async () =>
      expect((await (await database()).get('followUps', a.id))?.due).toBe(NOW + 3_600_000),
    );
    await waitFor(() => expect(screen.getByTestId('popup-section-today')).toHaveTextContent('A'));

    const rowOf = (title: string) =>
      rows().find((row) => within(row).getByTestId('popup-followup-title').textContent === title)!;
    await userEvent.click(within(rowOf('B')).getByTestId('popup-snooze'));
    await userEvent.click(screen.getByTestId('popup-snooze-tomorrow'));
    await waitFor(async () =>
      expect((await (await database()).get('followUps', b.id))?.due).toBe(local(2025, 6, 13, 9)),
    );

    await userEvent.click(within(rowOf('C')).getByTestId('popup-snooze'));
    await userEvent.click(screen.getByTestId('popup-snooze-pick'));
    const picker = screen.getByTestId('popup-snooze-date');
    await userEvent.clear(picker);
    await userEvent.click(screen.getByTestId('popup-snooze-apply'));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick a date and time');
    await userEvent.type(picker, '2025-06-20T10:15');
    await userEvent.click(screen.getByTestId('popup-snooze-apply'));
    await waitFor(async () =>
      expect((await (await database()).get('followUps', c.id))?.due).toBe(local(2025, 6, 20, 10, 15)),
    );
    expect(screen.getByTestId('popup-notice')).toHaveTextContent('Snoozed until');
  });

  it('tells when there is nothing to open', async () => {
    await addFollowUp(
      await database(),
      { accountKey: NORTHWIND, title: 'No one in particular', due: NOW + 60_000 },
      NOW - 1,
      'solo',
    );
    render(<PopupApp />);
    await userEvent.click(await screen.findByTestId('popup-open'));
    await waitFor(() => expect(screen.getByTestId('popup-notice')).toHaveTextContent('nothing to open'));
  });
});
