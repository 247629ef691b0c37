/** Memory of the content script and the panel (group `memory`): section 9. */
import { count, kib, table } from '../markdown';
import type { MemoryResult } from '../memory';
import type { Summary } from '../stats';
import { status, type Verdict } from './verdict';

const mib = (value: number): string => `${(value / 1024 / 1024).toFixed(2)} MiB`;

/** A heap difference, which can come out slightly negative when a collection frees a little more. */
const heapBytes = (value: number): string => (Math.abs(value) >= 1024 * 1024 ? mib(value) : kib(value));

function heapRows(s: Summary): string[] {
  return [String(s.n), heapBytes(s.median), heapBytes(s.p95), heapBytes(s.min), heapBytes(s.max)];
}

export function renderMemory(memory: MemoryResult, verdicts: Verdict[]): string {
  const sizeVerdicts = memory.pages.map((page): Verdict => {
    const size = `${count(page.elementCount)}-element page`;
    return {
      metric: `JS heap of the content script, ${size}`,
      budget: `≤ ${mib(memory.contentBudgetBytes)} (median)`,
      result: `${heapBytes(page.contentScript.median)} median, ${heapBytes(page.contentScript.p95)} p95 over the page alone (${mib(page.withoutContentScript.median)})`,
      how: 'page renderer heap minus the same HTML where no content script runs',
      ...(page.contentScript.median > memory.contentBudgetBytes && {
        missed: `${heapBytes(page.contentScript.median)} median is over ${mib(memory.contentBudgetBytes)}`,
      }),
    };
  });
  const panelVerdicts = memory.pages.map((page): Verdict => ({
    metric: `JS heap of the panel, ${count(memory.notesInAccount)}-note account, ${count(page.elementCount)}-element page`,
    budget: `≤ ${mib(memory.panelBudgetBytes)} (median)`,
    result: `${heapBytes(page.panel.median)} median, ${heapBytes(page.panel.p95)} p95`,
    how: 'extension renderer heap with the panel open minus just before',
    ...(page.panel.median > memory.panelBudgetBytes && {
      missed: `${heapBytes(page.panel.median)} median is over ${mib(memory.panelBudgetBytes)}`,
    }),
  }));
  const { measured, warmup } = memory;
  const growthVerdict: Verdict = {
    metric:
      `Heap growth over ${count(memory.navigations)} in-app navigations after ` +
      `${count(memory.warmupNavigations)} warm-up ones (content script; panel)`,
    budget: `≤ ${kib(memory.growthBudgetBytes)} each`,
    result: `content script ${heapBytes(measured.contentScript)}; panel ${heapBytes(measured.panel)}`,
    how: 'heap after the navigations minus before, the page’s own growth subtracted',
    ...((measured.contentScript > memory.growthBudgetBytes || measured.panel > memory.growthBudgetBytes) && {
      missed: `content script ${heapBytes(measured.contentScript)}, panel ${heapBytes(measured.panel)}: over ${kib(memory.growthBudgetBytes)}`,
    }),
  };
  verdicts.push(...sizeVerdicts, ...panelVerdicts, growthVerdict);
  const rows = memory.pages.flatMap((page, i) => [
    [
      `Content script, ${count(page.elementCount)} elements`,
      ...heapRows(page.contentScript),
      status(sizeVerdicts[i]),
    ],
    [
      `Blink heap beside it (DOM and engine objects), ${count(page.elementCount)} elements`,
      ...heapRows(page.contentScriptEngine),
      'reported',
    ],
    [
      `Baseline — the page alone, ${count(page.elementCount)} elements`,
      ...heapRows(page.withoutContentScript),
      'baseline',
    ],
    [
      `Panel (${count(page.notesShown)} notes shown), ${count(page.elementCount)} elements`,
      ...heapRows(page.panel),
      status(panelVerdicts[i]),
    ],
  ]);
  return [
    '## 9. Memory of the content script and the panel',
    `Budgets: content script ≤ ${mib(memory.contentBudgetBytes)} of JS heap added to the page; panel ` +
      `≤ ${mib(memory.panelBudgetBytes)}; growth over ${count(memory.navigations)} in-app navigations ≤ ` +
      `${kib(memory.growthBudgetBytes)} for each once warmed up.`,
    table(['What (JS heap unless named)', 'n', 'Median', 'p95', 'Min', 'Max', 'Status'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
    table(
      ['In-app navigations', 'Content script', 'Page alone (subtracted)', 'Panel', 'Status'],
      [
        [
          `first ${count(memory.warmupNavigations)} (warm-up)`,
          heapBytes(warmup.contentScript),
          heapBytes(warmup.pageWithout),
          heapBytes(warmup.panel),
          'reported',
        ],
        [
          `next ${count(memory.navigations)}`,
          heapBytes(measured.contentScript),
          heapBytes(measured.pageWithout),
          heapBytes(measured.panel),
          status(growthVerdict),
        ],
      ],
      ['left', 'right', 'right', 'right', 'left'],
    ),
    [
      '- On the large database of section 5, the large Gmail-like thread (tests/fixtures/sites/large-gmail.ts) ' +
        `is served at a real Gmail address; its customer belongs to the account with ${count(memory.notesInAccount)} ` +
        'notes, so the panel holds the most a panel loads. Every load is a fresh tab; the heap is read once the ' +
        'panel shows the customer and the notes and the page has been quiet for a moment.',
      '- Chromium has one V8 heap per renderer process, so each figure is a difference against a baseline in ' +
        'the same run. Content script: the page’s renderer (page world and the content script’s isolated world ' +
        'share it) minus the same HTML served at an address no content script matches, loaded right after. ' +
        'The panel is an extension frame in the extension’s own process, so it is in neither. Panel: the ' +
        'extension renderer with the panel open minus the same renderer just before the tab opened.',
      '- Every reading follows three forced garbage collections (DevTools protocol `HeapProfiler.collectGarbage`) ' +
        'and is `Runtime.getHeapUsage`: `usedSize` (V8) and, reported beside the content script, ' +
        '`embedderHeapUsedSize` (Blink: the panel’s host element, its shadow root and frame element, and the ' +
        'DOM wrappers the reads touch).',
      `- Growth: one tab of each kind, ${count(memory.warmupNavigations + memory.navigations)} times ` +
        '`history.pushState` and another customer’s thread swapped into `div[role=main]` (four customers in ' +
        'turn); the tab with the content script waits for the panel to show each customer. The page’s own ' +
        'growth (the tab without the content script, same changes) is subtracted from the content script’s. ' +
        'The first navigations fill caches and compiled code (formatters, the renderer’s own pools), so ' +
        'growth is judged over the navigations after them; a leak keeps growing there. The extension ' +
        `renderer with the panel: ${mib(memory.panelHeap.start)} at the start, ${mib(memory.panelHeap.warm)} ` +
        `after the warm-up, ${mib(memory.panelHeap.end)} at the end.`,
    ].join('\n'),
  ].join('\n\n');
}
