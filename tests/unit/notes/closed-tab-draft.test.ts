/**
 * A tab closed while an autosave is in flight: the panel's controller and the background's draft
 * handling together, over the real note store. Before drafts could build on the save in flight, the
 * draft was stored as a conflict copy: "AB" and "ABC".
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SaveNoteRequest as Request, SaveNoteResult as Result } from '../../../lib/messaging/protocol';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const { saveNote } = await import('../../../lib/background/handlers/panel-writes');
const { readHandover, saveDraftOfClosedPanel } = await import('../../../lib/background/note-drafts');
const { database } = await import('../../../lib/background/db-connection');
const { NoteAutosave } = await import('../../../lib/notes/autosave');

const ACCOUNT = 'northwind-trading.com';

/**
 * A panel whose saves reach the real background, but whose answers never come back (the tab closes
 * first). `landing` holds the background's work on each save sent.
 */
function panel() {
  const landing: Promise<Result>[] = [];
  const handovers: unknown[] = [];
  const autosave = new NoteAutosave(
    { accountKey: ACCOUNT, kind: 'note' },
    {
      save: (request: Request) => {
        landing.push(saveNote(request));
        return new Promise<Result>(() => undefined);
      },
      newId: () => 'note-1',
      setTimeout: () => undefined,
      clearTimeout: () => undefined,
      onStatus: () => undefined,
      // What the panel posts on its draft port (see useNoteAutosave).
      onPendingDraft: (draft, buildsOn) => handovers.push({ draft, ...(buildsOn ? { buildsOn } : {}) }),
    },
  );
  return { autosave, landing, handovers };
}

async function storedBodies(): Promise<string[]> {
  const notes = await (await database()).getAll('notes');
  return notes.map((note) => note.body).sort();
}

describe('a tab closed while an autosave is in flight', () => {
  beforeEach(async () => {
    await (await database()).clear('notes');
    await (await database()).clear('accounts');
    await fakeBrowser.storage.session.clear();
  });

  it('keeps one note with the whole text when the save in flight landed before the tab closed', async () => {
    const { autosave, landing, handovers } = panel();
    autosave.update('AB');
    void autosave.flush(); // "AB" is sent; its answer never comes.
    autosave.update('ABC');
    await Promise.all(landing);

    const pending = readHandover(handovers.at(-1));
    expect(pending).toMatchObject({ draft: { body: 'ABC' }, buildsOn: { body: 'AB' } });
    await saveDraftOfClosedPanel(pending!, undefined);

    expect(await storedBodies()).toEqual(['ABC']);
  });

  it('keeps one note when the save in flight is still being stored as the tab closes', async () => {
    const { autosave, landing, handovers } = panel();
    autosave.update('AB');
    void autosave.flush();
    autosave.update('ABC');

    // The port's disconnect is handled while the background is still storing "AB".
    await Promise.all([saveDraftOfClosedPanel(readHandover(handovers.at(-1))!, undefined), ...landing]);

    expect(await storedBodies()).toEqual(['ABC']);
  });

  it('hands over a draft without a base once the save in flight failed', async () => {
    const handovers: unknown[] = [];
    let fail: (error: Error) => void = () => undefined;
    const autosave = new NoteAutosave(
      { accountKey: ACCOUNT, kind: 'note' },
      {
        save: () => new Promise<Result>((_, reject) => (fail = reject)),
        newId: () => 'note-1',
        setTimeout: () => undefined,
        clearTimeout: () => undefined,
        onStatus: () => undefined,
        onPendingDraft: (draft, buildsOn) => handovers.push({ draft, ...(buildsOn ? { buildsOn } : {}) }),
      },
    );
    autosave.update('AB');
    const flushed = autosave.flush();
    autosave.update('ABC');
    expect(handovers.at(-1)).toMatchObject({ buildsOn: { body: 'AB' } });
    fail(new Error('Receiving end does not exist.'));
    await flushed;
    expect(handovers.at(-1)).toEqual({ draft: expect.objectContaining({ body: 'ABC', baseRevision: null }) });
  });

  it('ignores a save in flight for another note, and refuses a malformed draft', () => {
    const draft = { id: 'note-1', accountKey: ACCOUNT, kind: 'note', body: 'ABC', baseRevision: null };
    expect(readHandover({ draft, buildsOn: { ...draft, id: 'note-2', body: 'AB' } })).toEqual({ draft });
    expect(readHandover({ draft: null })).toBeNull();
    expect(readHandover({ draft: { ...draft, baseRevision: 'x' } })).toBeUndefined();
  });
});
