import { z } from 'zod';
import { ensureAccount, readAccountRows, type PersonSeen } from './accounts';
import type { Db } from './open';
import type { PrivateStore } from './private-items';
import {
  accountKeySchema,
  emailSchema,
  noteBodySchema,
  noteKindSchema,
  noteRecordSchema,
  recordIdSchema,
  type Author,
  type NoteRecord,
} from './records';
import { inTransaction, type TransactionOptions } from './transaction';
import { checkedRow, validRow, validRows } from './validate';

/** One autosaved edit of a note: what the panel sends (the `saveNote` message) and this module stores. */
export const noteEditSchema = z.object({
  id: recordIdSchema,
  accountKey: accountKeySchema,
  contactEmail: emailSchema.optional(),
  kind: noteKindSchema,
  body: noteBodySchema,
  /** The revision this edit started from; null for a note not saved before. */
  baseRevision: z.number().int().positive().nullable(),
  /** True keeps the note in this browser (never synced); false shares it again; absent leaves it as is. */
  private: z.boolean().optional(),
});
export type NoteEdit = z.infer<typeof noteEditSchema>;

export type NoteSaveOutcome =
  | { status: 'saved'; note: NoteRecord }
  | { status: 'deleted'; id: string }
  | { status: 'conflict'; note: NoteRecord; theirs: NoteRecord };

/** How many notes the panel loads with an account; older ones are read a page at a time. */
export const PANEL_NOTES_LIMIT = 500;

/** An account's notes, newest first. */
export async function listNotes(
  db: Db,
  accountKey: string,
  limit = PANEL_NOTES_LIMIT,
): Promise<NoteRecord[]> {
  const range = IDBKeyRange.bound([accountKey, 0], [accountKey, Number.MAX_SAFE_INTEGER]);
  const rows: unknown[] = [];
  let cursor = await db.transaction('notes').store.index('by-account-created').openCursor(range, 'prev');
  while (cursor && rows.length < limit) {
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return validRows(noteRecordSchema, 'notes', rows, (row) => (row as { id?: unknown }).id);
}

/** Where a page of notes ends: the last note shown, in newest-first order (creation time, then id). */
export interface NotesCursor {
  createdAt: number;
  id: string;
}

/**
 * The account's notes that come after `before` in newest-first order, at most `limit`: the next page
 * below what the panel shows. Notes created in the same millisecond are ordered by id, as the index's
 * reverse cursor walks them.
 */
export async function listNotesBefore(
  db: Db,
  accountKey: string,
  before: NotesCursor,
  limit: number,
): Promise<NoteRecord[]> {
  const range = IDBKeyRange.bound([accountKey, 0], [accountKey, before.createdAt]);
  const rows: unknown[] = [];
  let cursor = await db.transaction('notes').store.index('by-account-created').openCursor(range, 'prev');
  while (cursor && rows.length < limit) {
    const [, createdAt] = cursor.key;
    if (createdAt < before.createdAt || String(cursor.primaryKey) < before.id) rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  return validRows(noteRecordSchema, 'notes', rows, (row) => (row as { id?: unknown }).id);
}

/** A note's privacy (as the edit says, else as it was) and its author (the one who wrote this text). */
function privacyAndAuthor(
  edit: { private?: boolean | undefined; author?: Author | undefined },
  stored: NoteRecord | undefined,
): Pick<NoteRecord, 'private' | 'author'> {
  const isPrivate = edit.private ?? stored?.private === true;
  const author = edit.author ?? stored?.author;
  return { ...(isPrivate ? { private: true } : {}), ...(author ? { author } : {}) };
}

/**
 * Reads an edit's author in the save's own transaction, from the private items (the rep, as the settings
 * name them: `readAuthorIn` of ./private-items.ts), instead of in a transaction of its own first.
 */
export type AuthorReader = (privateItems: PrivateStore) => Promise<Author | undefined>;

/**
 * Saves one autosaved edit. A write based on an older revision than the stored one means another panel
 * saved this note meanwhile: neither text is thrown away — theirs stays, this edit becomes a new note.
 * Emptying a saved note deletes it; an empty new note is never created.
 *
 * Everything the save decides from (the note, its account and person, the settings for the author) is
 * read at once, in the one transaction that writes: the panel autosaves as the rep types, so what each
 * save costs the background counts.
 */
export async function saveNoteEdit(
  db: Db,
  /**
   * `contact`: who the note is about, recorded with it so the account knows its people. `author`: who
   * wrote it, or how to read that in the save's transaction.
   */
  edit: NoteEdit & { contact?: PersonSeen; author?: Author | AuthorReader },
  now: number,
  newId: () => string,
  /** Hears which stores the save wrote: a first note also creates its account, a new contact its person. */
  onCommitted?: TransactionOptions['onCommitted'],
): Promise<NoteSaveOutcome> {
  return inTransaction(
    db,
    ['notes', 'accounts', 'contacts', 'privateItems'],
    'readwrite',
    async (tx) => {
      const notes = tx.objectStore('notes');
      const stores = { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') };
      const [storedRow, accountRows, author] = await Promise.all([
        notes.get(edit.id),
        readAccountRows(stores, edit.accountKey, edit.contact),
        typeof edit.author === 'function' ? edit.author(tx.objectStore('privateItems')) : edit.author,
      ]);
      const stored = validRow(noteRecordSchema, 'notes', storedRow, edit.id);
      const isEmpty = edit.body.trim() === '';
      const written = { ...edit, author };

      if (stored && stored.accountKey !== edit.accountKey) {
        throw new Error('This note belongs to another account.');
      }
      if (stored && stored.revision !== edit.baseRevision) {
        if (stored.body === edit.body) return { status: 'saved', note: stored };
        if (isEmpty) return { status: 'saved', note: stored };
        const copy = checkedRow(noteRecordSchema, 'notes', {
          id: newId(),
          accountKey: edit.accountKey,
          contactEmail: edit.contactEmail,
          kind: edit.kind,
          body: edit.body,
          createdAt: now,
          updatedAt: now,
          revision: 1,
          // The copy keeps the note's privacy unless the edit says otherwise: a private text stays private.
          ...privacyAndAuthor({ ...written, private: edit.private ?? stored.private === true }, undefined),
        });
        await notes.put(copy);
        return { status: 'conflict', note: copy, theirs: stored };
      }
      if (isEmpty) {
        if (stored) await notes.delete(edit.id);
        return { status: 'deleted', id: edit.id };
      }
      await ensureAccount(stores, edit.accountKey, now, edit.contact, accountRows);
      const note = checkedRow(noteRecordSchema, 'notes', {
        id: edit.id,
        accountKey: edit.accountKey,
        contactEmail: stored?.contactEmail ?? edit.contactEmail,
        kind: stored?.kind ?? edit.kind,
        body: edit.body,
        createdAt: stored?.createdAt ?? now,
        updatedAt: now,
        revision: (stored?.revision ?? 0) + 1,
        ...privacyAndAuthor(written, stored),
      });
      // Not awaited: the transaction commits after it (or aborts if it fails, and the save fails with
      // it). Waiting for its answer would cost each autosave one more trip to the database's process.
      notes.put(note).catch(() => undefined);
      return { status: 'saved', note };
    },
    {
      ...(onCommitted ? { onCommitted } : {}),
      // An autosave is not flushed to disk before it counts as saved: each costs Chromium a disk flush
      // otherwise, several milliseconds and at times tens, on every pause in the rep's typing. The write
      // still reaches the operating system before the panel hears "saved", so closing the tab or the
      // browser, or either crashing, loses nothing; only the machine itself failing within the system's
      // few seconds of write-back could lose the latest edits of the note being typed, and every strict
      // write after it (any other change the rep makes) flushes it too. What the rep does on purpose
      // (stages, deals, follow-ups, settings) stays strict.
      durability: 'relaxed',
    },
  );
}
