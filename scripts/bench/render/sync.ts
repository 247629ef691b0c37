/** Sync with a CouchDB-protocol server (group `sync`): section 11. */
import { APPLY_BATCH } from '../../../lib/background/sync/apply-remote';
import { REPLICATION_BATCH } from '../../../lib/background/sync/engine';
import { count, counted, ms, rowsText, summaryRows, table } from '../markdown';
import type { PhaseSpan, SyncPhases, SyncResult } from '../sync';
import { status, timingVerdict, type Verdict } from './verdict';

const mib = (value: number): string => `${(value / 1024 / 1024).toFixed(1)} MiB`;
const seconds = (value: number): string => `${value.toFixed(1)} s`;
const at = (value: number | undefined): string => (value === undefined ? '—' : seconds(value / 1000));

/** Where the initial sync's time went, in a few sentences drawn from the figures. */
function whereTimeGoes(result: SyncResult): string {
  const { initial } = result;
  const wall = initial.totalMs / 1000;
  const part = (name: PhaseSpan['name']) => initial.spans.find((span) => span.name === name);
  const share = (span: PhaseSpan | undefined) =>
    span
      ? `${seconds((span.to - span.from) / 1000)} (${(((span.to - span.from) / initial.totalMs) * 100).toFixed(0)} %)`
      : '—';
  const pull = part('pull');
  const worker = initial.spans.reduce((sum, span) => sum + span.workerS, 0);
  const browser = initial.spans.reduce((sum, span) => sum + span.browserS, 0);
  const server = initial.spans.reduce((sum, span) => sum + span.serverS, 0);
  const pullMs = pull ? pull.to - pull.from : initial.totalMs;
  const serverBound = result.baselineS * 1000 > pullMs / 2 || server > wall / 2;
  return [
    `Where the time goes: the pull took ${share(pull)}, applying into the database ${share(part('apply'))}, ` +
      `comparing the local rows and checking the push ${share(part('compare'))}, the rest ` +
      `${share(part('finish'))}. Plain PouchDB replicates the same documents from the same server in ` +
      `${seconds(result.baselineS)} into memory, and PouchDB alone into the browser’s IndexedDB takes ` +
      `${seconds(result.browserFloorS)} (${((result.browserFloorS / wall) * 100).toFixed(0)} % of the sync); ` +
      `the server’s thread used ${seconds(server)} of CPU over the whole ` +
      `sync (${((server / wall) * 100).toFixed(0)} % of the wall time)` +
      (serverBound ? ': the server may be what limits it. ' : ': the server is not what limits it. ') +
      `The browser process (IndexedDB’s backend and the messages between processes) used ${seconds(browser)} ` +
      `of CPU and the service worker’s thread ${seconds(worker)}.`,
  ].join(' ');
}

export function renderSync(result: SyncResult, verdicts: Verdict[]): string {
  const { initial, heap, shown } = result;
  const total = Object.values(initial.rows).reduce((sum, n) => sum + n, 0);
  const seededTotal = Object.values(result.seeded).reduce((sum, n) => sum + n, 0);
  const rowsPerSecond = total / (initial.totalMs / 1000);
  const what = rowsText(result.seeded);
  const phases: SyncPhases = initial.phases;

  const initialVerdict: Verdict = {
    metric: `Initial sync into an empty profile, ${what}`,
    budget: `≤ ${seconds(result.initialBudgetMs / 1000)}`,
    result:
      `${seconds(initial.totalMs / 1000)}, ${count(Math.round(rowsPerSecond))} rows/s; first rows in the ` +
      `database after ${at(phases.firstRows)}`,
    how: 'click on “Start syncing” in options → status up to date with every row in IndexedDB',
    ...(initial.totalMs > result.initialBudgetMs && {
      missed:
        `${seconds(initial.totalMs / 1000)} is over the ${seconds(result.initialBudgetMs / 1000)} budget by ` +
        seconds((initial.totalMs - result.initialBudgetMs) / 1000),
    }),
  };
  const heapVerdict: Verdict = {
    metric: `Service worker JS heap during the initial sync`,
    budget: `≤ ${mib(result.heapBudgetBytes)} (peak)`,
    result: `peak ${mib(heap.peakUsed)}, median ${mib(heap.medianUsed)} (${count(heap.samples)} samples)`,
    how: '`Runtime.getHeapUsage` on the worker’s target every 500 ms, no forced collection',
    ...(heap.peakUsed > result.heapBudgetBytes && {
      missed: `peak ${mib(heap.peakUsed)} is over ${mib(result.heapBudgetBytes)}`,
    }),
  };
  const shownVerdict = timingVerdict(
    'Note saved in browser A → shown in browser B’s open panel',
    shown.samples,
    result.shownBudgetMs,
    '`saveNote` in A → the note in B’s panel (polled every 25 ms)',
  );
  shownVerdict.result = `p95 ${ms(shown.samples.p95)}`;
  verdicts.push(initialVerdict, heapVerdict, shownVerdict);

  const spanText: Record<PhaseSpan['name'], string> = {
    pull: 'Pull: the server’s documents into the mirror (PouchDB’s IndexedDB database in the browser)',
    apply: `Apply: the mirror’s changes into the extension’s database, ${APPLY_BATCH} per transaction (while the pull runs, once a second)`,
    compare: 'Compare: every local row with the mirror (the outbox’s store scans), then the push check',
    finish: 'Finish: until the status says up to date',
  };
  const cpuCells = (span: { workerS: number; browserS: number; serverS: number }) => [
    seconds(span.workerS),
    seconds(span.browserS),
    seconds(span.serverS),
  ];
  const phaseRows: string[][] = [
    ['Click → first request to the server', at(phases.firstRequest), '', '', '', '', ''],
    ['Click → first documents in the mirror', at(phases.firstInMirror), '', '', '', '', ''],
    ['Click → first rows in the extension’s database', at(phases.firstRows), '', '', '', '', ''],
    ...initial.spans.map((span) => [
      spanText[span.name],
      `${at(span.from)} → ${at(span.to)}`,
      seconds((span.to - span.from) / 1000),
      ...cpuCells(span),
      'reported',
    ]),
    [
      `**Total: click → up to date with ${count(total)} rows**`,
      at(phases.upToDate),
      at(phases.upToDate),
      ...cpuCells(
        initial.spans.reduce(
          (sum, span) => ({
            workerS: sum.workerS + span.workerS,
            browserS: sum.browserS + span.browserS,
            serverS: sum.serverS + span.serverS,
          }),
          { workerS: 0, browserS: 0, serverS: 0 },
        ),
      ),
      status(initialVerdict),
    ],
  ];

  const requestRows = Object.entries(initial.requests)
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([kind, entry]) => [
      `\`${kind}\``,
      count(entry.count),
      `${at(entry.first)} → ${at(entry.last)}`,
      seconds(entry.totalMs / 1000),
      ms(entry.totalMs / entry.count),
    ]);

  const wall = initial.totalMs / 1000;
  const share = (s: number): string => `${((s / wall) * 100).toFixed(0)} %`;
  const cpuRows: string[][] = [];
  const processes = Object.entries(initial.cpu.browser)
    .map(([kind, threads]) => ({
      kind,
      threads: Object.entries(threads).sort(([, a], [, b]) => b - a),
      total: Object.values(threads).reduce((sum, s) => sum + s, 0),
    }))
    .filter((process) => process.total >= 0.05)
    .sort((a, b) => b.total - a.total);
  for (const process of processes) {
    cpuRows.push([`Browser: ${process.kind}`, seconds(process.total), share(process.total)]);
    for (const [name, s] of process.threads.filter(([, s]) => s >= Math.max(0.1, process.total * 0.05)))
      cpuRows.push([`↳ thread \`${name}\``, seconds(s), share(s)]);
  }
  cpuRows.push(
    [
      'This process: the sync server’s thread (express-pouchdb over memory)',
      seconds(initial.cpu.serverThread),
      share(initial.cpu.serverThread),
    ],
    [
      'This process: main thread (the benchmark, Playwright)',
      seconds(initial.cpu.nodeMain),
      share(initial.cpu.nodeMain),
    ],
    [
      'This process: other threads (garbage collection, I/O)',
      seconds(initial.cpu.nodeOther),
      share(initial.cpu.nodeOther),
    ],
  );

  return [
    '## 11. Sync',
    `Budgets: the initial sync of ${what} into an empty profile ≤ ${seconds(result.initialBudgetMs / 1000)} — ` +
      `${status(initialVerdict)}; the service worker’s JS heap meanwhile ≤ ${mib(result.heapBudgetBytes)} — ` +
      `${status(heapVerdict)}; a note saved in one browser shown in another’s open panel ≤ ` +
      `${ms(result.shownBudgetMs)} (median) — ${status(shownVerdict)}.`,
    '### Initial sync into an empty profile',
    ...(initial.load.max > initial.load.cores / 2
      ? [
          `**Note:** the machine was busy during the initial sync (load average ${initial.load.mean.toFixed(1)} ` +
            `on average, up to ${initial.load.max.toFixed(1)}, on ${counted(initial.load.cores, 'core')}): ` +
            'the processes below shared the cores with other work, so the sync took longer than on an idle machine.',
        ]
      : []),
    table(
      [
        'Phase',
        'From the click',
        'Took',
        'CPU: service worker thread',
        'CPU: browser process',
        'CPU: server thread',
        'Status',
      ],
      phaseRows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    table(
      [
        'Beside it, in the same run',
        'Time',
        'Documents per second',
        'CPU: server thread',
        'CPU: main thread',
      ],
      [
        [
          `Seeding the server: ${count(seededTotal)} documents (${mib(result.seededBytes)} of JSON) by \`_bulk_docs\`, 1,000 a request`,
          seconds(result.seedingS),
          count(Math.round(seededTotal / result.seedingS)),
          seconds(result.seedingCpu.serverS),
          seconds(result.seedingCpu.mainS),
        ],
        [
          `Floor: plain PouchDB replication (batches of ${count(REPLICATION_BATCH)}, as the extension's) from the server into an in-memory database in the benchmark process (its main thread)`,
          seconds(result.baselineS),
          count(Math.round(seededTotal / result.baselineS)),
          seconds(result.baselineCpu.serverS),
          seconds(result.baselineCpu.mainS),
        ],
        [
          'Floor in the browser: PouchDB alone, the same settings, from the server into an IndexedDB database of the extension’s origin (a fresh profile’s options page), writing none of the extension’s rows',
          seconds(result.browserFloorS),
          count(Math.round(seededTotal / result.browserFloorS)),
          seconds(result.browserFloorCpu.serverS),
          '—',
        ],
        [
          'The extension: click → up to date',
          seconds(initial.totalMs / 1000),
          count(Math.round(rowsPerSecond)),
          seconds(initial.cpu.serverThread),
          '—',
        ],
      ],
      ['left', 'right', 'right', 'right', 'right'],
    ),
    whereTimeGoes(result),
    'Requests the extension sent the server during the initial sync:',
    table(['Request', 'n', 'First → last (from the click)', 'Total time waiting', 'Mean'], requestRows, [
      'left',
      'right',
      'right',
      'right',
      'right',
    ]),
    `CPU used during the initial sync (${seconds(wall)} of wall time on ${counted(initial.load.cores, 'core')}; ` +
      `a share over 100 % is more than one core):`,
    table(['Process or thread', 'CPU', 'Of the wall time'], cpuRows, ['left', 'right', 'right']),
    '### Service worker memory during the initial sync',
    table(
      ['What', 'Value', 'Status'],
      [
        ['JS heap in use, peak', mib(heap.peakUsed), status(heapVerdict)],
        ['JS heap in use, median', mib(heap.medianUsed), 'reported'],
        ['JS heap reserved (`totalSize`), peak', mib(heap.peakTotal), 'reported'],
        ['JS heap in use before the click', mib(heap.idleUsed), 'baseline'],
      ],
      ['left', 'right', 'left'],
    ),
    '### A note saved in one browser, shown in the other',
    table(
      ['What', 'n', 'Median', 'p95', 'Min', 'Max', 'Status'],
      [
        ['`saveNote` in A → the note in B’s open panel', ...summaryRows(shown.samples), status(shownVerdict)],
        [
          'The same saves: `saveNote` in A → A’s status says nothing is waiting (on the server)',
          ...summaryRows(shown.pushed),
          'reported',
        ],
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    [
      '- The server is the tests’ CouchDB-protocol server (tests/support/couch-server.ts): express-pouchdb ' +
        'over in-memory databases, in a thread of the benchmark process, on this machine; its users sign in ' +
        'with HTTP Basic auth. It is seeded directly, as the admin, with one document per record ' +
        '(`{ _id: "notes:<id>", type: "notes", row }`), every one checked first with the strict row schemas ' +
        `the extension applies to what it pulls. The rows are the large database’s (section 5): ${what}, ` +
        'the notes spread over the accounts as there (2,000 for the big account), their bodies two to four ' +
        'sentences in English and Chinese.',
      '- The initial sync: a fresh profile with the host permission granted, its options page open; the ' +
        'benchmark fills the sync form and clicks “Start syncing” (the click asks for the host permission ' +
        'and sends `startSync`), then every quarter second reads from the options page (same origin as the ' +
        'background’s database) the mirror’s last sequence, the database’s sync checkpoint and the outbox, ' +
        'and asks `getSyncStatus`. The time stops at the first reading with the status up to date and ' +
        'every row counted in the database. The phases are the first readings past each point.',
      '- The requests are those Playwright sees leave the service worker for the server, timed from sent ' +
        'to the response’s end; requests of one kind can overlap, so their total time can exceed the wall ' +
        'time. CPU is read from `/proc` before the click and at the end: the browser’s processes of the ' +
        'profile by kind, and this process’s threads; the busiest thread besides the main one is the ' +
        'server’s. Chromium names its threads: the service worker runs on `ServiceWorker thread` in the ' +
        'extension renderer; IndexedDB’s backend runs on the browser process’s thread pool ' +
        '(`ThreadPoolForeground…`), and the messages between processes on the I/O threads. Names are ' +
        'cut to 15 characters by Linux.',
      `- Memory: the service worker’s V8 heap (\`Runtime.getHeapUsage\` on its own DevTools target) every ` +
        `500 ms from the click to the end, ${count(heap.samples)} readings` +
        `${heap.failures ? ` (${counted(heap.failures, 'reading')} failed and were skipped)` : ''}; ` +
        'no collection is forced, so it is the heap as sync leaves it, garbage included. Memory outside ' +
        'V8 (IndexedDB’s backend in the browser process, network buffers) is not in it.',
      '- Save → shown: two fresh profiles synced to a second, small database (one rep on two computers: ' +
        'two users), each with its options page and the Gmail fixture with the panel open on Jane Cooper ' +
        `(northwind-trading.com). Each save is a new note sent with \`saveNote\` from A’s options page, as ` +
        'the panel sends it; B’s panel frame is polled every 25 ms for a note item with its text. The ' +
        'pages asking for the sync status keep replication live in both. ' +
        `${counted(shown.warmup, 'warm-up save')} not counted; after each save the benchmark waits ` +
        'until B is up to date and half a second more.',
      `- Load average (1 min): ${result.loadAverage.start.toFixed(2)} when the group started, ` +
        `${result.loadAverage.end.toFixed(2)} when it ended.`,
    ].join('\n'),
  ].join('\n\n');
}
