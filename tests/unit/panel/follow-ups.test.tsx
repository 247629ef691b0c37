import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOUR_MS, toDateTimeLocalValue, tomorrowMorning } from '../../../lib/dates/due';
import { listAccountFollowUps } from '../../../lib/db/follow-ups';
import { FollowUpsSection, UNDO_MS } from '../../../components/panel/FollowUpsSection';
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

  it('edits the title and due time in the row, checking both, and cancels with Escape', async () => {
    renderSection();
    await addThroughForm('Send the quote');
    const item = await screen.findByTestId('followup-item');
    const edit = within(item).getByTestId('followup-edit');
    expect(edit).toHaveAccessibleDescription('Send the quote');
    await userEvent.click(edit);

    const title = within(item).getByTestId('followup-edit-title');
    const due = within(item).getByTestId('followup-edit-due');
    expect(title).toHaveFocus();
    expect(title).toHaveAccessibleName('What needs to happen next?');
    expect(title).toHaveValue('Send the quote');
    await userEvent.clear(title);
    fireEvent.change(due, { target: { value: '' } });
    await userEvent.click(within(item).getByTestId('followup-edit-save'));
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Write what needs to happen next.');
    expect(due).toHaveAccessibleDescription('Enter a date and time.');

    await userEvent.type(title, 'Send the revised quote');
    fireEvent.change(due, { target: { value: '2030-03-04T15:45' } });
    await userEvent.click(within(item).getByTestId('followup-edit-save'));
    const [row] = await eventually(stored, (rows) => rows[0]?.title === 'Send the revised quote');
    expect(row!.due).toBe(new Date(2030, 2, 4, 15, 45).getTime());
    await waitFor(() => expect(screen.queryByTestId('followup-edit-form')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByTestId('followup-item')).toHaveTextContent('Send the revised quote'),
    );
    expect(screen.getByTestId('followup-edit')).toHaveFocus();

    await userEvent.click(screen.getByTestId('followup-edit'));
    await userEvent.type(screen.getByTestId('followup-edit-title'), ' again{Escape}');
    expect(screen.queryByTestId('followup-edit-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('followup-edit')).toHaveFocus();
    expect((await stored())[0]!.title).toBe('Send the revised quote');
  });

  it('makes an edited proposal an open follow-up of the rep', async () => {
    await enterLeadStage();
    renderSection();
    const [proposal] = await screen.findAllByTestId('followup-proposal');
    const id = proposal!.getAttribute('data-followup-id')!;
    await userEvent.click(within(proposal!).getByTestId('followup-edit'));
    const title = within(proposal!).getByTestId('followup-edit-title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Map the buying committee{Enter}');
    const rows = await eventually(stored, (list) => list.find((row) => row.id === id)?.status === 'open');
    expect(rows.find((row) => row.id === id)).toMatchObject({
      title: 'Map the buying committee',
      source: 'manual',
    });
    expect(await screen.findByTestId('followup-item')).toHaveTextContent('Map the buying committee');
  });

  describe('deleting', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('deletes at once, says so in a status region, and undo brings back the same row', async () => {
      renderSection();
      const [added] = await addThroughForm('Book the site visit');
      await userEvent.click(
        within(await screen.findByTestId('followup-item')).getByTestId('followup-delete'),
      );
      await eventually(stored, (rows) => rows.length === 0);
      const status = screen.getByRole('status', { name: '' });
      expect(status).toBe(screen.getByTestId('followup-undo-status'));
      await waitFor(() => expect(status).toHaveTextContent('Deleted “Book the site visit”.'));
      await waitFor(() => expect(screen.queryByTestId('followup-item')).not.toBeInTheDocument());

      await userEvent.click(within(status).getByTestId('followup-undo'));
      const rows = await eventually(stored, (list) => list.length === 1);
      expect(rows[0]).toEqual(added);
      expect(await screen.findByTestId('followup-item')).toHaveTextContent('Book the site visit');
      expect(status).toHaveTextContent('Brought back “Book the site visit”.');
      expect(screen.queryByTestId('followup-undo')).not.toBeInTheDocument();
    });

    it(`offers undo for ${UNDO_MS / 1000} seconds`, async () => {
      renderSection();
      await addThroughForm('Call Jane');
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
      await userEvent.click(
        within(await screen.findByTestId('followup-item')).getByTestId('followup-delete'),
      );
      expect(await screen.findByTestId('followup-undo')).toBeInTheDocument();
      await act(async () => {
        vi.advanceTimersByTime(UNDO_MS - 500);
      });
      expect(screen.getByTestId('followup-undo')).toBeInTheDocument();
      await act(async () => {
        vi.advanceTimersByTime(600);
      });
      expect(screen.queryByTestId('followup-undo')).not.toBeInTheDocument();
      expect(screen.getByTestId('followup-undo-status')).toHaveTextContent('');
    });
  });

  it('downloads the follow-up as a calendar file named after its title', async () => {
    renderSection();
    await addThroughForm('Quote: 3,000 units; 跟进 🚀');
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:calendar';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    try {
      await userEvent.click(within(await screen.findByTestId('followup-item')).getByTestId('followup-ics'));
      expect(names).toEqual(['Quote 3,000 units; 跟进 🚀.ics']);
      expect(blobs[0]!.type).toBe('text/calendar;charset=utf-8');
      const [row] = await stored();
      const event = new ICAL.Event(
        new ICAL.Component(ICAL.parse(await blobs[0]!.text())).getFirstSubcomponent('vevent')!,
      );
      expect(event.uid).toBe(`${row!.id}@dealside`);
      expect(event.summary).toBe('Quote: 3,000 units; 跟进 🚀');
      expect(event.startDate.toJSDate().getTime()).toBe(row!.due);
      expect(event.description).toBe(
        `Account: northwind-trading.com\nContact: Jane Cooper <${CONTACT_EMAIL}>`,
      );
    } finally {
      createObjectURL.mockRestore();
      click.mockRestore();
    }
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
