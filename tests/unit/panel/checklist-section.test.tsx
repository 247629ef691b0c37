import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAccount, updateAccount } from '../../../lib/db/accounts';
import {
  addDeal,
  changeDealStage,
  getDeal,
  listAccountDeals,
  tickDealChecklist,
} from '../../../lib/db/deals';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { ChecklistSection } from '../../../components/panel/ChecklistSection';
import { StageSection } from '../../../components/panel/StageSection';
import { inProcessMessenger } from '../support/in-process-messenger';
import { ACCOUNT_KEY, SectionHarness, database, resetDatabase, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const stage = (id: string) => DEFAULT_PLAYBOOK.stages.find((candidate) => candidate.id === id)!;

let ids = 0;
const newId = () => `c-${++ids}`;

/** Puts the account's deal in a stage with some of its checklist ticked, as earlier work would have. */
async function seed(stageId: string, ticked: string[] = []): Promise<void> {
  const db = await database();
  await changeDealStage(db, { accountKey: ACCOUNT_KEY, stageId, proposals: [] }, 1000, newId);
  for (const itemId of ticked) {
    await tickDealChecklist(db, { accountKey: ACCOUNT_KEY, stageId, itemId, done: true }, 1000, newId);
  }
}

const checkbox = (itemId: string) =>
  within(
    screen.getAllByTestId('checklist-item').find((item) => item.dataset.itemId === itemId)!,
  ).getByRole<HTMLInputElement>('checkbox');

/** The items of `stageId` ticked on the account's only deal, as stored. */
async function tickedInDb(stageId: string): Promise<string[]> {
  const deals = await listAccountDeals(await database(), ACCOUNT_KEY);
  expect(deals).toHaveLength(1);
  return deals[0]?.checklist[stageId] ?? [];
}

describe('ChecklistSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    await showThread();
  });

  it('lists the current stage exit checklist with labelled checkboxes and progress', async () => {
    await seed('discovery', ['current-situation', 'problems-confirmed', 'dropped-item']);
    render(<SectionHarness sections={[ChecklistSection]} />);

    const items = await screen.findAllByTestId('checklist-item');
    expect(items.map((item) => item.dataset.itemId)).toEqual(stage('discovery').checklist.map((i) => i.id));
    expect(checkbox('current-situation')).toBeChecked();
    expect(checkbox('impact-quantified')).not.toBeChecked();
    expect(checkbox('impact-quantified')).toHaveAccessibleName(
      'Impact of those problems quantified (cost, time, risk)',
    );
    // An id ticked for an item the playbook has since dropped does not count.
    expect(screen.getByText('2 of 7 done')).toBeInTheDocument();
    const progress = screen.getByRole('progressbar', { name: 'Checklist progress' });
    expect(progress).toHaveAttribute('value', '2');
    expect(progress).toHaveAttribute('max', '7');
    expect(progress).toHaveAttribute('aria-valuetext', '2 of 7 done');
    expect(screen.queryByRole('button', { name: /Advance to/ })).not.toBeInTheDocument();
  });

  it('persists ticking and unticking an item', async () => {
    await seed('lead');
    render(<SectionHarness sections={[ChecklistSection]} />);
    await screen.findAllByTestId('checklist-item');

    await userEvent.click(checkbox('fit-check'));
    await waitFor(() => expect(checkbox('fit-check')).toBeChecked());
    await waitFor(async () => expect(await tickedInDb('lead')).toEqual(['fit-check']));
    expect(screen.getByText('1 of 6 done')).toBeInTheDocument();

    // Keyboard: the checkbox is a native control.
    checkbox('fit-check').focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(checkbox('fit-check')).not.toBeChecked());
    await waitFor(async () => expect(await tickedInDb('lead')).toEqual([]));
    expect(screen.getByText('0 of 6 done')).toBeInTheDocument();
  });

  it('offers the next stage once every item is done, and moves the deal there', async () => {
    const lead = stage('lead').checklist.map((item) => item.id);
    await seed('lead', lead.slice(0, -1));
    render(<SectionHarness sections={[StageSection, ChecklistSection]} />);
    await screen.findAllByTestId('checklist-item');
    expect(screen.queryByRole('button', { name: /Advance to/ })).not.toBeInTheDocument();

    await userEvent.click(checkbox(lead.at(-1)!));
    const advance = await screen.findByRole('button', { name: 'Advance to Needs discovery' });
    expect(screen.getByText('6 of 6 done')).toBeInTheDocument();

    await userEvent.click(advance);
    await waitFor(() => expect(screen.getByTestId('stage-current')).toHaveTextContent('Needs discovery'));
    expect((await listAccountDeals(await database(), ACCOUNT_KEY)).map((deal) => deal.stageId)).toEqual([
      'discovery',
    ]);
    expect(screen.getAllByTestId('checklist-item').map((item) => item.dataset.itemId)).toEqual(
      stage('discovery').checklist.map((item) => item.id),
    );
    expect(screen.getByText('0 of 7 done')).toBeInTheDocument();
    // Focus stays in the section instead of falling to the page with the removed button.
    expect(screen.getByRole('heading', { name: 'Exit checklist' })).toHaveFocus();
    // The lead stage keeps its ticks, should the deal move back.
    expect(await tickedInDb('lead')).toEqual(lead);
  });

  it('has no next stage to offer at the last stage', async () => {
    await seed(
      'after-sales',
      stage('after-sales').checklist.map((item) => item.id),
    );
    render(<SectionHarness sections={[ChecklistSection]} />);
    expect(
      await screen.findByText('Every item of the last stage is done. Keep the relationship going.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Advance to/ })).not.toBeInTheDocument();
  });

  it('without a stage, asks for one and can start the deal at the first stage', async () => {
    render(<SectionHarness sections={[ChecklistSection]} />);
    expect(await screen.findByText("Pick the deal's stage to see its exit checklist.")).toBeInTheDocument();
    expect(screen.queryByTestId('checklist-item')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Start at Lead identification' }));
    expect(await screen.findAllByTestId('checklist-item')).toHaveLength(stage('lead').checklist.length);
    // The account's first deal, named after it, starts at the first stage.
    expect(await listAccountDeals(await database(), ACCOUNT_KEY)).toEqual([
      expect.objectContaining({ title: ACCOUNT_KEY, stageId: 'lead', outcome: 'open' }),
    ]);
  });

  it('for a stage the playbook dropped, asks for a stage instead of showing a checklist', async () => {
    await seed('qualification', ['budget']);
    render(<SectionHarness sections={[ChecklistSection]} />);
    expect(await screen.findByText(/no longer in your playbook/)).toBeInTheDocument();
    expect(screen.queryByTestId('checklist-item')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Start at/ })).not.toBeInTheDocument();
  });

  it('says so beside the item when a tick cannot be saved, and keeps what was saved', async () => {
    await seed('lead', ['fit-check']);
    render(<SectionHarness sections={[ChecklistSection]} />);
    await screen.findAllByTestId('checklist-item');

    const send = inProcessMessenger.sendMessage.bind(inProcessMessenger);
    vi.spyOn(inProcessMessenger, 'sendMessage').mockImplementation(async (type, data) => {
      if (type === 'setChecklistItem') throw new Error('Extension context invalidated.');
      return send(type, data);
    });

    await userEvent.click(checkbox('contact-plan'));
    const item = screen.getAllByTestId('checklist-item').find((li) => li.dataset.itemId === 'contact-plan')!;
    expect(await within(item).findByRole('alert')).toHaveTextContent(
      'Not saved: Extension context invalidated.',
    );
    expect(checkbox('contact-plan')).not.toBeChecked();
    expect(checkbox('contact-plan')).toHaveAttribute('aria-invalid', 'true');
    expect(checkbox('fit-check')).toBeChecked();
    expect(await tickedInDb('lead')).toEqual(['fit-check']);

    vi.mocked(inProcessMessenger.sendMessage).mockRestore();
    await userEvent.click(checkbox('contact-plan'));
    await waitFor(() => expect(checkbox('contact-plan')).toBeChecked());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await tickedInDb('lead')).toEqual(['fit-check', 'contact-plan']);
  });

  it('ticks the deal shown, never another open deal of the account', async () => {
    const db = await database();
    const pilot = await addDeal(
      db,
      { accountKey: ACCOUNT_KEY, title: 'Pilot', stageId: 'lead' },
      1000,
      newId,
    );
    const rollout = await addDeal(
      db,
      { accountKey: ACCOUNT_KEY, title: 'Rollout', stageId: 'lead' },
      2000,
      newId,
    );
    render(<SectionHarness sections={[ChecklistSection]} dealId={pilot.id} />);
    await screen.findAllByTestId('checklist-item');

    await userEvent.click(checkbox('fit-check'));
    await waitFor(async () => expect((await getDeal(db, pilot.id))?.checklist.lead).toEqual(['fit-check']));
    expect((await getDeal(db, rollout.id))?.checklist).toEqual({});
    await waitFor(() => expect(checkbox('fit-check')).toBeChecked());
  });

  it("shows the account's industry checklist, and keeps each industry's ticks when switching", async () => {
    await seed('solution', ['needs-mapped', 'sw-poc-scoped']);
    render(<SectionHarness sections={[StageSection, ChecklistSection]} />);
    const ids = async () =>
      (await screen.findAllByTestId('checklist-item')).map((item) => item.dataset.itemId);
    expect(await ids()).toEqual(stage('solution').checklist.map((item) => item.id));

    const industry = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Industry' });
    expect([...industry.options].map((option) => option.textContent)).toEqual([
      'General',
      'Manufacturing',
      'Services',
      'Software & IT',
    ]);
    await userEvent.selectOptions(industry, 'software');
    await waitFor(async () => expect(await ids()).toContain('sw-poc-scoped'));
    expect(await ids()).toEqual(stage('solution').industryChecklists!.software!.map((item) => item.id));
    expect(screen.getByText('To finish Solution design (Software & IT checklist):')).toBeInTheDocument();
    expect(checkbox('sw-poc-scoped')).toBeChecked();
    expect(screen.getByText('1 of 6 done')).toBeInTheDocument();
    await userEvent.click(checkbox('sw-security-review'));
    await waitFor(async () => expect(await tickedInDb('solution')).toContain('sw-security-review'));

    // Back to general: its own tick reappears, the software ticks stay stored.
    await userEvent.selectOptions(industry, 'general');
    await waitFor(async () => expect(await ids()).toContain('needs-mapped'));
    expect(checkbox('needs-mapped')).toBeChecked();
    expect(screen.getByText('1 of 6 done')).toBeInTheDocument();
    expect(await tickedInDb('solution')).toEqual(['needs-mapped', 'sw-poc-scoped', 'sw-security-review']);
  });

  it('shows an industry the playbook dropped as such, and follows the general checklist', async () => {
    await seed('solution');
    await updateAccount(await database(), ACCOUNT_KEY, 1000, (account) => ({
      ...account,
      industry: 'retail',
    }));
    render(<SectionHarness sections={[StageSection, ChecklistSection]} />);
    const industry = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Industry' });
    await waitFor(() => expect(industry.value).toBe('retail'));
    expect(industry.selectedOptions[0]).toHaveTextContent(
      '“retail” (no longer in the playbook: general process)',
    );
    const items = await screen.findAllByTestId('checklist-item');
    expect(items.map((item) => item.dataset.itemId)).toEqual(
      stage('solution').checklist.map((item) => item.id),
    );
    expect((await getAccount(await database(), ACCOUNT_KEY))?.industry).toBe('retail');
  });
});
