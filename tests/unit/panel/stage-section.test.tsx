import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccount } from '../../../lib/db/accounts';
import { addDeal, changeDealStage, getDeal, listAccountDeals } from '../../../lib/db/deals';
import { listAccountFollowUps } from '../../../lib/db/follow-ups';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import { StageSection } from '../../../components/panel/StageSection';
import { ACCOUNT_KEY, SectionHarness, database, resetDatabase, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const stageSelect = () => screen.getByTestId<HTMLSelectElement>('stage-select');

let ids = 0;
const newId = () => `s-${++ids}`;

/** The stages of the account's deals, as stored. */
async function dealStages(): Promise<(string | undefined)[]> {
  return (await listAccountDeals(await database(), ACCOUNT_KEY)).map((deal) => deal.stageId);
}

describe('StageSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  it('starts with no stage and lists the playbook stages in order', async () => {
    render(<SectionHarness sections={[StageSection]} />);

    expect(await screen.findByTestId('stage-current')).toHaveTextContent('No stage yet');
    const select = stageSelect();
    expect(select).toHaveAccessibleName('Stage');
    expect(select.value).toBe('');
    const options = within(select).getAllByRole('option') as HTMLOptionElement[];
    expect(options.map((option) => option.value)).toEqual(['', ...DEFAULT_PLAYBOOK.stages.map((s) => s.id)]);
    expect(options.map((option) => option.textContent)).toEqual([
      'Pick a stage…',
      '1. Lead identification',
      '2. Needs discovery',
      '3. Solution design',
      '4. Negotiation & signing',
      '5. After-sales & retention',
    ]);
    expect(options[0]).toBeDisabled();
  });

  it('moves the deal to the picked stage, forwards and back, and shows its goal', async () => {
    render(<SectionHarness sections={[StageSection]} />);
    await screen.findByTestId('stage-current');

    await userEvent.selectOptions(stageSelect(), 'solution');
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('Solution design'));
    expect(screen.getByText(/^Goal: Present a solution/)).toBeInTheDocument();
    expect(screen.getByText('Stage 3 of 5')).toBeInTheDocument();
    expect(stageSelect().value).toBe('solution');
    // The account's first stage starts its first deal.
    const [deal] = await listAccountDeals(await database(), ACCOUNT_KEY);
    expect(deal).toMatchObject({ stageId: 'solution', outcome: 'open' });

    // The stage's cadence proposes follow-ups for that deal, titled in the panel's language.
    const proposed = await listAccountFollowUps(await database(), ACCOUNT_KEY);
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((followUp) => followUp.status === 'proposed')).toBe(true);
    expect(proposed.every((followUp) => followUp.dealId === deal?.id)).toBe(true);

    await userEvent.selectOptions(stageSelect(), 'discovery');
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('Needs discovery'));
    // The same deal moved back; no second deal was started.
    expect(await listAccountDeals(await database(), ACCOUNT_KEY)).toEqual([
      expect.objectContaining({ id: deal?.id, stageId: 'discovery' }),
    ]);
    const events = await (await database()).getAll('stageEvents');
    expect(events.map((event) => [event.dealId, event.from, event.to])).toEqual(
      expect.arrayContaining([
        [deal?.id, undefined, 'solution'],
        [deal?.id, 'solution', 'discovery'],
      ]),
    );
  });

  it('shows playbook texts in the panel language', async () => {
    render(<SectionHarness sections={[StageSection]} locale="zh-CN" />);
    await screen.findByTestId('stage-current');
    await userEvent.selectOptions(stageSelect(), 'negotiation');
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('谈判签约'));
    expect(within(stageSelect()).getByRole('option', { name: '1. 潜在客户识别' })).toBeInTheDocument();
  });

  it('says when the deal is in a stage the playbook no longer has, and lets the rep pick another', async () => {
    await changeDealStage(
      await database(),
      { accountKey: ACCOUNT_KEY, stageId: 'qualification', proposals: [] },
      1000,
      newId,
    );
    render(<SectionHarness sections={[StageSection]} />);

    expect(await screen.findByTestId('stage-current')).toHaveTextContent('"qualification"');
    expect(
      screen.getByText('This deal\'s stage "qualification" is no longer in your playbook — pick a stage.'),
    ).toBeInTheDocument();
    expect(stageSelect().value).toBe('');

    await userEvent.selectOptions(stageSelect(), 'discovery');
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('Needs discovery'));
    expect(screen.queryByText(/no longer in your playbook/)).not.toBeInTheDocument();
    expect(await dealStages()).toEqual(['discovery']);
  });

  it('sets the industry', async () => {
    render(<SectionHarness sections={[StageSection]} />);
    const industry = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Industry' });
    expect(industry.value).toBe('general');
    expect(
      within(industry)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['General', 'Manufacturing', 'Services', 'Software & IT']);

    await userEvent.selectOptions(industry, 'manufacturing');
    await waitFor(() => expect(industry.value).toBe('manufacturing'));
    const account = await getAccount(await database(), ACCOUNT_KEY);
    expect(account?.industry).toBe('manufacturing');
    // Setting the industry does not start a deal nor put one in a stage.
    expect(await listAccountDeals(await database(), ACCOUNT_KEY)).toEqual([]);
    expect(screen.getByTestId('stage-current')).toHaveTextContent('No stage yet');
  });

  it('reports a refused stage change beside the picker and keeps the current stage', async () => {
    // The panel's copy of the playbook has a stage the rep's saved playbook no longer has.
    const stale: Playbook = {
      ...DEFAULT_PLAYBOOK,
      stages: [
        ...DEFAULT_PLAYBOOK.stages,
        {
          id: 'pilot',
          name: { en: 'Pilot', 'zh-CN': '试点' },
          goal: { en: 'Run a pilot.', 'zh-CN': '开展试点。' },
          checklist: [],
        },
      ],
    };
    render(<SectionHarness sections={[StageSection]} playbook={stale} />);
    await screen.findByTestId('stage-current');

    await userEvent.selectOptions(stageSelect(), 'pilot');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Stage not changed: The playbook has no stage "pilot".');
    expect(stageSelect()).toHaveAttribute('aria-invalid', 'true');
    expect(stageSelect()).toHaveAccessibleDescription(alert.textContent ?? '');
    expect(screen.getByTestId('stage-current')).toHaveTextContent('No stage yet');
    expect(stageSelect().value).toBe('');
    expect(await getAccount(await database(), ACCOUNT_KEY)).toBeUndefined();
    expect(await listAccountDeals(await database(), ACCOUNT_KEY)).toEqual([]);

    // The next successful change clears the message.
    await userEvent.selectOptions(stageSelect(), 'lead');
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('Lead identification'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('moves the deal shown, never another open deal of the account', async () => {
    const db = await database();
    const pilot = await addDeal(
      db,
      { accountKey: ACCOUNT_KEY, title: 'Pilot', stageId: 'lead' },
      1000,
      newId,
    );
    const rollout = await addDeal(
      db,
      { accountKey: ACCOUNT_KEY, title: 'Rollout', stageId: 'discovery' },
      2000,
      newId,
    );
    render(<SectionHarness sections={[StageSection]} dealId={pilot.id} />);
    expect(await screen.findByTestId('stage-current')).toHaveTextContent('Lead identification');

    await userEvent.selectOptions(stageSelect(), 'solution');
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('Solution design'));
    expect(await getDeal(db, pilot.id)).toMatchObject({ stageId: 'solution' });
    expect(await getDeal(db, rollout.id)).toMatchObject({ stageId: 'discovery', updatedAt: 2000 });
  });
});
