/**
 * Table-driven: every fixture page under tests/fixtures/sites/<site>/<name>.html is read by the adapter its
 * expected URL selects (the generic adapter for `generic/`), and the result must equal
 * `<name>.expected.json`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generic } from '../../../lib/sites/generic';
import { siteAdapters } from '../../../lib/sites/registry';
import type { PageContext } from '../../../lib/messaging/messages';

const root = join(__dirname, '../../fixtures/sites');
const cases = readdirSync(root)
  .filter((site) => statSync(join(root, site)).isDirectory())
  .flatMap((site) =>
    readdirSync(join(root, site))
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ site, file })),
  );

describe('site fixtures', () => {
  it('has at least two fixtures per site', () => {
    const sites = new Set(cases.map((c) => c.site));
    for (const site of sites)
      expect(cases.filter((c) => c.site === site).length, site).toBeGreaterThanOrEqual(2);
    expect(sites.size).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('$site/$file', ({ site, file }) => {
    const html = readFileSync(join(root, site, file), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(root, site, file.replace(/\.html$/, '.expected.json')), 'utf8'),
    ) as {
      url: string;
      context: PageContext;
    };
    const url = new URL(expected.url);
    const adapter = site === 'generic' ? generic : siteAdapters.find((candidate) => candidate.isSiteUrl(url));
    expect(adapter?.id).toBe(site);
    const doc = new DOMParser().parseFromString(inertFrames(html), 'text/html');
    expect(adapter!.readPage(doc, url)).toEqual(expected.context);
  });
});

/** Frame contents are separate documents that adapters never read; keep happy-dom from trying to load them. */
function inertFrames(html: string): string {
  return html.replace(/<(\/?)iframe\b/g, '<$1x-iframe');
}
