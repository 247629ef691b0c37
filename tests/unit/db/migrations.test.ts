import { describe, expect, it } from 'vitest';
import { migrations, DB_VERSION } from '../../../lib/db/migrations';
import { openDealsideDb } from '../../../lib/db/open';

describe('migrations', () => {
  it('are numbered 1..n with no gaps, and the schema version is the last one', () => {
    expect(migrations.map((step) => step.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(DB_VERSION).toBe(migrations.length);
  });

  it('001 creates every store of the data model with its indexes, from nothing', async () => {
    const db = await openDealsideDb({ name: 'migration-001', targetVersion: 1 });
    expect([...db.objectStoreNames].sort()).toEqual(
      ['accounts', 'contacts', 'followUps', 'notes', 'questionLog', 'stageEvents'].sort(),
    );
    const tx = db.transaction(['notes', 'followUps', 'accounts'], 'readonly');
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['by-account-created', 'by-updated']);
    expect([...tx.objectStore('followUps').indexNames].sort()).toEqual(['by-account', 'by-status-due']);
    expect(tx.objectStore('accounts').keyPath).toBe('key');
    db.close();
  });

  it('001 leaves an existing version-1 database and its rows alone when opened again', async () => {
    const name = 'migration-001-reopen';
    const first = await openDealsideDb({ name, targetVersion: 1 });
    await first.put('accounts', { key: 'northwind-trading.com', checklist: {}, createdAt: 1, updatedAt: 1 });
    first.close();
    const again = await openDealsideDb({ name });
    expect(await again.get('accounts', 'northwind-trading.com')).toMatchObject({
      key: 'northwind-trading.com',
    });
    again.close();
  });

  it('002 indexes every SPIN question already logged by the time it was asked', async () => {
    const name = 'migration-002';
    const v1 = await openDealsideDb({ name, targetVersion: 1, migrations: migrations.slice(0, 1) });
    for (const [questionId, askedAt] of [
      ['s1', 1_000],
      ['p1', 5_000],
      ['n1', 9_000],
    ] as const) {
      await v1.put('questionLog', {
        id: `northwind-trading.com\u0000${questionId}`,
        accountKey: 'northwind-trading.com',
        questionId,
        spinType: questionId[0]!.toUpperCase() as 'S' | 'P' | 'N',
        askedAt,
      });
    }
    v1.close();
    const v2 = await openDealsideDb({ name, targetVersion: 2 });
    expect([...v2.transaction('questionLog').store.indexNames].sort()).toEqual(['by-account', 'by-asked']);
    const since = await v2.getAllFromIndex('questionLog', 'by-asked', IDBKeyRange.lowerBound(5_000));
    expect(since.map((row) => row.questionId)).toEqual(['p1', 'n1']);
    expect(await v2.count('questionLog')).toBe(3);
    v2.close();
  });

  it('003 adds the private items store and leaves every record of version 2 in place', async () => {
    const name = 'migration-003';
    const v2 = await openDealsideDb({ name, targetVersion: 2, migrations: migrations.slice(0, 2) });
    await v2.put('accounts', { key: 'northwind-trading.com', checklist: {}, createdAt: 1, updatedAt: 1 });
    await v2.put('questionLog', {
      id: 'northwind-trading.com\u0000s1',
      accountKey: 'northwind-trading.com',
      questionId: 's1',
      spinType: 'S',
      askedAt: 1_000,
    });
    expect([...v2.objectStoreNames]).not.toContain('privateItems');
    v2.close();

    const v3 = await openDealsideDb({ name, targetVersion: 3 });
    expect([...v3.objectStoreNames]).toContain('privateItems');
    expect(await v3.get('accounts', 'northwind-trading.com')).toMatchObject({ createdAt: 1 });
    expect(await v3.count('questionLog')).toBe(1);
    await v3.put('privateItems', { ownEmails: ['rep@example.com'] }, 'settings');
    expect(await v3.get('privateItems', 'settings')).toEqual({ ownEmails: ['rep@example.com'] });
    v3.close();
  });

  it('004 adds the touches store, one touch per visit, and leaves every record of version 3 in place', async () => {
    const name = 'migration-004';
    const v3 = await openDealsideDb({ name, targetVersion: 3, migrations: migrations.slice(0, 3) });
    await v3.put('accounts', { key: 'northwind-trading.com', checklist: {}, createdAt: 1, updatedAt: 1 });
    expect([...v3.objectStoreNames]).not.toContain('touches');
    v3.close();

    const v4 = await openDealsideDb({ name, targetVersion: 4, migrations: migrations.slice(0, 4) });
    expect(await v4.get('accounts', 'northwind-trading.com')).toMatchObject({ createdAt: 1 });
    const store = v4.transaction('touches').store;
    expect([...store.indexNames].sort()).toEqual(['by-account-at', 'by-at', 'by-visit']);
    expect(store.index('by-visit').unique).toBe(true);
    const touch = {
      id: 't1',
      accountKey: 'northwind-trading.com',
      at: 2_000,
      site: 'gmail',
      title: 'Re: Pilot scope',
      visitKey: 'gmail https://mail.google.com/mail/u/0/ FMfcg 2026-03-09',
    };
    await v4.put('touches', touch);
    await expect(v4.add('touches', { ...touch, id: 't2' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    const newest = await v4.getAllFromIndex(
      'touches',
      'by-account-at',
      IDBKeyRange.bound(['northwind-trading.com', 0], ['northwind-trading.com', Infinity]),
    );
    expect(newest.map((row) => row.id)).toEqual(['t1']);
    v4.close();
  });
});
