import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveNoteRequest, SaveNoteResult } from '../../../lib/messaging/protocol';
import { AUTOSAVE_DELAY_MS, NoteAutosave, type AutosaveStatus } from '../../../lib/notes/autosave';

/** A stand-in background that stores notes by id and answers like the real one. */
class FakeBackground {
  notes = new Map<string, { body: string; revision: number }>();
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
    this.notes.set(request.id, { body: request.body, revision });
    const note = {
      id: request.id,
      accountKey: request.accountKey,
      kind: request.kind,
      body: request.body,
      createdAt: 1,
      updatedAt: 1,
      revision,
    };
    return { status: 'saved', note };
  }
}

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
});
