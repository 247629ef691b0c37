/**
 * The mirror's changes into the database: what replication pulled from the server (and what this
 * browser handed over itself, recognised by its revision and skipped). Each batch of changes lands in
 * one transaction together with the checkpoint it reaches, so a service worker stopped mid-way resumes
 * exactly where the database says, with nothing half-written.
 *
 * Conflicts (two devices changed a record without seeing each other's change) are settled here, the
 * same way on every device: the mirror's winner (CouchDB's deterministic choice) is what the record
 * says. A note's losing versions are kept for the rep to keep, merge or discard; any other record's
 * losing versions are deleted, so every device converges on the winner.
 */
import { rowAccountKey, type AnyRow } from '../../data-transfer/format';
import type { IDBPObjectStore } from 'idb';
import type { Db } from '../../db/open';
import type { AnyStoreName, DealsideDb } from '../../db/schema';
import type { NoteRecord } from '../../db/records';
import { inTransaction } from '../../db/transaction';
import type { NoteConflictVersion } from '../../sync/bookkeeping';
import { TEAM_PLAYBOOK_DOC_ID, type TeamPlaybookDocBody } from '../../sync/team-playbook';
import { ACCOUNT_ALIAS_DOC_PREFIX, receivedAlias, type ReceivedAlias } from '../../sync/account-alias';
import { parseRecordDocId, remoteRecord, SYNCED_STORES, type RecordDocBody } from '../../sync/documents';
import type { KnownKeys } from './known-keys';
import type { ChangesResult, Doc, PouchDatabase } from './pouch-api';

type Mirror = PouchDatabase<RecordDocBody>;

/** Mirror changes per transaction: large enough that the per-transaction cost fades. */
export const APPLY_BATCH = 500;
/** The private item holding the mirror sequence the database has caught up with. */
export const CHECKPOINT_ITEM = 'syncCheckpoint';

/** One change of the mirror, checked and ready to write. */
type Incoming =
  | { id: string; kind: 'deleted'; store: (typeof SYNCED_STORES)[number]; key: string }
  | {
      id: string;
      kind: 'row';
      store: (typeof SYNCED_STORES)[number];
      key: string;
      rev: string;
      row: AnyRow;
      /** For notes: the losing versions worth showing (empty: none, or all say the same). */
      noteConflicts?: NoteConflictVersion[];
    };

export interface Rejected {
  count: number;
  /** The first rejected document's id, for the rep to report. */
  first?: string;
  problem?: string;
}

export interface ApplyOutcome {
  /** Accounts whose rows changed here. */
  accountKeys: Set<string>;
  applied: number;
  rejected: Rejected;
  /** The team's playbook, when a new version of it came in. */
  teamPlaybook?: Doc<TeamPlaybookDocBody>;
  /** Account merges (or their removal) that came in, in the order they did. */
  aliases: ReceivedAlias[];
}

/** Local rows deliberately not shared (a private note): what comes from elsewhere leaves them alone. */
export type KeepsLocal = (store: string, row: unknown) => boolean;

async function losingNoteVersions(
  mirror: Mirror,
  doc: Doc<RecordDocBody>,
  winner: NoteRecord,
  obsolete: Doc<Partial<RecordDocBody>>[],
): Promise<NoteConflictVersion[]> {
  const versions: NoteConflictVersion[] = [];
  const leaves = await mirror.get(doc._id, { open_revs: doc._conflicts ?? [] });
  for (const leaf of leaves) {
    const loser = leaf.ok;
    if (!loser?._rev || loser._deleted) continue;
    const checked = remoteRecord(doc._id, loser);
    const note = checked.ok ? (checked.row as NoteRecord) : undefined;
    // A loser saying what the winner says (the same edit made twice), or no valid note, is nothing to
    // show: it goes.
    if (!note || note.body === winner.body) {
      obsolete.push({ _id: doc._id, _rev: loser._rev, _deleted: true });
      continue;
    }
    versions.push({ rev: loser._rev, body: note.body, updatedAt: note.updatedAt });
  }
  return versions;
}

async function checkChanges(
  mirror: Mirror,
  results: ChangesResult<RecordDocBody>[],
  outcome: ApplyOutcome,
  obsolete: Doc<Partial<RecordDocBody>>[],
): Promise<Incoming[]> {
  const { rejected } = outcome;
  const reject = (id: string, problem: string) => {
    rejected.count += 1;
    rejected.first ??= id;
    rejected.problem ??= problem;
    console.warn('[dealside] skipped a document from the sync server', id, problem);
  };
  const incoming: Incoming[] = [];
  for (const result of results) {
    if (result.id === TEAM_PLAYBOOK_DOC_ID) {
      if (!result.deleted && result.doc)
        outcome.teamPlaybook = result.doc as unknown as Doc<TeamPlaybookDocBody>;
      continue;
    }
    if (result.id.startsWith(ACCOUNT_ALIAS_DOC_PREFIX)) {
      const received = receivedAlias(result.id, result.deleted ? undefined : result.doc);
      if (!received.ok) reject(result.id, received.problem);
      else outcome.aliases.push(received.alias);
      // Two devices merged the same account at once: the winner stands everywhere.
      for (const rev of result.doc?._conflicts ?? [])
        obsolete.push({ _id: result.id, _rev: rev, _deleted: true });
      continue;
    }
    const target = parseRecordDocId(result.id);
    // Not a record (a design document, the published playbook): nothing for the record stores.
    if (!target) continue;
    if (result.deleted || !result.doc || result.doc._deleted) {
      incoming.push({ id: result.id, kind: 'deleted', ...target });
      continue;
    }
    const checked = remoteRecord(result.id, result.doc);
    if (!checked.ok) {
      reject(result.id, checked.problem);
      continue;
    }
    const conflicts = result.doc._conflicts ?? [];
    let noteConflicts: NoteConflictVersion[] | undefined;
    if (checked.store === 'notes') {
      noteConflicts =
        conflicts.length > 0
          ? await losingNoteVersions(mirror, result.doc, checked.row as NoteRecord, obsolete)
          : [];
    } else {
      for (const rev of conflicts) obsolete.push({ _id: result.id, _rev: rev, _deleted: true });
    }
    incoming.push({
      id: result.id,
      kind: 'row',
      store: checked.store,
      key: checked.key,
      rev: result.doc._rev ?? result.changes[0]?.rev ?? '',
      row: checked.row,
      noteConflicts,
    });
  }
  return incoming;
}

/**
 * A note's `revision` tells a panel's autosave whether someone else wrote the note since the panel read
 * it. Another device counts its own revisions: the incoming text gets a number above the one here, so
 * a panel editing the note sees the change as someone else's instead of writing over it.
 */
function notAnOlderRevision(store: string, row: AnyRow, before: AnyRow | undefined): AnyRow {
  if (store !== 'notes' || !before) return row;
  const note = row as NoteRecord;
  const local = before as NoteRecord;
  return note.revision > local.revision ? note : { ...note, revision: local.revision + 1 };
}

/** Up to this many queued entries are read at once instead of asked about one change at a time. */
const OUTBOX_READ_WHOLE = 2_000;

/**
 * Whether a record is queued here (changed and not handed to the mirror yet). The outbox is usually
 * empty or small: then one read answers a whole batch instead of one request per change.
 */
async function queuedIds(
  outbox: IDBPObjectStore<DealsideDb, ArrayLike<AnyStoreName>, 'syncOutbox', 'readwrite'>,
): Promise<(id: string) => Promise<boolean>> {
  if ((await outbox.count()) > OUTBOX_READ_WHOLE) {
    return async (id) => (await outbox.getKey(id)) !== undefined;
  }
  const queued = new Set(await outbox.getAllKeys());
  return (id) => Promise.resolve(queued.has(id));
}

/** Batches at least this large read the known keys (./known-keys.ts) instead of a get per row. */
const KNOWN_KEYS_FROM_BATCH = 250;

async function writeIncoming(
  db: Db,
  incoming: Incoming[],
  checkpoint: number | string,
  keepsLocal: KeepsLocal,
  knownKeys: KnownKeys | undefined,
): Promise<{ accountKeys: Set<string>; applied: number }> {
  const accountKeys = new Set<string>();
  let applied = 0;
  await inTransaction(
    db,
    [...SYNCED_STORES, 'syncOutbox', 'syncRevisions', 'syncConflicts', 'privateItems'],
    'readwrite',
    async (tx) => {
      const outbox = tx.objectStore('syncOutbox');
      const revisions = tx.objectStore('syncRevisions');
      const conflicts = tx.objectStore('syncConflicts');
      // Read once: most notes have no conflict entry, and need no delete to say so.
      const withConflicts = new Set(await conflicts.getAllKeys());
      const queuedHere = await queuedIds(outbox);
      const claimedVisits = new Set<string>();
      const known = knownKeys && incoming.length >= KNOWN_KEYS_FROM_BATCH ? knownKeys : undefined;
      await known?.load(
        (store) => tx.objectStore(store),
        revisions,
        incoming.map((change) => change.store),
      );

      const applyDeletion = async (change: Extract<Incoming, { kind: 'deleted' }>) => {
        if (await queuedHere(change.id)) return;
        const store = tx.objectStore(change.store);
        const existing = (await store.get(change.key)) as AnyRow | undefined;
        await revisions.delete(change.id);
        if (withConflicts.has(change.id)) await conflicts.delete(change.id);
        if (!existing || keepsLocal(change.store, existing)) return;
        await store.delete(change.key);
        accountKeys.add(rowAccountKey(change.store, existing));
        applied += 1;
      };

      const applyRow = async (change: Extract<Incoming, { kind: 'row' }>) => {
        // Reserved before any wait: two touches of one visit in a batch must not both be written.
        const visitKey =
          change.store === 'touches' ? (change.row as { visitKey: string }).visitKey : undefined;
        if (visitKey !== undefined) {
          if (claimedVisits.has(visitKey)) return;
          claimedVisits.add(visitKey);
        }
        // Changed here and not handed over yet: the local change goes out as a sibling of this one,
        // and the conflict is settled when it comes back.
        if (await queuedHere(change.id)) return;
        const store = tx.objectStore(change.store);
        if (change.noteConflicts !== undefined) {
          const note = change.row as NoteRecord;
          if (change.noteConflicts.length > 0) {
            await conflicts.put({
              docId: change.id,
              noteId: note.id,
              accountKey: note.accountKey,
              versions: change.noteConflicts,
            });
            accountKeys.add(note.accountKey);
          } else if (withConflicts.has(change.id)) {
            await conflicts.delete(change.id);
            accountKeys.add(note.accountKey);
          }
        }
        // This browser's own change coming back, or one it already has.
        if ((known?.mayHaveRevision(change.id) ?? true) && (await revisions.get(change.id)) === change.rev)
          return;
        if (visitKey !== undefined) {
          // One touch per visit: the same visit recorded on two devices is kept once here.
          const holder = await tx.objectStore('touches').index('by-visit').getKey(visitKey);
          if (holder !== undefined && holder !== change.key) return;
        }
        const before =
          (known?.mayHaveRow(change.store, change.key) ?? true)
            ? ((await store.get(change.key)) as AnyRow | undefined)
            : undefined;
        if (before && keepsLocal(change.store, before)) return;
        await store.put(notAnOlderRevision(change.store, change.row, before));
        await revisions.put(change.rev, change.id);
        known?.wrote(change.store, change.key, change.id);
        accountKeys.add(rowAccountKey(change.store, change.row));
        // A record moved to another account (a merge elsewhere): the old account changed too.
        if (before) accountKeys.add(rowAccountKey(change.store, before));
        applied += 1;
      };

      // The requests of all changes go out together (IndexedDB runs them in order, without a round
      // trip each); deletions first, so a visit or key they free is free for the rows that follow.
      await Promise.all(
        incoming.flatMap((change) => (change.kind === 'deleted' ? [applyDeletion(change)] : [])),
      );
      await Promise.all(incoming.flatMap((change) => (change.kind === 'row' ? [applyRow(change)] : [])));
      await tx.objectStore('privateItems').put(checkpoint, CHECKPOINT_ITEM);
    },
    { journal: false },
  );
  return { accountKeys, applied };
}

async function readCheckpoint(db: Db): Promise<number | string> {
  const stored = await inTransaction(db, ['privateItems'], 'readonly', (tx) =>
    tx.objectStore('privateItems').get(CHECKPOINT_ITEM),
  );
  return typeof stored === 'number' || typeof stored === 'string' ? stored : 0;
}

/**
 * Brings every change of the mirror since the last checkpoint into the database, batch by batch.
 * `onBatch` hears the accounts each batch changed (to tell open panels at once, not at the end).
 */
export async function applyMirrorChanges(
  db: Db,
  mirror: Mirror,
  keepsLocal: KeepsLocal,
  onBatch: (accountKeys: Set<string>) => void = () => undefined,
  /** During a long pull: the rows and revisions known here, kept from one call to the next. */
  knownKeys?: KnownKeys,
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { accountKeys: new Set(), applied: 0, rejected: { count: 0 }, aliases: [] };
  for (;;) {
    const since = await readCheckpoint(db);
    const page = await mirror.changes({
      since,
      limit: APPLY_BATCH,
      include_docs: true,
      conflicts: true,
      return_docs: true,
    });
    if (page.results.length === 0) return outcome;
    const obsolete: Doc<Partial<RecordDocBody>>[] = [];
    const incoming = await checkChanges(mirror, page.results, outcome, obsolete);
    const written = await writeIncoming(db, incoming, page.last_seq, keepsLocal, knownKeys);
    outcome.applied += written.applied;
    for (const key of written.accountKeys) outcome.accountKeys.add(key);
    if (written.accountKeys.size > 0) onBatch(written.accountKeys);
    // Losing versions settled: their deletions are the mirror's next changes, pushed like any other.
    if (obsolete.length > 0) await mirror.bulkDocs(obsolete);
    if (page.results.length < APPLY_BATCH) return outcome;
  }
}
