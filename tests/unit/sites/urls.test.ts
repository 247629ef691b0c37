/**
 * URL detection, Refined-GitHub style: every adapter accepts its own example URLs and rejects its own
 * non-matches and every other adapter's examples. Every example is also covered by the adapter's
 * manifest match patterns.
 */
import { describe, expect, it } from 'vitest';
import * as dynamics from '../../../lib/sites/dynamics';
import * as generic from '../../../lib/sites/generic';
import * as gmail from '../../../lib/sites/gmail';
import * as hubspot from '../../../lib/sites/hubspot';
import * as netease from '../../../lib/sites/netease';
import * as outlook from '../../../lib/sites/outlook';
import * as pipedrive from '../../../lib/sites/pipedrive';
import * as qqmail from '../../../lib/sites/qqmail';
import { allSiteMatches, siteAdapters } from '../../../lib/sites/registry';

/** The first adapter whose URL test passes: the one whose content script reads the page. */
const adapterForUrl = (url: URL) => siteAdapters.find((adapter) => adapter.isSiteUrl(url));
import * as salesforce from '../../../lib/sites/salesforce';
import type { SiteAdapter } from '../../../lib/sites/types';
import * as zoho from '../../../lib/sites/zoho';

const modules: [SiteAdapter, { matches: string[]; nonMatches: string[] }][] = [
  [gmail.gmail, gmail.examples],
  [outlook.outlook, outlook.examples],
  [netease.netease, netease.examples],
  [qqmail.qqmail, qqmail.examples],
  [salesforce.salesforce, salesforce.examples],
  [hubspot.hubspot, hubspot.examples],
  [pipedrive.pipedrive, pipedrive.examples],
  [zoho.zoho, zoho.examples],
  [dynamics.dynamics, dynamics.examples],
  [generic.generic, generic.examples],
];

/** Chrome match-pattern semantics for `https://host/*` and `https://*.host/*`. */
function patternMatches(pattern: string, url: URL): boolean {
  const m = /^https:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m || url.protocol !== 'https:') return false;
  return m[1] ? url.hostname === m[2] || url.hostname.endsWith('.' + m[2]) : url.hostname === m[2];
}

describe('site URL detection', () => {
  it('registers every site adapter once, generic excluded', () => {
    expect(siteAdapters.map((a) => a.id)).toEqual(modules.slice(0, -1).map(([a]) => a.id));
  });

  describe.each(modules)('%s', (adapter, examples) => {
    const others = modules.filter(([a]) => a !== adapter).flatMap(([, e]) => e.matches);

    it.each(examples.matches)('matches %s', (url) => {
      expect(adapter.isSiteUrl(new URL(url))).toBe(true);
      expect(adapter.matches.some((p) => patternMatches(p, new URL(url)))).toBe(true);
      expect(adapterForUrl(new URL(url))?.id).toBe(adapter.id);
    });

    it.each([...examples.nonMatches, ...others])('does not match %s', (url) => {
      expect(adapter.isSiteUrl(new URL(url))).toBe(false);
    });
  });

  it('builds manifest patterns for https hosts only, never localhost', () => {
    const patterns = allSiteMatches();
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const p of patterns) {
      expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}\/\*$/);
      expect(p).not.toContain('localhost');
    }
    expect(patterns).toContain('https://mail.google.com/*');
    expect(patterns).toContain('https://*.crm4.dynamics.com/*');
  });

  it('finds no adapter for unrelated pages', () => {
    for (const url of [
      'https://example.com/',
      'https://northwind-trading.com/contact',
      'about:blank',
      'file:///tmp/x.html',
    ])
      expect(adapterForUrl(new URL(url))).toBeUndefined();
  });
});
