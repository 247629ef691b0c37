/**
 * Searching every note. The index is stored beside the notes and kept in step with them in every note
 * write's own transaction (lib/db/search-index.ts); the background loads it on the first search after
 * it starts (the base segment and the deltas: one read) and then follows each committed note change in
 * memory. It is rebuilt from the notes only by a repair: when the database has no index yet (upgraded
 * from version 6), when a write the deltas cannot describe marked it, or on request.
 *
 * Matching (lib/search/tokens.ts): every query term must match; a word matches the words it begins and,
 * from five letters, words one edit away; Chinese and Japanese runs match by bigrams. Newest first.
 */
import { displayAccountKey } from '../contact/account-key';
import type { StoreChange } from '../db/committed-changes';
import type { Db } from '../db/open';
import {
  accountRecordSchema,
  contactRecordSchema,
  noteRecordSchema,
  type ContactRecord,
  type NoteRecord,
} from '../db/records';
import {
  compactSearchIndex,
  indexChangeOf,
  loadSearchIndex,
  repairSearchIndex,
  type IndexChange,
} from '../db/search-index';
import { validRow, validRows } from '../db/validate';
import type { InvertedIndex, SearchPageEntry } from '../search/inverted-index';
import { buildSnippet } from '../search/snippet';
import { parseQuery, type SearchQuery } from '../search/tokens';
import type { PayloadOf } from '../messaging/messages';
import type { NotesSearchHit, NotesSearchResult } from '../search/types';

/** Deltas past this many are folded into a new base after a search (from memory, off the write path). */
export const COMPACT_AFTER = 2_000;

export class NotesSearchIndex {
  private index: InvertedIndex | undefined;
  /** Changes committed while the index loads, applied once it has (applying twice changes nothing). */
  private heldBack: IndexChange[] | undefined;
  /** Loads, repairs and compactions run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times the index was rebuilt from the notes (repairs). */
  repairs = 0;
  /** The hits' notes, accounts and people as last read. */
  readonly details = new HitDetailsCache();

  get size(): number {
    return this.index?.size ?? 0;
  }

  get loaded(): boolean {
    return this.index !== undefined;
  }

  /** Follows committed note changes (the stored index already has them). */
  onCommitted(changes: readonly StoreChange[]): void {
    this.details.onCommitted(changes);
    for (const change of changes) {
      if (change.store !== 'notes') continue;
      const effect = indexChangeOf(change);
      if (this.heldBack) this.heldBack.push(effect);
      else if (this.index) this.applyChange(effect);
    }
  }

  private applyChange(effect: IndexChange): void {
    if (!this.index) return;
    if (effect.kind === 'delta') this.index.apply(effect.delta);
    // Cleared: the stored index was emptied with the notes; a range deleted: a repair is due. Both are
    // read again on the next search.
    else this.index = undefined;
  }

  /** Forgets the index in memory (the next search loads it again). */
  unload(): void {
    this.index = undefined;
    this.details.clear();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The index in memory: loaded (or repaired when due) on the first search. */
  ready(db: Db): Promise<InvertedIndex> {
    if (this.index) return Promise.resolve(this.index);
    return this.serially(async () => {
      // Again when a change committed meanwhile dropped what was loaded (the notes cleared).
      while (!this.index) {
        this.heldBack = [];
        try {
          let index = await loadSearchIndex(db);
          if (!index) {
            index = await repairSearchIndex(db);
            this.repairs += 1;
          }
          this.index = index;
          for (const effect of this.heldBack) this.applyChange(effect);
        } finally {
          this.heldBack = undefined;
        }
      }
      return this.index;
    });
  }

  /** Rebuilds the index from the notes store (the explicit repair). */
  repair(db: Db): Promise<number> {
    return this.serially(async () => {
      this.heldBack = [];
      try {
        this.index = await repairSearchIndex(db);
        this.repairs += 1;
        for (const effect of this.heldBack) this.applyChange(effect);
      } finally {
        this.heldBack = undefined;
      }
      return this.size;
    });
  }

  /** Folds the deltas into a new base when there are many. */
  compactIfDue(db: Db): Promise<void> {
    if (!this.index || this.index.pending < COMPACT_AFTER) return Promise.resolve();
    return this.serially(async () => {
      const index = this.index;
      if (!index || index.pending < COMPACT_AFTER) return;
      this.heldBack = [];
      try {
        this.index = await compactSearchIndex(db, index);
        for (const effect of this.heldBack) this.applyChange(effect);
      } finally {
        this.heldBack = undefined;
      }
    });
  }
}

const contactEmail = (row: unknown) => (row as { email?: unknown }).email;

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
/** A hit as read from the database, before its snippet (which depends on the query). */
export interface HitDetails {
  hit: Omit<NotesSearchHit, 'snippet'>;
  body: string;
}

async function readHits(db: Db, page: readonly SearchPageEntry[]): Promise<HitDetails[]> {
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

  return notes.map((note): HitDetails => {
    const contact = note.contactEmail ? contacts.get(note.contactEmail) : undefined;
    const fallback = note.contactEmail ? undefined : latestByAccount.get(note.accountKey);
    const openUrl = webUrl(contact?.lastSeenUrl) ?? webUrl(fallback?.lastSeenUrl);
    const mailTo = note.contactEmail ?? fallback?.email;
    const hit = {
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
    };
    return { hit, body: note.body };
  });
}

/** Most hits kept read (a rep typing a query sees mostly the same newest notes, keystroke after keystroke). */
const DETAILS_KEPT = 2_000;

/**
 * Hits as last read, so that a keystroke re-reads only the notes its page did not show before. A note's
 * change forgets that note; any change to accounts or people forgets them all (labels, names, pages).
 */
export class HitDetailsCache {
  private readonly kept = new Map<string, HitDetails>();
  /** Bumped by every change: reads that started before one are not kept. */
  private generation = 0;

  onCommitted(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.store === 'accounts' || change.store === 'contacts') this.clear();
      else if (change.store !== 'notes') continue;
      else if (change.kind === 'clear' || change.key instanceof IDBKeyRange) this.clear();
      else {
        this.kept.delete(String(change.key as string));
        this.generation += 1;
      }
    }
  }

  clear(): void {
    this.kept.clear();
    this.generation += 1;
  }

  async read(db: Db, page: readonly SearchPageEntry[]): Promise<HitDetails[]> {
    const missing = page.filter((entry) => !this.kept.has(entry.id));
    const generation = this.generation;
    const read = missing.length ? await readHits(db, missing) : [];
    const fresh = new Map(read.map((details) => [details.hit.noteId, details]));
    const found = page.flatMap((entry) => {
      const details = fresh.get(entry.id) ?? this.kept.get(entry.id);
      return details ? [details] : [];
    });
    if (generation === this.generation) {
      for (const details of read) this.kept.set(details.hit.noteId, details);
      for (const key of this.kept.keys()) {
        if (this.kept.size <= DETAILS_KEPT) break;
        this.kept.delete(key);
      }
    }
    return found;
  }
}

async function hitsFor(
  db: Db,
  page: readonly SearchPageEntry[],
  query: SearchQuery,
  cache: HitDetailsCache,
): Promise<NotesSearchHit[]> {
  return (await cache.read(db, page)).map(({ hit, body }) => ({
    ...hit,
    snippet: buildSnippet(body, query),
  }));
}

export async function searchNotesIn(
  index: NotesSearchIndex,
  db: Db,
  request: PayloadOf<'searchNotes'>,
): Promise<NotesSearchResult> {
  const query = parseQuery(request.query);
  // An empty query shows nothing and needs no index, unless the page asks to get the index ready.
  if (query.terms.length === 0 && request.prepare !== true)
    return { query: request.query, hits: [], total: 0, offset: request.offset };
  const ready = await index.ready(db);
  const { page, total } =
    query.terms.length === 0 || request.prepare
      ? { page: [], total: 0 }
      : ready.search(query.terms, request.offset, request.limit);
  const hits = page.length === 0 ? [] : await hitsFor(db, page, query, index.details);
  // Off the answer's path: a compaction due runs after it.
  void index.compactIfDue(db).catch((error: unknown) => {
    console.warn('[dealside] could not compact the notes search index', error);
  });
  return { query: request.query, hits, total, offset: request.offset };
}
