import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../lib/db/transaction';
import { freshDb } from './helpers';

describe('inTransaction', () => {
  it('commits all writes together', async () => {
    const { db } = await freshDb();
    await inTransaction(db, ['accounts', 'contacts'], 'readwrite', async (tx) => {
      await tx.objectStore('accounts').put({ key: 'a.example', createdAt: 1, updatedAt: 1 });
      await tx
        .objectStore('contacts')
        .put({ email: 'x@a.example', accountKey: 'a.example', createdAt: 1, updatedAt: 1 });
    });
    expect(await db.count('accounts')).toBe(1);
    expect(await db.count('contacts')).toBe(1);
  });

  it('writes nothing when the work fails halfway', async () => {
    const { db } = await freshDb();
    await expect(
      inTransaction(db, ['accounts', 'contacts'], 'readwrite', async (tx) => {
        await tx.objectStore('accounts').put({ key: 'a.example', createdAt: 1, updatedAt: 1 });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.count('accounts')).toBe(0);
  });
});
