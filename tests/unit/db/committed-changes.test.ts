import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onCommittedChanges, type StoreChange } from '../../../lib/db/committed-changes';
import { inTransaction } from '../../../lib/db/transaction';
import { database, resetDatabase } from '../support/database';

const T0 = 1_780_000_000_000;
const account = (key: string) => ({ key, createdAt: T0, updatedAt: T0 });

let heard: StoreChange[][] = [];
let stop: () => void = () => undefined;

beforeEach(async () => {
  await resetDatabase();
  heard = [];
  stop = onCommittedChanges((changes) => heard.push([...changes]));
});
afterEach(() => stop());

describe('committed changes', () => {
  it('announces a write transaction’s puts, deletes and clears once it has committed', async () => {
    const db = await database();
    await inTransaction(db, ['accounts', 'touches'], 'readwrite', async (tx) => {
      await tx.objectStore('accounts').put(account('a.example'));
      await tx.objectStore('accounts').add(account('b.example'));
      await tx.objectStore('accounts').delete('b.example');
      await tx.objectStore('touches').clear();
      // Nothing is announced while the transaction is still open.
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual([
      [
        { store: 'accounts', kind: 'put', key: 'a.example', value: account('a.example') },
        { store: 'accounts', kind: 'put', key: 'b.example', value: account('b.example') },
        { store: 'accounts', kind: 'delete', key: 'b.example' },
        { store: 'touches', kind: 'clear' },
      ],
    ]);
    expect(await db.get('accounts', 'a.example')).toEqual(account('a.example'));
  });

  it('announces nothing for a transaction that was rolled back, or one that only read', async () => {
    const db = await database();
    await expect(
      inTransaction(db, ['accounts'], 'readwrite', async (tx) => {
        await tx.objectStore('accounts').put(account('a.example'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A failed write (a duplicate key) aborts the transaction: the put before it is gone too.
    await db.put('accounts', account('taken.example'));
    await expect(
      inTransaction(db, ['accounts'], 'readwrite', async (tx) => {
        await tx.objectStore('accounts').put(account('c.example'));
        await tx.objectStore('accounts').add(account('taken.example'));
      }),
    ).rejects.toThrow();
    await inTransaction(db, ['accounts'], 'readonly', (tx) => tx.objectStore('accounts').getAll());
    await inTransaction(db, ['accounts'], 'readwrite', (tx) => tx.objectStore('accounts').get('a.example'));
    expect(heard).toEqual([]);
    expect(await db.get('accounts', 'a.example')).toBeUndefined();
    expect(await db.get('accounts', 'c.example')).toBeUndefined();
  });

  it('sees writes through a single-store transaction’s `store` and keeps reads working on it', async () => {
    const db = await database();
    const found = await inTransaction(db, ['accounts'] as ['accounts'], 'readwrite', async (tx) => {
      await tx.store.put(account('a.example'));
      return tx.store.index('by-updated').count();
    });
    expect(found).toBe(1);
    expect(heard).toEqual([
      [{ store: 'accounts', kind: 'put', key: 'a.example', value: account('a.example') }],
    ]);
  });

  it('announces writes in the order they were made, those left pending too', async () => {
    const db = await database();
    await db.put('accounts', account('a.example'));
    await inTransaction(db, ['accounts', 'touches'], 'readwrite', async (tx) => {
      const accounts = tx.objectStore('accounts');
      accounts.delete('a.example').catch(() => undefined);
      tx.objectStore('touches')
        .clear()
        .catch(() => undefined);
      await accounts.put(account('a.example'));
    });
    expect(heard).toEqual([
      [
        { store: 'accounts', kind: 'delete', key: 'a.example' },
        { store: 'touches', kind: 'clear' },
        { store: 'accounts', kind: 'put', key: 'a.example', value: account('a.example') },
      ],
    ]);
    expect(await db.get('accounts', 'a.example')).toEqual(account('a.example'));
  });

  it('keeps the write when a listener fails', async () => {
    const stopFailing = onCommittedChanges(() => {
      throw new Error('listener bug');
    });
    try {
      const db = await database();
      await inTransaction(db, ['accounts'], 'readwrite', (tx) =>
        tx.objectStore('accounts').put(account('a.example')),
      );
      expect(await db.get('accounts', 'a.example')).toEqual(account('a.example'));
      expect(heard).toHaveLength(1);
    } finally {
      stopFailing();
    }
  });
});
