/**
 * Searching every note. The background keeps each note's folded text in memory (built on the first
 * search, by one read of the notes store), so a query is a substring scan over strings already folded,
 * without reading or folding 100,000 notes again. Changes reach it two ways: every write path
 * broadcasts `dataChanged` with its accounts, whose notes are read again on the next search; and the
 * store's count is checked on every search, so a write that did not announce itself rebuilds the index.
 * After the service worker is stopped the index is simply built again on the next search.
 */
import { displayAccountKey } from '../contact/account-key';
import type { Db } from '../db/open';
import {
  accountRecordSchema,
  contactRecordSchema,
  noteRecordSchema,
  type ContactRecord,
  type NoteRecord,
} from '../db/records';
import { validRow, validRows } from '../db/validate';
import { foldForSearch, queryTerms } from '../search/normalize';
import { buildSnippet, matchesAllTerms } from '../search/snippet';
import type { PayloadOf } from '../messaging/messages';
import type { NotesSearchHit, NotesSearchResult } from '../search/types';

interface IndexedNote {
  id: string;
  accountKey: string;
  updatedAt: number;
  folded: string;
}

/** Over this many accounts changed at once (an import), rebuilding is simpler than patching. */
const PATCH_LIMIT = 200;

const noteId = (row: unknown) => (row as { id?: unknown }).id;
const contactEmail = (row: unknown) => (row as { email?: unknown }).email;

function indexed(note: NoteRecord): IndexedNote {
  return {
    id: note.id,
    accountKey: note.accountKey,
    updatedAt: note.updatedAt,
    folded: foldForSearch(note.body),
  };
}

/** Newest first; the id breaks ties so pages never overlap. */
function newestFirst(a: IndexedNote, b: IndexedNote): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class NotesSearchIndex {
  private notes = new Map<string, IndexedNote>();
  private idsByAccount = new Map<string, Set<string>>();
  private ordered: IndexedNote[] = [];
  private orderStale = false;
  private needsRebuild = true;
  private staleAccounts = new Set<string>();
  /**
   * Damaged rows per account (reported and left out): they still count in the store, so the count
   * check must expect them or it would rebuild on every search.
   */
  private damagedByAccount = new Map<string, number>();
  /** Refreshes run one at a time: two searches in flight must not patch the maps together. */
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times the index was built from every note: the first search, then only after changes it could not follow. */
  rebuilds = 0;

  /** Marks accounts whose notes may have changed; no accounts (or very many) means "anything may have". */
  invalidate(accountKeys: readonly string[]): void {
    if (accountKeys.length === 0 || accountKeys.length > PATCH_LIMIT) this.needsRebuild = true;
    else for (const key of accountKeys) this.staleAccounts.add(key);
  }

  get size(): number {
    return this.notes.size;
  }

  /** Brings the index up to date with the database. Resolves true when it was built from scratch. */
  refresh(db: Db): Promise<boolean> {
    const run = this.queue.then(() => this.refreshNow(db));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refreshNow(db: Db): Promise<boolean> {
    const tx = db.transaction('notes', 'readonly');
    if (!this.needsRebuild) {
      const stale = [...this.staleAccounts];
      this.staleAccounts.clear();
      const [count, ...perAccount] = await Promise.all([
        tx.store.count(),
        ...stale.map((key) =>
          tx.store.index('by-account-created').getAll(IDBKeyRange.bound([key, -Infinity], [key, Infinity])),
        ),
      ]);
      stale.forEach((key, index) => this.replaceAccount(key, perAccount[index] ?? []));
      if (count === this.notes.size + this.damagedRows()) {
        await tx.done;
        return false;
      }
    }
    this.needsRebuild = false;
    this.staleAccounts.clear();
    this.rebuilds += 1;
    const rows = await tx.store.getAll();
    await tx.done;
    this.notes = new Map();
    this.idsByAccount = new Map();
    this.damagedByAccount = new Map();
    const valid = validRows(noteRecordSchema, 'notes', rows, noteId);
    for (const note of valid) this.add(indexed(note));
    if (valid.length < rows.length) {
      const validIds = new Set(valid.map((note) => note.id));
      for (const row of rows) {
        if (validIds.has(noteId(row) as string)) continue;
        const accountKey = String((row as { accountKey?: unknown }).accountKey ?? '');
        this.damagedByAccount.set(accountKey, (this.damagedByAccount.get(accountKey) ?? 0) + 1);
      }
    }
    this.orderStale = true;
    return true;
  }

  private damagedRows(): number {
    let damaged = 0;
    for (const count of this.damagedByAccount.values()) damaged += count;
    return damaged;
  }

  private add(note: IndexedNote): void {
    this.notes.set(note.id, note);
    let ids = this.idsByAccount.get(note.accountKey);
    if (!ids) this.idsByAccount.set(note.accountKey, (ids = new Set()));
    ids.add(note.id);
  }

  private replaceAccount(accountKey: string, rows: unknown[]): void {
    for (const id of this.idsByAccount.get(accountKey) ?? []) this.notes.delete(id);
    this.idsByAccount.delete(accountKey);
    const valid = validRows(noteRecordSchema, 'notes', rows, noteId);
    if (valid.length < rows.length) this.damagedByAccount.set(accountKey, rows.length - valid.length);
    else this.damagedByAccount.delete(accountKey);
    for (const note of valid) {
      // A note moved between accounts (a merge) leaves its old account's set pointing at it: drop that.
      const previous = this.notes.get(note.id);
      if (previous) this.idsByAccount.get(previous.accountKey)?.delete(note.id);
      this.add(indexed(note));
    }
    this.orderStale = true;
  }

  /** The page of matching notes, newest first, and how many match in all. */
  search(terms: readonly string[], offset: number, limit: number): { page: IndexedNote[]; total: number } {
    if (this.orderStale) {
      this.ordered = [...this.notes.values()].sort(newestFirst);
      this.orderStale = false;
    }
    const page: IndexedNote[] = [];
    let total = 0;
    for (const note of this.ordered) {
      if (!matchesAllTerms(note.folded, terms)) continue;
      if (total >= offset && page.length < limit) page.push(note);
      total += 1;
    }
    return { page, total };
  }
}

/** Only pages on the web are offered to open; a stored URL of any other kind is ignored. */
function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return ['https:', 'http:'].includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The account's person seen most recently, for notes written without a contact. */
function latestSeen(people: ContactRecord[]): ContactRecord | undefined {
  return people.reduce<ContactRecord | undefined>(
    (best, person) => ((person.lastSeenAt ?? 0) > (best?.lastSeenAt ?? -1) ? person : best),
    undefined,
  );
}

/** Reads the page's notes, accounts and people in one transaction and builds the results. */
async function hitsFor(db: Db, page: IndexedNote[], terms: readonly string[]): Promise<NotesSearchHit[]> {
  const tx = db.transaction(['notes', 'accounts', 'contacts'], 'readonly');
  const notes = (await Promise.all(page.map((entry) => tx.objectStore('notes').get(entry.id))))
    .map((row, index) => validRow(noteRecordSchema, 'notes', row, page[index]!.id))
    .filter((note): note is NoteRecord => note !== undefined);
  const accountKeys = [...new Set(notes.map((note) => note.accountKey))];
  const emails = [...new Set(notes.flatMap((note) => (note.contactEmail ? [note.contactEmail] : [])))];
  // Notes written without a contact open where the account's latest person was seen.
  const withoutContact = [
    ...new Set(notes.filter((note) => !note.contactEmail).map((note) => note.accountKey)),
  ];
  const [accountRows, contactRows, peopleRows] = await Promise.all([
    Promise.all(accountKeys.map((key) => tx.objectStore('accounts').get(key))),
    Promise.all(emails.map((email) => tx.objectStore('contacts').get(email))),
    Promise.all(withoutContact.map((key) => tx.objectStore('contacts').index('by-account').getAll(key, 200))),
  ]);
  await tx.done;

  const labels = new Map<string, string>();
  accountKeys.forEach((key, index) => {
    const account = validRow(accountRecordSchema, 'accounts', accountRows[index], key);
    labels.set(key, account?.displayName || displayAccountKey(key));
  });
  const contacts = new Map<string, ContactRecord>();
  emails.forEach((email, index) => {
    const contact = validRow(contactRecordSchema, 'contacts', contactRows[index], email);
    if (contact) contacts.set(email, contact);
  });
  const latestByAccount = new Map<string, ContactRecord>();
  withoutContact.forEach((key, index) => {
    const people = validRows(contactRecordSchema, 'contacts', peopleRows[index] ?? [], contactEmail);
    const latest = latestSeen(people);
    if (latest) latestByAccount.set(key, latest);
  });

  return notes.map((note): NotesSearchHit => {
    const contact = note.contactEmail ? contacts.get(note.contactEmail) : undefined;
    const fallback = note.contactEmail ? undefined : latestByAccount.get(note.accountKey);
    const openUrl = webUrl(contact?.lastSeenUrl) ?? webUrl(fallback?.lastSeenUrl);
    const mailTo = note.contactEmail ?? fallback?.email;
    return {
      noteId: note.id,
      kind: note.kind,
      accountKey: note.accountKey,
      accountLabel: labels.get(note.accountKey) ?? displayAccountKey(note.accountKey),
      ...(note.contactEmail ? { contactEmail: note.contactEmail } : {}),
      ...(contact?.name ? { contactName: contact.name } : {}),
      ...(openUrl ? { openUrl } : {}),
      ...(mailTo ? { mailTo } : {}),
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      snippet: buildSnippet(note.body, terms),
    };
  });
}

export async function searchNotesIn(
  index: NotesSearchIndex,
  db: Db,
  request: PayloadOf<'searchNotes'>,
): Promise<NotesSearchResult> {
  const terms = queryTerms(request.query);
  // An empty query shows nothing and needs no index, unless the page asks to get the index ready.
  if (terms.length > 0 || request.prepare === true) await index.refresh(db);
  const { page, total } =
    terms.length === 0 || request.prepare
      ? { page: [], total: 0 }
      : index.search(terms, request.offset, request.limit);
  const hits = page.length === 0 ? [] : await hitsFor(db, page, terms);
  return {
    query: request.query,
    hits,
    total,
    offset: request.offset,
  };
}
