/**
 * Every site's adapter, fed its own fixtures after random damage — elements removed, moved, cloned,
 * attributes rewritten with hostile values, markup and addresses injected — never throws, always answers
 * with a well-formed page context, and finishes. (The read budget itself is measured by `npm run bench`;
 * the bound here only catches a hang.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageContextSchema } from '../../../lib/messaging/messages';
import { generic } from '../../../lib/sites/generic';
import { siteAdapters } from '../../../lib/sites/registry';

const root = join(__dirname, '../../fixtures/sites');
const fixtures = readdirSync(root)
  .filter((site) => statSync(join(root, site)).isDirectory())
  .flatMap((site) =>
    readdirSync(join(root, site))
      .filter((file) => file.endsWith('.html'))
      .map((file) => {
        const expected = JSON.parse(
          readFileSync(join(root, site, file.replace(/\.html$/, '.expected.json')), 'utf8'),
        ) as { url: string };
        // Frames stay inert: the test environment would try to load them.
        const html = readFileSync(join(root, site, file), 'utf8').replace(/<(\/?)iframe\b/g, '<$1x-iframe');
        return { site, file, html, url: new URL(expected.url) };
      }),
  );

/** Generous: reads take about a millisecond; only a runaway loop gets near this. */
const HANG_GUARD_MS = 2_000;

const hostileValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'display:none',
    'true',
    '<img src=x onerror=alert(1)>',
    'jane [at] northwind-trading.com',
    'mailto:a@b.co,c@d.co?subject=x',
    'x'.repeat(5_000),
    'Mr. Dr. Prof. ',
    '收件人：',
    'cc:',
  ),
  fc.emailAddress(),
);

type Mutation =
  | { kind: 'remove'; pick: number }
  | { kind: 'clone'; pick: number }
  | { kind: 'move'; pick: number; to: number }
  | { kind: 'attribute'; pick: number; name: string; value: string }
  | { kind: 'text'; pick: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('clone' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('attribute' as const),
    pick: fc.nat(),
    name: fc.constantFrom(
      'email',
      'name',
      'hidden',
      'aria-hidden',
      'style',
      'role',
      'aria-label',
      'href',
      'title',
      'data-hovercard-id',
      'class',
      'value',
    ),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), value: hostileValue }),
);

function apply(document: Document, change: Mutation): void {
  const elements = document.body ? [...document.body.querySelectorAll('*')] : [];
  if (elements.length === 0) return;
  const target = elements[change.pick % elements.length]!;
  switch (change.kind) {
    case 'remove':
      target.remove();
      break;
    case 'clone':
      target.after(target.cloneNode(true));
      break;
    case 'move': {
      const destination = elements[change.to % elements.length]!;
      if (!target.contains(destination)) destination.append(target);
      break;
    }
    case 'attribute':
      target.setAttribute(change.name, change.value);
      break;
    case 'text':
      target.textContent = change.value;
      break;
  }
}

describe('adapters on randomly damaged fixtures', () => {
  it.each(fixtures)('$site/$file', ({ site, html, url }) => {
    const adapter =
      site === 'generic' ? generic : siteAdapters.find((candidate) => candidate.isSiteUrl(url))!;
    let slowest = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (changes) => {
        const document = new DOMParser().parseFromString(html, 'text/html');
        for (const change of changes) apply(document, change);
        const started = performance.now();
        const context = adapter.readPage(document, url);
        slowest = Math.max(slowest, performance.now() - started);
        expect(context.site).toBe(site);
        // Whatever the page became, the report is one the background accepts.
        expect(pageContextSchema.safeParse(context).success).toBe(true);
      }),
      { numRuns: 40 },
    );
    expect(slowest).toBeLessThan(HANG_GUARD_MS);
  });
});
