import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = path.resolve('public/_locales');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const read = (locale: string): Catalogue =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Catalogue;

const english = read('en');
const locales = readdirSync(LOCALES_DIR);

describe('UI text catalogues', () => {
  it('ship English and Simplified Chinese', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
  });

  it.each(locales.filter((locale) => locale !== 'en'))(
    '%s has every English key, with the same placeholders',
    (locale) => {
      const catalogue = read(locale);
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(english)) {
        expect(Object.keys(catalogue[key]?.placeholders ?? {}), key).toEqual(
          Object.keys(entry.placeholders ?? {}),
        );
        expect(catalogue[key]?.message.trim(), key).not.toBe('');
      }
    },
  );

  it('Chinese text is really Chinese where English has words', () => {
    const chinese = read('zh_CN');
    const untranslated = Object.keys(english).filter(
      (key) =>
        key !== 'extName' &&
        /[a-z]{3}/i.test(english[key]!.message) &&
        !/[\u4e00-\u9fff]/.test(chinese[key]!.message),
    );
    expect(untranslated).toEqual([]);
  });

  it('every key used in the code exists', () => {
    const sources = ['components', 'entrypoints', 'lib'].flatMap((dir) => listSources(path.resolve(dir)));
    const used = new Set<string>();
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:t|getMessage)\('([A-Za-z0-9_]+)'/g))
        used.add(match[1]!);
    }
    expect([...used].filter((key) => !(key in english))).toEqual([]);
  });
});

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}
