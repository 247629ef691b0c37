/**
 * Reads an import file's text into a validated export, or says precisely why not. Runs in the
 * background (the receiver validates); never throws, and never trusts anything about the file: its size,
 * its JSON, its envelope, the number of rows, every row (strict record schemas), duplicate ids, and keys
 * such as `__proto__` that only a crafted file has.
 */
import { z } from 'zod';
import { DB_VERSION } from '../db/migrations';
import type { StoreName } from '../db/schema';
import { errorText } from '../error-text';
import { withDealsFromAccounts } from './before-deals';
import { formatPath, parsePlaybook, PLAYBOOK_FORMAT } from '../playbook/schema';
import { settingsSchema } from '../settings/schema';
import {
  DATA_STORES,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  FIRST_SCHEMA_WITH_DEALS,
  importRowSchemas,
  legacyAccountImportSchema,
  rowKey,
  STORES_ADDED_LATER,
  UNIQUE_ROW_FIELDS,
  type DealsideExport,
  type StoreRows,
} from './format';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_DEPTH,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ISSUES,
} from './limits';
import type { ImportIssue, ImportProblem } from './types';

export type ReadImportResult = { ok: true; file: DealsideExport } | { ok: false; problem: ImportProblem };

/** Keys a JSON file can carry that would reach an object's prototype if anything copied them naively. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

/**
 * The file's settings, checked field by field without the read-time fallbacks (a wrong type is an error
 * here, not a silent default). Fields missing from an older file take their defaults; fields a newer
 * version added are ignored.
 */
const importSettingsSchema = z.object(
  Object.fromEntries(
    Object.entries(settingsSchema.shape).map(([name, field]) => [
      name,
      (field instanceof z.ZodCatch ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  ),
);

class Issues {
  readonly list: ImportIssue[] = [];
  more = 0;
  add(path: string, message: string): void {
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ path, message });
    else this.more++;
  }
  get full(): boolean {
    return this.list.length >= MAX_REPORTED_ISSUES;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when the JSON text nests objects and lists deeper than `limit`. A plain scan of the characters, so
 * a crafted file is refused before it is parsed or walked: the parser is fine with deep text, but every
 * walk after it would pay for each level.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* backslash */) index++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/** One object or list met on the walk; the path to it is spelt out only when it is reported. */
interface WalkStep {
  value: object;
  depth: number;
  parent: WalkStep | undefined;
  key: string | number | undefined;
}

function pathOf(step: WalkStep, lastKey: string): string {
  const path: (string | number)[] = [lastKey];
  for (let current: WalkStep | undefined = step; current?.key !== undefined; current = current.parent) {
    path.push(current.key);
  }
  return formatPath(path.reverse());
}

export type StructureProblem = { kind: 'too-deep' } | { kind: 'forbidden-key'; path: string };

/**
 * The first thing in a parsed value's structure that no export has: nesting deeper than `maxDepth`
 * (objects and lists, the value itself counting as the first level) or a forbidden key, as a path. Walks
 * iteratively in time proportional to the value's size, and never below `maxDepth`.
 */
export function findStructureProblem(value: unknown, maxDepth: number): StructureProblem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: WalkStep[] = [{ value, depth: 1, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (step.depth > maxDepth) return { kind: 'too-deep' };
    const entries: [string | number, unknown][] = Array.isArray(step.value)
      ? step.value.map((item: unknown, index) => [index, item])
      : Object.entries(step.value);
    for (const [key] of entries) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        return { kind: 'forbidden-key', path: pathOf(step, key) };
      }
    }
    // Pushed last to first, so the walk goes down the first key first.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index]!;
      if (typeof item === 'object' && item !== null) {
        stack.push({ value: item, depth: step.depth + 1, parent: step, key });
      }
    }
  }
  return undefined;
}

/** The first forbidden key anywhere in the value, as a path (at any depth). */
export function findForbiddenKey(value: unknown): string | undefined {
  const problem = findStructureProblem(value, Number.POSITIVE_INFINITY);
  return problem?.kind === 'forbidden-key' ? problem.path : undefined;
}

function issueMessages(error: z.ZodError, prefix: (string | number)[], issues: Issues): void {
  for (const issue of error.issues) {
    issues.add(formatPath([...prefix, ...issue.path]), issue.message);
    if (issues.full) return;
  }
}

function readRows<S extends StoreName>(
  store: S,
  value: unknown,
  issues: Issues,
  schemaVersion: number,
): StoreRows[S] {
  const beforeDeals = schemaVersion < FIRST_SCHEMA_WITH_DEALS;
  // A store added after the file was written is absent from it (deals of older files come from accounts).
  if (value === undefined && STORES_ADDED_LATER.has(store)) return [] as unknown as StoreRows[S];
  if (!Array.isArray(value)) {
    issues.add(store, value === undefined ? 'Missing: expected a list of rows' : 'Expected a list of rows');
    return [];
  }
  const schema: z.ZodType =
    beforeDeals && store === 'accounts' ? legacyAccountImportSchema : importRowSchemas[store];
  const rows: unknown[] = [];
  const firstIndexOfKey = new Map<string, number>();
  const unique = UNIQUE_ROW_FIELDS[store];
  const firstIndexOfUnique = new Map<unknown, number>();
  for (let index = 0; index < value.length; index++) {
    const parsed = schema.safeParse(value[index]);
    if (!parsed.success) {
      issueMessages(parsed.error, [store, index], issues);
      if (issues.full && index < value.length - 1) {
        // A file this broken has said enough; reading on would only cost time. "More" is all we know.
        issues.more = Math.max(issues.more, 1);
        break;
      }
      continue;
    }
    const key = rowKey(store, parsed.data);
    const first = firstIndexOfKey.get(key);
    if (first !== undefined) {
      issues.add(formatPath([store, index]), `Duplicate of ${formatPath([store, first])} (same key)`);
      continue;
    }
    if (unique) {
      const uniqueValue = (parsed.data as Record<string, unknown>)[unique.field];
      const firstWithValue = firstIndexOfUnique.get(uniqueValue);
      if (firstWithValue !== undefined) {
        issues.add(
          formatPath([store, index, unique.field]),
          `Duplicate of ${formatPath([store, firstWithValue])} (${unique.meaning})`,
        );
        continue;
      }
      firstIndexOfUnique.set(uniqueValue, index);
    }
    firstIndexOfKey.set(key, index);
    rows.push(parsed.data);
  }
  return rows as StoreRows[S];
}

/** Validates a parsed JSON value as an export file. */
export function readImportJson(json: unknown): ReadImportResult {
  if (!isPlainObject(json)) return { ok: false, problem: { kind: 'not-export' } };
  if (json.format === PLAYBOOK_FORMAT) return { ok: false, problem: { kind: 'playbook-file' } };
  if (json.format !== EXPORT_FORMAT) return { ok: false, problem: { kind: 'not-export' } };
  if (json.version !== EXPORT_VERSION) {
    return {
      ok: false,
      problem: { kind: 'unsupported-version', version: String(json.version), supported: EXPORT_VERSION },
    };
  }
  const schemaVersion = json.schemaVersion;
  // Rows of an older database version have that version's changes replayed on them: a migration that
  // changes a row's shape adds its step here (version 4, deals: ./before-deals.ts).
  if (typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion > DB_VERSION) {
    return { ok: false, problem: { kind: 'newer-schema', schemaVersion, supported: DB_VERSION } };
  }

  for (const store of DATA_STORES) {
    const rows = json[store];
    if (Array.isArray(rows) && rows.length > MAX_IMPORT_ROWS[store]) {
      return {
        ok: false,
        problem: { kind: 'too-many-rows', store, count: rows.length, limit: MAX_IMPORT_ROWS[store] },
      };
    }
  }

  const issues = new Issues();
  const structure = findStructureProblem(json, MAX_IMPORT_DEPTH);
  if (structure?.kind === 'too-deep')
    return { ok: false, problem: { kind: 'too-deep', limit: MAX_IMPORT_DEPTH } };
  if (structure?.kind === 'forbidden-key') {
    issues.add(structure.path, 'This key is not allowed in a Dealside file');
    return { ok: false, problem: { kind: 'invalid', issues: issues.list, moreIssues: 0 } };
  }
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    issues.add('schemaVersion', `Expected a whole number from 1 to ${DB_VERSION}`);
  }
  if (typeof json.exportedAt !== 'string' || json.exportedAt.length > 40) {
    issues.add('exportedAt', 'Expected the date the file was made');
  }

  const rows = {} as StoreRows;
  for (const store of DATA_STORES) {
    (rows as Record<StoreName, unknown[]>)[store] = issues.full
      ? []
      : readRows(store, json[store], issues, schemaVersion as number);
  }

  let playbook: DealsideExport['playbook'] = null;
  if (json.playbook !== null && json.playbook !== undefined) {
    const parsed = parsePlaybook(json.playbook);
    if (parsed.ok) playbook = parsed.playbook;
    else
      for (const error of parsed.errors)
        issues.add(error.path ? `playbook.${error.path}` : 'playbook', error.message);
  }

  let settings = settingsSchema.parse({});
  if (json.settings !== undefined) {
    const parsed = importSettingsSchema.safeParse(json.settings);
    if (parsed.success) settings = settingsSchema.parse(parsed.data);
    else issueMessages(parsed.error, ['settings'], issues);
  }

  if (issues.list.length > 0) {
    return { ok: false, problem: { kind: 'invalid', issues: issues.list, moreIssues: issues.more } };
  }
  return {
    ok: true,
    file: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: json.exportedAt as string,
      schemaVersion: schemaVersion as number,
      ...((schemaVersion as number) < FIRST_SCHEMA_WITH_DEALS
        ? withDealsFromAccounts(rows, Date.now())
        : rows),
      playbook,
      settings,
    },
  };
}

/**
 * A file whose text stops before its JSON does: the usual result of an interrupted copy or download. The
 * parser says so ("Unexpected end of JSON input", "Unterminated string") or fails at the very end.
 */
function looksTruncated(text: string, parseError: string): boolean {
  if (text.trim() === '') return false;
  if (/end of (JSON input|data)|unterminated string/i.test(parseError)) return true;
  const position = /at position (\d+)/.exec(parseError);
  return position !== null && Number(position[1]) >= text.trimEnd().length;
}

/** Validates an import file's whole text. */
export function readImportText(text: string): ReadImportResult {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, problem: { kind: 'too-large', limitBytes: MAX_IMPORT_BYTES } };
  }
  if (jsonNestsDeeperThan(text, MAX_IMPORT_DEPTH)) {
    return { ok: false, problem: { kind: 'too-deep', limit: MAX_IMPORT_DEPTH } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = errorText(error);
    return { ok: false, problem: { kind: looksTruncated(text, detail) ? 'truncated' : 'not-json', detail } };
  }
  return readImportJson(json);
}
