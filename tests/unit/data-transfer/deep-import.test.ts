/**
 * A crafted import file nested far deeper than any export: refused with a clear reason before anything
 * walks it, and nothing written. (Before the depth limit, 40,000 levels kept the background busy for
 * most of a minute, and 100,000 for far longer.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: () => () => undefined,
}));

const { applyImport, previewImport, uploadImportChunk } =
  await import('../../../lib/background/handlers/options-data');
const { database } = await import('../../../lib/background/db-connection');
const { splitText } = await import('../../../lib/data-transfer/chunks');
const { DATA_STORES } = await import('../../../lib/data-transfer/format');
const { MAX_IMPORT_DEPTH } = await import('../../../lib/data-transfer/limits');
const { findStructureProblem, jsonNestsDeeperThan, readImportJson, readImportText } =
  await import('../../../lib/data-transfer/read-import');
const { problemSummary } = await import('../../../components/options/data/text');
const { DEFAULT_PLAYBOOK } = await import('../../../lib/playbook/default-playbook');
const { DEFAULT_SETTINGS } = await import('../../../lib/settings/schema');
const { sampleFile } = await import('./rows');

const LEVELS = 100_000;
const nestedObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const nestedLists = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** A valid export whose `field` holds `nested` (raw JSON text). */
function exportWith(field: string, nested: string): string {
  return JSON.stringify({ ...sampleFile(), [field]: '__NESTED__' }).replace('"__NESTED__"', nested);
}

async function upload(text: string): Promise<string> {
  const uploadId = crypto.randomUUID();
  const chunks = splitText(text, 100_000);
  for (const [index, chunk] of chunks.entries()) {
    expect(uploadImportChunk({ uploadId, index, count: chunks.length, text: chunk })).toMatchObject({
      ok: true,
    });
  }
  return uploadId;
}

const tooDeep = { ok: false, problem: { kind: 'too-deep', limit: MAX_IMPORT_DEPTH } };

describe('an import file nested deeper than an export', () => {
  beforeEach(async () => {
    const db = await database();
    for (const store of DATA_STORES) await db.clear(store);
    await fakeBrowser.storage.local.clear();
  });

  it('is refused at 100,000 levels, wherever the nesting is', () => {
    for (const field of ['extra', 'settings', 'playbook', 'notes']) {
      expect(readImportText(exportWith(field, nestedObjects(LEVELS)))).toEqual(tooDeep);
      expect(readImportText(exportWith(field, nestedLists(LEVELS)))).toEqual(tooDeep);
    }
    expect(readImportText(nestedLists(LEVELS))).toEqual(tooDeep);
  });

  it('is refused one level past the limit, and a file at the limit is read', () => {
    // The file itself is the first level, its field the second.
    const atLimit = exportWith('extra', nestedObjects(MAX_IMPORT_DEPTH - 1));
    const pastLimit = exportWith('extra', nestedObjects(MAX_IMPORT_DEPTH));
    expect(readImportText(atLimit)).toMatchObject({ ok: true });
    expect(readImportText(pastLimit)).toEqual(tooDeep);
    // A value parsed elsewhere is held to the same limit.
    expect(readImportJson(JSON.parse(pastLimit))).toEqual(tooDeep);
    expect(readImportJson(JSON.parse(atLimit))).toMatchObject({ ok: true });
  });

  it('leaves a real export, playbook and settings included, well inside the limit', () => {
    const file = JSON.stringify({ ...sampleFile(), playbook: DEFAULT_PLAYBOOK, settings: DEFAULT_SETTINGS });
    expect(jsonNestsDeeperThan(file, MAX_IMPORT_DEPTH / 4)).toBe(false);
    expect(readImportText(file)).toMatchObject({ ok: true });
  });

  it('counts brackets inside strings as text, escaped quotes included', () => {
    const brackets = '[{'.repeat(LEVELS);
    const file = JSON.stringify({ ...sampleFile(), exportedAt: '2025-06-12T09:30:00.000Z' }).replace(
      '"body":"Note n1"',
      `"body":${JSON.stringify(`say "${brackets}" \\ ${brackets}`)}`,
    );
    expect(jsonNestsDeeperThan(file, MAX_IMPORT_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan('["\\"", [[]]]', 2)).toBe(true);
    expect(jsonNestsDeeperThan('["\\\\", [[]]]', 2)).toBe(true);
    expect(jsonNestsDeeperThan('["\\\\[[[", []]', 2)).toBe(false);
  });

  it('names the path of a forbidden key found deep in a legal file', () => {
    const value = JSON.parse('{"a":[{"b":[[{"c":{"__proto__":1}}]]}]}') as unknown;
    expect(findStructureProblem(value, MAX_IMPORT_DEPTH)).toEqual({
      kind: 'forbidden-key',
      path: 'a[0].b[0][0].c.__proto__',
    });
    expect(findStructureProblem(value, 5)).toEqual({ kind: 'too-deep' });
  });

  it('is answered with the reason in the rep’s words, and nothing is written', async () => {
    const text = exportWith('extra', nestedObjects(LEVELS));
    expect(await previewImport({ uploadId: await upload(text) })).toEqual(tooDeep);
    expect(
      await applyImport({ uploadId: await upload(text), replacePlaybook: true, replaceSettings: true }),
    ).toEqual(tooDeep);
    const db = await database();
    for (const store of DATA_STORES) expect(await db.count(store)).toBe(0);
    expect(problemSummary({ kind: 'too-deep', limit: MAX_IMPORT_DEPTH }, 'en')).toBe(
      `The file nests its data more than ${MAX_IMPORT_DEPTH} levels deep, which no Dealside export does. Nothing was imported.`,
    );
  });
});
