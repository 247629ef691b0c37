/**
 * Searching every note through the background: the in-memory index, its freshness after writes, the
 * results' account and contact details, and paging.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../lib/background/db-connection';
import { keepNotesSearchIndexCurrent } from '../../../lib/background/main';
import { saveNote } from '../../../lib/background/handlers/panel-writes';
import {
  notesSearchIndex,
  repairNotesSearch,
  searchNotes,
} from '../../../lib/background/handlers/options-insights';
import { inTransaction } from '../../../lib/db/transaction';
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
  const rebuilds = notesSearchIndex.repairs;
  await query();
  expect(notesSearchIndex.repairs).toBe(rebuilds);
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
    notesSearchIndex.unload();
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
    const rebuilds = notesSearchIndex.repairs;
    expect(await search('   ')).toMatchObject({ total: 0, hits: [] });
    expect(notesSearchIndex.repairs).toBe(rebuilds);
  });

  it('gets the index ready on request, answering with no hits', async () => {
    await note(NORTHWIND, 'anything');
    expect(notesSearchIndex.loaded).toBe(false);
    expect(await searchNotes({ query: '', offset: 0, limit: 1, prepare: true })).toMatchObject({
      total: 0,
      hits: [],
    });
    expect(notesSearchIndex.loaded).toBe(true);
    expect(notesSearchIndex.size).toBe(1);
    // Loaded, not rebuilt: the note was indexed when it was written.
    await expectNoRebuild(() => search('anything'));
    expect((await search('anything')).total).toBe(1);
  });

  it('matches the beginnings of words, as the rep types, and marks only what matched', async () => {
    await note(NORTHWIND, 'The warehouse pilot starts Monday.');
    await note(NORTHWIND, 'Software rollout.');
    for (const typed of ['w', 'wa', 'war', 'ware', 'wareh', 'warehouse']) {
      const result = await search(typed);
      expect(result.total, typed).toBe(1);
      expect(marks(result), typed).toEqual([[`warehouse`.slice(0, typed.length)]]);
    }
    // Inside a word is not the beginning of one: "ware" in "Software" is not a match.
    expect((await search('house')).total).toBe(0);
    expect((await search('ware pil')).total).toBe(1);
    expect((await search('ware roll')).total).toBe(0);
  });

  it('forgives one typo in a word of five letters or more, and marks the whole word', async () => {
    await note(NORTHWIND, 'Pricing for the Warehouse pilot.');
    for (const typo of ['warehose', 'warehpuse', 'warehousee', 'pricinf']) {
      const result = await search(typo);
      expect(result.total, typo).toBe(1);
    }
    expect(marks(await search('warehose pilot'))).toEqual([['Warehouse', 'pilot']]);
    // Two edits, or a short word, are not forgiven.
    expect((await search('wrehose')).total).toBe(0);
    expect((await search('pilkt')).total).toBe(1);
    expect((await search('plot')).total).toBe(0);
  });

  it('finds any part of a Chinese run, even one character, and marks it', async () => {
    await note(ZHONGGUO, '采购部关注交付周期和售后服务条款。');
    await note(ZHONGGUO, '客户希望下周收到报价单。');
    for (const [query, expected] of [
      ['采购部', 1],
      ['售后服务', 1],
      ['部', 1],
      ['款', 1],
      ['周', 2],
      ['报价单 下周', 1],
      ['服售', 0],
    ] as const) {
      expect((await search(query)).total, query).toBe(expected);
    }
    expect(marks(await search('售后服务'))).toEqual([['售后服务']]);
    expect(marks(await search('款'))).toEqual([['款']]);
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
    const rebuildsBefore = notesSearchIndex.repairs;
    const after = await search('合同');
    expect(after.total).toBe(1);
    expect(notesSearchIndex.repairs).toBe(rebuildsBefore);
  });

  it('follows deletes and the notes store being emptied, without a rebuild', async () => {
    const kept = await note(NORTHWIND, 'quote sent');
    const removed = await note(NORTHWIND, 'quote revised');
    expect((await search('quote')).total).toBe(2);
    await inTransaction(await database(), ['notes'], 'readwrite', (tx) =>
      tx.objectStore('notes').delete(removed!.id),
    );
    await expectNoRebuild(async () => {
      const result = await search('quote');
      expect(result.total).toBe(1);
      expect(result.hits[0]!.noteId).toBe(kept!.id);
      return result;
    });
    await inTransaction(await database(), ['notes'], 'readwrite', (tx) => tx.objectStore('notes').clear());
    await expectNoRebuild(async () => {
      const result = await search('quote');
      expect(result.total).toBe(0);
      return result;
    });
    await note(NORTHWIND, 'quote again');
    expect((await search('quote')).total).toBe(1);
  });

  it('finds notes written behind the app’s back only after the explicit repair', async () => {
    await note(NORTHWIND, 'quote sent');
    expect((await search('quote')).total).toBe(1);
    await (
      await database()
    ).put('notes', { ...(await note(NORTHWIND, 'x'))!, id: 'unannounced', body: 'quote lost' });
    await (await database()).put('notes', { id: 'broken', accountKey: NORTHWIND, body: 42 } as never);
    expect((await search('quote')).total).toBe(1);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await repairNotesSearch()).toEqual({ notes: 3 });
    // The damaged row is reported and left out; the rest is searched.
    expect(warn).toHaveBeenCalled();
    expect((await search('quote')).total).toBe(2);
    await expectNoRebuild(() => search('quote'));
  });

  it('refuses an over-long query at the receiver', async () => {
    const { messages } = await import('../../../lib/messaging/messages');
    const parsed = messages.searchNotes.request.safeParse({ query: 'x'.repeat(201), offset: 0, limit: 50 });
    expect(parsed.success).toBe(false);
    expect(messages.searchNotes.request.safeParse({ query: 'x', offset: 0, limit: 500 }).success).toBe(false);
  });
});
