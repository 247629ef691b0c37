import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOUR_MS, toDateTimeLocalValue, tomorrowMorning } from '../../../lib/dates/due';
import { listAccountFollowUps } from '../../../lib/db/follow-ups';
import { FollowUpsSection } from '../../../components/panel/FollowUpsSection';
import { fixClockAt } from '../support/clock';
import { eventually } from '../support/eventually';
import {
  ACCOUNT_KEY,
  CONTACT_EMAIL,
  database,
  resetDatabase,
  SectionHarness,
  showThread,
} from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const renderSection = () => render(<SectionHarness sections={[FollowUpsSection]} />);
const stored = async () => listAccountFollowUps(await database(), ACCOUNT_KEY);

/** Proposals from the lead stage's cadence, made the way a stage change makes them. */
async function enterLeadStage() {
  const { setStage } = await import('../../../lib/background/handlers/panel-writes');
  await setStage({ accountKey: ACCOUNT_KEY, contactEmail: CONTACT_EMAIL, stageId: 'lead', locale: 'en' });
}

async function addThroughForm(title: string) {
  await userEvent.type(await screen.findByTestId('followup-title'), title);
  await userEvent.click(screen.getByTestId('followup-add'));
  return eventually(stored, (rows) => rows.some((row) => row.title === title));
}

describe('FollowUpsSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  it('adds a follow-up through the form and lists it', async () => {
    renderSection();
    const title = await screen.findByTestId('followup-title');
    expect(title).toHaveAccessibleName('What needs to happen next?');
    expect(screen.getByTestId('followup-due')).toHaveAccessibleName('Due');
    expect(screen.getByTestId('followup-due')).toHaveAttribute('type', 'datetime-local');

    const before = Date.now();
    await userEvent.type(title, 'Send the pilot proposal');
    await userEvent.click(screen.getByTestId('followup-add'));

    const rows = await eventually(stored, (list) => list.length === 1);
    expect(rows[0]).toMatchObject({
      title: 'Send the pilot proposal',
      status: 'open',
      source: 'manual',
      contactEmail: CONTACT_EMAIL,
      due: tomorrowMorning(new Date(before)).getTime(),
    });
    const item = await screen.findByTestId('followup-item');
    expect(item).toHaveTextContent('Send the pilot proposal');
    expect(item).toHaveTextContent('tomorrow');
    expect(screen.getByTestId('followup-title')).toHaveValue('');
  });

  it('refuses an empty title at the field and stores nothing', async () => {
    renderSection();
    const title = await screen.findByTestId('followup-title');
    await userEvent.type(title, '   ');
    await userEvent.click(screen.getByTestId('followup-add'));

    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Write what needs to happen next.');
    expect(title).toHaveFocus();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await stored()).toEqual([]);
    expect(screen.queryByTestId('followup-item')).not.toBeInTheDocument();

    await userEvent.type(title, 'Call back');
    expect(title).not.toHaveAttribute('aria-invalid');
  });

  it('accepts a due time in the past and shows it as overdue', async () => {
    renderSection();
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    fireEvent.change(await screen.findByTestId('followup-due'), {
      target: { value: toDateTimeLocalValue(yesterday) },
    });
    await addThroughForm('Chase the signed NDA');
    const item = await screen.findByTestId('followup-item');
    expect(item).toHaveAttribute('data-due-state', 'overdue');
    expect(item).toHaveTextContent('Overdue');
  });

  it('stores a 10,000-character title whole and shows the full text on hover', async () => {
    renderSection();
    const long = '跟进报价 🚀 '.repeat(1250).slice(0, 10_000);
    expect(long).toHaveLength(10_000);
    fireEvent.change(await screen.findByTestId('followup-title'), { target: { value: long } });
    await userEvent.click(screen.getByTestId('followup-add'));
    const rows = await eventually(stored, (list) => list.length === 1);
    // Compared as booleans: a failure message must not print 10,000 characters.
    expect(rows[0]!.title === long.trim()).toBe(true);
    const item = await screen.findByTestId('followup-item');
    const shown = item.querySelector('.ds-followup-title');
    expect(shown?.getAttribute('title') === long.trim()).toBe(true);
    expect(shown?.textContent === long.trim()).toBe(true);
  });

  it('keeps the title and says why when the background refuses the write', async () => {
    renderSection();
    const tooLong = 'x'.repeat(10_001);
    fireEvent.change(await screen.findByTestId('followup-title'), { target: { value: tooLong } });
    await userEvent.click(screen.getByTestId('followup-add'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toBe('');
    expect((screen.getByTestId('followup-title') as HTMLInputElement).value === tooLong).toBe(true);
    expect(await stored()).toEqual([]);
  });

  it('marks a follow-up done, lists it under Done, and reopens it', async () => {
    renderSection();
    await addThroughForm('Book the site visit');
    const done = await screen.findByTestId('followup-done');
    expect(done).toHaveAccessibleName('Mark as done');
    expect(done).toHaveAccessibleDescription('Book the site visit');
    await userEvent.click(done);

    const [row] = await eventually(stored, (rows) => rows[0]?.status === 'done');
    expect(row!.doneAt).toBeTypeOf('number');
    await waitFor(() => expect(screen.queryByTestId('followup-item')).not.toBeInTheDocument());
    const summary = screen.getByTestId('followup-done-summary');
    expect(summary).toHaveTextContent('Done (1)');
    await userEvent.click(summary);
    await userEvent.click(within(screen.getByTestId('followup-done-item')).getByTestId('followup-reopen'));
    await eventually(stored, (rows) => rows[0]?.status === 'open' && rows[0].doneAt === undefined);
    expect(await screen.findByTestId('followup-item')).toHaveTextContent('Book the site visit');
  });

  it('snoozes by one hour and to tomorrow 9:00', async () => {
    renderSection();
    await addThroughForm('Send the revised quote');
    const item = await screen.findByTestId('followup-item');

    const clicked = Date.now();
    await userEvent.click(within(item).getByTestId('followup-snooze-hour'));
    const [hour] = await eventually(stored, (rows) => rows[0]?.snoozedUntil !== undefined);
    expect(hour!.due).toBeGreaterThanOrEqual(clicked + HOUR_MS);
    expect(hour!.due).toBeLessThan(Date.now() + HOUR_MS + 1);
    expect(hour!.snoozedUntil).toBe(hour!.due);

    await userEvent.click(
      within(screen.getByTestId('followup-item')).getByTestId('followup-snooze-tomorrow'),
    );
    const expected = tomorrowMorning(new Date()).getTime();
    const [tomorrow] = await eventually(stored, (rows) => rows[0]?.due === expected);
    expect(tomorrow!.status).toBe('open');
    expect(new Date(tomorrow!.due).getHours()).toBe(9);
  });

  it('shows the playbook proposals apart, and accepts or dismisses them', async () => {
    await enterLeadStage();
    renderSection();
    const proposals = await screen.findAllByTestId('followup-proposal');
    expect(proposals).toHaveLength(3);
    expect(screen.getByText('Suggested by your playbook')).toBeInTheDocument();
    expect(screen.queryByTestId('followup-item')).not.toBeInTheDocument();

    const first = proposals[0]!;
    const firstId = first.getAttribute('data-followup-id')!;
    expect(first).toHaveTextContent('Research the account and map its stakeholders');
    await userEvent.click(within(first).getByTestId('followup-accept'));
    await eventually(stored, (rows) => rows.find((row) => row.id === firstId)?.status === 'open');
    expect(await screen.findByTestId('followup-item')).toHaveTextContent('Research the account');

    await waitFor(() => expect(screen.getAllByTestId('followup-proposal')).toHaveLength(2));
    const second = screen.getAllByTestId('followup-proposal')[0]!;
    const secondId = second.getAttribute('data-followup-id')!;
    await userEvent.click(within(second).getByTestId('followup-dismiss'));
    const rows = await eventually(stored, (list) => !list.some((row) => row.id === secondId));
    expect(rows.map((row) => row.status).sort()).toEqual(['open', 'proposed']);
  });

  describe('on a fixed Wednesday', () => {
    fixClockAt(new Date(2026, 10, 25, 14, 20));

    it('defaults the due field to tomorrow 9:00 and quick picks set local times', async () => {
      renderSection();
      const due = await screen.findByTestId('followup-due');
      expect(due).toHaveValue('2026-11-26T09:00');

      await act(async () => fireEvent.click(screen.getByTestId('followup-pick-three-days')));
      expect(due).toHaveValue('2026-11-28T09:00');
      await act(async () => fireEvent.click(screen.getByTestId('followup-pick-next-week')));
      expect(due).toHaveValue('2026-11-30T09:00');
      await act(async () => fireEvent.click(screen.getByTestId('followup-pick-tomorrow')));
      expect(due).toHaveValue('2026-11-26T09:00');
      expect(screen.getByRole('group', { name: 'Quick picks for the due time' })).toBeInTheDocument();
    });
  });
});
