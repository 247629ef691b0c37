/**
 * The panel header's sync indicator against a stand-in background: nothing at all while sync is off;
 * otherwise the state in a word, with the last sync, the changes waiting and the last problem in its
 * tooltip and accessible name; asked again every 10 seconds while the panel is visible.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../lib/sync/types';
import { createFakeSyncBackground, type FakeSyncBackground } from '../support/fake-sync-background';

let background: FakeSyncBackground;

vi.mock('@/lib/messaging/messenger', async () =>
  (await import('../support/fake-sync-background')).fakeSyncMessenger(() => background),
);

const { SyncIndicator } = await import('../../../components/panel/SyncIndicator');

const TODAY_1402 = new Date(new Date().setHours(14, 2, 0, 0)).getTime();
const SERVER = { url: 'https://couch.example.com', database: 'deals', username: 'alex' };

function on(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { state: 'up-to-date', server: SERVER, lastSyncAt: TODAY_1402, pending: 0, ...overrides };
}

const polls = () => background.log.filter((entry) => entry.event === 'getSyncStatus').length;

beforeEach(() => {
  background = createFakeSyncBackground();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('SyncIndicator', () => {
  it('is not there at all while sync is off', async () => {
    const { container } = render(<SyncIndicator />);
    await waitFor(() => expect(polls()).toBe(1));
    await act(async () => undefined);
    expect(screen.queryByTestId('sync-indicator')).toBeNull();
    expect(container).toBeEmptyDOMElement();
  });

  it('says up to date, with the last sync and the changes waiting in its tooltip', async () => {
    background.status = on({ pending: 1 });
    render(<SyncIndicator />);
    const indicator = await screen.findByTestId('sync-indicator');
    expect(indicator).toHaveTextContent('Synced');
    expect(indicator).toHaveAttribute('data-state', 'up-to-date');
    expect(indicator.getAttribute('title')).toMatch(
      /^Sync: Up to date · last synced 2:02\sPM · 1 change waiting$/,
    );
    expect(screen.getByRole('img', { name: /Up to date · last synced 2:02\sPM · 1 change waiting/ })).toBe(
      indicator,
    );
  });

  it('shows offline with the last error in its tooltip and name', async () => {
    background.status = on({
      state: 'offline',
      pending: 5,
      lastError: { problem: 'wrong-password', at: TODAY_1402 + 60_000 },
    });
    render(<SyncIndicator />);
    const indicator = await screen.findByTestId('sync-indicator');
    expect(indicator).toHaveTextContent('Offline');
    expect(indicator).toHaveAttribute('data-problem', 'true');
    const title = indicator.getAttribute('title') ?? '';
    expect(title).toContain('5 changes waiting');
    expect(title).toContain('Wrong user name or password.');
    expect(title).toMatch(/Last problem \(2:03\sPM\)/);
    expect(screen.getByRole('img', { name: /Wrong user name or password/ })).toBe(indicator);
  });

  it('follows the status every 10 seconds while visible, and disappears when sync is stopped', async () => {
    background.status = on({ state: 'syncing', pending: 2 });
    render(<SyncIndicator />);
    expect(await screen.findByTestId('sync-indicator')).toHaveTextContent('Syncing');

    background.status = on();
    act(() => vi.advanceTimersByTime(9_000));
    expect(polls()).toBe(1);
    act(() => vi.advanceTimersByTime(1_000));
    await waitFor(() => expect(screen.getByTestId('sync-indicator')).toHaveTextContent('Synced'));

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    background.status = { state: 'off', pending: 0 };
    act(() => vi.advanceTimersByTime(60_000));
    expect(polls()).toBe(2);
    expect(screen.getByTestId('sync-indicator')).toBeInTheDocument();

    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await waitFor(() => expect(screen.queryByTestId('sync-indicator')).toBeNull());
  });
});
