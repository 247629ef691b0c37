/**
 * Local changes into the mirror: the outbox's records (and whole-store scans) are compared with the
 * mirror's documents and written there, from where replication pushes them to the server.
 *
 * Each local row was last equal to some revision of its document (`syncRevisions`). When the mirror
 * still has that revision on top, the row becomes its child, a plain edit. When another device's change
 * arrived in between, the row becomes a sibling of that change instead (a conflict, the way CouchDB
 * records concurrent edits): the mirror's deterministic winner and the losing version are then sorted
 * out by ./apply-remote.ts, so no edit is ever silently overwritten.
 */
import type { AnyRow } from '../../data-transfer/format';
import type { Db } from '../../db/open';
import type { StoreName } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { OutboxEntry, StoreScanEntry } from '../../sync/bookkeeping';
import {
  recordDocBody,
  recordDocId,
  sameJson,
  SYNCED_STORES,
  type RecordDocBody,
} from '../../sync/documents';
import type { Doc, PouchDatabase } from './pouch-api';

type Mirror = PouchDatabase<RecordDocBody>;

/** Records handed over per round: one read transaction, one mirror write, one settling transaction. */
export const PUSH_BATCH = 200;
/**
 * Rows a store scan reads per round. Larger than a round of records: after a first sync nearly every
 * row came from the server and is passed over unread by the mirror.
 */
const SCAN_PAGE = 2_000;

/** One record to bring into the mirror: its row here (undefined: deleted here) and its base revision. */
interface Candidate {
  id: string;
  store: StoreName;
  key: string;
  row: AnyRow | undefined;
  base: string | undefined;
}

/** What a round read: the candidates, and the outbox entry they came from (to settle it). */
interface Round {
  candidates: Candidate[];
  /** Record entries handled this round, by outbox key. */
  records: Map<string, OutboxEntry>;
  /** The scan this round advanced, and where it got to (`done` when it reached the end). */
  scan?: { id: string; entry: StoreScanEntry; after?: string; done: boolean };
}

/** Whether a row may leave this browser. Rows that may not are treated as deleted here. */
export type Shareable = (store: StoreName, row: AnyRow) => boolean;

export interface PushOutcome {
  /** Documents written to the mirror (to go to the server with the next push). */
  written: string[];
  /** Outbox entries still waiting (a mirror write refused, to try again next time). */
  waiting: number;
}

async function readRound(db: Db, shareable: Shareable): Promise<Round> {
  return inTransaction(db, [...SYNCED_STORES, 'syncOutbox', 'syncRevisions'], 'readonly', async (tx) => {
    const outbox = tx.objectStore('syncOutbox');
    const revisions = tx.objectStore('syncRevisions');
    const round: Round = { candidates: [], records: new Map() };
    const candidate = async (store: StoreName, key: string, row?: unknown): Promise<Candidate> => {
      const id = recordDocId(store, key);
      const found = (row ?? (await tx.objectStore(store).get(key))) as AnyRow | undefined;
      return {
        id,
        store,
        key,
        row: found && shareable(store, found) ? found : undefined,
        base: await revisions.get(id),
      };
    };

    const entries = await outbox.getAll(undefined, PUSH_BATCH);
    const keys = await outbox.getAllKeys(undefined, PUSH_BATCH);
    let scanAt: { id: string; entry: StoreScanEntry } | undefined;
    const pending: Promise<Candidate>[] = [];
    for (const [index, entry] of entries.entries()) {
      const id = keys[index]!;
      if (entry.kind === 'record') {
        round.records.set(id, entry);
        pending.push(candidate(entry.store, entry.key));
      } else scanAt ??= { id, entry };
    }
    // All reads go out together; IndexedDB answers them in order.
    round.candidates.push(...(await Promise.all(pending)));
    // Scans only once the single records are out of the way, one page at a time.
    if (round.candidates.length > 0 || !scanAt) return round;
    const { id, entry } = scanAt;
    if (entry.scan === 'local-rows') {
      const store = tx.objectStore(entry.store);
      const range = entry.after === undefined ? undefined : IDBKeyRange.lowerBound(entry.after, true);
      // Keys first: after a first sync nearly every row came from the server and has a revision, and is
      // passed over without reading it.
      const rowKeys = (await store.getAllKeys(range, SCAN_PAGE)).map(String);
      const first = rowKeys[0];
      const last = rowKeys.at(-1);
      // A row with a revision already came from the server since sync started (the bookkeeping was
      // emptied then), or went out with the outbox: nothing to offer. Document ids sort as the keys do
      // (one prefix per store), so the page's revisions are one range read.
      const withRevision =
        first === undefined || last === undefined
          ? new Set<string>()
          : new Set(
              await revisions.getAllKeys(
                IDBKeyRange.bound(recordDocId(entry.store, first), recordDocId(entry.store, last)),
              ),
            );
      const offered = rowKeys.filter((key) => !withRevision.has(recordDocId(entry.store, key)));
      // Few rows to offer: read each; many: the page at once.
      const rows =
        offered.length <= SCAN_PAGE / 4
          ? await Promise.all(offered.map((key) => store.get(key)))
          : await store.getAll(range, SCAN_PAGE).then((all) => {
              const wanted = new Set(offered);
              return all.filter((_, index) => wanted.has(rowKeys[index]!));
            });
      for (const [index, row] of rows.entries()) {
        const key = offered[index]!;
        round.candidates.push({
          id: recordDocId(entry.store, key),
          store: entry.store,
          key,
          row: row !== undefined && shareable(entry.store, row as AnyRow) ? (row as AnyRow) : undefined,
          base: undefined,
        });
      }
      round.scan = {
        id,
        entry,
        after: last ?? entry.after,
        done: rowKeys.length < SCAN_PAGE,
      };
    } else {
      // Every record the mirror once matched here, and which is gone now, is deleted there.
      const prefix = recordDocId(entry.store, '');
      const lower = entry.after === undefined ? prefix : recordDocId(entry.store, entry.after);
      const range = IDBKeyRange.bound(lower, `${prefix}\uffff`, entry.after !== undefined, false);
      const ids = await revisions.getAllKeys(range, PUSH_BATCH);
      for (const docId of ids) {
        const key = docId.slice(prefix.length);
        if ((await tx.objectStore(entry.store).getKey(key)) !== undefined) continue;
        round.candidates.push({
          id: docId,
          store: entry.store,
          key,
          row: undefined,
          base: await revisions.get(docId),
        });
      }
      const last = ids.at(-1);
      round.scan = {
        id,
        entry,
        after: last === undefined ? entry.after : last.slice(prefix.length),
        done: ids.length < PUSH_BATCH,
      };
    }
    return round;
  });
}

function randomRevHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The document that puts `body` beside the mirror's current revision, as a child of `base` (or as a
 * new first revision when there is none): written with `new_edits: false`, as replication writes
 * another device's revision.
 */
async function siblingOf(
  mirror: Mirror,
  id: string,
  base: string | undefined,
  body: Partial<RecordDocBody> & { _deleted?: boolean },
): Promise<Doc<Partial<RecordDocBody>>> {
  let history = { start: 0, ids: [] as string[] };
  if (base) {
    try {
      const ancestor = await mirror.get(id, { rev: base, revs: true });
      if (ancestor._revisions) history = ancestor._revisions;
    } catch {
      // The base revision is gone from the mirror (a new mirror): the edit starts a branch of its own.
    }
  }
  const hash = randomRevHash();
  return {
    ...body,
    _id: id,
    _rev: `${history.start + 1}-${hash}`,
    _revisions: { start: history.start + 1, ids: [hash, ...history.ids] },
  };
}

/** What becomes of one candidate in the mirror. */
type Plan =
  | { kind: 'adopt'; rev: string | undefined }
  | { kind: 'write'; doc: Doc<Partial<RecordDocBody>> }
  | { kind: 'sibling'; base: string | undefined; body: Partial<RecordDocBody> & { _deleted?: boolean } };

function plan(
  candidate: Candidate,
  mirrorRev: string | undefined,
  mirrorDeleted: boolean,
  mirrorRow: unknown,
): Plan {
  const { id, row, base } = candidate;
  if (row) {
    if (mirrorRev && !mirrorDeleted && sameJson(mirrorRow, row)) return { kind: 'adopt', rev: mirrorRev };
    const body = recordDocBody(candidate.store, row);
    if (!mirrorRev) return { kind: 'write', doc: { _id: id, ...body } };
    // On top of the revision the row came from, or recreating a record deleted everywhere.
    if (base === mirrorRev || (mirrorDeleted && base === undefined)) {
      return { kind: 'write', doc: { _id: id, _rev: mirrorRev, ...body } };
    }
    return { kind: 'sibling', base, body };
  }
  if (!mirrorRev || mirrorDeleted) return { kind: 'adopt', rev: undefined };
  // Never reflected here: a document on its way in, not ours to delete.
  if (base === undefined) return { kind: 'adopt', rev: undefined };
  if (base === mirrorRev) return { kind: 'write', doc: { _id: id, _rev: mirrorRev, _deleted: true } };
  // Deleted here while changed elsewhere: the deletion goes beside the change, and the change wins.
  return { kind: 'sibling', base, body: { _deleted: true } };
}

/** One round: returns what was written, or undefined when the outbox is empty. */
async function pushRound(db: Db, mirror: Mirror, shareable: Shareable): Promise<PushOutcome | undefined> {
  const round = await readRound(db, shareable);
  if (round.candidates.length === 0 && !round.scan) return undefined;

  const ids = round.candidates.map((candidate) => candidate.id);
  const existing = ids.length > 0 ? await mirror.allDocs({ keys: ids, include_docs: true }) : { rows: [] };
  const settled = new Map<string, string | undefined>();
  const writes: { id: string; doc: Doc<Partial<RecordDocBody>> }[] = [];
  const siblings: Doc<Partial<RecordDocBody>>[] = [];
  for (const [index, candidate] of round.candidates.entries()) {
    const mirrored = existing.rows[index];
    const decided = plan(
      candidate,
      mirrored?.value?.rev,
      mirrored?.value?.deleted === true,
      mirrored?.doc?.row,
    );
    if (decided.kind === 'adopt') settled.set(candidate.id, decided.rev);
    else if (decided.kind === 'write') writes.push({ id: candidate.id, doc: decided.doc });
    else {
      const sibling = await siblingOf(mirror, candidate.id, decided.base, decided.body);
      siblings.push(sibling);
      settled.set(candidate.id, decided.body._deleted ? undefined : sibling._rev);
    }
  }
  const written = siblings.map((doc) => doc._id);
  if (siblings.length > 0) await mirror.bulkDocs(siblings, { new_edits: false });
  if (writes.length > 0) {
    const results = await mirror.bulkDocs(writes.map((write) => write.doc));
    for (const [index, result] of results.entries()) {
      const { id, doc } = writes[index]!;
      // A refusal (another device's change landed since the read) leaves the entry for the next round.
      if (!result.ok || !result.rev) continue;
      settled.set(id, doc._deleted ? undefined : result.rev);
      written.push(id);
    }
  }

  await inTransaction(
    db,
    ['syncOutbox', 'syncRevisions'],
    'readwrite',
    async (tx) => {
      const outbox = tx.objectStore('syncOutbox');
      const revisions = tx.objectStore('syncRevisions');
      for (const [id, rev] of settled) {
        if (rev === undefined) await revisions.delete(id);
        else await revisions.put(rev, id);
        const entry = round.records.get(id);
        // Re-queued since it was read: the newer change goes in the next round.
        if (entry && (await outbox.get(id))?.seq === entry.seq) await outbox.delete(id);
      }
      if (round.scan) {
        const { id, entry, after, done } = round.scan;
        const current = await outbox.get(id);
        if (current?.seq === entry.seq) {
          if (done) await outbox.delete(id);
          else await outbox.put({ ...entry, after }, id);
        }
      }
    },
    { journal: false },
  );
  const refused = round.candidates.length - settled.size;
  return { written, waiting: refused };
}

/**
 * Hands every queued local change to the mirror. Stops after a round in which the mirror refused
 * writes (they are tried again next time, on top of what arrived), so it never spins.
 */
export async function pushLocalChanges(db: Db, mirror: Mirror, shareable: Shareable): Promise<PushOutcome> {
  const outcome: PushOutcome = { written: [], waiting: 0 };
  for (;;) {
    const round = await pushRound(db, mirror, shareable);
    if (!round) return outcome;
    outcome.written.push(...round.written);
    if (round.waiting > 0) {
      outcome.waiting = round.waiting;
      return outcome;
    }
  }
}

/** How many local changes are queued and not yet in the mirror (scans count as one each). */
export function queuedChanges(db: Db): Promise<number> {
  return inTransaction(db, ['syncOutbox'], 'readonly', (tx) => tx.objectStore('syncOutbox').count());
}
