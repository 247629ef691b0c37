/**
 * Sync with the rep's CouchDB server, run by the background.
 *
 * Local writes are queued in their own transaction (./outbox.ts) and handed to the mirror, a PouchDB
 * database in this browser (./push-local.ts); PouchDB's replicator exchanges the mirror with the server
 * over CouchDB's replication protocol, with checkpoints on both sides; what arrives is written into the
 * database batch by batch (./apply-remote.ts). The panel, popup and options go on reading the database
 * only: sync never stands between them and their data.
 *
 * When it runs: every local write is pushed at once; while a panel, popup or options page is open (they
 * ask for the status every few seconds) replication runs live, so changes from other devices arrive
 * within a second or two; otherwise an alarm exchanges changes every minute (the service worker may
 * sleep in between; it resumes from the checkpoints). After a failure the alarm waits longer each time
 * (up to a quarter of an hour); local work goes on and catches up when the server is back.
 */
import { onCommittedChanges, type StoreChange } from '../../db/committed-changes';
import type { Db } from '../../db/open';
import { inTransaction, setChangeJournal } from '../../db/transaction';
import { checkSyncServer, type SyncServer } from '../../sync/server-address';
import { NOTE_MAX_LENGTH } from '../../limits';
import type { ResolveNoteConflictResult } from '../../messaging/protocol';
import { noteRecordSchema, type Author, type NoteRecord } from '../../db/records';
import { validRow } from '../../db/validate';
import { isSyncedStore, recordDocId, SYNCED_STORES, type RecordDocBody } from '../../sync/documents';
import type { StartSyncResult, SyncError, SyncProblem, SyncStatus, SyncTestResult } from '../../sync/types';
import { applyMirrorChanges, CHECKPOINT_ITEM, type KeepsLocal } from './apply-remote';
import {
  receiveTeamPlaybook,
  rememberPublished,
  TEAM_PLAYBOOK_ITEM,
  type PlaybookAccess,
} from './team-playbook';
import {
  TEAM_PLAYBOOK_DOC_ID,
  type PublishPlaybookResult,
  type TeamPlaybookDocBody,
} from '../../sync/team-playbook';
import { AGREED_ALIASES_ITEM, offerAliases, receiveAliases, type AliasActions } from './account-aliases';
import { KnownKeys } from './known-keys';
import { nextOutboxSeq, outboxJournal, storeScanKey } from './outbox';
import { answeringRevsDiffInOneRead } from './revs-diff';
import type { PouchDatabase, Replication } from './pouch-api';
import { pushLocalChanges, queuedChanges, type Shareable } from './push-local';
import { problemOfError, testDatabase, type Credentials } from './server';
import {
  readSyncConfig,
  readSyncRun,
  SYNC_CONFIG_ITEM,
  SYNC_RUN_ITEM,
  type SyncConfig,
  type SyncRun,
  writeSyncRun,
} from './sync-config';

type Mirror = PouchDatabase<RecordDocBody>;

export interface ServerRequest {
  url: string;
  database: string;
  username: string;
  password: string;
}

/** What the engine needs from the browser; tests pass in-memory stand-ins. */
export interface SyncEngineDeps {
  database(): Promise<Db>;
  openMirror(): Mirror;
  openRemote(server: SyncServer, credentials: Credentials): Mirror;
  hasPermission(server: SyncServer): Promise<boolean>;
  fetch: typeof fetch;
  now(): number;
  /** Tells open pages that these accounts changed. */
  announce(accountKeys: string[]): void;
  /** Keeps the once-a-minute alarm set while sync is on. */
  setAlarm(on: boolean): Promise<void>;
  /** The rep's playbook, to publish or to replace with the team's. */
  playbooks: PlaybookAccess;
  /** Tells open pages the playbook changed. */
  playbookChanged(): void;
  /** Tells open pages a team playbook came in (or the rep answered about one). */
  teamPlaybookChanged(): void;
  /** The rep as the author of what they publish. */
  author(): Promise<Author | undefined>;
  /** The rep's account aliases (merges), which sync shares with the team (./account-aliases.ts). */
  aliases: AliasActions;
}

/** A page asked for the status this recently: replication stays live. */
const LIVE_WHILE_ASKED_MS = 45_000;
/** Local writes coming together are pushed together. */
const PUSH_DELAY_MS = 150;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 15 * 60_000;
const LIVE_RETRY_MAX_MS = 60_000;
export const REPLICATION_BATCH = 1_000;
/**
 * Batches a pull fetches ahead of writing them (PouchDB's default is 10): each waits in the service
 * worker's memory, and two keep the mirror busy.
 */
export const REPLICATION_BATCHES_AHEAD = 2;
/** While a pull runs, what arrived is written this often. */
const PULL_APPLY_INTERVAL_MS = 1_000;
/**
 * While a pull runs, the accounts it changed are announced at most this often: a first sync changes
 * thousands of accounts a second, and every open page reloads what it shows on each announcement. A
 * change arriving any other way (live, a colleague's note) is announced at once.
 */
const ANNOUNCE_EVERY_MS = 2_000;

/** A private note stays in this browser: never pushed, and nothing from elsewhere replaces or deletes it. */
const isPrivateNote = (store: string, row: unknown): boolean =>
  store === 'notes' && (row as Partial<NoteRecord>).private === true;
const shareable: Shareable = (store, row) => !isPrivateNote(store, row);
const keepsLocal: KeepsLocal = isPrivateNote;

export function retryDelay(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_MAX_MS);
}

export class SyncEngine {
  /** undefined: not read yet; null: sync is off. */
  private config: SyncConfig | null | undefined;
  private configRead: Promise<SyncConfig | null> | undefined;
  private mirror: Mirror | undefined;
  private remote: { key: string; db: Mirror } | undefined;
  private live: Replication | undefined;
  private liveCheck: ReturnType<typeof setTimeout> | undefined;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAskedAt = 0;
  private busy = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Documents in the mirror that the server has not confirmed yet. */
  private readonly unpushed = new Set<string>();
  private stopListening: (() => void) | undefined;
  /** Accounts changed by the server and not announced yet; see ANNOUNCE_EVERY_MS. */
  private readonly toAnnounce = new Set<string>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAnnouncedAt = Number.NEGATIVE_INFINITY;
  /** A pull into a mirror that was empty when it began (a first sync): see ./revs-diff.ts. */
  private pullingIntoEmptyMirror = false;
  /** A pull (not live replication) is running: its announcements are spaced out. */
  private pulling = false;

  constructor(private readonly deps: SyncEngineDeps) {}

  /** Installs the outbox journal and the write listener; called once when the background starts. */
  register(): void {
    setChangeJournal(outboxJournal(() => this.isOn()));
    this.stopListening = onCommittedChanges((changes) => this.afterLocalWrite(changes));
  }

  unregister(): void {
    setChangeJournal(undefined);
    this.stopListening?.();
    this.stopLive();
    clearTimeout(this.pushTimer);
    clearTimeout(this.announceTimer);
  }

  isOn(): boolean | Promise<boolean> {
    if (this.config !== undefined) return this.config !== null;
    return this.loadConfig().then((config) => config !== null);
  }

  private loadConfig(): Promise<SyncConfig | null> {
    if (this.config !== undefined) return Promise.resolve(this.config);
    this.configRead ??= this.deps
      .database()
      .then((db) => readSyncConfig(db))
      .then((config) => {
        // A start or stop that finished meanwhile knows better.
        if (this.config === undefined) this.config = config ?? null;
        return this.config;
      })
      .finally(() => {
        this.configRead = undefined;
      });
    return this.configRead;
  }

  /** Runs sync work one piece at a time: the mirror and the checkpoints have one writer. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private afterLocalWrite(changes: readonly StoreChange[]): void {
    if (!changes.some((change) => isSyncedStore(change.store))) return;
    this.pushSoon();
  }

  /** The settings changed: an account alias added or removed there goes to the server. */
  settingsChanged(): void {
    this.pushSoon();
  }

  private pushSoon(): void {
    if (!this.config) return;
    clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => void this.exchange('push'), PUSH_DELAY_MS);
  }

  private mirrorDb(): Mirror {
    this.mirror ??= answeringRevsDiffInOneRead(this.deps.openMirror(), () => this.pullingIntoEmptyMirror);
    return this.mirror;
  }

  private remoteDb(config: SyncConfig, server: SyncServer): Mirror {
    const key = `${server.databaseUrl}\u0000${config.username}\u0000${config.password}`;
    if (this.remote?.key !== key) {
      this.remote = { key, db: this.deps.openRemote(server, config) };
    }
    return this.remote.db;
  }

  async status(options: { asked?: boolean } = {}): Promise<SyncStatus> {
    const config = await this.loadConfig();
    if (!config) return { state: 'off', pending: 0 };
    if (options.asked !== false) {
      this.lastAskedAt = this.deps.now();
      this.ensureLive(config);
    }
    const db = await this.deps.database();
    const [run, queued] = await Promise.all([readSyncRun(db), queuedChanges(db)]);
    const pending = queued + this.unpushed.size;
    const failing = run.lastError && run.lastError.problem !== 'rejected-documents';
    return {
      state: this.busy > 0 ? 'syncing' : failing ? 'offline' : pending > 0 ? 'syncing' : 'up-to-date',
      server: { url: config.url, database: config.database, username: config.username },
      lastSyncAt: run.lastSyncAt,
      pending,
      lastError: run.lastError as SyncError | undefined,
      nextAttemptAt: failing ? run.nextAttemptAt : undefined,
    };
  }

  async testConnection(request: ServerRequest): Promise<SyncTestResult> {
    return (await this.probe(request)).result;
  }

  /** The address checked, then one GET of the database with the password `start` would save. */
  private async probe(request: ServerRequest): Promise<{ result: SyncTestResult; password: string }> {
    const check = checkSyncServer(request.url, request.database);
    // An address refused before anything is asked: no password needed.
    if (!check.ok) return { result: { kind: 'address', problem: check.problem }, password: '' };
    const password = await this.passwordFor(request);
    const outcome = await testDatabase(
      check.server,
      { username: request.username, password },
      this.deps.fetch,
    );
    return { result: { kind: 'answer', outcome }, password };
  }

  /** The typed password, or the saved one when the field was left empty for the same server and user. */
  private async passwordFor(request: ServerRequest): Promise<string> {
    if (request.password !== '') return request.password;
    const config = await this.loadConfig();
    const same =
      config &&
      config.url === request.url.trim() &&
      config.database === request.database.trim() &&
      config.username === request.username;
    return same ? config.password : '';
  }

  async start(request: ServerRequest): Promise<StartSyncResult> {
    const { result, password } = await this.probe(request);
    if (result.kind !== 'answer' || result.outcome !== 'connected') return result;
    const config: SyncConfig = {
      url: request.url.trim(),
      database: request.database.trim(),
      username: request.username,
      password,
      startedAt: this.deps.now(),
    };
    await this.serially(async () => {
      await this.forget();
      const db = await this.deps.database();
      // One transaction: the setting, a clean slate, and every local row offered to the server.
      await inTransaction(
        db,
        ['privateItems', 'syncOutbox', 'syncRevisions', 'syncConflicts'],
        'readwrite',
        async (tx) => {
          await resetBookkeeping(tx);
          await tx.objectStore('privateItems').put(config, SYNC_CONFIG_ITEM);
          const outbox = tx.objectStore('syncOutbox');
          for (const store of SYNCED_STORES) {
            const key = storeScanKey('local-rows', store);
            await outbox.put({ kind: 'store-scan', store, scan: 'local-rows', seq: nextOutboxSeq() }, key);
          }
        },
        { journal: false },
      );
      this.config = config;
      await this.deps.setAlarm(true);
    });
    void this.exchange('start');
    return { kind: 'started', status: await this.status({ asked: false }) };
  }

  async stop(): Promise<SyncStatus> {
    await this.serially(async () => {
      await this.forget();
      const db = await this.deps.database();
      await inTransaction(
        db,
        ['privateItems', 'syncOutbox', 'syncRevisions', 'syncConflicts'],
        'readwrite',
        (tx) => resetBookkeeping(tx),
        { journal: false },
      );
      this.config = null;
    });
    return { state: 'off', pending: 0 };
  }

  /** Stops replication and drops the mirror; the records stay. */
  private async forget(): Promise<void> {
    this.stopLive();
    this.config = null;
    await this.deps.setAlarm(false);
    this.remote = undefined;
    this.unpushed.clear();
    const mirror = this.mirror ?? this.deps.openMirror();
    this.mirror = undefined;
    await mirror
      .destroy()
      .catch((error: unknown) => console.warn('[dealside] sync: mirror not removed', error));
  }

  /**
   * The rep's choice about a note's version from another device: `keep` makes it the note's text,
   * `merge` adds it below the note's text, `discard` drops it. The version's revision is deleted from
   * the mirror (and so from the server and every device), and a changed note syncs like any edit.
   */
  async resolveNoteConflict(
    noteId: string,
    rev: string,
    action: 'keep' | 'merge' | 'discard',
    baseRevision?: number,
  ): Promise<ResolveNoteConflictResult> {
    if (!(await this.loadConfig())) return { ok: false, reason: 'sync-off' };
    const db = await this.deps.database();
    const docId = recordDocId('notes', noteId);
    const outcome = await this.serially(async () => {
      const resolved = await inTransaction(db, ['notes', 'syncConflicts'], 'readwrite', async (tx) => {
        const conflicts = tx.objectStore('syncConflicts');
        const conflict = await conflicts.get(docId);
        const version = conflict?.versions.find((candidate) => candidate.rev === rev);
        const note = validRow(noteRecordSchema, 'notes', await tx.objectStore('notes').get(noteId), noteId);
        if (!conflict || !version || !note) return { ok: false as const, reason: 'gone' as const };
        if (action !== 'discard' && baseRevision !== undefined && note.revision !== baseRevision) {
          return { ok: false as const, reason: 'changed' as const };
        }
        const body = action === 'keep' ? version.body : `${note.body.trimEnd()}\n\n${version.body}`;
        if (action !== 'discard' && body.length > NOTE_MAX_LENGTH) {
          return { ok: false as const, reason: 'too-long' as const };
        }
        const rest = conflict.versions.filter((candidate) => candidate.rev !== rev);
        if (rest.length > 0) await conflicts.put({ ...conflict, versions: rest });
        else await conflicts.delete(docId);
        if (action !== 'discard') {
          const edited = { ...note, body, updatedAt: this.deps.now(), revision: note.revision + 1 };
          await tx.objectStore('notes').put(edited);
        }
        return { ok: true as const, accountKey: note.accountKey };
      });
      if (!resolved.ok) return resolved;
      await this.mirrorDb()
        .bulkDocs([{ _id: docId, _rev: rev, _deleted: true }])
        .catch((error: unknown) => console.warn('[dealside] sync: a settled version stayed', error));
      return resolved;
    });
    if (!outcome.ok) return outcome;
    this.deps.announce([outcome.accountKey]);
    void this.exchange('push');
    return { ok: true };
  }

  /**
   * Publishes the rep's playbook to the team: every rep on the database receives it (at once, or with a
   * question when they have edited their own).
   */
  async publishPlaybook(): Promise<PublishPlaybookResult> {
    if (!(await this.loadConfig())) return { ok: false, reason: 'sync-off' };
    const db = await this.deps.database();
    const publishedBy = await this.deps.author();
    const body: TeamPlaybookDocBody = {
      type: 'playbook',
      playbook: await this.deps.playbooks.current(),
      publishedAt: this.deps.now(),
      ...(publishedBy ? { publishedBy } : {}),
    };
    await this.serially(async () => {
      const teamMirror = this.mirrorDb() as unknown as PouchDatabase<TeamPlaybookDocBody>;
      const existing = await teamMirror.allDocs({ keys: [TEAM_PLAYBOOK_DOC_ID] });
      const rev = existing.rows[0]?.value?.rev;
      const [written] = await teamMirror.bulkDocs([
        { _id: TEAM_PLAYBOOK_DOC_ID, ...(rev ? { _rev: rev } : {}), ...body },
      ]);
      if (!written?.ok || !written.rev) throw new Error('The playbook could not be published; try again.');
      await rememberPublished(db, written.rev, body);
    });
    void this.exchange('push');
    return { ok: true, publishedAt: body.publishedAt };
  }

  /** "Sync now": one full exchange at once (live replication, if running, restarts afterwards). */
  async syncNow(): Promise<SyncStatus> {
    if (!(await this.loadConfig())) return { state: 'off', pending: 0 };
    this.stopLive();
    await this.exchange('now');
    return this.status({ asked: false });
  }

  /** After a browser restart: the alarm set again, and an exchange now. */
  async resume(): Promise<void> {
    if (!(await this.loadConfig())) return;
    await this.deps.setAlarm(true);
    await this.exchange('alarm');
  }

  /** The alarm's tick: an exchange, unless live replication is doing it or a back-off says wait. */
  async onAlarm(): Promise<void> {
    const config = await this.loadConfig();
    if (!config) {
      await this.deps.setAlarm(false);
      return;
    }
    if (this.live && this.deps.now() - this.lastAskedAt < LIVE_WHILE_ASKED_MS) return;
    this.stopLive();
    const db = await this.deps.database();
    const run = await readSyncRun(db);
    if (run.nextAttemptAt !== undefined && run.nextAttemptAt > this.deps.now()) return;
    await this.exchange('alarm');
  }

  /**
   * One exchange with the server: pull, write what came, hand local changes to the mirror, push.
   * `push` (after a local write) skips the pull; live replication, when running, does the network part.
   */
  exchange(reason: 'start' | 'alarm' | 'push' | 'now'): Promise<void> {
    return this.serially(async () => {
      const config = await this.loadConfig();
      if (!config) return;
      const check = checkSyncServer(config.url, config.database);
      if (!check.ok) return;
      const db = await this.deps.database();
      this.busy += 1;
      try {
        if (!(await this.deps.hasPermission(check.server))) {
          await this.failed(db, 'permission-missing');
          return;
        }
        const mirror = this.mirrorDb();
        const live = this.live !== undefined;
        const remote = this.remoteDb(config, check.server);
        const pushFrom = !live && reason !== 'push' ? await this.pullApplying(db, mirror, remote) : undefined;
        await this.applyIncoming(db, mirror);
        await offerAliases(db, mirror, this.deps.aliases);
        const pushed = await pushLocalChanges(db, mirror, shareable);
        for (const id of pushed.written) this.unpushed.add(id);
        if (!live) {
          await mirror.replicate.to(remote, {
            batch_size: REPLICATION_BATCH,
            ...(pushFrom !== undefined ? { since: pushFrom } : {}),
          });
          this.unpushed.clear();
          // Conflicts settled while writing produce deletions of losing versions: they go out too.
          await this.applyIncoming(db, mirror);
          await mirror.replicate.to(remote, { batch_size: REPLICATION_BATCH });
          await this.succeeded(db);
        }
      } catch (error) {
        await this.failed(db, problemOfError(error, config.username !== ''));
      } finally {
        this.busy -= 1;
      }
    });
  }

  /**
   * Pulls from the server into the mirror, writing what arrived into the database as it arrives (not
   * after the whole pull: on a first sync the rep sees accounts land while the rest comes). Returns the
   * mirror sequence up to which every change came from this pull, when that is all the mirror holds.
   */
  private async pullApplying(db: Db, mirror: Mirror, remote: Mirror): Promise<number | string | undefined> {
    let replicating = true;
    const intoEmpty = (await mirror.info()).doc_count === 0;
    this.pullingIntoEmptyMirror = intoEmpty;
    this.pulling = true;
    const knownKeys = new KnownKeys();
    const pulled = Promise.resolve(
      mirror.replicate.from(remote, {
        batch_size: REPLICATION_BATCH,
        batches_limit: REPLICATION_BATCHES_AHEAD,
      }),
    ).finally(() => {
      replicating = false;
      this.pullingIntoEmptyMirror = false;
    });
    const settledPull = pulled.then(
      () => undefined,
      () => undefined,
    );
    try {
      while (replicating) {
        await Promise.race([
          settledPull,
          new Promise((resolve) => setTimeout(resolve, PULL_APPLY_INTERVAL_MS)),
        ]);
        await this.applyIncoming(db, mirror, knownKeys);
      }
    } finally {
      // The pull's last accounts are announced now, not a while after it ended.
      this.pulling = false;
      this.announceNow();
    }
    const { docs_written: written = 0 } = await pulled;
    if (!intoEmpty) return undefined;
    // A first pull, and every change of the mirror one the pull wrote (none of this browser's yet): the
    // push after it need not walk them to learn that the server has them all.
    const { update_seq: lastSeq } = await mirror.info();
    return Number(lastSeq) === written ? lastSeq : undefined;
  }

  private async applyIncoming(db: Db, mirror: Mirror, knownKeys?: KnownKeys): Promise<void> {
    const outcome = await applyMirrorChanges(
      db,
      mirror,
      keepsLocal,
      (accountKeys) => this.announceChanged(accountKeys),
      knownKeys,
    );
    await receiveAliases(db, outcome.aliases, this.deps.aliases);
    if (outcome.teamPlaybook) {
      const received = await receiveTeamPlaybook(db, outcome.teamPlaybook, this.deps.playbooks);
      if (received === 'adopted') this.deps.playbookChanged();
      if (received === 'adopted' || received === 'waiting') this.deps.teamPlaybookChanged();
    }
    if (outcome.rejected.count > 0) {
      const run = await readSyncRun(db);
      await writeSyncRun(db, {
        ...run,
        lastError: {
          problem: 'rejected-documents',
          at: this.deps.now(),
          count: outcome.rejected.count,
          document: outcome.rejected.first,
        },
      });
    }
  }

  private announceChanged(accountKeys: Iterable<string>): void {
    for (const key of accountKeys) this.toAnnounce.add(key);
    if (!this.pulling) {
      this.announceNow();
      return;
    }
    if (this.announceTimer !== undefined) return;
    const wait = this.lastAnnouncedAt + ANNOUNCE_EVERY_MS - performance.now();
    if (wait <= 0) this.announceNow();
    else this.announceTimer = setTimeout(() => this.announceNow(), wait);
  }

  private announceNow(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    if (this.toAnnounce.size === 0) return;
    this.lastAnnouncedAt = performance.now();
    const accountKeys = [...this.toAnnounce];
    this.toAnnounce.clear();
    this.deps.announce(accountKeys);
  }

  private async succeeded(db: Db): Promise<void> {
    const run = await readSyncRun(db);
    const keptError = run.lastError?.problem === 'rejected-documents' ? run.lastError : undefined;
    await writeSyncRun(db, { lastSyncAt: this.deps.now(), lastError: keptError, failures: 0 });
  }

  private async failed(db: Db, problem: SyncProblem): Promise<void> {
    const run: SyncRun = await readSyncRun(db);
    const failures = run.failures + 1;
    const now = this.deps.now();
    await writeSyncRun(db, {
      ...run,
      failures,
      lastError: { problem, at: now },
      nextAttemptAt: now + retryDelay(failures),
    });
  }

  /** Live replication while pages are open; stopped a while after the last one stopped asking. */
  private ensureLive(config: SyncConfig): void {
    if (this.live) return;
    const check = checkSyncServer(config.url, config.database);
    if (!check.ok) return;
    void this.serially(async () => {
      if (this.live || this.config !== config) return;
      if (!(await this.deps.hasPermission(check.server))) return;
      const db = await this.deps.database();
      const mirror = this.mirrorDb();
      // Whatever is queued goes into the mirror first, so the live push starts with it.
      await offerAliases(db, mirror, this.deps.aliases);
      const pushed = await pushLocalChanges(db, mirror, shareable);
      for (const id of pushed.written) this.unpushed.add(id);
      const replication = mirror.sync(this.remoteDb(config, check.server), {
        live: true,
        retry: true,
        batch_size: REPLICATION_BATCH,
        back_off_function: (delay) => (delay === 0 ? 1000 : Math.min(delay * 2, LIVE_RETRY_MAX_MS)),
      });
      this.live = replication;
      replication
        .on('change', (info) => {
          if (info.direction === 'pull') void this.serially(() => this.applyIncoming(db, mirror));
        })
        .on('active', () => {
          this.busy = Math.max(this.busy, 0);
        })
        .on('paused', (error) => {
          if (this.live !== replication) return;
          if (error) void this.serially(() => this.failed(db, problemOfError(error, config.username !== '')));
          else {
            this.unpushed.clear();
            void this.serially(() => this.succeeded(db));
          }
        })
        .on('denied', (error) => {
          console.warn('[dealside] sync: the server refused a document', error);
        })
        .on('error', (error) => {
          if (this.live !== replication) return;
          this.live = undefined;
          void this.serially(() => this.failed(db, problemOfError(error, config.username !== '')));
        });
      this.scheduleLiveCheck();
    });
  }

  private scheduleLiveCheck(): void {
    clearTimeout(this.liveCheck);
    this.liveCheck = setTimeout(() => {
      if (!this.live) return;
      if (this.deps.now() - this.lastAskedAt >= LIVE_WHILE_ASKED_MS) this.stopLive();
      else this.scheduleLiveCheck();
    }, LIVE_WHILE_ASKED_MS);
  }

  private stopLive(): void {
    clearTimeout(this.liveCheck);
    const live = this.live;
    this.live = undefined;
    live?.cancel();
  }
}

async function resetBookkeeping(tx: {
  objectStore(name: 'privateItems' | 'syncOutbox' | 'syncRevisions' | 'syncConflicts'): {
    clear(): Promise<void>;
    delete(key: string): Promise<void>;
  };
}): Promise<void> {
  await tx.objectStore('syncOutbox').clear();
  await tx.objectStore('syncRevisions').clear();
  await tx.objectStore('syncConflicts').clear();
  const items = tx.objectStore('privateItems');
  for (const item of [
    SYNC_CONFIG_ITEM,
    SYNC_RUN_ITEM,
    CHECKPOINT_ITEM,
    TEAM_PLAYBOOK_ITEM,
    AGREED_ALIASES_ITEM,
  ]) {
    await items.delete(item);
  }
}
