/**
 * The insights' aggregates: what the figures need of the stage events, deals, follow-ups and SPIN log,
 * kept compact in one store and updated in the same transaction as every write to those records
 * (`registerDerivedData`, ./transaction.ts), so that a report reads a few hundred rows of typed arrays
 * instead of every record of the period, and never disagrees with the records.
 *
 * What is kept, and why it is enough for figures identical to the records' (lib/background/insights-query.ts):
 * - Stage events, per deal (the funnel walks each deal on its own): for each event its time, its stage
 *   and its author, each deal's events in the order the `by-at` index gives them (time, then id). Rows
 *   `events:NN` hold the deals whose key hashes to NN; `eventIds:NN` the events' ids in the same order,
 *   read only by writes (to replace or remove an event).
 * - Deals (`deals:NN`, by id): the fields the counts per stage, the outcomes, the forecast and the
 *   accounts with a deal read.
 * - Follow-ups (`followUps:NN`, by id): how many follow-ups of each author were done on time or late, or
 *   are open, per due instant. A write removes what the row it replaced counted (the write's `previous`)
 *   and adds what the new row counts; nothing needs the id.
 * - The SPIN log (`questions:NN`, by id): how many questions of each type and author were asked per instant.
 *
 * Every author is kept as written (name and address as the row has them), so any scope that decides by
 * the author ("mine", lib/insights/scope.ts) counts exactly the records it counts when reading them.
 * Rows that fail their schema are left out, as the reads of the records leave them out.
 *
 * The rows exist once built: the `meta` row says so. Until then writes leave the store alone and the
 * first report builds it from the records (`rebuildInsightsAggregates`, also the explicit repair).
 */
import type { IDBPObjectStore } from 'idb';
import type { StoreChange } from './committed-changes';
import type { Db } from './open';
import {
  dealRecordSchema,
  followUpRecordSchema,
  questionLogRecordSchema,
  stageEventRecordSchema,
  type Author,
  type DealOutcome,
} from './records';
import type { AnyStoreName, DealsideDb } from './schema';
import { inDerivedDataTransaction, type DerivedData, type Tx } from './transaction';
import type { SpinType } from '../playbook/schema';

/** Bumped whenever the rows' shape or their chunking changes: rows of another format are rebuilt. */
export const AGGREGATES_FORMAT = 1;

export const AGGREGATES_STORE = 'insightsAggregates';

const KINDS = ['events', 'deals', 'followUps', 'questions'] as const;
export type AggregateKind = (typeof KINDS)[number];

/** Rows per kind: small enough that a write rewrites little, few enough that a report reads few. */
const CHUNKS: Record<AggregateKind, number> = { events: 64, deals: 16, followUps: 16, questions: 16 };

const SOURCE_OF: Record<AggregateKind, 'stageEvents' | 'deals' | 'followUps' | 'questionLog'> = {
  events: 'stageEvents',
  deals: 'deals',
  followUps: 'followUps',
  questions: 'questionLog',
};
const KIND_OF: Partial<Record<AnyStoreName, AggregateKind>> = {
  stageEvents: 'events',
  deals: 'deals',
  followUps: 'followUps',
  questionLog: 'questions',
};

/** An author as the record had it; null for a record without one. */
export type AuthorEntry = Author | null;

export interface AggregatesMeta {
  kind: 'meta';
  format: number;
  builtAt: number;
  /** Tells one build from another: rows kept in memory belong to the build they were read from. */
  buildId: string;
}

/** A chunk of deals' stage events: deal `d`'s events are `at`/`to`/`author` from `start[d]` to `start[d + 1]`. */
export interface EventsChunk {
  kind: 'events';
  dealKeys: string[];
  start: Int32Array;
  stages: string[];
  authors: AuthorEntry[];
  at: Float64Array;
  to: Int32Array;
  author: Int32Array;
}

export interface EventIdsChunk {
  kind: 'eventIds';
  ids: string[];
}

/** Absent numbers are NaN, absent strings null. */
export interface DealsChunk {
  kind: 'deals';
  id: string[];
  accountKey: string[];
  /** Index into DEAL_OUTCOMES. */
  outcome: Uint8Array;
  stageId: (string | null)[];
  closeDate: (string | null)[];
  value: Float64Array;
  currency: (string | null)[];
  lostReason: (string | null)[];
  closedAt: Float64Array;
  createdAt: Float64Array;
  authors: AuthorEntry[];
  author: Int32Array;
}

/** How a follow-up counts: done on time, done late, or open. */
export const FOLLOW_UP_STATES = ['onTime', 'late', 'open'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export interface FollowUpsChunk {
  kind: 'followUps';
  due: Float64Array;
  /** Index into FOLLOW_UP_STATES. */
  state: Uint8Array;
  count: Uint32Array;
  authors: AuthorEntry[];
  author: Int32Array;
}

export const SPIN_TYPES: readonly SpinType[] = ['S', 'P', 'I', 'N'];

export interface QuestionsChunk {
  kind: 'questions';
  askedAt: Float64Array;
  /** Index into SPIN_TYPES. */
  spin: Uint8Array;
  count: Uint32Array;
  authors: AuthorEntry[];
  author: Int32Array;
}

export type AggregateRow =
  AggregatesMeta | EventsChunk | EventIdsChunk | DealsChunk | FollowUpsChunk | QuestionsChunk;

// ---- Facts: what one record contributes -------------------------------------------------------------

export interface EventFact {
  id: string;
  dealKey: string;
  at: number;
  to: string;
  author: AuthorEntry;
}

export interface DealFact {
  id: string;
  accountKey: string;
  outcome: DealOutcome;
  stageId: string | null;
  closeDate: string | null;
  value: number;
  currency: string | null;
  lostReason: string | null;
  closedAt: number;
  createdAt: number;
  author: AuthorEntry;
}

interface CountedFact<State> {
  state: State;
  at: number;
  author: AuthorEntry;
}

type FollowUpFact = CountedFact<number>;
type QuestionFact = CountedFact<number>;

const DEAL_OUTCOMES: readonly DealOutcome[] = ['open', 'won', 'lost'];

export function authorKey(author: AuthorEntry | undefined): string {
  return author ? JSON.stringify([author.name ?? null, author.email ?? null]) : '';
}

export function eventFact(row: unknown): EventFact | undefined {
  const parsed = stageEventRecordSchema.safeParse(row);
  if (!parsed.success) return undefined;
  const event = parsed.data;
  return {
    id: event.id,
    dealKey: event.dealId ?? event.accountKey,
    at: event.at,
    to: event.to,
    author: event.author ?? null,
  };
}

export function dealFact(row: unknown): DealFact | undefined {
  const parsed = dealRecordSchema.safeParse(row);
  if (!parsed.success) return undefined;
  const deal = parsed.data;
  return {
    id: deal.id,
    accountKey: deal.accountKey,
    outcome: deal.outcome,
    stageId: deal.stageId ?? null,
    closeDate: deal.closeDate ?? null,
    value: deal.value ?? NaN,
    currency: deal.currency ?? null,
    lostReason: deal.lostReason ?? null,
    closedAt: deal.closedAt ?? NaN,
    createdAt: deal.createdAt,
    author: deal.author ?? null,
  };
}

/** A follow-up counts when done (on time by its due instant, or late) or open; a proposal does not. */
export function followUpFact(row: unknown): FollowUpFact | undefined {
  const parsed = followUpRecordSchema.safeParse(row);
  if (!parsed.success) return undefined;
  const followUp = parsed.data;
  const author = followUp.author ?? null;
  if (followUp.status === 'open') return { state: 2, at: followUp.due, author };
  if (followUp.status !== 'done' || followUp.doneAt === undefined) return undefined;
  return { state: followUp.doneAt <= followUp.due ? 0 : 1, at: followUp.due, author };
}

export function questionFact(row: unknown): QuestionFact | undefined {
  const parsed = questionLogRecordSchema.safeParse(row);
  if (!parsed.success) return undefined;
  const question = parsed.data;
  return {
    state: SPIN_TYPES.indexOf(question.spinType),
    at: question.askedAt,
    author: question.author ?? null,
  };
}

// ---- Chunks: which row a record belongs to, and the rows' encoding -----------------------------------

/** FNV-1a: a stable 32-bit hash of a string's code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function chunkKey(kind: AggregateKind | 'eventIds', chunk: number): string {
  return `${kind}:${String(chunk).padStart(2, '0')}`;
}

function chunkOf(kind: AggregateKind, key: string): number {
  return hash(key) % CHUNKS[kind];
}

/** The key range of a kind's rows, for reading them all. */
export function kindRange(kind: AggregateKind): IDBKeyRange {
  return IDBKeyRange.bound(`${kind}:`, `${kind}:\uffff`);
}

/** IndexedDB's order of string keys (code units), which JavaScript's `<` on strings also follows. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class AuthorDictionary {
  readonly entries: AuthorEntry[] = [];
  private readonly index = new Map<string, number>();

  of(author: AuthorEntry): number {
    const key = authorKey(author);
    let found = this.index.get(key);
    if (found === undefined) {
      found = this.entries.length;
      this.entries.push(author);
      this.index.set(key, found);
    }
    return found;
  }
}

/** Each deal's events in the order the funnel walks them: time, then id (the `by-at` index's order). */
function encodeEvents(facts: Iterable<EventFact>): { events: EventsChunk; ids: EventIdsChunk } {
  const sorted = [...facts].sort(
    (a, b) => compareKeys(a.dealKey, b.dealKey) || a.at - b.at || compareKeys(a.id, b.id),
  );
  const dealKeys: string[] = [];
  const starts: number[] = [];
  const stages: string[] = [];
  const stageIndex = new Map<string, number>();
  const authors = new AuthorDictionary();
  const at = new Float64Array(sorted.length);
  const to = new Int32Array(sorted.length);
  const author = new Int32Array(sorted.length);
  sorted.forEach((fact, index) => {
    if (dealKeys[dealKeys.length - 1] !== fact.dealKey) {
      dealKeys.push(fact.dealKey);
      starts.push(index);
    }
    let stage = stageIndex.get(fact.to);
    if (stage === undefined) {
      stage = stages.length;
      stages.push(fact.to);
      stageIndex.set(fact.to, stage);
    }
    at[index] = fact.at;
    to[index] = stage;
    author[index] = authors.of(fact.author);
  });
  starts.push(sorted.length);
  return {
    events: {
      kind: 'events',
      dealKeys,
      start: Int32Array.from(starts),
      stages,
      authors: authors.entries,
      at,
      to,
      author,
    },
    ids: { kind: 'eventIds', ids: sorted.map((fact) => fact.id) },
  };
}

function decodeEvents(
  events: EventsChunk | undefined,
  ids: EventIdsChunk | undefined,
): Map<string, EventFact> {
  const facts = new Map<string, EventFact>();
  if (!events || !ids) return facts;
  for (let deal = 0; deal < events.dealKeys.length; deal++) {
    for (let index = events.start[deal]!; index < events.start[deal + 1]!; index++) {
      const id = ids.ids[index]!;
      facts.set(id, {
        id,
        dealKey: events.dealKeys[deal]!,
        at: events.at[index]!,
        to: events.stages[events.to[index]!]!,
        author: events.authors[events.author[index]!]!,
      });
    }
  }
  return facts;
}

function encodeDeals(facts: Iterable<DealFact>): DealsChunk {
  const list = [...facts];
  const authors = new AuthorDictionary();
  return {
    kind: 'deals',
    id: list.map((fact) => fact.id),
    accountKey: list.map((fact) => fact.accountKey),
    outcome: Uint8Array.from(list, (fact) => DEAL_OUTCOMES.indexOf(fact.outcome)),
    stageId: list.map((fact) => fact.stageId),
    closeDate: list.map((fact) => fact.closeDate),
    value: Float64Array.from(list, (fact) => fact.value),
    currency: list.map((fact) => fact.currency),
    lostReason: list.map((fact) => fact.lostReason),
    closedAt: Float64Array.from(list, (fact) => fact.closedAt),
    createdAt: Float64Array.from(list, (fact) => fact.createdAt),
    author: Int32Array.from(list, (fact) => authors.of(fact.author)),
    authors: authors.entries,
  };
}

export function decodeDeal(chunk: DealsChunk, index: number): DealFact {
  return {
    id: chunk.id[index]!,
    accountKey: chunk.accountKey[index]!,
    outcome: DEAL_OUTCOMES[chunk.outcome[index]!]!,
    stageId: chunk.stageId[index]!,
    closeDate: chunk.closeDate[index]!,
    value: chunk.value[index]!,
    currency: chunk.currency[index]!,
    lostReason: chunk.lostReason[index]!,
    closedAt: chunk.closedAt[index]!,
    createdAt: chunk.createdAt[index]!,
    author: chunk.authors[chunk.author[index]!]!,
  };
}

function decodeDeals(chunk: DealsChunk | undefined): Map<string, DealFact> {
  const facts = new Map<string, DealFact>();
  if (!chunk) return facts;
  for (let index = 0; index < chunk.id.length; index++) facts.set(chunk.id[index]!, decodeDeal(chunk, index));
  return facts;
}

const sameDeal = (a: DealFact | undefined, b: DealFact | undefined) =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/** A multiset of counted facts: how many records share a state, an instant and an author. */
type Counts = Map<string, { fact: CountedFact<number>; count: number }>;

const countKey = (fact: CountedFact<number>) =>
  `${fact.state}\u0000${fact.at}\u0000${authorKey(fact.author)}`;

function addCount(counts: Counts, fact: CountedFact<number>, delta: number): void {
  const key = countKey(fact);
  const entry = counts.get(key);
  const count = (entry?.count ?? 0) + delta;
  if (count <= 0) counts.delete(key);
  else counts.set(key, { fact, count });
}

function encodeCounts(kind: 'followUps' | 'questions', counts: Counts): FollowUpsChunk | QuestionsChunk {
  const entries = [...counts.values()];
  const authors = new AuthorDictionary();
  const at = Float64Array.from(entries, (entry) => entry.fact.at);
  const state = Uint8Array.from(entries, (entry) => entry.fact.state);
  const count = Uint32Array.from(entries, (entry) => entry.count);
  const author = Int32Array.from(entries, (entry) => authors.of(entry.fact.author));
  return kind === 'followUps'
    ? { kind, due: at, state, count, authors: authors.entries, author }
    : { kind, askedAt: at, spin: state, count, authors: authors.entries, author };
}

function decodeCounts(chunk: FollowUpsChunk | QuestionsChunk | undefined): Counts {
  const counts: Counts = new Map();
  if (!chunk) return counts;
  const at = chunk.kind === 'followUps' ? chunk.due : chunk.askedAt;
  const state = chunk.kind === 'followUps' ? chunk.state : chunk.spin;
  for (let index = 0; index < at.length; index++) {
    addCount(
      counts,
      { state: state[index]!, at: at[index]!, author: chunk.authors[chunk.author[index]!]! },
      chunk.count[index]!,
    );
  }
  return counts;
}

// ---- Writing: the rows of one transaction, loaded on first use and written once at the end ------------

type AggregatesStore = IDBPObjectStore<
  DealsideDb,
  ArrayLike<AnyStoreName>,
  'insightsAggregates',
  'readwrite'
>;

interface Loaded {
  events: Map<number, Map<string, EventFact>>;
  deals: Map<number, Map<string, DealFact>>;
  followUps: Map<number, Counts>;
  questions: Map<number, Counts>;
}

class Working {
  private readonly loaded: Loaded = {
    events: new Map(),
    deals: new Map(),
    followUps: new Map(),
    questions: new Map(),
  };
  private readonly dirty = {
    events: new Set<number>(),
    deals: new Set<number>(),
    followUps: new Set<number>(),
    questions: new Set<number>(),
  };

  constructor(private readonly store: AggregatesStore) {}

  private async row<T extends AggregateRow>(key: string): Promise<T | undefined> {
    return (await this.store.get(key)) as T | undefined;
  }

  async events(chunk: number): Promise<Map<string, EventFact>> {
    let facts = this.loaded.events.get(chunk);
    if (!facts) {
      const [events, ids] = await Promise.all([
        this.row<EventsChunk>(chunkKey('events', chunk)),
        this.row<EventIdsChunk>(chunkKey('eventIds', chunk)),
      ]);
      this.loaded.events.set(chunk, (facts = decodeEvents(events, ids)));
    }
    return facts;
  }

  async deals(chunk: number): Promise<Map<string, DealFact>> {
    let facts = this.loaded.deals.get(chunk);
    if (!facts) this.loaded.deals.set(chunk, (facts = decodeDeals(await this.row(chunkKey('deals', chunk)))));
    return facts;
  }

  async counts(kind: 'followUps' | 'questions', chunk: number): Promise<Counts> {
    let counts = this.loaded[kind].get(chunk);
    if (!counts) this.loaded[kind].set(chunk, (counts = decodeCounts(await this.row(chunkKey(kind, chunk)))));
    return counts;
  }

  touched(kind: AggregateKind, chunk: number): void {
    this.dirty[kind].add(chunk);
  }

  /** Every row of the kind empty, as after its store was cleared. */
  empty(kind: AggregateKind): void {
    for (let chunk = 0; chunk < CHUNKS[kind]; chunk++) {
      (this.loaded[kind] as Map<number, Map<string, unknown>>).set(chunk, new Map());
      this.dirty[kind].add(chunk);
    }
  }

  async write(): Promise<void> {
    const writes: Promise<unknown>[] = [];
    for (const chunk of this.dirty.events) {
      const { events, ids } = encodeEvents(this.loaded.events.get(chunk)!.values());
      writes.push(
        this.store.put(events, chunkKey('events', chunk)),
        this.store.put(ids, chunkKey('eventIds', chunk)),
      );
    }
    for (const chunk of this.dirty.deals) {
      writes.push(
        this.store.put(encodeDeals(this.loaded.deals.get(chunk)!.values()), chunkKey('deals', chunk)),
      );
    }
    for (const kind of ['followUps', 'questions'] as const) {
      for (const chunk of this.dirty[kind]) {
        writes.push(this.store.put(encodeCounts(kind, this.loaded[kind].get(chunk)!), chunkKey(kind, chunk)));
      }
    }
    await Promise.all(writes);
  }
}

const factOf = { followUps: followUpFact, questions: questionFact } as const;

/** Applies one change to the kind's rows; false when it cannot be told what it changed (a key range). */
async function apply(working: Working, kind: AggregateKind, change: StoreChange): Promise<boolean> {
  if (change.kind === 'clear') {
    working.empty(kind);
    return true;
  }
  if (change.key instanceof IDBKeyRange) return false;
  const key = String(change.key);
  const value = change.kind === 'put' ? change.value : undefined;

  if (kind === 'deals') {
    const chunk = chunkOf('deals', key);
    const facts = await working.deals(chunk);
    const before = facts.get(key);
    const after = value === undefined ? undefined : dealFact(value);
    if (sameDeal(before, after)) return true;
    if (after) facts.set(key, after);
    else facts.delete(key);
    working.touched('deals', chunk);
    return true;
  }

  // The other kinds need the row the write replaced: which deal's events held it, what it counted.
  if (!change.previous) return false;
  const previous = change.previous.value;

  if (kind === 'events') {
    const before = previous === undefined ? undefined : eventFact(previous);
    const after = value === undefined ? undefined : eventFact(value);
    if (before) {
      const chunk = chunkOf('events', before.dealKey);
      (await working.events(chunk)).delete(before.id);
      working.touched('events', chunk);
    }
    if (after) {
      const chunk = chunkOf('events', after.dealKey);
      (await working.events(chunk)).set(after.id, after);
      working.touched('events', chunk);
    }
    return true;
  }

  const before = previous === undefined ? undefined : factOf[kind](previous);
  const after = value === undefined ? undefined : factOf[kind](value);
  if (before && after && countKey(before) === countKey(after)) return true;
  const chunk = chunkOf(kind, key);
  const counts = await working.counts(kind, chunk);
  if (before) addCount(counts, before, -1);
  if (after) addCount(counts, after, 1);
  working.touched(kind, chunk);
  return true;
}

/** Builds the kind's rows from every record of its store (read through `tx`). */
async function buildKind(
  working: Working,
  tx: Tx<AnyStoreName[], 'readwrite'>,
  kind: AggregateKind,
): Promise<void> {
  const rows: unknown[] = await tx.objectStore(SOURCE_OF[kind]).getAll();
  working.empty(kind);
  for (const row of rows) {
    if (kind === 'events') {
      const fact = eventFact(row);
      if (fact) (await working.events(chunkOf('events', fact.dealKey))).set(fact.id, fact);
    } else if (kind === 'deals') {
      const fact = dealFact(row);
      if (fact) (await working.deals(chunkOf('deals', fact.id))).set(fact.id, fact);
    } else {
      const fact = factOf[kind](row);
      const id = (row as { id?: unknown }).id;
      if (fact && typeof id === 'string') addCount(await working.counts(kind, chunkOf(kind, id)), fact, 1);
    }
  }
}

/**
 * The change with the row it really replaced. Writes queued at once (an import puts every row without
 * waiting for the one before) each read their `previous` before any of them wrote: two writes of one key
 * in a transaction both name the row from before the transaction. The later one replaced the earlier
 * one's value, or nothing after the store was cleared.
 */
function replacing(
  change: StoreChange,
  written: Map<AnyStoreName, Map<string, unknown>>,
  cleared: Set<AnyStoreName>,
): StoreChange {
  let values = written.get(change.store);
  if (!values) written.set(change.store, (values = new Map()));
  if (change.kind === 'clear') {
    values.clear();
    cleared.add(change.store);
    return change;
  }
  if (change.key instanceof IDBKeyRange) return change;
  const key = String(change.key);
  const previous = values.has(key)
    ? { value: values.get(key) }
    : cleared.has(change.store)
      ? { value: undefined }
      : change.previous;
  values.set(key, change.kind === 'put' ? change.value : undefined);
  return previous === undefined ? change : { ...change, previous };
}

function isCurrent(meta: unknown): meta is AggregatesMeta {
  return (meta as AggregatesMeta | undefined)?.format === AGGREGATES_FORMAT;
}

/** The aggregates' build id, or undefined when they are not built (or of another format). */
export async function currentBuild(
  store: Pick<IDBPObjectStore<DealsideDb, ArrayLike<AnyStoreName>, 'insightsAggregates'>, 'get'>,
): Promise<string | undefined> {
  const meta = await store.get('meta');
  return isCurrent(meta) ? meta.buildId : undefined;
}

/**
 * The aggregate rows a committed change may have rewritten: their keys, or a whole kind when that
 * cannot be told (a store cleared, a key range deleted, a replaced row not known).
 */
export function rowsChangedBy(change: StoreChange): { keys: string[] } | { kind: AggregateKind } | undefined {
  const kind = KIND_OF[change.store];
  if (!kind) return undefined;
  if (change.kind === 'clear' || change.key instanceof IDBKeyRange) return { kind };
  if (kind !== 'events') return { keys: [chunkKey(kind, chunkOf(kind, String(change.key)))] };
  if (!change.previous) return { kind };
  const keys: string[] = [];
  for (const row of [change.kind === 'put' ? change.value : undefined, change.previous.value]) {
    const fact = row === undefined ? undefined : eventFact(row);
    if (fact) keys.push(chunkKey('events', chunkOf('events', fact.dealKey)));
  }
  return { keys };
}

const aggregatesStore = (tx: Tx<AnyStoreName[], 'readwrite'>) =>
  tx.objectStore('insightsAggregates') as unknown as AggregatesStore;

/** Kept up to date in every write to the stage events, deals, follow-ups and SPIN log. */
export const insightsAggregates: DerivedData = {
  sources: ['stageEvents', 'deals', 'followUps', 'questionLog'],
  stores: [AGGREGATES_STORE],
  withPrevious: ['stageEvents', 'followUps', 'questionLog'],
  async update(tx, changes) {
    const store = aggregatesStore(tx);
    // Not built yet: the first report builds the rows from the records, this write among them.
    if (!isCurrent(await store.get('meta'))) return;
    const working = new Working(store);
    const rebuild = new Set<AggregateKind>();
    const written = new Map<AnyStoreName, Map<string, unknown>>();
    const cleared = new Set<AnyStoreName>();
    for (const change of changes) {
      const kind = KIND_OF[change.store];
      if (!kind || rebuild.has(kind)) continue;
      if (!(await apply(working, kind, replacing(change, written, cleared)))) rebuild.add(kind);
    }
    // A change that names no row (a key range deleted): the kind is built again from its store as the
    // transaction left it.
    for (const kind of rebuild) await buildKind(working, tx, kind);
    await working.write();
  },
};

/**
 * Builds every aggregate row from the records, in one transaction with them: the repair run at the first
 * report (and after a change of format), and what tests compare the rows kept write by write against.
 */
export async function rebuildInsightsAggregates(db: Db, now = Date.now()): Promise<void> {
  await inDerivedDataTransaction(
    db,
    ['stageEvents', 'deals', 'followUps', 'questionLog', AGGREGATES_STORE],
    async (tx) => {
      const anyTx = tx as unknown as Tx<AnyStoreName[], 'readwrite'>;
      const store = aggregatesStore(anyTx);
      await store.clear();
      const working = new Working(store);
      for (const kind of KINDS) await buildKind(working, anyTx, kind);
      await working.write();
      const meta: AggregatesMeta = {
        kind: 'meta',
        format: AGGREGATES_FORMAT,
        builtAt: now,
        buildId: `${now}-${Math.random().toString(36).slice(2)}`,
      };
      await store.put(meta, 'meta');
    },
  );
}

/** Every aggregate row, by kind. */
export interface AggregateRows {
  events: EventsChunk[];
  deals: DealsChunk[];
  followUps: FollowUpsChunk[];
  questions: QuestionsChunk[];
}

/** The rows the reports read (not the event ids, which only writes need), by key. */
export async function readAggregateRows(
  store: Pick<
    IDBPObjectStore<DealsideDb, ArrayLike<AnyStoreName>, 'insightsAggregates'>,
    'getAll' | 'getAllKeys'
  >,
  kinds: readonly AggregateKind[] = KINDS,
): Promise<Map<string, AggregateRow>> {
  const read = await Promise.all(
    kinds.map((kind) => Promise.all([store.getAllKeys(kindRange(kind)), store.getAll(kindRange(kind))])),
  );
  const rows = new Map<string, AggregateRow>();
  for (const [keys, values] of read) keys.forEach((key, index) => rows.set(key, values[index]!));
  return rows;
}

export function rowsByKind(rows: Iterable<AggregateRow>): AggregateRows {
  const byKind: AggregateRows = { events: [], deals: [], followUps: [], questions: [] };
  for (const row of rows) {
    if (row.kind === 'events') byKind.events.push(row);
    else if (row.kind === 'deals') byKind.deals.push(row);
    else if (row.kind === 'followUps') byKind.followUps.push(row);
    else if (row.kind === 'questions') byKind.questions.push(row);
  }
  return byKind;
}
