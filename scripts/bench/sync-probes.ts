/**
 * What the sync benchmark watches from outside while the extension syncs (./sync.ts):
 *
 * - the service worker's V8 heap, read every half second through the DevTools protocol on the worker's
 *   own target (`Runtime.getHeapUsage`, no forced collection: the heap as it is while sync runs);
 * - CPU time per thread of one browser profile's processes (Linux `/proc`: the browser process, its
 *   renderers and utility processes by their `--type`, each thread by the name Chromium gives it, such
 *   as `ServiceWorker t` for the service worker's) and of this Node process (the main thread runs the
 *   benchmark and Playwright; the busiest other one is the sync server's);
 * - the requests the extension sends the sync server, by kind (`_changes`, `_bulk_get`, `_revs_diff`…),
 *   with when they started and how long each took.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CDPSession, Request } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/e2e/support/browser';

/** One reading of the worker's heap, `at` ms on this process's clock. */
export interface HeapSample {
  at: number;
  used: number;
  total: number;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * The extension's service worker through the browser's DevTools protocol. Playwright opens sessions on
 * pages and frames only, so this attaches to the worker's target from a browser session and speaks to it
 * with `Target.sendMessageToTarget`.
 */
export class WorkerProbe {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(result: unknown): void; reject(e: Error): void }>();
  private sessionId: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  readonly samples: HeapSample[] = [];
  /** Readings that failed (the worker restarting, say): the sampler attaches again. */
  failures = 0;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      const request = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!request || message.id === undefined) return;
      this.waiting.delete(message.id);
      if (message.error) request.reject(new Error(JSON.stringify(message.error)));
      else request.resolve(message.result);
    });
    cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      if (event.sessionId !== this.sessionId) return;
      this.sessionId = undefined;
      for (const request of this.waiting.values()) request.reject(new Error('detached from the worker'));
      this.waiting.clear();
    });
  }

  static async attach(browser: ExtensionBrowser): Promise<WorkerProbe> {
    const owner = browser.context.browser();
    if (!owner) throw new Error('No browser session for the service worker');
    const probe = new WorkerProbe(
      await owner.newBrowserCDPSession(),
      `chrome-extension://${browser.extensionId}/`,
    );
    await probe.connect();
    return probe;
  }

  private async connect(): Promise<void> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const worker = targetInfos.find(
      (target) => target.type === 'service_worker' && target.url.startsWith(this.origin),
    );
    if (!worker) throw new Error('The extension’s service worker is not running');
    const { sessionId } = (await this.cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })) as { sessionId: string };
    this.sessionId = sessionId;
  }

  /** One DevTools protocol command on the worker's target. */
  async call<T>(method: string, params: object): Promise<T> {
    if (!this.sessionId) await this.connect();
    const sessionId = this.sessionId!;
    const id = ++this.nextId;
    const reply = new Promise<unknown>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return (await reply) as T;
  }

  async heap(): Promise<HeapSample> {
    const usage = await this.call<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage', {});
    return { at: performance.now(), used: usage.usedSize, total: usage.totalSize };
  }

  /** Reads the heap every `intervalMs` until `stop()`. */
  startSampling(intervalMs: number): void {
    let reading = false;
    this.timer = setInterval(() => {
      if (reading) return;
      reading = true;
      this.heap()
        .then((sample) => this.samples.push(sample))
        .catch(() => {
          this.failures += 1;
          this.sessionId = undefined;
        })
        .finally(() => (reading = false));
    }, intervalMs);
  }

  stopSampling(): void {
    clearInterval(this.timer);
  }

  async close(): Promise<void> {
    this.stopSampling();
    await this.cdp.detach().catch(() => undefined);
  }
}

let clockTicks: number | undefined;

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** utime + stime of a `/proc/…/stat` line, in seconds; 0 when it is gone. */
function statCpu(file: string): { cpu: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(file, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields follow the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { cpu: ticks / ticksPerSecond(), ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** A process's arguments. Chromium's child processes rewrite their title: one string, spaces between. */
function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return [];
  }
}

function processKind(args: string[]): string {
  const type = args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  if (!type) return 'browser process (IndexedDB, extension APIs)';
  if (type === 'renderer')
    return args.includes('--extension-process')
      ? 'extension renderer (service worker and extension pages)'
      : 'web page renderer';
  if (type === 'utility') {
    const sub = args.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19) ?? '';
    if (sub.includes('network')) return 'network service';
    if (sub.includes('storage')) return 'storage service';
    return 'other utility processes';
  }
  if (type === 'gpu-process') return 'GPU process';
  return 'other processes';
}

function threadName(pid: number, tid: string): string {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

/**
 * CPU seconds so far of the browser using `profileDir`, per kind of process and per thread name within
 * it (Linux only; {} elsewhere). Threads of one name (a thread pool's) are added up.
 */
export function browserCpu(profileDir: string): Record<string, Record<string, number>> {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return {};
  }
  const parent = new Map<number, number>();
  let root: number | undefined;
  for (const pid of pids) {
    const stat = statCpu(`/proc/${pid}/stat`);
    if (stat) parent.set(pid, stat.ppid);
  }
  for (const pid of pids) {
    const args = commandLine(pid);
    if (!args.some((arg) => arg === `--user-data-dir=${profileDir}`)) continue;
    if (!args.some((arg) => arg.startsWith('--type='))) root = pid;
  }
  if (root === undefined) return {};
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parent.get(at))
      if (at === root) return true;
    return false;
  };
  const byKind: Record<string, Record<string, number>> = {};
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const threads = (byKind[processKind(commandLine(pid))] ??= {});
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = statCpu(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = threadName(pid, tid);
      threads[name] = (threads[name] ?? 0) + stat.cpu;
    }
  }
  return byKind;
}

/** CPU seconds so far per thread of this process, by thread id. */
export function nodeThreadsCpu(): Map<number, number> {
  const threads = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = statCpu(`/proc/self/task/${tid}/stat`);
      if (stat) threads.set(Number(tid), stat.cpu);
    }
  } catch {
    // not Linux
  }
  return threads;
}

/** The CPU this process and one browser used between two moments, in seconds. */
export interface CpuSpent {
  /** Per kind of browser process, per thread name. */
  browser: Record<string, Record<string, number>>;
  /** This process's main thread: the benchmark and Playwright. */
  nodeMain: number;
  /** The sync server's thread of this process. */
  serverThread: number;
  /** The rest of this process's threads (Node's helpers, garbage collection). */
  nodeOther: number;
}

export interface CpuMark {
  browser: Record<string, Record<string, number>>;
  threads: Map<number, number>;
}

export const cpuMark = (profileDir: string): CpuMark => ({
  browser: browserCpu(profileDir),
  threads: nodeThreadsCpu(),
});

/** This process's threads only (no browser). */
export const nodeMark = (): CpuMark => ({ browser: {}, threads: nodeThreadsCpu() });

/** The busiest thread of this process besides the main one between two marks: the sync server's. */
export function busiestThread(from: CpuMark, to: CpuMark): number | undefined {
  let busiest: { tid: number; seconds: number } | undefined;
  for (const [tid, seconds] of to.threads) {
    const spent = seconds - (from.threads.get(tid) ?? 0);
    if (tid !== process.pid && (!busiest || spent > busiest.seconds)) busiest = { tid, seconds: spent };
  }
  return busiest?.tid;
}

export function cpuSpent(from: CpuMark, to: CpuMark, serverTid = busiestThread(from, to)): CpuSpent {
  const browser: Record<string, Record<string, number>> = {};
  for (const [kind, threads] of Object.entries(to.browser)) {
    browser[kind] = {};
    for (const [name, seconds] of Object.entries(threads))
      browser[kind][name] = Math.max(0, seconds - (from.browser[kind]?.[name] ?? 0));
  }
  const spent: CpuSpent = { browser, nodeMain: 0, serverThread: 0, nodeOther: 0 };
  for (const [tid, seconds] of to.threads) {
    const delta = seconds - (from.threads.get(tid) ?? 0);
    if (tid === process.pid) spent.nodeMain += delta;
    else if (tid === serverTid) spent.serverThread += delta;
    else spent.nodeOther += delta;
  }
  return spent;
}

/** The service worker's thread, in the extension renderer (Chromium names it "ServiceWorker thread"). */
export const workerThreadCpu = (spent: CpuSpent): number =>
  Object.entries(spent.browser)
    .filter(([kind]) => kind.startsWith('extension renderer'))
    .reduce((sum, [, threads]) => sum + (threads['ServiceWorker t'] ?? 0), 0);

/** Every thread of the browser process (where IndexedDB's backend runs, on its thread pool). */
export const browserProcessCpu = (spent: CpuSpent): number =>
  Object.entries(spent.browser)
    .filter(([kind]) => kind.startsWith('browser process'))
    .reduce((sum, [, threads]) => sum + Object.values(threads).reduce((a, b) => a + b, 0), 0);

/** The requests of one kind the extension sent the sync server. */
export interface RequestKind {
  count: number;
  /** ms from the log's start. */
  first: number;
  last: number;
  /** Sum of each request's time from sent to its response's end. */
  totalMs: number;
}

/**
 * Every request the extension's contexts send to `origin`, by kind: the path's last segment that
 * starts with `_` (`_changes`, `_bulk_get`, `_revs_diff`, `_bulk_docs`, `_local`), or `database` for the
 * database's own address.
 */
export class RequestLog {
  private readonly started = new Map<Request, number>();
  readonly kinds: Record<string, RequestKind> = {};
  private readonly onRequest = (request: Request) => {
    if (request.url().startsWith(this.origin)) this.started.set(request, performance.now());
  };
  private readonly onDone = (request: Request) => {
    const at = this.started.get(request);
    if (at === undefined) return;
    this.started.delete(request);
    const path = new URL(request.url()).pathname.split('/').filter(Boolean);
    const special = path.slice(1).find((segment) => segment.startsWith('_'));
    const kind = `${request.method()} ${special ?? (path.length <= 1 ? 'database' : 'document')}`;
    const entry = (this.kinds[kind] ??= { count: 0, first: at - this.t0, last: at - this.t0, totalMs: 0 });
    entry.count += 1;
    entry.last = at - this.t0;
    entry.totalMs += performance.now() - at;
  };

  constructor(
    private readonly browser: ExtensionBrowser,
    private readonly origin: string,
    private readonly t0: number,
  ) {
    browser.context.on('request', this.onRequest);
    browser.context.on('requestfinished', this.onDone);
    browser.context.on('requestfailed', this.onDone);
  }

  stop(): void {
    this.browser.context.off('request', this.onRequest);
    this.browser.context.off('requestfinished', this.onDone);
    this.browser.context.off('requestfailed', this.onDone);
  }
}
