/**
 * What a note save tells the open screens: the account, and whether only notes changed and which panel
 * saved them, so the saving panel (which shows the answer) and the screens without notes do not reload.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataChangedEvent } from '../../../lib/messaging/protocol';
import type { MessageType, RequestOf, ResultOf } from '../../../lib/messaging/messages';
import { database, resetDatabase } from '../support/database';
import { installFakeHostAccess } from '../support/fake-host-access';
import { inProcessMessenger } from '../support/in-process-messenger';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const sendMessage = <T extends MessageType>(type: T, data: RequestOf<T>) =>
  inProcessMessenger.sendMessage(type, data) as Promise<ResultOf<T>>;

const ACCOUNT = 'northwind-trading.com';
const PANEL = 'a3f1c2d4-0000-4000-8000-000000000001';

function changeEvents() {
  const seen: DataChangedEvent[] = [];
  inProcessMessenger.onMessage('dataChanged', ({ data }) => void seen.push(data as DataChangedEvent));
  return seen;
}

beforeEach(async () => {
  installFakeHostAccess();
  await resetDatabase();
});

describe('a note save’s change event', () => {
  it('names the saving panel once the account exists, and not for the save that created it', async () => {
    const seen = changeEvents();
    const first = await sendMessage('saveNote', {
      id: 'n-1',
      accountKey: ACCOUNT,
      kind: 'note',
      body: 'Asked for the pilot price.',
      baseRevision: null,
      savedBy: PANEL,
    });
    // The first note also wrote the account: every screen of it loads again, the saving panel too.
    expect(seen).toEqual([{ accountKeys: [ACCOUNT] }]);

    await sendMessage('saveNote', {
      id: 'n-1',
      accountKey: ACCOUNT,
      kind: 'note',
      body: 'Asked for the pilot price. Sent it.',
      baseRevision: first.status === 'saved' ? first.note.revision : null,
      savedBy: PANEL,
    });
    expect(seen[1]).toEqual({ accountKeys: [ACCOUNT], notesOnly: true, savedBy: PANEL });
    expect(await (await database()).count('notes')).toBe(1);

    // A save from no panel (a draft saved for a closed tab) still says only notes changed.
    await sendMessage('saveNote', {
      id: 'n-2',
      accountKey: ACCOUNT,
      kind: 'note',
      body: 'Second note.',
      baseRevision: null,
    });
    expect(seen[2]).toEqual({ accountKeys: [ACCOUNT], notesOnly: true });
  });

  it('refuses a panel id that is not one', async () => {
    await expect(
      sendMessage('saveNote', {
        id: 'n-1',
        accountKey: ACCOUNT,
        kind: 'note',
        body: 'x',
        baseRevision: null,
        savedBy: 'x'.repeat(65),
      }),
    ).rejects.toThrow();
  });
});
