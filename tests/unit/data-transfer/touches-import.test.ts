/**
 * Touches in export files: a file made before touches existed imports as it did; a touch of a visit
 * the rep's database already records under another id stays the rep's (and the import goes through); a
 * file holding one visit twice, or a damaged touch, is refused with where.
 */
import { describe, expect, it } from 'vitest';
import { importRows, readSnapshot } from '../../../lib/data-transfer/database';
import { exportDocument } from '../../../lib/data-transfer/format';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { freshDb } from '../db/helpers';
import { emptyRows, sampleRows, T0, touch } from './rows';

const KEY = 'northwind-trading.com';

function fileText(rows = sampleRows(), change: (file: Record<string, unknown>) => void = () => undefined) {
  const file = exportDocument(rows, { playbook: null, settings: DEFAULT_SETTINGS, now: T0 }) as unknown;
  change(file as Record<string, unknown>);
  return JSON.stringify(file);
}

describe('touches in an import file', () => {
  it('a file without touches (made by an older version) imports every other row', async () => {
    const result = readImportText(fileText(sampleRows(), (file) => delete file.touches));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.touches).toEqual([]);
    const { db } = await freshDb();
    const plan = await importRows(db, result.file);
    expect(plan.counts.notes.added).toBe(1);
    expect(plan.counts.touches).toEqual({ inFile: 0, added: 0, updated: 0, unchanged: 0, keptLocal: 0 });
  });

  it("keeps the rep's touch of a visit the file records under another id, and imports the rest", async () => {
    const { db } = await freshDb();
    const mine = touch('mine', KEY, { title: 'Recorded here' });
    await db.put('touches', mine);
    const theirs = touch('theirs', KEY, { visitKey: mine.visitKey, title: 'Recorded there' });
    const other = touch('other', KEY);
    const result = readImportText(fileText({ ...emptyRows(), touches: [theirs, other] }));
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    const plan = await importRows(db, result.file);
    expect(plan.counts.touches).toEqual({ inFile: 2, added: 1, updated: 0, unchanged: 0, keptLocal: 1 });
    const stored = (await readSnapshot(db)).rows.touches.map((row) => [row.id, row.title]).sort();
    expect(stored).toEqual([
      ['mine', 'Recorded here'],
      ['other', other.title],
    ]);
  });

  it('refuses a file that holds one visit twice, or a damaged touch, and says where', () => {
    const twice = readImportText(
      fileText({
        ...emptyRows(),
        touches: [touch('a', KEY), touch('b', KEY, { visitKey: touch('a', KEY).visitKey })],
      }),
    );
    expect(twice).toMatchObject({
      ok: false,
      problem: {
        kind: 'invalid',
        issues: [{ path: 'touches[1].visitKey', message: expect.stringContaining('touches[0]') }],
      },
    });
    const damaged = readImportText(
      fileText({ ...emptyRows(), touches: [touch('a', KEY, { title: 'x'.repeat(501) })] }),
    );
    expect(damaged).toMatchObject({
      ok: false,
      problem: { kind: 'invalid', issues: [{ path: 'touches[0].title' }] },
    });
  });
});
