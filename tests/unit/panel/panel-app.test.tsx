import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recordTabPage } from '../../../lib/background/page-registry';
import type { PageContext } from '../../../lib/messaging/messages';
import { PANEL_TAB_ID } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { PanelApp } = await import('../../../components/panel/PanelApp');

const thread: PageContext = {
  site: 'gmail',
  kind: 'thread',
  title: 'Pilot scope',
  participants: [
    { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    { email: 'Jane.Cooper@Northwind-Trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
  ],
};

describe('PanelApp', () => {
  beforeEach(async () => {
    indexedDB.deleteDatabase('dealside');
  });

  it('shows the contact and account, and lists a note typed in the editor', async () => {
    await recordTabPage(PANEL_TAB_ID, {
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
      context: thread,
      reportedAt: 1,
    });
    render(<PanelApp target={{ kind: 'frame' }} />);

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
    await recordTabPage(PANEL_TAB_ID, {
      url: 'https://mail.google.com/mail/u/0/#inbox',
      context: { site: 'gmail', kind: 'list', participants: [] },
      reportedAt: 1,
    });
    render(<PanelApp target={{ kind: 'frame' }} />);
    expect(await screen.findByTestId('no-contact')).toBeInTheDocument();
    expect(screen.queryByTestId('note-editor')).not.toBeInTheDocument();
  });
});
