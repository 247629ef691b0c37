import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openPanel, resetDatabase, showPage, showThread } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

describe('PanelApp', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('shows the contact and account, and lists a note typed in the editor', async () => {
    await showThread();
    openPanel();

    expect(await screen.findByTestId('contact-email')).toHaveTextContent('jane.cooper@northwind-trading.com');
    expect(screen.getByTestId('contact-name')).toHaveTextContent('Jane Cooper');
    expect(screen.getByTestId('account-key')).toHaveTextContent('northwind-trading.com');

    await userEvent.type(screen.getByTestId('note-editor'), 'Wants a pilot at three sites');
    await waitFor(
      () => expect(screen.getByTestId('note-item')).toHaveTextContent('Wants a pilot at three sites'),
      {
        timeout: 3000,
      },
    );
  });

  it('says there is no contact on a page without one', async () => {
    await showPage(
      { site: 'gmail', kind: 'list', participants: [] },
      'https://mail.google.com/mail/u/0/#inbox',
    );
    openPanel();
    expect(await screen.findByTestId('no-contact')).toBeInTheDocument();
    expect(screen.queryByTestId('note-editor')).not.toBeInTheDocument();
  });
});
