/**
 * Buying roles in export files: kept on the people rows, checked on import (naming the row and field),
 * and files written before roles existed import as they always did.
 */
import { describe, expect, it } from 'vitest';
import { importRows, readSnapshot } from '../../../lib/data-transfer/database';
import { readImportText } from '../../../lib/data-transfer/read-import';
import { freshDb } from '../db/helpers';
import { contact, emptyRows, sampleFile, sampleRows, T0 } from './rows';

const KEY = 'northwind-trading.com';

function readFile(value: unknown) {
  const result = readImportText(JSON.stringify(value));
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.file;
}

describe('buying roles in an import file', () => {
  it('are read and stored with their person', async () => {
    const rows = {
      ...sampleRows(),
      contacts: [
        contact('jane.cooper@northwind-trading.com', KEY, { roles: ['decision-maker', 'champion'] }),
      ],
    };
    const { db } = await freshDb();
    await importRows(db, readFile(sampleFile(rows)));
    expect((await readSnapshot(db)).rows.contacts).toEqual(rows.contacts);
  });

  it('may be absent: a file from before roles existed imports whole', async () => {
    const older = sampleFile();
    expect(older.contacts[0]).not.toHaveProperty('roles');
    const { db } = await freshDb();
    const plan = await importRows(db, readFile(older));
    expect(plan.counts.contacts.added).toBe(1);
    expect((await readSnapshot(db)).rows.contacts).toEqual(older.contacts);
  });

  it('refuses a role that is not one of the seven, or one listed twice, naming the row and field', () => {
    const file = sampleFile({
      ...emptyRows(),
      contacts: [
        contact('a@northwind-trading.com', KEY, { roles: ['champion'] }),
        { ...contact('b@northwind-trading.com', KEY), roles: ['sponsor'] } as never,
        contact('c@northwind-trading.com', KEY, { roles: ['user', 'user'] }),
      ],
    });
    const result = readImportText(JSON.stringify(file));
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.problem.kind === 'invalid' ? result.problem.issues : [];
    expect(issues).toEqual([
      {
        path: 'contacts[1].roles[0]',
        message:
          'Unknown role "sponsor": a role is one of decision-maker, economic-buyer, champion, influencer, user, blocker, other',
      },
      { path: 'contacts[2].roles', message: 'A role is listed twice' },
    ]);
  });

  it('follow the newer row when the rep has the same person: roles set later win', async () => {
    const { db } = await freshDb();
    await importRows(
      db,
      readFile(
        sampleFile({
          ...emptyRows(),
          contacts: [contact('a@northwind-trading.com', KEY, { roles: ['user'] })],
        }),
      ),
    );
    await importRows(
      db,
      readFile(
        sampleFile({
          ...emptyRows(),
          contacts: [
            contact('a@northwind-trading.com', KEY, { roles: ['user', 'champion'], updatedAt: T0 + 1 }),
          ],
        }),
      ),
    );
    expect((await readSnapshot(db)).rows.contacts[0]?.roles).toEqual(['user', 'champion']);
  });
});
