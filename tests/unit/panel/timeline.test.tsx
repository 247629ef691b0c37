/**
 * The panel's "last touch" line and timeline, rendered from the (in-process) background: newest first,
 * 20 at a time up to the bounded read, each with its kind, date and a short text.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changeDealStage } from '../../../lib/db/deals';
import type { Author } from '../../../lib/db/records';
import { ACCOUNT_KEY, database, openPanel, resetDatabase, showThread } from './section-harness';
import { note, touch } from '../data-transfer/rows';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const DAY = 86_400_000;

async function trackAccount(at: number, author?: Author) {
  await changeDealStage(
    await database(),
    { accountKey: ACCOUNT_KEY, stageId: 'discovery', proposals: [], ...(author ? { author } : {}) },
    at,
    () => crypto.randomUUID(),
  );
}

describe('last touch and the timeline', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('says there are no touches yet, and lists what else happened', async () => {
    await trackAccount(Date.now() - DAY);
    await showThread();
    openPanel();
    expect(await screen.findByTestId('last-touch')).toHaveTextContent('No touches yet');
    const [stage] = await screen.findAllByTestId('timeline-item');
    expect(stage).toHaveAttribute('data-kind', 'stage');
    expect(stage).toHaveTextContent('Stage');
    expect(stage).toHaveTextContent('Set to Needs discovery');
    // A stage move recorded before authors were, says nobody.
    expect(stage).not.toHaveTextContent(/\bby\b/);
  });

  it('says who moved the deal: their name, with their address in the tooltip', async () => {
    await trackAccount(Date.now() - DAY, { name: 'Alex Morgan', email: 'alex.morgan@dealside-demo.com' });
    await showThread();
    openPanel();
    const [stage] = await screen.findAllByTestId('timeline-item');
    expect(stage).toHaveTextContent('Set to Needs discovery · by Alex Morgan');
    expect(within(stage!).getByText('by Alex Morgan', { exact: false })).toHaveAttribute(
      'title',
      'Alex Morgan <alex.morgan@dealside-demo.com>',
    );
  });

  it('says who moved the deal by their address when settings had no name', async () => {
    await trackAccount(Date.now() - DAY, { email: 'alex.morgan@dealside-demo.com' });
    await showThread();
    openPanel();
    const [stage] = await screen.findAllByTestId('timeline-item');
    expect(stage).toHaveTextContent('Set to Needs discovery · by alex.morgan@dealside-demo.com');
  });

  it('shows the newest touch with its site and a link back, and the newest 20 items until asked for more', async () => {
    const now = Date.now();
    await trackAccount(now - 40 * DAY);
    const db = await database();
    for (let index = 0; index < 30; index++) {
      await db.put(
        'touches',
        touch(`t${index}`, ACCOUNT_KEY, {
          at: now - 3 * DAY - (30 - index) * 60_000,
          title: `Thread ${index}`,
          visitKey: `gmail t${index}`,
        }),
      );
    }
    await db.put('notes', note('n1', ACCOUNT_KEY, { body: 'Budget approved', createdAt: now - 2 * DAY }));
    await showThread();
    openPanel();

    const lastTouch = await screen.findByTestId('last-touch');
    expect(lastTouch).toHaveTextContent('Last touch: 3 days ago · Gmail · Thread 29');
    const link = within(lastTouch).getByRole('link', { name: 'Open “Thread 29” in a new tab' });
    expect(link).toHaveAttribute('href', 'https://mail.google.com/mail/u/0/#inbox/t29');
    expect(link).toHaveAttribute('target', '_blank');

    const items = await screen.findAllByTestId('timeline-item');
    expect(items).toHaveLength(20);
    expect(items[0]).toHaveAttribute('data-kind', 'note');
    expect(items[0]).toHaveTextContent('Budget approved');
    expect(items[1]).toHaveTextContent('Opened');
    expect(items[1]).toHaveTextContent('Gmail · Thread 29');

    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    const all = screen.getAllByTestId('timeline-item');
    // 30 touches, the note and the stage move: all within the bounded read.
    expect(all).toHaveLength(32);
    expect(all.at(-1)).toHaveAttribute('data-kind', 'stage');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });
});
