import { describe, expect, it, vi } from 'vitest';
import type { StoreChange } from '../../../lib/db/committed-changes';
import { inTransaction, registerDerivedData } from '../../../lib/db/transaction';
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

  it('flushes to disk before it counts as committed unless the write asks for relaxed durability', async () => {
    const { db } = await freshDb();
    const durability = (options?: { durability?: 'strict' | 'relaxed' }) =>
      inTransaction(db, ['accounts'], 'readwrite', async (tx) => tx.durability, options);
    expect(await durability()).toBe('strict');
    expect(await durability({ durability: 'relaxed' })).toBe('relaxed');
  });
});

describe('derived data', () => {
  it('is updated in the write’s own transaction, with the rows the writes replaced', async () => {
    const { db } = await freshDb();
    await db.put('accounts', { key: 'a.example', createdAt: 1, updatedAt: 1 });
    const seen: StoreChange[][] = [];
    const stop = registerDerivedData({
      sources: ['accounts'],
      stores: ['privateItems'],
      withPrevious: ['accounts'],
      async update(tx, changes) {
        seen.push([...changes]);
        await tx.objectStore('privateItems').put(changes.length, 'accountWrites');
      },
    });
    try {
      await inTransaction(db, ['accounts', 'contacts'], 'readwrite', async (tx) => {
        await tx.objectStore('accounts').put({ key: 'a.example', createdAt: 1, updatedAt: 2 });
        await tx.objectStore('accounts').delete('b.example');
        await tx
          .objectStore('contacts')
          .put({ email: 'x@a.example', accountKey: 'a.example', createdAt: 1, updatedAt: 1 });
      });
      expect(seen).toEqual([
        [
          {
            store: 'accounts',
            kind: 'put',
            key: 'a.example',
            value: { key: 'a.example', createdAt: 1, updatedAt: 2 },
            previous: { value: { key: 'a.example', createdAt: 1, updatedAt: 1 } },
          },
          { store: 'accounts', kind: 'delete', key: 'b.example', previous: { value: undefined } },
        ],
      ]);
      expect(await db.get('privateItems', 'accountWrites')).toBe(2);

      // Its failure is the write's failure: nothing of either is kept.
      seen.length = 0;
      const failing = registerDerivedData({
        sources: ['contacts'],
        stores: [],
        update: () => Promise.reject(new Error('derived rows do not fit')),
      });
      await expect(
        inTransaction(db, ['contacts'], 'readwrite', async (tx) => {
          await tx.objectStore('contacts').delete('x@a.example');
        }),
      ).rejects.toThrow('derived rows do not fit');
      failing();
      expect(await db.count('contacts')).toBe(1);

      // A derived write left pending that fails aborts the transaction too: the commit waits for it.
      await db.put('privateItems', 'taken', 'derivedKey');
      const pendingFailure = registerDerivedData({
        sources: ['contacts'],
        stores: ['privateItems'],
        update(tx) {
          tx.objectStore('privateItems')
            .add('again', 'derivedKey')
            .catch(() => undefined);
        },
      });
      await expect(
        inTransaction(db, ['contacts'], 'readwrite', async (tx) => {
          await tx.objectStore('contacts').delete('x@a.example');
        }),
      ).rejects.toThrow();
      pendingFailure();
      expect(await db.count('contacts')).toBe(1);

      // A transaction that writes none of its sources leaves it alone.
      await inTransaction(db, ['contacts'], 'readwrite', async (tx) => {
        await tx.objectStore('contacts').delete('x@a.example');
      });
      expect(seen).toEqual([]);
    } finally {
      stop();
    }
  });

  it('takes the replaced row from the transaction’s own read of it, as it was read', async () => {
    const { db } = await freshDb();
    await db.put('accounts', { key: 'a.example', createdAt: 1, updatedAt: 1 });
    const seen: StoreChange[] = [];
    const stop = registerDerivedData({
      sources: ['accounts'],
      stores: [],
      withPrevious: ['accounts'],
      update(_tx, changes) {
        seen.push(...changes);
      },
    });
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      await inTransaction(db, ['accounts'], 'readwrite', async (tx) => {
        const accounts = tx.objectStore('accounts');
        const row = (await accounts.get('a.example'))!;
        // Changed in place and put back: the replaced row is still the one read.
        row.updatedAt = 2;
        await tx.objectStore('accounts').put(row);
        // Written since it was read: the next write reads what it replaces.
        await accounts.put({ ...row, updatedAt: 3 });
      });
      expect(seen.map((change) => (change as { previous?: unknown }).previous)).toEqual([
        { value: { key: 'a.example', createdAt: 1, updatedAt: 1 } },
        { value: { key: 'a.example', createdAt: 1, updatedAt: 2 } },
      ]);
      // The caller's read, then one read for the second put only.
      expect(gets).toHaveBeenCalledTimes(2);
    } finally {
      gets.mockRestore();
      stop();
    }
  });

  it('sees a put the work leaves pending, and not one that failed and was caught', async () => {
    const { db } = await freshDb();
    await db.put('accounts', { key: 'taken.example', createdAt: 1, updatedAt: 1 });
    const seen: StoreChange[][] = [];
    const stop = registerDerivedData({
      sources: ['accounts'],
      stores: ['privateItems'],
      update(tx, changes) {
        seen.push([...changes]);
        tx.objectStore('privateItems')
          .put(changes.length, 'accountWrites')
          .catch(() => undefined);
      },
    });
    try {
      // The work returns before its put has been answered: derived data still hears of it, and the
      // transaction commits both.
      await inTransaction(db, ['accounts'], 'readwrite', async (tx) => {
        tx.objectStore('accounts')
          .put({ key: 'a.example', createdAt: 1, updatedAt: 1 })
          .catch(() => undefined);
      });
      expect(seen).toEqual([
        [
          {
            store: 'accounts',
            kind: 'put',
            key: 'a.example',
            value: { key: 'a.example', createdAt: 1, updatedAt: 1 },
          },
        ],
      ]);
      expect(await db.get('accounts', 'a.example')).toBeDefined();
      expect(await db.get('privateItems', 'accountWrites')).toBe(1);

      // A pending put that fails fails the transaction: nothing of it is kept.
      await expect(
        inTransaction(db, ['accounts'], 'readwrite', async (tx) => {
          tx.objectStore('accounts')
            .add({ key: 'taken.example', createdAt: 2, updatedAt: 2 })
            .catch(() => undefined);
        }),
      ).rejects.toThrow();
      expect((await db.get('accounts', 'taken.example'))?.updatedAt).toBe(1);

      // One that failed and was caught before the work ended is not passed on (and the transaction
      // fails with it all the same).
      seen.length = 0;
      await expect(
        inTransaction(db, ['accounts'], 'readwrite', async (tx) => {
          const refused = await tx
            .objectStore('accounts')
            .add({ key: 'taken.example', createdAt: 3, updatedAt: 3 })
            .then(() => false)
            .catch(() => true);
          expect(refused).toBe(true);
        }),
      ).rejects.toThrow();
      expect(seen).toEqual([]);

      // One the browser refuses as it is made (no request exists to abort the transaction) still fails
      // the transaction, though the work went on: a write the work made must never go missing silently.
      const puts = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      await expect(
        inTransaction(db, ['accounts', 'contacts'], 'readwrite', async (tx) => {
          tx.objectStore('accounts')
            .put({ key: 'b.example', createdAt: 1, updatedAt: 1 })
            .catch(() => undefined);
          await tx
            .objectStore('contacts')
            .put({ email: 'x@b.example', accountKey: 'b.example', createdAt: 1, updatedAt: 1 });
        }),
      ).rejects.toThrow('quota');
      puts.mockRestore();
      expect(await db.count('contacts')).toBe(0);
    } finally {
      stop();
    }
  });
});
