/**
 * Sync with the rep's CouchDB server, in real Chromium against the CouchDB-protocol server of the tests
 * (tests/support/couch-server.ts: express-pouchdb over in-memory databases, in a thread of this process).
 *
 * 1. Initial sync into an empty profile: the server is seeded directly with 10,000 account and 100,000
 *    note documents (the large database's rows, ./in-page/scale-rows.ts, checked with the rows' strict
 *    schemas first). A fresh profile starts sync in its options page, as the rep does; the time runs from
 *    the click on "Start syncing" until the status says up to date and every row is in the extension's
 *    database. On the way the options page reads, every quarter second, how far the mirror (the PouchDB
 *    copy in the browser), the database's checkpoint and the outbox have got, which splits the time into
 *    its phases; the requests to the server are counted by kind.
 * 2. The service worker's JS heap during that sync, every half second (./sync-probes.ts).
 * 3. Save in A → shown in B: two fresh profiles synced to a second database, both with the Gmail panel
 *    open on the same customer; A saves a note (the panel's `saveNote` message, from A's options page)
 *    and the time runs until B's panel shows it.
 *
 * Beside (1), as the floor the server sets: the same documents replicated by plain PouchDB (the same
 * batch size) from the server into an in-memory database in this process, before the browser starts; and
 * as the floor PouchDB sets in the browser: PouchDB alone (the product's modules and settings) replicating
 * them into an IndexedDB database of the extension's origin, in a fresh profile's options page.
 * And the CPU each process used during (1): the browser's processes by kind, this process's main thread
 * (Playwright) and the server's thread.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Frame, Page } from 'playwright-core';
import type { AnyRow } from '../../lib/data-transfer/format';
import type { StoreName } from '../../lib/db/schema';
import { recordDocBody, recordDocId, remoteRecord } from '../../lib/sync/documents';
import type { SyncStatus } from '../../lib/sync/types';
import { CHECKPOINT_ITEM } from '../../lib/background/sync/apply-remote';
import { REPLICATION_BATCH, REPLICATION_BATCHES_AHEAD } from '../../lib/background/sync/engine';
import { bundleForPage } from '../../tests/e2e/support/page-bundle';
import type { FloorRequest } from './in-page/pouch-floor';
import { startCouchServer, type CouchDoc, type CouchServer } from '../../tests/support/couch-server';
import { nodePouch } from '../../tests/support/node-pouch';
import {
  grantHostPermission,
  launchWithExtension,
  panelFrame,
  serveFixture,
  type ExtensionBrowser,
} from '../../tests/e2e/support/browser';
import { sendFromPage } from '../../tests/e2e/support/messages';
import { accountRow, noteCounts, noteRow, SCALE } from './in-page/scale-rows';
import type { Progress } from './scale-browser';
import { summarize, type Summary } from './stats';
import {
  browserProcessCpu,
  busiestThread,
  cpuMark,
  cpuSpent,
  nodeMark,
  RequestLog,
  WorkerProbe,
  workerThreadCpu,
  type CpuMark,
  type CpuSpent,
  type RequestKind,
} from './sync-probes';

export const INITIAL_SYNC_BUDGET_MS = 60_000;
export const WORKER_HEAP_BUDGET_BYTES = 100 * 1024 * 1024;
export const NOTE_SHOWN_BUDGET_MS = 2_000;

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb';
/** The Gmail fixture's customer (Jane Cooper). */
const ACCOUNT = 'northwind-trading.com';
const BIG_DATABASE = 'dealside-initial';
const PAIR_DATABASE = 'dealside-pair';
const REP = { name: 'rep', password: 'bench-secret-1' };
const SECOND_DEVICE = { name: 'rep-two', password: 'bench-secret-2' };
const MIRROR_DB = '_pouch_dealside-sync-mirror';
const SEED_BATCH = 1_000;
const POLL_MS = 250;
const HEAP_SAMPLE_MS = 500;
const INITIAL_SYNC_TIMEOUT_MS = 30 * 60_000;

export interface SyncOptions {
  accounts: number;
  notes: number;
  /** Saves in A timed until B shows them. */
  samples: number;
  warmup: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  accounts: SCALE.accounts,
  notes: SCALE.notes,
  samples: 20,
  warmup: 2,
};

/** A moment of the initial sync, ms from the click; undefined when it was not seen. */
export interface SyncPhases {
  /** The first request to the server. */
  firstRequest?: number;
  /** The first documents in the mirror. */
  firstInMirror?: number;
  /** The mirror holds every document of the server. */
  pulled?: number;
  /** The first batch of rows committed in the extension's database. */
  firstRows?: number;
  /** Every pulled change written into the database (the checkpoint reached the mirror's last change). */
  applied?: number;
  /** The outbox empty: the local rows compared with the mirror. */
  outboxEmpty?: number;
  upToDate: number;
}

/** CPU seconds of this process's threads over a span: the sync server's, and the main thread's. */
export interface NodeCpu {
  serverS: number;
  mainS: number;
}

/** Runs `work` and notes the CPU the server's thread and this process's main thread spent on it. */
async function withNodeCpu<T>(work: () => Promise<T>): Promise<{ value: T; cpu: NodeCpu }> {
  const before = nodeMark();
  const value = await work();
  const spent = cpuSpent(before, nodeMark());
  return { value, cpu: { serverS: spent.serverThread, mainS: spent.nodeMain } };
}

/** One phase of the initial sync: ms from the click, and CPU seconds it took where it ran. */
export interface PhaseSpan {
  name: (typeof SPANS)[number][0];
  from: number;
  to: number;
  /** The service worker's thread. */
  workerS: number;
  /** The browser process: IndexedDB's backend (on its thread pool) and the messages between processes. */
  browserS: number;
  /** The sync server's thread. */
  serverS: number;
}

export interface SyncResult {
  initialBudgetMs: number;
  heapBudgetBytes: number;
  shownBudgetMs: number;
  seeded: Record<string, number>;
  /** The documents' JSON, bytes. */
  seededBytes: number;
  seedingS: number;
  /** Plain PouchDB, server → memory in this process, the same batch size. */
  baselineS: number;
  /**
   * PouchDB alone, server → an IndexedDB database of the extension's origin, in an extension page, with
   * the product's settings (./in-page/pouch-floor.ts): the part of the initial sync that is PouchDB's.
   */
  browserFloorS: number;
  browserFloorCpu: NodeCpu;
  /** CPU seconds of the server's thread and of this process's main thread while seeding, and during the baseline. */
  seedingCpu: NodeCpu;
  baselineCpu: NodeCpu;
  initial: {
    totalMs: number;
    rows: Record<string, number>;
    phases: SyncPhases;
    /** The phases one after the other, with the CPU each took. */
    spans: PhaseSpan[];
    requests: Record<string, RequestKind>;
    cpu: CpuSpent;
    /** The machine's load average (1 min) during the sync, and its cores. */
    load: { max: number; mean: number; cores: number };
    status: SyncStatus;
  };
  heap: {
    samples: number;
    failures: number;
    peakUsed: number;
    medianUsed: number;
    peakTotal: number;
    /** Before the click. */
    idleUsed: number;
  };
  shown: {
    warmup: number;
    samples: Summary;
    /** The same saves: until A's status says nothing is waiting (the note is on the server). */
    pushed: Summary;
  };
  loadAverage: { start: number; end: number };
}

interface Device {
  browser: ExtensionBrowser;
  options: Page;
}

/** Notes per account: the large database's spread, scaled to other totals. */
function notesPerAccount(accounts: number, notes: number): number[] {
  const base = noteCounts().slice(0, accounts);
  while (base.length < accounts) base.push(10);
  const sum = base.reduce((total, n) => total + n, 0);
  const counts = base.map((n) => Math.floor((n * notes) / sum));
  let missing = notes - counts.reduce((total, n) => total + n, 0);
  for (let index = 0; missing > 0; index = (index + 1) % accounts, missing--) counts[index]! += 1;
  return counts;
}

function recordDoc(store: StoreName, row: AnyRow): CouchDoc {
  const key = store === 'accounts' ? (row as { key: string }).key : (row as { id: string }).id;
  const doc = { _id: recordDocId(store, key), ...recordDocBody(store, row) };
  const checked = remoteRecord(doc._id, doc);
  if (!checked.ok) throw new Error(`The benchmark built an invalid document ${doc._id}: ${checked.problem}`);
  return doc;
}

/** Seeds the server with the accounts and notes, `SEED_BATCH` documents per `_bulk_docs`. */
async function seedServer(
  couch: CouchServer,
  options: SyncOptions,
  progress: Progress,
): Promise<{ rows: Record<string, number>; bytes: number; seconds: number }> {
  const started = performance.now();
  const now = Date.now();
  let bytes = 0;
  let batch: CouchDoc[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await couch.bulkDocs(BIG_DATABASE, batch);
    const failed = results.find((result) => result.error);
    if (failed) throw new Error(`Seeding the server: ${failed.id} ${failed.error} ${failed.reason}`);
    written += batch.length;
    batch = [];
    if (written % 20_000 === 0) progress(`  ${written.toLocaleString('en-US')} documents…`);
  };
  const add = async (doc: CouchDoc) => {
    bytes += JSON.stringify(doc).length;
    batch.push(doc);
    if (batch.length >= SEED_BATCH) await flush();
  };
  for (let index = 0; index < options.accounts; index++)
    await add(recordDoc('accounts', accountRow(index, now)));
  const counts = notesPerAccount(options.accounts, options.notes);
  let id = 0;
  for (const [account, n] of counts.entries())
    for (let k = 0; k < n; k++) await add(recordDoc('notes', noteRow(id++, account, now)));
  await flush();
  return {
    rows: { accounts: options.accounts, notes: id },
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Plain PouchDB replication from the server into memory here: what the server and the protocol cost. */
async function baselineReplication(couch: CouchServer, expected: number): Promise<number> {
  const Pouch = nodePouch();
  const remote = new Pouch(`${couch.url}/${BIG_DATABASE}`, {
    auth: { username: REP.name, password: REP.password },
  } as never);
  const local = new Pouch(`bench-baseline-${Date.now()}`, { adapter: 'memory' });
  const started = performance.now();
  const info = await local.replicate.from(remote, { batch_size: REPLICATION_BATCH });
  const seconds = (performance.now() - started) / 1000;
  if ((info.docs_written ?? 0) !== expected)
    throw new Error(`The baseline replication wrote ${info.docs_written} documents, not ${expected}`);
  await local.destroy();
  return seconds;
}

/** PouchDB alone into IndexedDB, in a fresh profile's options page (./in-page/pouch-floor.ts). */
async function browserFloor(couch: CouchServer, expected: number): Promise<number> {
  const device = await launchDevice(couch, false);
  try {
    // The host permission becomes usable once asked for in a click: "Test connection" asks for it.
    const { options } = device;
    await options.getByTestId('sync-url').fill(couch.url);
    await options.getByTestId('sync-db').fill(BIG_DATABASE);
    await options.getByTestId('sync-user').fill(REP.name);
    await options.getByTestId('sync-password').fill(REP.password);
    await options.getByTestId('sync-test').click();
    await options.getByTestId('sync-test-result').getByText('Connected').waitFor();
    const bundle = await bundleForPage(
      { file: fileURLToPath(new URL('./in-page/pouch-floor.ts', import.meta.url)) },
      'dealsideBenchFloor',
    );
    await device.options.evaluate(bundle);
    const request: FloorRequest = {
      url: `${couch.url}/${BIG_DATABASE}`,
      username: REP.name,
      password: REP.password,
      batchSize: REPLICATION_BATCH,
      batchesLimit: REPLICATION_BATCHES_AHEAD,
    };
    const { ms, written } = (await device.options.evaluate(
      `dealsideBenchFloor.replicateIntoIndexedDb(${JSON.stringify(request)})`,
    )) as { ms: number; written: number };
    if (written !== expected)
      throw new Error(`PouchDB alone wrote ${written} documents into IndexedDB, not ${expected}`);
    return ms / 1000;
  } finally {
    await device.browser.close();
  }
}

async function launchDevice(couch: CouchServer, panel: boolean): Promise<Device> {
  const browser = await launchWithExtension({ allowedOrigins: [couch.url] });
  try {
    await grantHostPermission(browser, 'http://127.0.0.1/*');
    if (panel) await serveFixture(browser.context, 'https://mail.google.com/**', 'sites/gmail/thread.html');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sync-start').waitFor();
    // Any message makes the background open (and so create) its database.
    await sendFromPage(options, 'getSyncStatus');
    return { browser, options };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Fills the options page's sync form and clicks "Start syncing", the way the rep starts it; `beforeClick`
 * runs just before the click. Returns when the click was sent (this process's clock).
 */
async function clickStart(
  device: Device,
  couch: CouchServer,
  database: string,
  user: typeof REP,
  beforeClick: () => void = () => undefined,
): Promise<number> {
  const { options } = device;
  await options.getByTestId('sync-url').fill(couch.url);
  await options.getByTestId('sync-db').fill(database);
  await options.getByTestId('sync-user').fill(user.name);
  await options.getByTestId('sync-password').fill(user.password);
  const button = options.getByTestId('sync-start');
  await button.scrollIntoViewIfNeeded();
  beforeClick();
  const clicked = performance.now();
  await button.click();
  return clicked;
}

const status = (device: Device) => sendFromPage<SyncStatus>(device.options, 'getSyncStatus');

interface Progressed {
  /** The mirror's last sequence (its documents written so far). */
  mirrorSeq: number;
  /** The mirror sequence the database has caught up with. */
  checkpoint: number;
  outbox: number;
}

/** Source text run in the options page (a function would carry the TypeScript transform's helpers). */
const IDB_HELPERS = `
  // Resolves null when the database is gone (the mirror is deleted and made again when sync starts):
  // the upgrade a missing database would get is aborted, so nothing is created here.
  const openDb = (name) => new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let missing = false;
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      if (missing) resolve(null);
      else reject(request.error || new Error('open ' + name));
    };
  });
  const readDb = (db, stores, get) => new Promise((resolve, reject) => {
    const tx = db.transaction(stores, 'readonly');
    const requests = get(tx);
    tx.oncomplete = () => resolve(requests.map((request) => request.result));
    tx.onerror = () => reject(tx.error || new Error('read'));
  });`;

/**
 * How far sync has got, read from the options page (same origin as the background's database): the
 * mirror's last sequence, the database's checkpoint, the outbox. Only databases that exist are opened:
 * opening the mirror before PouchDB creates it would create it with a version PouchDB refuses.
 */
function readProgress(options: Page): Promise<Progressed> {
  return options.evaluate(`(async () => {
    ${IDB_HELPERS}
    const existing = new Set((await indexedDB.databases()).map((info) => info.name));
    const progressed = { mirrorSeq: 0, checkpoint: 0, outbox: 0 };
    const db = existing.has('dealside') ? await openDb('dealside') : null;
    if (db) {
      try {
        const [checkpoint, outbox] = await readDb(db, ['privateItems', 'syncOutbox'], (tx) => [
          tx.objectStore('privateItems').get(${JSON.stringify(CHECKPOINT_ITEM)}),
          tx.objectStore('syncOutbox').count(),
        ]);
        progressed.checkpoint = Number(checkpoint) || 0;
        progressed.outbox = outbox;
      } finally {
        db.close();
      }
    }
    const mirror = existing.has(${JSON.stringify(MIRROR_DB)}) ? await openDb(${JSON.stringify(MIRROR_DB)}) : null;
    if (mirror) {
      try {
        const [last] = await readDb(mirror, ['docs'], (tx) => [
          tx.objectStore('docs').index('seq').openKeyCursor(null, 'prev'),
        ]);
        progressed.mirrorSeq = last && typeof last.key === 'number' ? last.key : 0;
      } finally {
        mirror.close();
      }
    }
    return progressed;
  })()`);
}

/** Rows per store in the extension's database. */
function countRows(options: Page, stores: string[]): Promise<Record<string, number>> {
  return options.evaluate(`(async () => {
    ${IDB_HELPERS}
    const stores = ${JSON.stringify(stores)};
    const db = await openDb('dealside');
    try {
      const counts = await readDb(db, stores, (tx) => stores.map((name) => tx.objectStore(name).count()));
      return Object.fromEntries(stores.map((name, index) => [name, counts[index]]));
    } finally {
      db.close();
    }
  })()`);
}

/** The phases that follow each other, each ending at the moment of `SyncPhases` of the same name. */
const SPANS = [
  ['pull', 'pulled'],
  ['apply', 'applied'],
  ['compare', 'outboxEmpty'],
  ['finish', 'upToDate'],
] as const satisfies readonly (readonly [string, keyof SyncPhases])[];

async function initialSync(
  couch: CouchServer,
  seeded: Record<string, number>,
  progress: Progress,
  loadAverage: () => number,
): Promise<{ initial: SyncResult['initial']; heap: SyncResult['heap'] }> {
  const total = Object.values(seeded).reduce((sum, n) => sum + n, 0);
  const device = await launchDevice(couch, false);
  const probe = await WorkerProbe.attach(device.browser);
  const { profileDir } = device.browser;
  let log: RequestLog | undefined;
  try {
    const idle = await probe.heap();
    let start: CpuMark | undefined;
    // DEALSIDE_SYNC_CPU_PROFILE=<file>: the service worker's CPU profile of the initial sync, for DevTools.
    const profileFile = process.env.DEALSIDE_SYNC_CPU_PROFILE;
    if (profileFile) await probe.call('Profiler.enable', {});
    const clicked = await clickStart(device, couch, BIG_DATABASE, REP, () => {
      if (profileFile) void probe.call('Profiler.start', {});
      start = cpuMark(profileDir);
      probe.startSampling(HEAP_SAMPLE_MS);
      log = new RequestLog(device.browser, couch.url, performance.now());
    });
    const since = () => performance.now() - clicked;
    const phases: Partial<SyncPhases> = {};
    const marks = new Map<keyof SyncPhases, CpuMark>();
    const reached = (phase: keyof SyncPhases, at: number) => {
      if (phases[phase] !== undefined) return;
      phases[phase] = at;
      if (SPANS.some(([, end]) => end === phase)) marks.set(phase, cpuMark(profileDir));
    };
    const loads: number[] = [];
    let lastLine = 0;
    let finalStatus: SyncStatus | undefined;
    let rows: Record<string, number> = {};
    for (;;) {
      if (since() > INITIAL_SYNC_TIMEOUT_MS)
        throw new Error(`The initial sync did not finish in ${INITIAL_SYNC_TIMEOUT_MS / 60_000} min`);
      const [current, now] = await Promise.all([readProgress(device.options), status(device)]);
      const at = since();
      loads.push(loadAverage());
      if (current.mirrorSeq > 0) reached('firstInMirror', at);
      if (current.mirrorSeq >= total) reached('pulled', at);
      if (current.checkpoint > 0) reached('firstRows', at);
      if (phases.pulled !== undefined && current.checkpoint >= current.mirrorSeq) reached('applied', at);
      if (phases.applied !== undefined && current.outbox === 0) reached('outboxEmpty', at);
      if (now.lastError && now.lastError.problem !== 'rejected-documents')
        throw new Error(`Sync failed: ${JSON.stringify(now.lastError)}`);
      if (now.state === 'up-to-date' && phases.applied !== undefined) {
        rows = await countRows(device.options, Object.keys(seeded));
        if (Object.entries(seeded).every(([store, n]) => (rows[store] ?? 0) >= n)) {
          reached('upToDate', at);
          finalStatus = now;
          break;
        }
      }
      if (at - lastLine > 10_000) {
        lastLine = at;
        progress(
          `  ${(at / 1000).toFixed(0)} s: mirror ${current.mirrorSeq.toLocaleString('en-US')}, database ` +
            `${current.checkpoint.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}, ` +
            `outbox ${current.outbox}, ${now.state}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    probe.stopSampling();
    log!.stop();
    if (profileFile) {
      const { profile } = await probe.call<{ profile: unknown }>('Profiler.stop', {});
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    const end = marks.get('upToDate')!;
    const serverTid = busiestThread(start!, end);
    const spans: PhaseSpan[] = [];
    let from = { at: 0, mark: start! };
    for (const [name, phase] of SPANS) {
      const mark = marks.get(phase);
      const at = phases[phase];
      if (!mark || at === undefined) continue;
      const spent = cpuSpent(from.mark, mark, serverTid);
      spans.push({
        name,
        from: from.at,
        to: at,
        workerS: workerThreadCpu(spent),
        browserS: browserProcessCpu(spent),
        serverS: spent.serverThread,
      });
      from = { at, mark };
    }
    const requests = log!.kinds;
    const firstRequest = Math.min(...Object.values(requests).map((kind) => kind.first));
    if (Number.isFinite(firstRequest)) phases.firstRequest = firstRequest;
    const used = probe.samples.map((sample) => sample.used);
    const heapSummary = used.length ? summarize(used) : undefined;
    return {
      initial: {
        totalMs: phases.upToDate!,
        rows,
        phases: phases as SyncPhases,
        spans,
        requests,
        cpu: cpuSpent(start!, end, serverTid),
        status: finalStatus!,
        load: {
          max: Math.max(...loads),
          mean: loads.reduce((sum, n) => sum + n, 0) / loads.length,
          cores: os.cpus().length,
        },
      },
      heap: {
        samples: used.length,
        failures: probe.failures,
        peakUsed: heapSummary?.max ?? 0,
        medianUsed: heapSummary?.median ?? 0,
        peakTotal: Math.max(0, ...probe.samples.map((sample) => sample.total)),
        idleUsed: idle.used,
      },
    };
  } finally {
    log?.stop();
    await probe.close();
    await device.browser.close();
  }
}

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openPanel(device: Device): Promise<Frame> {
  const page = await device.browser.context.newPage();
  await page.goto(THREAD);
  const panel = await panelFrame(page, 20_000);
  await panel
    .locator('[data-testid="contact-email"]', { hasText: 'jane.cooper@northwind-trading.com' })
    .waitFor({ timeout: 20_000 });
  return panel;
}

const settled = (device: Device) =>
  waitFor(
    () => status(device),
    (now) => now.state === 'up-to-date' && now.pending === 0,
    30_000,
  );

async function noteShown(
  couch: CouchServer,
  options: SyncOptions,
  progress: Progress,
): Promise<SyncResult['shown']> {
  const a = await launchDevice(couch, true);
  let b: Device | undefined;
  try {
    b = await launchDevice(couch, true);
    for (const [device, user] of [
      [a, REP],
      [b, SECOND_DEVICE],
    ] as const) {
      await clickStart(device, couch, PAIR_DATABASE, user);
      await settled(device);
    }
    const panelB = await openPanel(b);
    await openPanel(a);
    // The panels' own writes (the contact and the account they found) go out and come back first.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await settled(a);
    await settled(b);

    progress(`${options.warmup} warm-up and ${options.samples} timed saves in A, shown in B…`);
    const shown: number[] = [];
    const pushed: number[] = [];
    const run = `${Date.now().toString(36)}`;
    for (let sample = 0; sample < options.warmup + options.samples; sample++) {
      const marker = `sync-bench-${run}-${sample}`;
      const body =
        `Call with the operations lead: two sites first, the rest after the summer. ` +
        `They want the pricing by Friday. ${marker}`;
      // A function, not source text: the extension's pages allow no `eval`.
      const appeared = panelB.waitForFunction(
        (text) =>
          [...document.querySelectorAll('[data-testid="note-item"]')].some((item) =>
            (item.textContent ?? '').includes(text),
          ),
        marker,
        { polling: 25, timeout: 30_000 },
      );
      const started = performance.now();
      const saved = await sendFromPage<{ status: string }>(a.options, 'saveNote', {
        id: marker,
        accountKey: ACCOUNT,
        kind: 'note',
        body,
        baseRevision: null,
      });
      if (saved.status !== 'saved') throw new Error(`saveNote answered ${JSON.stringify(saved)}`);
      const onServer = waitFor(
        () => status(a),
        (now) => now.pending === 0,
        30_000,
      ).then(() => performance.now() - started);
      // Awaited below; a failure before then must not go unhandled.
      onServer.catch(() => undefined);
      await appeared;
      const ms = performance.now() - started;
      const pushedMs = await onServer;
      if (sample >= options.warmup) {
        shown.push(ms);
        pushed.push(pushedMs);
      }
      await settled(b);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return { warmup: options.warmup, samples: summarize(shown), pushed: summarize(pushed) };
  } finally {
    await b?.browser.close();
    await a.browser.close();
  }
}

export async function measureSync(
  progress: Progress,
  options: SyncOptions = DEFAULT_SYNC_OPTIONS,
  loadAverage: () => number,
): Promise<SyncResult> {
  const loadStart = loadAverage();
  const couch = await startCouchServer({
    users: [REP, SECOND_DEVICE],
    databases: [
      { name: BIG_DATABASE, members: [REP.name] },
      { name: PAIR_DATABASE, members: [REP.name, SECOND_DEVICE.name] },
    ],
  });
  try {
    progress(
      `seeding the server: ${options.accounts.toLocaleString('en-US')} accounts and ` +
        `${options.notes.toLocaleString('en-US')} notes…`,
    );
    const { value: seeded, cpu: seedingCpu } = await withNodeCpu(() => seedServer(couch, options, progress));
    progress(`  seeded in ${seeded.seconds.toFixed(1)} s`);
    const total = Object.values(seeded.rows).reduce((sum, n) => sum + n, 0);

    progress('baseline: plain PouchDB replication from the server into memory here…');
    const { value: baselineS, cpu: baselineCpu } = await withNodeCpu(() => baselineReplication(couch, total));
    progress(`  ${baselineS.toFixed(1)} s`);

    progress('initial sync into a fresh profile, started in options…');
    const { initial, heap } = await initialSync(couch, seeded.rows, progress, loadAverage);
    progress(`  up to date after ${(initial.totalMs / 1000).toFixed(1)} s`);

    progress('floor: PouchDB alone into IndexedDB in an extension page…');
    const { value: browserFloorS, cpu: browserFloorCpu } = await withNodeCpu(() =>
      browserFloor(couch, total),
    );
    progress(`  ${browserFloorS.toFixed(1)} s`);

    const shown = await noteShown(couch, options, progress);
    return {
      initialBudgetMs: INITIAL_SYNC_BUDGET_MS,
      heapBudgetBytes: WORKER_HEAP_BUDGET_BYTES,
      shownBudgetMs: NOTE_SHOWN_BUDGET_MS,
      seeded: seeded.rows,
      seededBytes: seeded.bytes,
      seedingS: seeded.seconds,
      baselineS,
      seedingCpu,
      baselineCpu,
      browserFloorS,
      browserFloorCpu,
      initial,
      heap,
      shown,
      loadAverage: { start: loadStart, end: loadAverage() },
    };
  } finally {
    await couch.close();
  }
}
