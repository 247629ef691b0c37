/**
 * The options page's sync section against a stand-in background: the address is checked in the page
 * before anything is asked, the host permission is asked for the one origin before any message, each
 * answer reads as a sentence, and the status says when sync last ran and what waits. The password never
 * comes back on screen.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import type { Catalogue } from '../../../lib/i18n';
import type { ConnectionOutcome } from '../../../lib/sync/connection-problem';
import type { SyncStatus } from '../../../lib/sync/types';
import {
  createFakeSyncBackground,
  installPermissionPrompt,
  type FakeSyncBackground,
} from '../support/fake-sync-background';
import { speak } from '../support/language';

let background: FakeSyncBackground;

vi.mock('@/lib/messaging/messenger', async () =>
  (await import('../support/fake-sync-background')).fakeSyncMessenger(() => background),
);

const { SyncSection } = await import('../../../components/options/SyncSection');

/** Today at 14:02 local time: shown as a time only. */
const TODAY_1402 = new Date(new Date().setHours(14, 2, 0, 0)).getTime();
const SERVER = { url: 'https://couch.example.com', database: 'deals', username: 'alex' };
const PASSWORD = 'correct horse battery staple';

function upToDate(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { state: 'up-to-date', server: SERVER, lastSyncAt: TODAY_1402, pending: 0, ...overrides };
}

async function renderSection() {
  const view = render(<SyncSection />);
  await waitFor(() => expect(screen.getByTestId('sync-status')).toHaveAttribute('data-state'));
  return view;
}

async function fill(user: ReturnType<typeof userEvent.setup>, url: string, database: string) {
  await user.clear(screen.getByTestId('sync-url'));
  if (url) await user.type(screen.getByTestId('sync-url'), url);
  await user.clear(screen.getByTestId('sync-db'));
  if (database) await user.type(screen.getByTestId('sync-db'), database);
}

beforeEach(() => {
  background = createFakeSyncBackground();
  installPermissionPrompt(background);
});

describe('SyncSection', () => {
  it('says sync is off and everything stays local, with no stop button and an empty password', async () => {
    await renderSection();
    expect(screen.getByTestId('sync-status')).toHaveTextContent(
      'Sync is off — everything stays in this browser',
    );
    expect(screen.queryByTestId('sync-stop')).toBeNull();
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(screen.queryByTestId('sync-error')).toBeNull();
    expect(screen.getByTestId('sync-start')).toHaveTextContent('Start syncing');
    const password = screen.getByTestId('sync-password');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    expect(password).toHaveValue('');
    const section = screen.getByTestId('sync-section');
    expect(section).toHaveTextContent('touches (the subjects and addresses of the threads and records');
    expect(section).toHaveTextContent('Private notes never leave this browser');
    expect(section).toHaveTextContent('never included in exports or backups');
    expect(section).toHaveTextContent('Stopping sync deletes nothing');
  });

  it.each([
    [
      'http://couch.example.com',
      'deals',
      'HTTPS is required except for a server on this computer (localhost).',
    ],
    ['couch.example.com', 'deals', 'That is not a web address.'],
    ['https://alex:secret@couch.example.com', 'deals', 'Leave the user name and password out of the address'],
    ['https://couch.example.com/?db=deals', 'deals', 'cannot have a query'],
    ['https://couch.example.com', 'Deals', 'start with a lowercase letter and use only lowercase letters'],
  ])('refuses %s / %s in plain words without asking the browser or the background', async (url, db, text) => {
    const user = userEvent.setup();
    await renderSection();
    await fill(user, url, db);
    await user.click(screen.getByTestId('sync-test'));
    expect(screen.getByTestId('sync-test-result')).toHaveTextContent(text);
    await user.click(screen.getByTestId('sync-start'));
    expect(screen.getByTestId('sync-test-result')).toHaveTextContent(text);
    expect(background.sent()).toEqual([]);
    expect(screen.getByTestId('sync-status')).toHaveAttribute('data-state', 'off');
  });

  it('sends nothing when the rep refuses access to the server', async () => {
    const user = userEvent.setup();
    background.allow = false;
    await renderSection();
    await fill(user, 'https://couch.example.com:6984', 'deals');
    await user.click(screen.getByTestId('sync-test'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-test-result')).toHaveTextContent(
        'Access to couch.example.com:6984 was not allowed',
      ),
    );
    await user.click(screen.getByTestId('sync-start'));
    await waitFor(() => expect(screen.getByTestId('sync-start')).toBeEnabled());
    expect(screen.getByTestId('sync-test-result')).toHaveTextContent('was not allowed');
    // Asked twice, for the one origin, on any port; nothing reached the background.
    expect(background.sent()).toEqual([
      'permission https://couch.example.com/*',
      'permission https://couch.example.com/*',
    ]);
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Sync is off');
  });

  it('asks for the one origin first, then tests with what the rep typed', async () => {
    const user = userEvent.setup();
    await renderSection();
    await fill(user, ' http://localhost:5984 ', 'deals');
    await user.type(screen.getByTestId('sync-user'), 'alex');
    await user.type(screen.getByTestId('sync-password'), PASSWORD);
    await user.click(screen.getByTestId('sync-test'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-test-result')).toHaveTextContent(
        'Connected: the server answered and the database is ready.',
      ),
    );
    expect(background.sent()).toEqual(['permission http://localhost/*', 'testSyncConnection']);
    expect(background.log.find((entry) => entry.event === 'testSyncConnection')?.data).toEqual({
      url: 'http://localhost:5984',
      database: 'deals',
      username: 'alex',
      password: PASSWORD,
    });
    // A test starts nothing.
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Sync is off');
  });

  it.each<[ConnectionOutcome, string]>([
    ['connected', 'Connected: the server answered and the database is ready.'],
    ['cannot-reach', 'Cannot reach the server. Check the address and port'],
    ['wrong-password', 'Wrong user name or password.'],
    ['sign-in-needed', 'The server needs a user name and password.'],
    ['no-permission', 'This user has no permission on this database.'],
    ['no-such-database', 'The server has no database with this name.'],
    ['not-couchdb', 'it is not a CouchDB server'],
    ['server-error', 'The server had an error.'],
  ])('says what the test found: %s', async (outcome, text) => {
    const user = userEvent.setup();
    background.testAnswer = { kind: 'answer', outcome };
    await renderSection();
    await fill(user, 'https://couch.example.com', 'deals');
    await user.click(screen.getByTestId('sync-test'));
    await waitFor(() => expect(screen.getByTestId('sync-test-result')).toHaveTextContent(text));
  });

  it('shows an address problem the background found in the same words', async () => {
    const user = userEvent.setup();
    background.startAnswer = { kind: 'address', problem: 'bad-database-name' };
    await renderSection();
    await fill(user, 'https://couch.example.com', 'deals');
    await user.click(screen.getByTestId('sync-start'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-test-result')).toHaveTextContent(
        'CouchDB database names start with a lowercase letter',
      ),
    );
  });

  it('keeps sync off and says why when the server refuses the start', async () => {
    const user = userEvent.setup();
    background.startAnswer = { kind: 'answer', outcome: 'wrong-password' };
    await renderSection();
    await fill(user, 'https://couch.example.com', 'deals');
    await user.type(screen.getByTestId('sync-password'), 'wrong');
    await user.click(screen.getByTestId('sync-start'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-test-result')).toHaveTextContent('Wrong user name or password.'),
    );
    expect(screen.getByTestId('sync-status')).toHaveTextContent('Sync is off');
    expect(screen.queryByTestId('sync-stop')).toBeNull();
  });

  it('starts, then shows the status with the last sync time and changes waiting, never the password', async () => {
    const user = userEvent.setup();
    background.startAnswer = { kind: 'started', status: upToDate() };
    const { container } = await renderSection();
    await fill(user, 'https://couch.example.com', 'deals');
    await user.type(screen.getByTestId('sync-user'), 'alex');
    await user.type(screen.getByTestId('sync-password'), PASSWORD);
    await user.click(screen.getByTestId('sync-start'));

    await waitFor(() => expect(screen.getByTestId('sync-test-result')).toHaveTextContent('Sync is on.'));
    expect(background.sent()).toEqual(['permission https://couch.example.com/*', 'startSync']);
    expect(screen.getByTestId('sync-status')).toHaveTextContent(
      'Up to date · last synced 2:02 PM · 0 changes waiting',
    );
    expect(screen.getByTestId('sync-server')).toHaveTextContent(
      'Syncing deals on https://couch.example.com as alex.',
    );
    const password = screen.getByTestId('sync-password');
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('placeholder', 'Saved — type to replace');
    expect(container.innerHTML).not.toContain(PASSWORD);
    expect(screen.getByTestId('sync-start')).toHaveTextContent('Save and sync');
    expect(screen.getByTestId('sync-stop')).toBeInTheDocument();
    expect(screen.getByTestId('sync-now')).toHaveTextContent('Sync now');
  });

  it('fills the server from the status when sync is on, and shows the last problem in plain words', async () => {
    background.status = upToDate({
      state: 'offline',
      pending: 3,
      nextAttemptAt: TODAY_1402 + 5 * 60_000,
      lastError: { problem: 'cannot-reach', at: TODAY_1402 + 3 * 60_000 },
    });
    await renderSection();
    expect(screen.getByTestId('sync-url')).toHaveValue('https://couch.example.com');
    expect(screen.getByTestId('sync-db')).toHaveValue('deals');
    expect(screen.getByTestId('sync-user')).toHaveValue('alex');
    expect(screen.getByTestId('sync-password')).toHaveValue('');
    expect(screen.getByTestId('sync-status')).toHaveTextContent(
      'Offline · next try 2:07 PM · last synced 2:02 PM · 3 changes waiting',
    );
    expect(screen.getByTestId('sync-error')).toHaveTextContent(
      'Last problem (2:05 PM): Cannot reach the server.',
    );
  });

  it.each([
    [
      { problem: 'rejected-documents', count: 2, document: 'notes:n-17' },
      '2 documents from the server were not valid Dealside records and were skipped (the first: notes:n-17)',
    ],
    [
      { problem: 'permission-missing' },
      'no longer allowed to reach the server. Click “Save and sync” to allow it again.',
    ],
    [{ problem: 'local-database' }, 'could not read or write its own data in this browser'],
    [{ problem: 'no-permission' }, 'This user has no permission on this database.'],
  ] as const)('words the sync problem %o', async (error, text) => {
    background.status = upToDate({ pending: 1, lastError: { ...error, at: TODAY_1402 } });
    await renderSection();
    expect(screen.getByTestId('sync-error')).toHaveTextContent(text);
    expect(screen.getByTestId('sync-status')).toHaveTextContent('1 change waiting');
  });

  it('stops, keeping the fields, and says the data stays', async () => {
    const user = userEvent.setup();
    background.status = upToDate({ state: 'syncing', pending: 4 });
    await renderSection();
    expect(screen.getByTestId('sync-status')).toHaveTextContent(
      'Syncing… · last synced 2:02 PM · 4 changes waiting',
    );
    await user.click(screen.getByTestId('sync-stop'));
    await waitFor(() =>
      expect(screen.getByTestId('sync-status')).toHaveTextContent(
        'Sync is off — everything stays in this browser',
      ),
    );
    expect(screen.getByTestId('sync-test-result')).toHaveTextContent(
      'Sync is stopped. Everything stays in this browser.',
    );
    expect(screen.queryByTestId('sync-stop')).toBeNull();
    expect(screen.queryByTestId('sync-now')).toBeNull();
    expect(screen.getByTestId('sync-url')).toHaveValue('https://couch.example.com');
    expect(background.sent()).toEqual(['stopSync']);
  });

  describe('Sync now', () => {
    it('exchanges at once, waits while it runs, then shows where it left sync', async () => {
      const user = userEvent.setup();
      background.status = upToDate({ pending: 3 });
      background.syncNowAnswer = upToDate({ pending: 0, lastSyncAt: TODAY_1402 + 60_000 });
      let finish!: () => void;
      background.syncNowHold = new Promise((resolve) => (finish = resolve));
      await renderSection();
      expect(screen.getByTestId('sync-status')).toHaveTextContent(
        'Up to date · last synced 2:02 PM · 3 changes waiting',
      );

      await user.click(screen.getByTestId('sync-now'));
      // Under way: it cannot be asked twice, nor mixed with a test, a start or a stop.
      expect(screen.getByTestId('sync-now')).toBeDisabled();
      expect(screen.getByTestId('sync-now')).toHaveAttribute('aria-busy', 'true');
      expect(screen.getByTestId('sync-stop')).toBeDisabled();
      expect(screen.getByTestId('sync-start')).toBeDisabled();
      expect(screen.getByTestId('sync-test-result')).toHaveTextContent('Syncing with the server…');
      expect(screen.getByTestId('sync-status')).toHaveTextContent('3 changes waiting');
      await user.click(screen.getByTestId('sync-now'));

      act(() => finish());
      await waitFor(() =>
        expect(screen.getByTestId('sync-status')).toHaveTextContent(
          'Up to date · last synced 2:03 PM · 0 changes waiting',
        ),
      );
      expect(screen.getByTestId('sync-test-result')).toHaveTextContent('Synced just now.');
      expect(screen.getByTestId('sync-now')).toBeEnabled();
      expect(screen.getByTestId('sync-now')).not.toHaveAttribute('aria-busy');
      expect(background.sent()).toEqual(['syncNow']);
    });

    it('says when the exchange failed, with the problem in the status', async () => {
      const user = userEvent.setup();
      background.status = upToDate({ pending: 2 });
      background.syncNowAnswer = upToDate({
        state: 'offline',
        pending: 2,
        nextAttemptAt: TODAY_1402 + 5 * 60_000,
        lastError: { problem: 'wrong-password', at: TODAY_1402 + 60_000 },
      });
      await renderSection();
      expect(screen.queryByTestId('sync-error')).toBeNull();
      await user.click(screen.getByTestId('sync-now'));
      await waitFor(() =>
        expect(screen.getByTestId('sync-test-result')).toHaveTextContent('Could not sync this time.'),
      );
      expect(screen.getByTestId('sync-status')).toHaveTextContent(
        'Offline · next try 2:07 PM · last synced 2:02 PM · 2 changes waiting',
      );
      expect(screen.getByTestId('sync-error')).toHaveTextContent(
        'Last problem (2:03 PM): Wrong user name or password.',
      );
    });
  });

  describe('polling', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('asks every 2 seconds while the page is visible, and not while it is hidden', async () => {
      background.status = upToDate({ pending: 2 });
      await renderSection();
      expect(screen.getByTestId('sync-status')).toHaveTextContent('2 changes waiting');

      background.status = upToDate({ pending: 0, lastSyncAt: TODAY_1402 + 60_000 });
      act(() => vi.advanceTimersByTime(2_000));
      await waitFor(() =>
        expect(screen.getByTestId('sync-status')).toHaveTextContent(
          'last synced 2:03 PM · 0 changes waiting',
        ),
      );

      const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      act(() => void document.dispatchEvent(new Event('visibilitychange')));
      const polls = background.log.length;
      background.status = upToDate({ pending: 9 });
      act(() => vi.advanceTimersByTime(10_000));
      expect(background.log.length).toBe(polls);

      visibility.mockReturnValue('visible');
      act(() => void document.dispatchEvent(new Event('visibilitychange')));
      await waitFor(() => expect(screen.getByTestId('sync-status')).toHaveTextContent('9 changes waiting'));
    });

    it('does not overwrite what the rep is typing with the polled server', async () => {
      const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
      background.status = upToDate();
      await renderSection();
      await user.clear(screen.getByTestId('sync-db'));
      await user.type(screen.getByTestId('sync-db'), 'team-deals');
      act(() => vi.advanceTimersByTime(4_000));
      await waitFor(() => expect(background.log.filter((e) => e.event === 'getSyncStatus').length).toBe(3));
      expect(screen.getByTestId('sync-db')).toHaveValue('team-deals');
    });
  });

  it('speaks Chinese when the rep reads Chinese', async () => {
    const user = userEvent.setup();
    speak(chinese as Catalogue, 'zh-CN');
    await renderSection();
    expect(screen.getByTestId('sync-status')).toHaveTextContent('同步已关闭');
    await fill(user, 'http://couch.example.com', 'deals');
    await user.click(screen.getByTestId('sync-test'));
    expect(screen.getByTestId('sync-test-result')).toHaveTextContent('必须使用 HTTPS');
  });
});
