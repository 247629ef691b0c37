/**
 * Audits the built manifests against the design's boundaries 3, 5 and 6: least privilege, only the
 * supported sites, a tiny content script, no remote code and no way in for other extensions or pages.
 * Reads the build output only; no browser is launched.
 *
 * DEALSIDE_EXTENSION_DIR and DEALSIDE_FIREFOX_DIR point at another build (a copy, a second checkout).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteAdapters } from '../../lib/sites/registry';

const CHROME_DIR = path.resolve(process.env.DEALSIDE_EXTENSION_DIR ?? '.output/chrome-mv3');
const FIREFOX_DIR = path.resolve(process.env.DEALSIDE_FIREFOX_DIR ?? '.output/firefox-mv2');

/** Design, boundary 3: the whole content script, minified. */
const CONTENT_SCRIPT_BUDGET = 12 * 1024;

/**
 * Granted at runtime only, one origin at a time: custom CRM hosts and the sync server (HTTPS), or a sync
 * server on this computer (plain HTTP on the loopback names, never any other host).
 */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

const PERMISSIONS = ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting', 'sidePanel'];

interface ContentScript {
  matches: string[];
  js?: string[];
  css?: string[];
  exclude_matches?: string[];
  include_globs?: string[];
  all_frames?: boolean;
  match_about_blank?: boolean;
}

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  content_scripts?: ContentScript[];
};

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

const supportedMatches = new Set(siteAdapters.flatMap((adapter) => adapter.matches));

/**
 * A built script ends with its own code, not with a line naming its result: our scripts return none, so
 * such a line names a variable that does not exist and throws at the end of every run.
 */
async function expectNoResultLine(file: string): Promise<void> {
  const code = await readFile(file, 'utf8');
  expect(code.trimEnd(), file).not.toMatch(/\n[A-Za-z_$][\w$]*;$/);
}

/** The checks both browsers' content scripts must pass. */
async function auditContentScripts(dir: string, scripts: ContentScript[] | undefined): Promise<void> {
  expect(scripts?.length).toBe(siteAdapters.length);
  for (const script of scripts ?? []) {
    expect(script.matches.length).toBeGreaterThan(0);
    for (const match of script.matches) {
      expect(match).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
      expect(match).not.toMatch(/<all_urls>|^http:|localhost|127\.0\.0\.1|\[::1\]/);
      expect(supportedMatches.has(match), match).toBe(true);
    }
    // A content script in every frame would run inside other sites' embedded pages.
    expect(script.all_frames ?? false).toBe(false);
    expect(script.match_about_blank ?? false).toBe(false);
    expect(script.js?.length).toBeGreaterThan(0);
    for (const file of script.js ?? []) {
      const { size } = await stat(path.join(dir, file));
      expect(size, file).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
      await expectNoResultLine(path.join(dir, file));
    }
  }
  // Every supported site is covered by exactly the registry's patterns, nothing more.
  expect(new Set((scripts ?? []).flatMap((script) => script.matches))).toEqual(supportedMatches);
}

function auditContentSecurityPolicy(csp: unknown): void {
  if (csp === undefined) return;
  const policies = typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
  for (const policy of policies) {
    expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'wasm-unsafe-eval'|'unsafe-hashes'/);
    // No remote hosts, schemes or wildcards as sources.
    expect(policy).not.toMatch(/https?:|wss?:|data:|blob:|(^|\s)\*(\s|;|$)/);
  }
}

describe('the Chrome manifest', () => {
  let manifest: Manifest;

  beforeAll(async () => {
    manifest = await readManifest(CHROME_DIR);
  });

  it('is Manifest V3 with a service worker background', () => {
    expect(manifest.manifest_version).toBe(3);
    const background = manifest.background as Record<string, unknown>;
    expect(background.service_worker).toEqual(expect.any(String));
    expect(existsSync(path.join(CHROME_DIR, background.service_worker as string))).toBe(true);
    expect(background).not.toHaveProperty('scripts');
    expect(background).not.toHaveProperty('page');
  });

  it('asks for exactly the permissions it uses, and no host permissions up front', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.optional_permissions).toEqual(['downloads']);
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_ORIGINS);
  });

  it('runs small content scripts on the supported sites only', async () => {
    await auditContentScripts(CHROME_DIR, manifest.content_scripts);
    // The generic script for custom CRM hosts is registered at runtime; it has the same budget.
    const generic = path.join(CHROME_DIR, 'content-generic.js');
    if (existsSync(generic)) expect((await stat(generic)).size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
    // The popup's first script is built the same way.
    await expectNoResultLine(path.join(CHROME_DIR, 'popup-first.js'));
  });

  it('exposes only the panel page, on https pages, through the dynamic URL', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['panel.html'], matches: ['https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('keeps the default content security policy and lets nothing else connect', () => {
    auditContentSecurityPolicy(manifest.content_security_policy);
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('sandbox');
    expect(manifest).not.toHaveProperty('update_url');
  });
});

describe('the Firefox manifest', () => {
  let manifest: Manifest;

  beforeAll(async () => {
    manifest = await readManifest(FIREFOX_DIR);
  });

  it('has a gecko id and declares that it collects nothing', () => {
    const gecko = (manifest.browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)
      ?.gecko;
    expect(gecko?.id).toEqual(expect.stringMatching(/^[^@\s]+@[^@\s]+$/));
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('asks for the same permissions (Firefox has no side panel permission, nor host permissions up front)', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      PERMISSIONS.filter((permission) => permission !== 'sidePanel').sort(),
    );
    expect(manifest).not.toHaveProperty('host_permissions');
    // Manifest V2 has no optional_host_permissions: the optional origin is an optional permission.
    expect([...((manifest.optional_permissions as string[] | undefined) ?? [])].sort()).toEqual(
      ['downloads', ...OPTIONAL_ORIGINS].sort(),
    );
  });

  it('runs the same small content scripts on the supported sites only', async () => {
    await auditContentScripts(FIREFOX_DIR, manifest.content_scripts);
  });

  it('exposes only the panel page, keeps the default policy and lets nothing else connect', () => {
    expect(manifest.web_accessible_resources).toEqual(['panel.html']);
    auditContentSecurityPolicy(manifest.content_security_policy);
    expect(manifest).not.toHaveProperty('externally_connectable');
  });
});
