/**
 * Runs inside the extension's own pages (bundled by scripts/bench/scale-browser.ts): seeds the extension's
 * IndexedDB with the rows of ./scale-rows.ts, sends protocol messages the way the extension's messenger
 * does and times their round trips, and runs the naive full-scan baselines against the same database.
 *
 * Messages use the wire format of @webext-core/messaging 4: `runtime.sendMessage({ id, type, data,
 * timestamp })`, answered with `{ res }` or `{ err }`.
 */
import './zod-jitless';
import type { FollowUpRecord, NoteRecord } from '../../../lib/db/records';
import {
  accountRecordSchema,
  dealRecordSchema,
  contactRecordSchema,
  followUpRecordSchema,
  noteRecordSchema,
  questionLogRecordSchema,
  stageEventRecordSchema,
  touchRecordSchema,
} from '../../../lib/db/records';
import type { MessageType, ProtocolMap } from '../../../lib/messaging/protocol';
import { openDB } from 'idb';
import { insightsReport } from '../../../lib/background/insights-query';
import type { DealsideDb } from '../../../lib/db/schema';
import { forecastEndDay } from '../../../lib/insights/forecast';
import type { InsightsPeriod } from '../../../lib/insights/period';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { popupWindows } from '../../../lib/reminders/windows';
import MiniSearch, { type Options } from 'minisearch';
import { InvertedIndex } from '../../../lib/search/inverted-index';
import { foldForSearch, queryTerms } from '../../../lib/search/normalize';
import { indexTerms, isFuzzyWord, parseQuery } from '../../../lib/search/tokens';
import {
  accountRow,
  busyAccountDealRow,
  busyAccountTouchRow,
  dealRow,
  contactCount,
  contactRow,
  followUpRow,
  noteCounts,
  noteRow,
  questionLogRow,
  SCALE,
  stageEventRows,
} from './scale-rows';

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}
const runtime = (): Runtime => (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

type Request<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type Response<K extends MessageType> = ReturnType<ProtocolMap[K]>;

let messageId = 0;

/** One protocol message and its answer, timed with `performance.now()` in the sending page. */
export async function send<K extends MessageType>(
  type: K,
  data: Request<K>,
): Promise<{ ms: number; result: Response<K> }> {
  const started = performance.now();
  const reply = (await runtime().sendMessage({ id: ++messageId, type, data, timestamp: Date.now() })) as
    { res?: unknown; err?: { message?: string } } | undefined;
  const ms = performance.now() - started;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (reply.err) throw new Error(`${type} failed: ${reply.err.message ?? 'unknown error'}`);
  return { ms, result: reply.res as Response<K> };
}

// ---- Seeding -------------------------------------------------------------------------------------

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('dealside');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Rows per transaction: a few transactions per store, none holding the database for long. */
const BATCH = 25_000;

interface Schema {
  safeParse(row: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

/** Writes rows in batched transactions, checking each against its lib/db/records.ts schema first. */
async function writeRows(
  db: IDBDatabase,
  store: string,
  schema: Schema,
  rows: Iterable<unknown>,
): Promise<number> {
  let written = 0;
  let batch: unknown[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      const objectStore = tx.objectStore(store);
      for (const row of batch) objectStore.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error(`writing ${store} aborted`));
    });
  for (const row of rows) {
    const checked = schema.safeParse(row);
    if (!checked.success) {
      const issue = checked.error?.issues[0];
      throw new Error(
        `Invalid ${store} row (${issue?.path.join('.')}: ${issue?.message}): ${JSON.stringify(row)}`,
      );
    }
    batch.push(row);
    written++;
    if (batch.length === BATCH) {
      await flush();
      batch = [];
    }
  }
  if (batch.length) await flush();
  // Written behind the background's back: its insights aggregates no longer match the records, so they
  // are dropped and the next report builds them again from the records.
  await dropInsightsAggregatesIn(db);
  return written;
}

function dropInsightsAggregatesIn(db: IDBDatabase): Promise<void> {
  if (!db.objectStoreNames.contains('insightsAggregates')) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('insightsAggregates', 'readwrite');
    tx.objectStore('insightsAggregates').clear();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Drops the insights aggregates, so that the next `getInsights` builds them from the records. */
export async function dropInsightsAggregates(): Promise<void> {
  const db = await openDatabase();
  try {
    await dropInsightsAggregatesIn(db);
  } finally {
    db.close();
  }
}

function* range<T>(from: number, to: number, row: (index: number) => T): Generator<T> {
  for (let index = from; index < to; index++) yield row(index);
}

export interface SeedReport {
  ms: number;
  rows: Record<string, number>;
}

/** Accounts, their deals and people, notes, stage events, the SPIN log and the busy account's touches, as of `now`. */
export async function seedBase(now: number): Promise<SeedReport> {
  const started = performance.now();
  const db = await openDatabase();
  try {
    const rows: Record<string, number> = {};
    rows.accounts = await writeRows(
      db,
      'accounts',
      accountRecordSchema,
      range(0, SCALE.accounts, (i) => accountRow(i, now)),
    );
    rows.deals = await writeRows(
      db,
      'deals',
      dealRecordSchema,
      (function* () {
        for (let index = 0; index < SCALE.accounts; index++) yield dealRow(index, now);
        for (let n = 1; n < SCALE.busyAccountDeals; n++) yield busyAccountDealRow(n, now);
      })(),
    );
    rows.touches = await writeRows(
      db,
      'touches',
      touchRecordSchema,
      range(0, SCALE.busyAccountTouches, (n) => busyAccountTouchRow(n, now)),
    );
    rows.contacts = await writeRows(
      db,
      'contacts',
      contactRecordSchema,
      (function* () {
        for (let account = 0; account < SCALE.accounts; account++)
          for (let person = 0; person < contactCount(account); person++)
            yield contactRow(account, person, now);
      })(),
    );
    const counts = noteCounts();
    rows.notes = await writeRows(
      db,
      'notes',
      noteRecordSchema,
      (function* () {
        let id = 0;
        for (let account = 0; account < SCALE.accounts; account++)
          for (let n = 0; n < counts[account]!; n++) yield noteRow(id++, account, now);
      })(),
    );
    rows.stageEvents = await writeRows(
      db,
      'stageEvents',
      stageEventRecordSchema,
      (function* () {
        for (let account = 0; account < SCALE.accounts; account++)
          yield* stageEventRows(account, now, account * SCALE.eventsPerAccount);
      })(),
    );
    rows.questionLog = await writeRows(
      db,
      'questionLog',
      questionLogRecordSchema,
      range(0, SCALE.questionLog, (i) => questionLogRow(i, now)),
    );
    return { ms: performance.now() - started, rows };
  } finally {
    db.close();
  }
}

/** Follow-ups `from` to `to` (exclusive), as of `now`. */
export async function seedFollowUps(from: number, to: number, now: number): Promise<SeedReport> {
  const started = performance.now();
  const db = await openDatabase();
  try {
    const followUps = await writeRows(
      db,
      'followUps',
      followUpRecordSchema,
      range(from, to, (i) => followUpRow(i, now)),
    );
    return { ms: performance.now() - started, rows: { followUps } };
  } finally {
    db.close();
  }
}

/** Rows per store as the database has them now. */
export async function countRows(): Promise<Record<string, number>> {
  const db = await openDatabase();
  try {
    const stores = [...db.objectStoreNames];
    const tx = db.transaction(stores, 'readonly');
    const counts = await Promise.all(
      stores.map(
        (store) =>
          new Promise<number>((resolve, reject) => {
            const request = tx.objectStore(store).count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    return Object.fromEntries(stores.map((store, index) => [store, counts[index]!]));
  } finally {
    db.close();
  }
}

/** Writes or deletes one note behind the background's back (no change event), as an outside writer would. */
export async function putOrDeleteNote(id: string, body: string | null, now: number): Promise<void> {
  const db = await openDatabase();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('notes', 'readwrite');
      if (body === null) tx.objectStore('notes').delete(id);
      else {
        const note: NoteRecord = {
          id,
          accountKey: 'customer-00042.com',
          kind: 'note',
          body,
          createdAt: now,
          updatedAt: now,
          revision: 1,
        };
        tx.objectStore('notes').put(noteRecordSchema.parse(note));
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

// ---- Baselines: whole-store scans in the page, against the same database ------------------------

function getAll(db: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The rows the insights for a period read (stage events on `by-at`, SPIN questions on `by-asked`, done
 * follow-ups on `by-status-due`, deals closed in the period on `by-closed` and deals closing before the
 * forecast's horizon on `by-close-date`), read the same way in one transaction and nothing else: no
 * validation, no figures. What IndexedDB alone costs, to set the background's time against.
 */
export async function insightsRowsRead(from: number, now: number): Promise<{ ms: number; rows: number }> {
  const db = await openDatabase();
  try {
    const started = performance.now();
    const tx = db.transaction(['stageEvents', 'questionLog', 'followUps', 'deals'], 'readonly');
    const read = (request: IDBRequest<unknown[]>) =>
      new Promise<number>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result.length);
        request.onerror = () => reject(request.error);
      });
    const counts = await Promise.all([
      read(tx.objectStore('stageEvents').index('by-at').getAll(IDBKeyRange.lowerBound(from))),
      read(tx.objectStore('questionLog').index('by-asked').getAll(IDBKeyRange.lowerBound(from))),
      read(
        tx
          .objectStore('followUps')
          .index('by-status-due')
          .getAll(IDBKeyRange.bound(['done', from], ['done', now])),
      ),
      read(tx.objectStore('deals').index('by-closed').getAll(IDBKeyRange.bound(from, now))),
      read(
        tx
          .objectStore('deals')
          .index('by-close-date')
          .getAll(IDBKeyRange.upperBound(forecastEndDay(now), true)),
      ),
    ]);
    return { ms: performance.now() - started, rows: counts.reduce((sum, n) => sum + n, 0) };
  } finally {
    db.close();
  }
}

/**
 * The insights the way the background computed them before the aggregates (lib/background/insights-query.ts
 * `insightsReport`): the period's records read by index ranges, validated, and the figures computed from
 * them, here in the page against the same database and with the default playbook. Returns the figures
 * too, for the benchmark to check that the aggregates give the same.
 */
export async function insightsFromRecords(
  period: InsightsPeriod,
  now: number,
): Promise<{ ms: number; report: unknown }> {
  const db = await openDB<DealsideDb>('dealside');
  try {
    const started = performance.now();
    const report = await insightsReport(db, DEFAULT_PLAYBOOK, period, now);
    return { ms: performance.now() - started, report };
  } finally {
    db.close();
  }
}

/**
 * An account's panel data without the indexes: every note and every follow-up read, filtered to the
 * account and sorted as the panel shows them (newest 500 notes; open follow-ups by due, then done).
 */
export async function panelFullScan(
  accountKey: string,
): Promise<{ ms: number; notes: number; followUps: number }> {
  const db = await openDatabase();
  try {
    const started = performance.now();
    const [notes, followUps, account, people] = await Promise.all([
      getAll(db, 'notes'),
      getAll(db, 'followUps'),
      new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('accounts', 'readonly').objectStore('accounts').get(accountKey);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      }),
      getAll(db, 'contacts'),
    ]);
    const mine = (notes as NoteRecord[])
      .filter((note) => note.accountKey === accountKey)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, 500);
    const rows = (followUps as FollowUpRecord[]).filter((row) => row.accountKey === accountKey);
    const pending = rows.filter((row) => row.status !== 'done').sort((a, b) => a.due - b.due);
    const done = rows
      .filter((row) => row.status === 'done')
      .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
    const contacts = (people as { accountKey: string }[]).filter(
      (person) => person.accountKey === accountKey,
    );
    const ms = performance.now() - started;
    if (!account || contacts.length === 0) throw new Error(`${accountKey} is not in the database`);
    return { ms, notes: mine.length, followUps: pending.length + Math.min(20, done.length) };
  } finally {
    db.close();
  }
}

export interface PopupCounts {
  overdue: number;
  today: number;
  week: number;
}

/**
 * The popup's three sections without the index: every follow-up read, the open ones due before the end
 * of the week kept, sorted by due time and split by the same windows (lib/reminders/windows.ts).
 */
export async function popupFullScan(): Promise<{ ms: number; counts: PopupCounts }> {
  const db = await openDatabase();
  try {
    const started = performance.now();
    const now = Date.now();
    const windows = popupWindows(now);
    const rows = (await getAll(db, 'followUps')) as FollowUpRecord[];
    const open = rows
      .filter((row) => row.status === 'open' && row.due < windows.week.to)
      .sort((a, b) => a.due - b.due);
    const inWindow = (window: { from: number; to: number }) =>
      open.filter((row) => row.due >= window.from && row.due < window.to);
    const counts = {
      overdue: inWindow(windows.overdue).length,
      today: inWindow(windows.today).length,
      week: inWindow(windows.week).length,
    };
    return { ms: performance.now() - started, counts };
  } finally {
    db.close();
  }
}

/**
 * A notes search without the background's in-memory index: every note read and folded
 * (lib/search/normalize.ts), then the same all-terms substring test, newest first.
 */
export async function searchFullScan(query: string): Promise<{ ms: number; total: number }> {
  const db = await openDatabase();
  try {
    const started = performance.now();
    const terms = queryTerms(query);
    const notes = (await getAll(db, 'notes')) as NoteRecord[];
    const matches = notes
      .filter((note) => {
        const folded = foldForSearch(note.body);
        return terms.every((term) => folded.includes(term));
      })
      .sort((a, b) => b.updatedAt - a.updatedAt);
    return { ms: performance.now() - started, total: matches.length };
  } finally {
    db.close();
  }
}

// ---- Search engines compared in the page, on the same notes ---------------------------------------

/**
 * One engine over every note of the database, built in this page so that its build time, warm queries,
 * loading from its stored form and heap can be measured alike: `ours` (lib/search/inverted-index.ts),
 * `minisearch` (the library, with the same terms and the same matching options) and `scan` (today's
 * method before the index: folded bodies in memory, newest first, a substring test per note).
 */
export type EngineKind = 'ours' | 'minisearch' | 'scan';

interface Engine {
  query(query: string): { total: number; page: string[] };
  /** Its stored form, and the time to load it back into a working engine. */
  reload(): { bytes: number; ms: number };
}

let engine: Engine | undefined;

async function allNotes(): Promise<NoteRecord[]> {
  const db = await openDatabase();
  try {
    return (await getAll(db, 'notes')) as NoteRecord[];
  } finally {
    db.close();
  }
}

const byNewest = (a: { updatedAt: number; id: string }, b: { updatedAt: number; id: string }) =>
  b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function oursEngine(notes: NoteRecord[]): Engine {
  let index = InvertedIndex.build(
    notes.map((note) => ({ id: note.id, updatedAt: note.updatedAt, terms: indexTerms(note.body).join(' ') })),
  );
  return {
    query(query) {
      const { page, total } = index.search(parseQuery(query).terms, 0, 50);
      return { total, page: page.map((entry) => entry.id) };
    },
    reload() {
      const base = index.toBase();
      const bytes =
        base.postings.byteLength +
        base.offsets.byteLength +
        base.updatedAt.byteLength +
        base.byId.byteLength +
        base.idEnds.byteLength +
        base.termEnds.byteLength +
        base.idText.length * 2 +
        base.termText.length * 2;
      // What IndexedDB does to store and load it: a structured clone.
      const stored = structuredClone(base);
      const started = performance.now();
      index = new InvertedIndex(structuredClone(stored));
      return { bytes, ms: performance.now() - started };
    },
  };
}

function miniSearchEngine(notes: NoteRecord[]): Engine {
  const updatedAt = new Map(notes.map((note) => [note.id, note.updatedAt]));
  const options: Options<NoteRecord> = {
    fields: ['body'],
    // The same terms as ours: folded words, CJK bigrams and a run's last character.
    tokenize: (text: string) => indexTerms(text),
    searchOptions: {
      tokenize: (query: string) => parseQuery(query).terms.map((term) => term.text),
      prefix: true,
      fuzzy: (term: string) => (isFuzzyWord(term) ? 1 : false),
      combineWith: 'AND',
    },
  };
  let mini = new MiniSearch<NoteRecord>(options);
  mini.addAll(notes);
  return {
    query(query) {
      const results = mini.search(query);
      const page = results
        .map((result) => ({ id: String(result.id), updatedAt: updatedAt.get(String(result.id)) ?? 0 }))
        .sort(byNewest)
        .slice(0, 50)
        .map((entry) => entry.id);
      return { total: results.length, page };
    },
    reload() {
      const json = JSON.stringify(mini);
      const started = performance.now();
      mini = MiniSearch.loadJSON<NoteRecord>(json, options);
      return { bytes: json.length * 2, ms: performance.now() - started };
    },
  };
}

function scanEngine(notes: NoteRecord[]): Engine {
  const folded = notes
    .map((note) => ({ id: note.id, updatedAt: note.updatedAt, folded: foldForSearch(note.body) }))
    .sort(byNewest);
  return {
    query(query) {
      const terms = queryTerms(query);
      const page: string[] = [];
      let total = 0;
      for (const note of folded) {
        if (!terms.every((term) => note.folded.includes(term))) continue;
        if (page.length < 50) page.push(note.id);
        total += 1;
      }
      return { total, page };
    },
    reload() {
      return { bytes: 0, ms: NaN };
    },
  };
}

/** Builds one engine over every note (the previous one is dropped first). */
export async function buildEngine(kind: EngineKind): Promise<{ ms: number; notes: number }> {
  engine = undefined;
  const notes = await allNotes();
  const started = performance.now();
  engine =
    kind === 'ours' ? oursEngine(notes) : kind === 'minisearch' ? miniSearchEngine(notes) : scanEngine(notes);
  return { ms: performance.now() - started, notes: notes.length };
}

/** One query on the engine built, timed in the page. */
export function queryEngine(query: string): { ms: number; total: number; page: string[] } {
  if (!engine) throw new Error('No engine built');
  const started = performance.now();
  const { total, page } = engine.query(query);
  return { ms: performance.now() - started, total, page };
}

export function reloadEngine(): { bytes: number; ms: number } {
  if (!engine) throw new Error('No engine built');
  return engine.reload();
}

export function dropEngine(): void {
  engine = undefined;
}
