/**
 * The playbook editor's role per checklist item: shown, changed and cleared, saved for every panel.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readPlaybook } from '../../../lib/background/playbook-store';
import { resetDatabase } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { PlaybookEditor } = await import('../../../components/options/PlaybookEditor');

async function openStage(stageId: string) {
  const editor = () =>
    screen.getAllByTestId('stage-editor').find((item) => item.getAttribute('data-stage-id') === stageId)!;
  await userEvent.click(editor().querySelector('summary')!);
  return within(editor());
}

describe('the role a checklist item needs, in the playbook editor', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('shows each item’s role, and saves a changed and a cleared one', async () => {
    render(<PlaybookEditor />);
    await screen.findByTestId('playbook-save');
    const negotiation = await openStage('negotiation');
    const roles = negotiation.getAllByTestId('checklist-item-role') as HTMLSelectElement[];
    // One labelled select per item, in the items' order.
    expect(roles.map((select) => select.value)).toEqual([
      'decision-maker',
      'economic-buyer',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(roles[0]).toHaveAccessibleName('Buying-group role');
    expect(
      within(roles[2]!)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'no particular role',
      'decision maker',
      'economic buyer',
      'champion',
      'influencer',
      'user',
      'blocker',
      'other',
    ]);

    await userEvent.selectOptions(roles[2]!, 'blocker');
    await userEvent.selectOptions(roles[1]!, '');
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Playbook saved'));

    const saved = (await readPlaybook()).stages.find((stage) => stage.id === 'negotiation')!;
    expect(saved.checklist[2]).toMatchObject({ id: 'procurement-steps', role: 'blocker' });
    expect(saved.checklist[1]).not.toHaveProperty('role');
    expect(saved.checklist[0]?.role).toBe('decision-maker');
    // The whole editor renders a few thousand elements: a busy machine needs more than the default.
  }, 20_000);
});
