/**
 * An address on an internationalised domain reads in Unicode wherever the panel shows it, while the
 * account key and what is stored stay in their normalised ASCII form.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageContext } from '../../../lib/messaging/messages';
import { openPanel, resetDatabase, showPage } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

// The mail app shows the sender in punycode, as Outlook does for IDN domains.
const thread: PageContext = {
  site: 'outlook',
  kind: 'thread',
  title: 'Angebot Brotautomaten',
  participants: [
    { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    { email: 'Anna@XN--BCKEREI-HOFFMANN-VNB.DE', name: 'Anna Hoffmann', role: 'from', order: 1 },
    { email: 'jonas@xn--bckerei-hoffmann-vnb.de', role: 'cc', order: 0 },
  ],
};

describe('an IDN address in the panel', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('is shown in Unicode: the contact, and the other people to switch to', async () => {
    await showPage(thread, 'https://outlook.office.com/mail/inbox/id/AAQk');
    openPanel();

    const email = await screen.findByTestId('contact-email');
    expect(email).toHaveTextContent(/^anna@bäckerei-hoffmann\.de$/);
    // The stored form is one hover away, for the rep who wants to check the real domain.
    expect(email).toHaveAttribute('title', 'anna@xn--bckerei-hoffmann-vnb.de');
    expect(screen.getByTestId('account-key')).toHaveTextContent('bäckerei-hoffmann.de');
    expect(screen.getByTestId('account-key')).toHaveAttribute('title', 'xn--bckerei-hoffmann-vnb.de');

    await userEvent.click(screen.getByRole('button', { name: 'Not them?' }));
    const others = await screen.findByRole('list', { name: 'People on this page' });
    expect(within(others).getByText('jonas@bäckerei-hoffmann.de')).toBeInTheDocument();
    expect(others).not.toHaveTextContent('xn--');
  });
});
