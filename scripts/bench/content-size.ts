/**
 * Content script size: every script the built manifest injects, plus `content-generic.js` (registered at
 * runtime for the rep's own sites), as built (minified) and gzipped. The budget applies to the built bytes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { THIRD_PARTY_BASELINES } from './size-baselines';

export const CONTENT_SCRIPT_BUDGET_BYTES = 12 * 1024;

/** Registered at runtime, so not in the manifest's `content_scripts`. */
const RUNTIME_SCRIPTS = ['content-generic.js'];

export interface SizeRow {
  /** File name for our scripts, a label for baselines. */
  name: string;
  /** Hosts the script is injected on (first one and a count), or what a baseline is. */
  note: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Something else's size measured in the same run for comparison (e.g. a third-party Gmail library as
 * shipped in node_modules). `resolve` returns the file to measure; `compareWith` names our script it is
 * compared with.
 */
export interface SizeBaseline {
  label: string;
  note: string;
  resolve(): Promise<string>;
  compareWith: string;
}

/** Baselines measured by every run: third-party Gmail libraries (see size-baselines.ts). */
export const SIZE_BASELINES: SizeBaseline[] = THIRD_PARTY_BASELINES;

export interface ContentSizeResult {
  budgetBytes: number;
  scripts: SizeRow[];
  baselines: (SizeRow & { compareWith: string })[];
}

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
}

async function measure(file: string): Promise<{ bytes: number; gzipBytes: number }> {
  const content = await readFile(file);
  return { bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
}

function hostsNote(matches: string[]): string {
  const hosts = matches.map((match) => `\`${match.replace(/^https:\/\/|\/\*$/g, '')}\``);
  return hosts.length === 1 ? hosts[0]! : `${hosts[0]} +${hosts.length - 1}`;
}

export async function measureContentSize(extensionDir: string): Promise<ContentSizeResult> {
  const manifest = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ManifestContentScript[];
  };
  const entries = new Map<string, string[]>();
  for (const script of manifest.content_scripts ?? [])
    for (const js of script.js ?? [])
      entries.set(js, [...(entries.get(js) ?? []), ...(script.matches ?? [])]);
  for (const js of RUNTIME_SCRIPTS) if (!entries.has(js)) entries.set(js, []);
  if (entries.size === 0) throw new Error(`No content scripts found in ${extensionDir}/manifest.json`);

  const scripts: SizeRow[] = [];
  for (const [js, matches] of entries)
    scripts.push({
      name: js,
      note: matches.length ? hostsNote(matches) : 'custom sites (registered at runtime)',
      ...(await measure(path.join(extensionDir, js))),
    });

  const baselines: ContentSizeResult['baselines'] = [];
  for (const baseline of SIZE_BASELINES)
    baselines.push({
      name: baseline.label,
      note: baseline.note,
      compareWith: baseline.compareWith,
      ...(await measure(await baseline.resolve())),
    });

  return { budgetBytes: CONTENT_SCRIPT_BUDGET_BYTES, scripts, baselines };
}
