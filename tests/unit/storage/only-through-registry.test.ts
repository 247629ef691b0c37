/**
 * Every read and write of `storage.local` and `storage.session` goes through the registry
 * (lib/storage/), and the registry's lists hold every item it declares: so the keys tested for
 * uniqueness and compared with README.md are all the keys Dealside uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as currentItems from '../../../lib/storage/items';
import * as legacyItems from '../../../lib/storage/legacy-items';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const SOURCES = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles);

/** Direct use of the extension's storage API, or of another storage wrapper. */
const STORAGE_API = /\b(?:browser|chrome)\s*\.\s*storage\b|['"](?:wxt\/utils\/storage|@wxt-dev\/storage)['"]/;

/** Where the API itself is used: the registry, and the background closing both areas to content scripts. */
const ALLOWED: Record<string, string> = {
  'lib/storage/checked-item.ts': 'reads and writes every declared item',
  'lib/background/main.ts': 'setAccessLevel only: no key is read or written there',
};

describe('storage access', () => {
  it('is read through the registry: no other file uses the storage API', () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    const direct = SOURCES.filter((file) => STORAGE_API.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(direct.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('declares items only in the registry, and lists every item it declares', () => {
    const declaring = SOURCES.filter((file) =>
      // A declaration names its area first; lib/storage/define.ts passes its own `area` through to the plain check.
      /\bdefine(?:Legacy|Checked)?StorageItem\(\s*'/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    // The interface language is declared on its own (every page reads it, nothing else) and listed by items.ts.
    expect(declaring.sort()).toEqual([
      'lib/storage/items.ts',
      'lib/storage/legacy-items.ts',
      'lib/storage/ui-language.ts',
    ]);

    const isItem = (value: unknown) =>
      typeof value === 'object' && value !== null && 'key' in value && 'get' in value;
    expect(new Set(Object.values(currentItems).filter(isItem))).toEqual(new Set(currentItems.storageItems));
    expect(new Set(Object.values(legacyItems).filter(isItem))).toEqual(
      new Set(legacyItems.legacyStorageItems),
    );
  });
});
