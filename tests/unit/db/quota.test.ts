import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainFailure, STORAGE_FULL_MESSAGE } from '../../../lib/background/router';
import { listNotes, saveNoteEdit } from '../../../lib/db/notes';
import { freshDb } from './helpers';

const ACCOUNT = 'northwind-trading.com';
const newId = () => crypto.randomUUID();

describe('a full disk', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('fails the write with a message the rep can act on, and keeps what was saved', async () => {
    const { db } = await freshDb();
    const edit = { id: 'n1', accountKey: ACCOUNT, kind: 'note' as const, baseRevision: null };
    await saveNoteEdit(db, { ...edit, body: 'Saved before the disk filled up' }, 1000, newId);

    // The browser refuses every further write, as it does when the origin's quota is used up.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await saveNoteEdit(
      db,
      { ...edit, body: 'Typed after', baseRevision: 1 },
      2000,
      newId,
    ).catch((error: unknown) => error);
    vi.restoreAllMocks();

    const explained = explainFailure(failure) as Error;
    expect(explained.name).toBe('StorageFull');
    expect(explained.message).toBe(STORAGE_FULL_MESSAGE);
    expect((await listNotes(db, ACCOUNT)).map((note) => [note.body, note.revision])).toEqual([
      ['Saved before the disk filled up', 1],
    ]);
  });

  it('leaves every other failure as it was', () => {
    const other = new TypeError('something else');
    expect(explainFailure(other)).toBe(other);
  });
});
