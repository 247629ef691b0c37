/** A follow-up about a person on an IDN domain names them in Unicode in the popup. */
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { addFollowUp } from '../../../lib/db/follow-ups';
import { local } from '../reminders/time-zone';
import { fixClockAt } from '../support/clock';
import { clearDataStores } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).extensionPageMessenger,
);

const { PopupApp } = await import('../../../components/popup/PopupApp');

const BAKERY = 'xn--bckerei-hoffmann-vnb.de';
const NOW = local(2025, 6, 12, 12);

describe('PopupApp with an IDN address', () => {
  fixClockAt(NOW);
  beforeEach(async () => {
    await clearDataStores();
  });

  it('shows the account and the address in Unicode, keeping the stored address for hovering', async () => {
    await addFollowUp(
      await database(),
      {
        accountKey: BAKERY,
        title: 'Angebot nachfassen',
        due: local(2025, 6, 12, 15),
        person: { email: `anna@${BAKERY}`, accountKey: BAKERY },
      },
      NOW - 60_000,
      'f-idn',
    );
    render(<PopupApp />);
    const row = await screen.findByTestId('popup-followup');
    expect(row).toHaveTextContent('bäckerei-hoffmann.de · anna@bäckerei-hoffmann.de');
    expect(row).not.toHaveTextContent('xn--');
    expect(row.querySelector('.ds-popup-who')).toHaveAttribute('title', `anna@${BAKERY}`);
  });
});
