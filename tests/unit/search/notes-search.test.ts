/**
 * Searching every note through the background: the in-memory index, its freshness after writes, the
 * results' account and contact details, and paging.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { keepNotesSearchIndexCurrent } from '../../../lib/background/main';
import { saveNote } from '../../../lib/background/handlers/panel-writes';
import { notesSearchIndex, searchNotes } from '../../../lib/background/handlers/options-insights';
import { recordContactSeen, updateAccount } from '../../../lib/db/accounts';
import { saveNoteEdit } from '../../../lib/db/notes';
import { DB_NAME } from '../../../lib/db/schema';
import type { NotesSearchResult } from '../../../lib/search/types';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

keepNotesSearchIndexCurrent();
const NORTHWIND = 'northwind-trading.com';
const JANE = 'jane.cooper@northwind-trading.com';
const ZHONGGUO = 'xn--fiqs8s.com';
let ids = 0;

async function note(accountKey: string, body: string, options: { contactEmail?: string; at?: number } = {}) {
  const id = `n-${++ids}`;
  const outcome = await saveNoteEdit(
    await database(),
    {
      id,
      accountKey,
      contactEmail: options.contactEmail,
      contact: options.contactEmail
        ? { email: options.contactEmail, accountKey, name: 'Jane Cooper' }
        : undefined,
      kind: 'note',
      body,
      baseRevision: null,
    },
    options.at ?? 1_700_000_000_000 + ids * 1000,
    () => `copy-${ids}`,
  );
  return outcome.status === 'saved' ? outcome.note : undefined;
}

/** Runs `query` and checks it was answered from the index as it stood, without reading every note. */
async function expectNoRebuild(query: () => Promise<NotesSearchResult>): Promise<void> {
  const rebuilds = notesSearchIndex.rebuilds;
  await query();
  expect(notesSearchIndex.rebuilds).toBe(rebuilds);
}

const search = (query: string, offset = 0, limit = 50) => searchNotes({ query, offset, limit });
const texts = (result: NotesSearchResult) =>
  result.hits.map((hit) => hit.snippet.parts.map((p) => p.text).join(''));
const marks = (result: NotesSearchResult) =>
  result.hits.map((hit) => hit.snippet.parts.filter((p) => p.match).map((p) => p.text));

function resetDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the database'));
  });
}

describe('notes search', () => {
  beforeEach(async () => {
    await resetDatabase();
    notesSearchIndex.invalidate([]);
  });

  it('finds notes by accent- and case-insensitive words and by Chinese substrings', async () => {
    await note(NORTHWIND, 'Lunch at the Café de Flore: pricing for the pilot.', { contactEmail: JANE });
    await note(ZHONGGUO, '客户说:请尽快发送报价单给采购部。');
    await note(NORTHWIND, 'Unrelated call notes.');

    const latin = await search('CAFE pilot');
    expect(latin.total).toBe(1);
    expect(marks(latin)).toEqual([['Café', 'pilot']]);
    expect(latin.hits[0]).toMatchObject({
      accountKey: NORTHWIND,
      accountLabel: NORTHWIND,
      contactEmail: JANE,
    });

    const chinese = await search('报价');
    expect(chinese.total).toBe(1);
    expect(texts(chinese)).toEqual(['客户说:请尽快发送报价单给采购部。']);
    expect(marks(chinese)).toEqual([['报价']]);
    // The account key is shown as people read it.
    expect(chinese.hits[0]!.accountLabel).toBe('中国.com');
  });

  it('shows nothing for an empty query, without reading the notes', async () => {
    await note(NORTHWIND, 'anything');
    const rebuilds = notesSearchIndex.rebuilds;
    expect(await search('   ')).toMatchObject({ total: 0, hits: [] });
    expect(notesSearchIndex.rebuilds).toBe(rebuilds);
  });

  it('gets the index ready on request, answering with no hits', async () => {
    await note(NORTHWIND, 'anything');
    const rebuilds = notesSearchIndex.rebuilds;
    expect(await searchNotes({ query: '', offset: 0, limit: 1, prepare: true })).toMatchObject({
      total: 0,
      hits: [],
    });
    expect(notesSearchIndex.rebuilds).toBe(rebuilds + 1);
    expect(notesSearchIndex.size).toBe(1);
    expect((await search('anything')).total).toBe(1);
    expect(notesSearchIndex.rebuilds).toBe(rebuilds + 1);
  });

  it('offers the page where the contact was last seen, else a new mail', async () => {
    await note(NORTHWIND, 'budget approved', { contactEmail: JANE });
    let [hit] = (await search('budget')).hits;
    expect(hit).toMatchObject({ contactName: 'Jane Cooper', mailTo: JANE });
    expect(hit!.openUrl).toBeUndefined();

    await recordContactSeen(
      await database(),
      JANE,
      'https://mail.google.com/mail/u/0/#inbox/abc',
      Date.now(),
    );
    [hit] = (await search('budget')).hits;
    expect(hit!.openUrl).toBe('https://mail.google.com/mail/u/0/#inbox/abc');

    // A note without a contact opens where the account's latest person was seen.
    await note(NORTHWIND, 'budget for next year');
    const hits = (await search('budget next')).hits;
    expect(hits[0]).toMatchObject({ openUrl: 'https://mail.google.com/mail/u/0/#inbox/abc', mailTo: JANE });
    expect(hits[0]!.contactEmail).toBeUndefined();
  });

  it('uses the account display name when the rep gave one', async () => {
    await note(NORTHWIND, 'renewal in May');
    await updateAccount(await database(), NORTHWIND, Date.now(), (account) => ({
      ...account,
      displayName: 'Northwind Trading',
    }));
    expect((await search('renewal')).hits[0]!.accountLabel).toBe('Northwind Trading');
  });

  it('lists newest first and pages through many matches', async () => {
    for (let index = 0; index < 120; index += 1) await note(NORTHWIND, `follow up number ${index}`);
    const first = await search('follow up');
    expect(first.total).toBe(120);
    expect(first.hits).toHaveLength(50);
    expect(texts(first)[0]).toBe('follow up number 119');
    const third = await search('follow up', 100, 50);
    expect(third.hits).toHaveLength(20);
    expect(texts(third).at(-1)).toBe('follow up number 0');
    const seen = new Set(
      [...first.hits, ...(await search('follow up', 50)).hits, ...third.hits].map((h) => h.noteId),
    );
    expect(seen.size).toBe(120);
  });

  it('sees a note edited in the panel at the next search', async () => {
    const saved = await note(NORTHWIND, 'send the contract', { contactEmail: JANE });
    expect((await search('contract')).total).toBe(1);
    await expectNoRebuild(() => search('contract'));

    await saveNote({
      id: saved!.id,
      accountKey: NORTHWIND,
      contactEmail: JANE,
      kind: 'note',
      body: 'send the 合同 today',
      baseRevision: saved!.revision,
    });
    expect((await search('contract')).total).toBe(0);
    const rebuildsBefore = notesSearchIndex.rebuilds;
    const after = await search('合同');
    expect(after.total).toBe(1);
    expect(notesSearchIndex.rebuilds).toBe(rebuildsBefore);
  });

  it('notices notes removed without an announcement, by their count', async () => {
    const kept = await note(NORTHWIND, 'quote sent');
    const removed = await note(NORTHWIND, 'quote revised');
    expect((await search('quote')).total).toBe(2);
    await (await database()).delete('notes', removed!.id);
    const result = await search('quote');
    expect(result.total).toBe(1);
    expect(result.hits[0]!.noteId).toBe(kept!.id);
  });

  it('skips a damaged note and keeps searching the rest', async () => {
    await note(NORTHWIND, 'quote sent');
    await (await database()).put('notes', { id: 'broken', accountKey: NORTHWIND, body: 42 } as never);
    notesSearchIndex.invalidate([]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await search('quote')).total).toBe(1);
    expect(warn).toHaveBeenCalled();
    // The damaged row is expected by the count check: the next search does not rebuild.
    await expectNoRebuild(() => search('quote'));
  });

  it('refuses an over-long query at the receiver', async () => {
    const { messages } = await import('../../../lib/messaging/messages');
    const parsed = messages.searchNotes.request.safeParse({ query: 'x'.repeat(201), offset: 0, limit: 50 });
    expect(parsed.success).toBe(false);
    expect(messages.searchNotes.request.safeParse({ query: 'x', offset: 0, limit: 500 }).success).toBe(false);
  });
});
