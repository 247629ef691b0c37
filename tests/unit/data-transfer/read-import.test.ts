import { describe, expect, it } from 'vitest';
import { findForbiddenKey, readImportJson, readImportText } from '../../../lib/data-transfer/read-import';
import { DB_VERSION } from '../../../lib/db/migrations';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { note, sampleFile } from './rows';

const text = (value: unknown) => JSON.stringify(value);
const fileWith = (change: Record<string, unknown>) => ({ ...sampleFile(), ...change });

function refusal(input: string) {
  const result = readImportText(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problem;
}

describe('reading an import file', () => {
  it('accepts an export as written, rows, playbook and settings included', () => {
    const file = {
      ...sampleFile(),
      playbook: DEFAULT_PLAYBOOK,
      settings: { ...DEFAULT_SETTINGS, ownDomains: ['dealside-demo.com'] },
    };
    const result = readImportText(text(file));
    expect(result).toEqual({ ok: true, file: JSON.parse(text(file)) });
  });

  it('says a file that stops early looks cut off', () => {
    const whole = text(sampleFile());
    for (const length of [1, 10, whole.length / 2, whole.length - 1]) {
      expect(refusal(whole.slice(0, Math.floor(length)))).toMatchObject({ kind: 'truncated' });
    }
  });

  it('says when a file is not JSON at all, or not an export', () => {
    expect(refusal('hello')).toMatchObject({ kind: 'not-json', detail: expect.any(String) });
    expect(refusal('')).toMatchObject({ kind: 'not-json' });
    expect(refusal('{"format": "dealside-export",, }')).toMatchObject({ kind: 'not-json' });
    expect(refusal('[]')).toEqual({ kind: 'not-export' });
    expect(refusal('null')).toEqual({ kind: 'not-export' });
    expect(refusal(text({ format: 'something-else' }))).toEqual({ kind: 'not-export' });
    expect(refusal(text(DEFAULT_PLAYBOOK))).toEqual({ kind: 'playbook-file' });
  });

  it('refuses other format versions and files from a newer database', () => {
    expect(refusal(text(fileWith({ version: 2 })))).toEqual({
      kind: 'unsupported-version',
      version: '2',
      supported: 1,
    });
    expect(refusal(text(fileWith({ version: '1' })))).toMatchObject({ kind: 'unsupported-version' });
    expect(refusal(text(fileWith({ schemaVersion: DB_VERSION + 1 })))).toEqual({
      kind: 'newer-schema',
      schemaVersion: DB_VERSION + 1,
      supported: DB_VERSION,
    });
    expect(refusal(text(fileWith({ schemaVersion: 0 })))).toMatchObject({
      kind: 'invalid',
      issues: [{ path: 'schemaVersion' }],
    });
  });

  it('says which row and field is wrong: notes[12].body', () => {
    const notes = Array.from({ length: 20 }, (_, index) => note(`n${index}`, 'a.com'));
    (notes[12] as unknown as { body: unknown }).body = 42;
    const problem = refusal(text(fileWith({ notes })));
    expect(problem).toEqual({
      kind: 'invalid',
      issues: [{ path: 'notes[12].body', message: 'Invalid input: expected string, received number' }],
      moreIssues: 0,
    });
  });

  it('refuses wrong types, missing stores, unknown keys, huge strings and duplicate ids', () => {
    const problem = refusal(
      text(
        fileWith({
          accounts: 'all of them',
          contacts: undefined,
          notes: [note('a', 'a.com', { body: 'x'.repeat(200_001) }), note('b', 'a.com'), note('b', 'a.com')],
          followUps: [{ ...sampleFile().followUps[0], extra: true }],
          settings: { remindersEnabled: 'yes' },
        }),
      ),
    );
    expect(problem.kind).toBe('invalid');
    const issues = problem.kind === 'invalid' ? problem.issues : [];
    expect(issues.map((issue) => issue.path)).toEqual([
      'accounts',
      'contacts',
      'notes[0].body',
      'notes[2]',
      'followUps[0]',
      'settings.remindersEnabled',
    ]);
    expect(issues[2]!.message).toMatch(/200000/);
    expect(issues[3]!.message).toBe('Duplicate of notes[1] (same key)');
    expect(issues[4]!.message).toMatch(/extra/);
  });

  it('refuses __proto__ keys anywhere, naming where', () => {
    const crafted = text(sampleFile()).replace('"checklist":{"lead":', '"checklist":{"__proto__":');
    expect(crafted).toContain('__proto__');
    expect(refusal(crafted)).toEqual({
      kind: 'invalid',
      issues: [
        { path: 'deals[0].checklist.__proto__', message: 'This key is not allowed in a Dealside file' },
      ],
      moreIssues: 0,
    });
    expect(refusal(text(sampleFile()).replace('{', '{"__proto__":{"polluted":true},'))).toMatchObject({
      kind: 'invalid',
      issues: [{ path: '__proto__' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(findForbiddenKey(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toBe('a[0].b.__proto__');
    expect(findForbiddenKey({ a: [{ b: { c: 1 } }] })).toBeUndefined();
  });

  it('refuses a million rows before looking at any of them', () => {
    const rows = new Array(1_000_000).fill(0);
    const started = performance.now();
    const result = readImportJson({ ...sampleFile(), notes: rows });
    expect(result).toEqual({
      ok: false,
      problem: { kind: 'too-many-rows', store: 'notes', count: 1_000_000, limit: 500_000 },
    });
    console.log(`a million-row store refused in ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('lists the first twenty problems of a badly broken file and says there are more', () => {
    const notes = Array.from({ length: 100 }, () => ({ id: 1 }));
    const problem = refusal(text(fileWith({ notes })));
    expect(problem.kind === 'invalid' && problem.issues).toHaveLength(20);
    expect(problem.kind === 'invalid' && problem.moreIssues).toBeGreaterThan(0);
  });

  it('reports a broken playbook with its path, and fills settings an older file lacks', () => {
    const broken = { ...DEFAULT_PLAYBOOK, stages: [] };
    const problem = refusal(text(fileWith({ playbook: broken })));
    expect(problem.kind === 'invalid' && problem.issues[0]).toEqual({
      path: 'playbook.stages',
      message: 'A playbook needs at least one stage',
    });
    const result = readImportText(text(fileWith({ settings: { ownEmails: ['me@dealside-demo.com'] } })));
    expect(result.ok && result.file.settings).toEqual({
      ...DEFAULT_SETTINGS,
      ownEmails: ['me@dealside-demo.com'],
    });
  });
});
