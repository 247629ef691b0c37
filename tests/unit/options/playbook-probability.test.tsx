import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readPlaybook } from '../../../lib/background/playbook-store';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { resetDatabase } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { PlaybookEditor } = await import('../../../components/options/PlaybookEditor');

async function openStage(stageId: string) {
  const editor = screen
    .getAllByTestId('stage-editor')
    .find((item) => item.getAttribute('data-stage-id') === stageId)!;
  await userEvent.click(editor.querySelector('summary')!);
  return within(editor);
}

describe('win probability per stage in the playbook editor', () => {
  beforeEach(async () => {
    await resetDatabase();
    render(<PlaybookEditor />);
    await screen.findByTestId('playbook-save');
  });

  it('shows the stage’s probability, refuses one outside 0–100 % and saves a valid one', async () => {
    const solution = await openStage('solution');
    const field = solution.getByLabelText('Win probability (%)');
    expect(field).toHaveValue(40);

    await userEvent.clear(field);
    await userEvent.type(field, '150');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(solution.getByText('Must be between 0 and 100%')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('playbook-save'));
    const problem = within(screen.getByTestId('playbook-problems')).getByTestId('playbook-error');
    expect(problem).toHaveAttribute('data-path', 'stages[2].probability');
    expect(await readPlaybook()).toEqual(DEFAULT_PLAYBOOK);

    await userEvent.clear(field);
    await userEvent.type(field, '55');
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Playbook saved'));
    expect((await readPlaybook()).stages[2]?.probability).toBe(55);
  });

  it('leaves a blank field to the figure of the stage’s position, which it names', async () => {
    const negotiation = await openStage('negotiation');
    const field = negotiation.getByLabelText('Win probability (%)');
    await userEvent.clear(field);
    expect(field).toHaveAttribute('placeholder', '60');
    expect(field).toHaveAccessibleDescription(/Left blank: 60%/);
    await userEvent.click(screen.getByTestId('playbook-save'));
    await waitFor(() => expect(screen.getByTestId('playbook-status')).toHaveTextContent('Playbook saved'));
    expect((await readPlaybook()).stages[3]).not.toHaveProperty('probability');
  });
});
