/**
 * README.md's "Where your data lives" tells the rep what Dealside keeps where. Its rows about the
 * extension's storage name each key in backticks; they must be exactly the registry's keys, in the same
 * area, with the keys of older versions (rows that say "older versions") marked legacy in the registry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storageItems } from '../../../lib/storage/items';
import { legacyStorageItems } from '../../../lib/storage/legacy-items';

const README = path.resolve(__dirname, '../../../README.md');

interface NamedKey {
  area: string;
  key: string;
  legacy: boolean;
}

/** The rows of the table under `heading`, each as its cells' text. */
function tableRows(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  // Without the header and the line under it.
  return rows.slice(2);
}

/** The keys the table names: backticked names in the "what" cell, the area from the "where" cell. */
function keysNamedInReadme(): NamedKey[] {
  const named: NamedKey[] = [];
  for (const [what = '', where = ''] of tableRows(readFileSync(README, 'utf8'), '## Where your data lives')) {
    const keys = [...what.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const areas = [...where.matchAll(/`storage\.(local|session)`/g)].map((match) => match[1]!);
    if (keys.length === 0 && areas.length === 0) continue;
    // A row about the extension's storage names its keys and exactly one area.
    expect({ row: what, areas: new Set(areas).size }).toEqual({ row: what, areas: 1 });
    expect({ row: what, keys: keys.length > 0 }).toEqual({ row: what, keys: true });
    for (const key of keys) named.push({ area: areas[0]!, key, legacy: /older versions/.test(what) });
  }
  return named;
}

const inRegistry: NamedKey[] = [...storageItems, ...legacyStorageItems].map(({ area, key, legacy }) => ({
  area,
  key,
  legacy,
}));

describe("README's data table", () => {
  it('names only keys the registry declares, each in its area and as legacy or not', () => {
    const inReadme = keysNamedInReadme();
    for (const named of inReadme) expect(inRegistry).toContainEqual(named);
    expect(new Set(inReadme.map((named) => named.key)).size).toBe(inReadme.length);
  });

  it('names every key the registry declares', () => {
    const inReadme = keysNamedInReadme();
    for (const item of inRegistry) expect(inReadme).toContainEqual(item);
  });
});
