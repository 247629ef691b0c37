import { describe, expect, it, vi } from 'vitest';
import type { PersonSeen } from '../../../lib/db/accounts';
import { listNotes, listNotesBefore, saveNoteEdit, type NoteEdit } from '../../../lib/db/notes';
import { registerDerivedData } from '../../../lib/db/transaction';
import { freshDb } from './helpers';

let ids = 0;
const newId = () => `generated-${++ids}`;
const ACCOUNT = 'northwind-trading.com';

function edit(
  overrides: Partial<NoteEdit & { contact: PersonSeen }> = {},
): NoteEdit & { contact?: PersonSeen } {
  return {
    id: 'note-1',
    accountKey: ACCOUNT,
    kind: 'note',
    body: 'Budget approved',
    baseRevision: null,
    ...overrides,
  };
}

describe('notes', () => {
  it('saves without a disk flush (relaxed durability), a contact already known left as it is', async () => {
    const { db } = await freshDb();
    const contact = { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', accountKey: ACCOUNT };
    const durabilities: string[] = [];
    const stop = registerDerivedData({
      sources: ['notes'],
      stores: [],
      async update(tx) {
        durabilities.push(tx.durability);
      },
    });
    try {
      const first = await saveNoteEdit(db, edit({ contact, contactEmail: contact.email }), 1000, newId);
      const written: string[][] = [];
      await saveNoteEdit(
        db,
        edit({
          contact,
          contactEmail: contact.email,
          body: 'Budget approved, signed',
          baseRevision: first.status === 'saved' ? first.note.revision : null,
        }),
        2000,
        newId,
        (changes) => written.push(changes.map((change) => change.store)),
      );
      expect(durabilities).toEqual(['relaxed', 'relaxed']);
      expect(written).toEqual([['notes']]);
      expect(await db.get('contacts', contact.email)).toMatchObject({ updatedAt: 1000 });
    } finally {
      stop();
    }
  });

  it('reads the author in its own transaction when given a reader', async () => {
    const { db } = await freshDb();
    const stores: string[] = [];
    await saveNoteEdit(
      db,
      {
        ...edit(),
        author: async (privateItems) => {
          stores.push(privateItems.name);
          return { name: 'Ana Ruiz' };
        },
      },
      1000,
      newId,
    );
    expect(stores).toEqual(['privateItems']);
    expect(await db.get('notes', 'note-1')).toMatchObject({ author: { name: 'Ana Ruiz' } });
  });

  it('creates the account and contact with the first note, and lists notes newest first', async () => {
    const { db } = await freshDb();
    const contact = { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', accountKey: ACCOUNT };
    await saveNoteEdit(db, edit({ contact, contactEmail: contact.email }), 1000, newId);
    await saveNoteEdit(db, edit({ id: 'note-2', body: 'Second call' }), 2000, newId);

    expect(await db.get('accounts', ACCOUNT)).toMatchObject({ key: ACCOUNT, createdAt: 1000 });
    expect(await db.get('contacts', contact.email)).toMatchObject({
      accountKey: ACCOUNT,
      name: 'Jane Cooper',
    });
    expect((await listNotes(db, ACCOUNT)).map((note) => note.body)).toEqual([
      'Second call',
      'Budget approved',
    ]);
    expect(await listNotes(db, 'other.example')).toEqual([]);
  });

  it('pages below the newest notes in the same order, ties in one millisecond included', async () => {
    const { db } = await freshDb();
    // Twelve notes, three of them per millisecond, and another account's notes in between.
    for (let index = 0; index < 12; index += 1) {
      const createdAt = 1000 + Math.floor(index / 3);
      await db.put('notes', {
        id: `n${String(index).padStart(2, '0')}`,
        accountKey: ACCOUNT,
        kind: 'note',
        body: `Note ${index}`,
        createdAt,
        updatedAt: createdAt,
        revision: 1,
      });
      await db.put('notes', {
        id: `other-${index}`,
        accountKey: 'contoso.example',
        kind: 'note',
        body: 'Elsewhere',
        createdAt,
        updatedAt: createdAt,
        revision: 1,
      });
    }
    const all = await listNotes(db, ACCOUNT);
    expect(all).toHaveLength(12);
    // Page by page from any cut, the pages join up to exactly the whole list.
    for (const pageSize of [1, 2, 4, 5]) {
      const paged = (await listNotes(db, ACCOUNT, pageSize)).slice();
      for (;;) {
        const last = paged[paged.length - 1]!;
        const next = await listNotesBefore(db, ACCOUNT, { createdAt: last.createdAt, id: last.id }, pageSize);
        if (next.length === 0) break;
        paged.push(...next);
      }
      expect(paged.map((note) => note.id)).toEqual(all.map((note) => note.id));
    }
  });

  it('bumps the revision on every save based on the current one', async () => {
    const { db } = await freshDb();
    const first = await saveNoteEdit(db, edit(), 1000, newId);
    expect(first).toMatchObject({ status: 'saved', note: { revision: 1 } });
    const second = await saveNoteEdit(
      db,
      edit({ body: 'Budget approved, pilot in Q3', baseRevision: 1 }),
      2000,
      newId,
    );
    expect(second).toMatchObject({
      status: 'saved',
      note: { revision: 2, createdAt: 1000, updatedAt: 2000 },
    });
  });

  it('keeps both texts when two panels edit the same note', async () => {
    const { db } = await freshDb();
    await saveNoteEdit(db, edit(), 1000, newId);
    await saveNoteEdit(db, edit({ body: 'Edited in the side panel', baseRevision: 1 }), 2000, newId);
    const outcome = await saveNoteEdit(
      db,
      edit({ body: 'Edited in the Gmail tab', baseRevision: 1 }),
      3000,
      newId,
    );

    expect(outcome.status).toBe('conflict');
    const bodies = (await listNotes(db, ACCOUNT)).map((note) => note.body).sort();
    expect(bodies).toEqual(['Edited in the Gmail tab', 'Edited in the side panel']);
  });

  it('treats a retried first save as the same note, not a conflict', async () => {
    const { db } = await freshDb();
    await saveNoteEdit(db, edit(), 1000, newId);
    const retried = await saveNoteEdit(db, edit(), 1100, newId);
    expect(retried).toMatchObject({ status: 'saved', note: { id: 'note-1', revision: 1 } });
    expect(await listNotes(db, ACCOUNT)).toHaveLength(1);
  });

  it('never creates an empty note, and deletes a note emptied by the rep', async () => {
    const { db } = await freshDb();
    expect(await saveNoteEdit(db, edit({ body: '   ' }), 1000, newId)).toEqual({
      status: 'deleted',
      id: 'note-1',
    });
    expect(await db.get('accounts', ACCOUNT)).toBeUndefined();
    await saveNoteEdit(db, edit(), 1000, newId);
    await saveNoteEdit(db, edit({ body: '', baseRevision: 1 }), 2000, newId);
    expect(await listNotes(db, ACCOUNT)).toEqual([]);
  });

  it('refuses to move a note to another account', async () => {
    const { db } = await freshDb();
    await saveNoteEdit(db, edit(), 1000, newId);
    await expect(
      saveNoteEdit(db, edit({ accountKey: 'other.example', baseRevision: 1 }), 2000, newId),
    ).rejects.toThrow(/another account/);
    expect((await listNotes(db, ACCOUNT))[0]?.body).toBe('Budget approved');
  });

  it('writes nothing when a row would break the schema', async () => {
    const { db } = await freshDb();
    await expect(saveNoteEdit(db, edit({ body: 'x'.repeat(300_000) }), 1000, newId)).rejects.toThrow(
      /invalid notes row/,
    );
    expect(await db.count('notes')).toBe(0);
    expect(await db.count('accounts')).toBe(0);
  });

  it('reports and skips a damaged row instead of failing the whole list', async () => {
    const { db } = await freshDb();
    await saveNoteEdit(db, edit(), 1000, newId);
    await db.put('notes', { id: 'damaged', accountKey: ACCOUNT, createdAt: 500, body: 42 } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await listNotes(db, ACCOUNT)).map((note) => note.id)).toEqual(['note-1']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('damaged notes row'),
        'damaged',
        expect.any(String),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('handles long, emoji and CJK text intact', async () => {
    const { db } = await freshDb();
    const body = '客户关心交付周期 🚚 '.repeat(5000);
    await saveNoteEdit(db, edit({ body }), 1000, newId);
    expect((await listNotes(db, ACCOUNT))[0]?.body).toBe(body);
  });
});
