/**
 * What a note save tells the open screens: the account, and whether only notes changed and which panel
 * saved them, so the saving panel (which shows the answer) and the screens without notes do not reload.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { updateSettings } from '../../../lib/background/settings-store';
import type { DataChangedEvent } from '../../../lib/messaging/protocol';
import { settingsSchema } from '../../../lib/settings/schema';
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

describe('a note save’s author', () => {
  const save = (id: string) =>
    sendMessage('saveNote', {
      id,
      accountKey: ACCOUNT,
      kind: 'note',
      body: `Note ${id}.`,
      baseRevision: null,
    });
  const authorOf = async (id: string) => (await (await database()).get('notes', id))?.author;

  it('is the rep as the settings name them at the save, however the settings were changed', async () => {
    await updateSettings((settings) => ({ ...settings, senderName: 'Ana Ruiz' }));
    await save('n-1');
    expect(await authorOf('n-1')).toEqual({ name: 'Ana Ruiz' });

    await updateSettings((settings) => ({
      ...settings,
      senderName: 'Bea Lind',
      ownEmails: ['bea@example.com'],
    }));
    await save('n-2');
    expect(await authorOf('n-2')).toEqual({ name: 'Bea Lind', email: 'bea@example.com' });

    // Written behind the app's back, as a test or another copy of the database would.
    const db = await database();
    await db.put('privateItems', { ...settingsSchema.parse({}), senderName: 'Cleo Hart' }, 'settings');
    await save('n-3');
    expect(await authorOf('n-3')).toEqual({ name: 'Cleo Hart' });

    await db.clear('privateItems');
    await save('n-4');
    expect(await authorOf('n-4')).toBeUndefined();
  });
});
