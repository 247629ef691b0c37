/** Content script size (group `size`): section 1. */
import type { ContentSizeResult } from '../content-size';
import { bytes, kib, ratio, table } from '../markdown';
import { status, type Verdict } from './verdict';

export function renderSize(size: ContentSizeResult, verdicts: Verdict[]): string {
  const over = size.scripts.filter((row) => row.bytes > size.budgetBytes);
  const largest = size.scripts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const verdict: Verdict = {
    metric: 'Content script size, each script as built',
    budget: `≤ ${bytes(size.budgetBytes)} each`,
    result: `largest ${largest.name}: ${bytes(largest.bytes)} (${bytes(largest.gzipBytes)} gzipped)`,
    how: 'bytes of each built content script file',
    ...(over.length && {
      missed: `over budget: ${over.map((row) => `${row.name} ${bytes(row.bytes)}`).join(', ')}`,
    }),
  };
  verdicts.push(verdict);
  const rows = size.scripts.map((row) => [
    row.name,
    row.note,
    bytes(row.bytes),
    kib(row.bytes),
    bytes(row.gzipBytes),
    `${((row.bytes / size.budgetBytes) * 100).toFixed(0)} %`,
    row.bytes > size.budgetBytes ? `**MISSED** by ${bytes(row.bytes - size.budgetBytes)}` : 'within budget',
  ]);
  const parts = [
    '## 1. Content script size',
    `Budget: ≤ ${bytes(size.budgetBytes)} (12 KiB) per content script, as built (minified). Status: ${status(verdict)}.`,
    table(['Script', 'Injected on', 'As built', '', 'Gzip -9', 'Of budget', 'Status'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
  ];
  if (size.baselines.length) {
    const ours = new Map(size.scripts.map((row) => [row.name, row]));
    parts.push(
      'Baselines, measured in the same run:',
      table(
        [
          'Baseline',
          'What',
          'As built',
          'Gzip -9',
          'Compared with',
          'Baseline ÷ ours (built)',
          'Baseline ÷ ours (gzip)',
        ],
        size.baselines.map((row) => {
          const mine = ours.get(row.compareWith);
          return [
            row.name,
            row.note,
            bytes(row.bytes),
            bytes(row.gzipBytes),
            row.compareWith,
            mine ? ratio(row.bytes / mine.bytes) : 'n/a',
            mine ? ratio(row.gzipBytes / mine.gzipBytes) : 'n/a',
          ];
        }),
        ['left', 'left', 'right', 'right', 'left', 'right', 'right'],
      ),
    );
  }
  parts.push(
    'How measured: every file in the built `manifest.json` `content_scripts[].js`, plus `content-generic.js` ' +
      '(registered at runtime for sites the rep adds), read from the build directory; "As built" is its size ' +
      'in bytes, "Gzip -9" the size after Node zlib gzip at level 9.',
  );
  return parts.join('\n\n');
}
