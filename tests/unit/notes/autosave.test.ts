import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveNoteRequest, SaveNoteResult } from '../../../lib/messaging/protocol';
import { AUTOSAVE_DELAY_MS, NoteAutosave, type AutosaveStatus } from '../../../lib/notes/autosave';

/** A stand-in background that stores notes by id and answers like the real one. */
class FakeBackground {
  notes = new Map<string, { body: string; revision: number; private?: true }>();
  failNext = 0;
  requests: SaveNoteRequest[] = [];

  async save(request: SaveNoteRequest): Promise<SaveNoteResult> {
    this.requests.push(request);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    const stored = this.notes.get(request.id);
    if (stored && stored.revision !== request.baseRevision)
      throw new Error('unexpected conflict in this test');
    const revision = (stored?.revision ?? 0) + 1;
    const isPrivate = request.private ?? stored?.private === true;
    const privacy = isPrivate ? { private: true as const } : {};
    this.notes.set(request.id, { body: request.body, revision, ...privacy });
    const note = {
      id: request.id,
      accountKey: request.accountKey,
      kind: request.kind,
      body: request.body,
      createdAt: 1,
      updatedAt: 1,
      revision,
      ...privacy,
    };
    return { status: 'saved', note };
  }
}

const TARGET = { accountKey: 'northwind-trading.com', kind: 'note' } as const;

describe('NoteAutosave', () => {
  let background: FakeBackground;
  let statuses: AutosaveStatus[];
  let autosave: NoteAutosave;

  beforeEach(() => {
    vi.useFakeTimers();
    background = new FakeBackground();
    statuses = [];
    autosave = new NoteAutosave(
      { accountKey: 'northwind-trading.com', kind: 'note' },
      {
        save: (request) => background.save(request),
        newId: () => 'note-1',
        setTimeout: (handler, ms) => setTimeout(handler, ms),
        clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
        onStatus: (status) => statuses.push(status),
      },
    );
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after the rep pauses, not on every keystroke', async () => {
    for (const text of ['B', 'Bu', 'Bud', 'Budget']) {
      autosave.update(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(background.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(background.requests.map((request) => request.body)).toEqual(['Budget']);
    expect(background.notes.get('note-1')).toEqual({ body: 'Budget', revision: 1 });
    expect(statuses.at(-1)).toEqual({ state: 'saved' });
  });

  it('flush saves at once, and each save builds on the revision the last one returned', async () => {
    autosave.update('First');
    await autosave.flush();
    autosave.update('First and second');
    await autosave.flush();
    expect(background.requests.map((request) => request.baseRevision)).toEqual([null, 1]);
    expect(background.notes.get('note-1')).toEqual({ body: 'First and second', revision: 2 });
    expect(autosave.dirty).toBe(false);
  });

  it('keeps the text and retries when the background is unreachable', async () => {
    background.failNext = 2;
    autosave.update('Call back Tuesday');
    await autosave.flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'error' });
    expect(autosave.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(background.notes.get('note-1')?.body).toBe('Call back Tuesday');
    expect(autosave.dirty).toBe(false);
  });

  it('hands over the unsaved text as it is typed, and nothing once it is saved', async () => {
    const drafts: (SaveNoteRequest | null)[] = [];
    const withDrafts = new NoteAutosave(
      { accountKey: 'northwind-trading.com', kind: 'note' },
      {
        save: (request) => background.save(request),
        newId: () => 'note-2',
        setTimeout: (handler, ms) => setTimeout(handler, ms),
        clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
        onStatus: () => undefined,
        onPendingDraft: (draft) => drafts.push(draft),
      },
    );
    withDrafts.update('Pilot');
    withDrafts.update('Pilot at three sites');
    expect(drafts.map((draft) => draft?.body)).toEqual(['Pilot', 'Pilot at three sites']);
    await withDrafts.flush();
    expect(drafts.at(-1)).toBeNull();
    withDrafts.update('Pilot at three sites, 40 users');
    // The next draft builds on the revision the save returned, so saving it later is not a conflict.
    expect(drafts.at(-1)).toMatchObject({ id: 'note-2', baseRevision: 1 });
  });

  it('says the disk is full when the background says so, and keeps the text for a retry', async () => {
    const full = new Error('no room');
    full.name = 'StorageFull';
    background.save = () => Promise.reject(full);
    autosave.update('Typed on a full disk');
    await autosave.flush();
    expect(statuses.at(-1)).toMatchObject({ state: 'error', storageFull: true });
    expect(autosave.dirty).toBe(true);
  });

  it('saves what was typed while a save was in flight', async () => {
    autosave.update('One');
    const first = autosave.flush();
    autosave.update('One two');
    await first;
    await autosave.flush();
    expect(background.notes.get('note-1')?.body).toBe('One two');
  });

  describe('a private note', () => {
    it('a note without text yet takes the flag with its first save, and sends nothing before', async () => {
      await autosave.setPrivate(true);
      expect(autosave.private).toBe(true);
      expect(autosave.dirty).toBe(false);
      expect(background.requests).toEqual([]);

      autosave.update('Their CFO is sceptical');
      await autosave.flush();
      expect(background.requests.map(({ private: flag, baseRevision }) => ({ flag, baseRevision }))).toEqual([
        { flag: true, baseRevision: null },
      ]);
      expect(background.notes.get('note-1')).toEqual({
        body: 'Their CFO is sceptical',
        revision: 1,
        private: true,
      });
    });

    it('changing it on a saved note saves at once, on the revision the text is at', async () => {
      autosave.open({ id: 'note-1', body: 'Pilot', revision: 1, kind: 'note' }, TARGET);
      background.notes.set('note-1', { body: 'Pilot', revision: 1 });

      await autosave.setPrivate(true);
      expect(background.notes.get('note-1')).toEqual({ body: 'Pilot', revision: 2, private: true });
      expect(autosave.dirty).toBe(false);
      expect(statuses.at(-1)).toEqual({ state: 'saved' });

      await autosave.setPrivate(false);
      expect(background.notes.get('note-1')).toEqual({ body: 'Pilot', revision: 3 });
      expect(background.requests.map((request) => [request.baseRevision, request.private])).toEqual([
        [1, true],
        [2, false],
      ]);

      // Setting it to what it already is sends nothing.
      await autosave.setPrivate(false);
      expect(background.requests).toHaveLength(2);
    });

    it('opens with the note’s privacy, and every edit of the text carries it', async () => {
      autosave.open({ id: 'note-1', body: 'Pilot', revision: 1, kind: 'note', private: true }, TARGET);
      background.notes.set('note-1', { body: 'Pilot', revision: 1, private: true });
      expect(autosave.private).toBe(true);
      autosave.update('Pilot at three sites');
      await autosave.flush();
      expect(background.requests.at(-1)).toMatchObject({ baseRevision: 1, private: true });

      autosave.startNew();
      expect(autosave.private).toBe(false);
    });

    it('saves text typed and the flag ticked before the pause in one save', async () => {
      autosave.update('Champion is leaving');
      await autosave.setPrivate(true);
      expect(background.requests.map((request) => [request.body, request.private])).toEqual([
        ['Champion is leaving', true],
      ]);
    });

    it('a flag changed while a save is in flight is saved right after it', async () => {
      autosave.update('Budget');
      const first = autosave.flush();
      const ticked = autosave.setPrivate(true);
      await Promise.all([first, ticked]);
      expect(background.notes.get('note-1')).toMatchObject({ body: 'Budget', private: true });
      expect(autosave.dirty).toBe(false);
    });

    it('saves the flag again when the note came back as another window left it', async () => {
      // Another window saved the same text, shared, at revision 2; this editor still builds on 1.
      autosave.open({ id: 'note-1', body: 'Pilot', revision: 1, kind: 'note' }, TARGET);
      background.notes.set('note-1', { body: 'Pilot', revision: 2 });
      const save = background.save.bind(background);
      background.save = async (request) => {
        const stored = background.notes.get(request.id)!;
        if (stored.revision !== request.baseRevision && stored.body === request.body) {
          background.requests.push(request);
          const note = { id: request.id, accountKey: TARGET.accountKey, kind: 'note' as const };
          return { status: 'saved', note: { ...note, ...stored, createdAt: 1, updatedAt: 1 } };
        }
        return save(request);
      };

      await autosave.setPrivate(true);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
      expect(background.notes.get('note-1')).toEqual({ body: 'Pilot', revision: 3, private: true });
      expect(autosave.dirty).toBe(false);
    });
  });
});
