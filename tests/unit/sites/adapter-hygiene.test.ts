/**
 * Every site adapter file in lib/sites/ is complete: URL examples and non-examples beside it, a content
 * script entrypoint that runs it, an entry in the registry (the manifest's matches come from there), and
 * at least three fixture pages whose provenance tests/fixtures/sites/SOURCES.md records under the site's
 * heading. The directory is walked, so a new adapter cannot skip any of it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAdapters } from '../../../lib/sites/registry';
import type { SiteAdapter } from '../../../lib/sites/types';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/sites');
const MIN_FIXTURES = 3;

/** Modules of lib/sites/ that are not adapters. */
const SHARED = new Set(['dom', 'types', 'registry', 'semantic']);

interface AdapterModule {
  examples?: { matches?: string[]; nonMatches?: string[] };
  [name: string]: unknown;
}

const modules = Object.entries(import.meta.glob<AdapterModule>('../../../lib/sites/*.ts', { eager: true }))
  .map(([file, module]) => ({ file: path.basename(file, '.ts'), module }))
  .filter(({ file }) => !SHARED.has(file));

const adapterOf = (module: AdapterModule): SiteAdapter | undefined =>
  Object.values(module).find(
    (value): value is SiteAdapter =>
      typeof value === 'object' && value !== null && 'readPage' in value && 'isSiteUrl' in value,
  );

/** The fixture pages SOURCES.md lists under one `## ` heading, by file name. */
function sourcesListed(heading: string): Set<string> {
  const text = readFileSync(path.join(FIXTURES, 'SOURCES.md'), 'utf8');
  const sections = text.split(/^## /m).slice(1);
  const section = sections.find((s) => s.split('\n')[0]!.trim().toLowerCase() === heading.toLowerCase());
  return new Set(section?.match(/[\w.-]+\.html/g) ?? []);
}

/** SOURCES.md headings per adapter id. */
const HEADINGS: Record<string, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook on the web',
  netease: 'NetEase mail',
  qqmail: 'QQ Mail',
  salesforce: 'Salesforce Lightning',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  dynamics: 'Dynamics 365',
  generic: 'Other sites (generic reader)',
};

describe('site adapter hygiene', () => {
  it('finds every adapter module', () => {
    expect(modules.map((m) => m.file).sort()).toEqual([...siteAdapters.map((a) => a.id), 'generic'].sort());
  });

  describe.each(modules)('$file', ({ file, module }) => {
    const adapter = adapterOf(module);

    it('exports one adapter whose id is the file name', () => {
      expect(adapter?.id).toBe(file);
    });

    it('lists example URLs it matches and URLs it must not match', () => {
      expect(module.examples?.nonMatches?.length ?? 0).toBeGreaterThan(0);
      // The generic reader runs only on hosts the rep adds, so it has no URLs of its own.
      if (file !== 'generic') expect(module.examples?.matches?.length ?? 0).toBeGreaterThan(0);
    });

    it('has a content script entrypoint and a registry entry (custom sites: the generic script)', () => {
      const entry = readFileSync(path.join(ROOT, `entrypoints/content-${file}.ts`), 'utf8');
      expect(entry).toMatch(new RegExp(`runContentScript\\(${file}[,)]`));
      if (file !== 'generic') expect(siteAdapters).toContain(adapter);
      else expect(siteAdapters).not.toContain(adapter);
    });

    it(`has at least ${MIN_FIXTURES} fixtures, each with its provenance in SOURCES.md`, () => {
      const dir = path.join(FIXTURES, file);
      const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
      expect(pages.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
      const listed = sourcesListed(HEADINGS[file] ?? file);
      for (const page of pages) expect(listed, `${file}/${page} in SOURCES.md`).toContain(page);
      for (const page of pages)
        expect(existsSync(path.join(dir, page.replace(/\.html$/, '.expected.json'))), page).toBe(true);
    });
  });
});
