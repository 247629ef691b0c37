import { describe, expect, it } from 'vitest';
import { migrations, DB_VERSION } from '../../../lib/db/migrations';
import { openDealsideDb, type Db } from '../../../lib/db/open';
import { NotesSearchIndex } from '../../../lib/background/notes-index';
import { loadSearchIndex } from '../../../lib/db/search-index';
import { parseQuery } from '../../../lib/search/tokens';

/** An account row as versions 1–3 wrote it: its stage and ticked items on the account. */
function putLegacyAccount(db: Db, row: Record<string, unknown>) {
  return db.put('accounts', row as never);
}

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
    await putLegacyAccount(first, {
      key: 'northwind-trading.com',
      checklist: {},
      createdAt: 1,
      updatedAt: 1,
    });
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
    await putLegacyAccount(v2, { key: 'northwind-trading.com', checklist: {}, createdAt: 1, updatedAt: 1 });
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

  it('004 turns each staged account into one open deal, names it on its stage events, and leaves the rest', async () => {
    const name = 'migration-004';
    const v3 = await openDealsideDb({ name, targetVersion: 3, migrations: migrations.slice(0, 3) });
    expect([...v3.transaction('accounts').store.indexNames]).toContain('by-stage');
    await putLegacyAccount(v3, {
      key: 'northwind-trading.com',
      displayName: 'Northwind Trading',
      industry: 'logistics',
      stageId: 'solution',
      checklist: { lead: ['fit'], discovery: ['pain', 'budget'] },
      createdAt: 1_000,
      updatedAt: 9_000,
    });
    // Ticked an item but never staged: still a deal, without a stage.
    await putLegacyAccount(v3, {
      key: 'contoso.com',
      checklist: { lead: ['fit'] },
      createdAt: 2_000,
      updatedAt: 3_000,
    });
    // Only seen: no deal.
    await putLegacyAccount(v3, {
      key: 'seen-only.example',
      checklist: {},
      createdAt: 4_000,
      updatedAt: 4_000,
    });
    for (const [id, from, to, at] of [
      ['e1', undefined, 'lead', 500],
      ['e2', 'lead', 'solution', 6_000],
    ] as const) {
      await v3.put('stageEvents', {
        id,
        accountKey: 'northwind-trading.com',
        ...(from ? { from } : {}),
        to,
        at,
      });
    }
    v3.close();

    const v4 = await openDealsideDb({ name, targetVersion: 4 });
    try {
      expect([...v4.objectStoreNames]).toContain('deals');
      expect([...v4.transaction('deals').store.indexNames].sort()).toEqual([
        'by-account',
        'by-close-date',
        'by-closed',
        'by-outcome-stage',
      ]);
      expect([...v4.transaction('accounts').store.indexNames]).not.toContain('by-stage');

      expect(await v4.get('deals', 'deal:northwind-trading.com')).toEqual({
        id: 'deal:northwind-trading.com',
        accountKey: 'northwind-trading.com',
        title: 'Northwind Trading',
        stageId: 'solution',
        stageEnteredAt: 6_000,
        checklist: { lead: ['fit'], discovery: ['pain', 'budget'] },
        outcome: 'open',
        // As old as its first stage move.
        createdAt: 500,
        updatedAt: 9_000,
      });
      expect(await v4.get('deals', 'deal:contoso.com')).toEqual({
        id: 'deal:contoso.com',
        accountKey: 'contoso.com',
        title: 'contoso.com',
        checklist: { lead: ['fit'] },
        outcome: 'open',
        createdAt: 2_000,
        updatedAt: 3_000,
      });
      expect(await v4.getAllKeysFromIndex('deals', 'by-account', 'seen-only.example')).toEqual([]);
      expect(await v4.count('deals')).toBe(2);
      expect(await v4.getAllKeysFromIndex('deals', 'by-outcome-stage', ['open', 'solution'])).toEqual([
        'deal:northwind-trading.com',
      ]);

      // Account rows keep everything but the stage and checklist.
      expect(await v4.get('accounts', 'northwind-trading.com')).toEqual({
        key: 'northwind-trading.com',
        displayName: 'Northwind Trading',
        industry: 'logistics',
        createdAt: 1_000,
        updatedAt: 9_000,
      });
      expect(await v4.get('accounts', 'seen-only.example')).toEqual({
        key: 'seen-only.example',
        createdAt: 4_000,
        updatedAt: 4_000,
      });
      const events = await v4.getAllFromIndex('stageEvents', 'by-account', 'northwind-trading.com');
      expect(events.map((event) => [event.id, event.dealId])).toEqual([
        ['e1', 'deal:northwind-trading.com'],
        ['e2', 'deal:northwind-trading.com'],
      ]);
    } finally {
      v4.close();
    }
  });

  it('005 adds the touches store, one touch per visit, and leaves every record of version 4 in place', async () => {
    const name = 'migration-005';
    const v4 = await openDealsideDb({ name, targetVersion: 4, migrations: migrations.slice(0, 4) });
    await v4.put('accounts', { key: 'northwind-trading.com', createdAt: 1, updatedAt: 1 });
    expect([...v4.objectStoreNames]).not.toContain('touches');
    v4.close();

    const v5 = await openDealsideDb({ name, targetVersion: 5, migrations: migrations.slice(0, 5) });
    expect(await v5.get('accounts', 'northwind-trading.com')).toMatchObject({ createdAt: 1 });
    const store = v5.transaction('touches').store;
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
    await v5.put('touches', touch);
    await expect(v5.add('touches', { ...touch, id: 't2' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    const newest = await v5.getAllFromIndex(
      'touches',
      'by-account-at',
      IDBKeyRange.bound(['northwind-trading.com', 0], ['northwind-trading.com', Infinity]),
    );
    expect(newest.map((row) => row.id)).toEqual(['t1']);
    v5.close();
  });

  it('007 adds the search index stores: empty for a new database, repaired from the notes of version 6', async () => {
    const fresh = await openDealsideDb({ name: 'migration-007-new' });
    expect([...fresh.objectStoreNames]).toEqual(expect.arrayContaining(['searchIndex', 'searchDeltas']));
    const empty = await loadSearchIndex(fresh);
    expect(empty?.size).toBe(0);
    fresh.close();

    const name = 'migration-007';
    const v6 = await openDealsideDb({ name, targetVersion: 6, migrations: migrations.slice(0, 6) });
    await v6.put('notes', {
      id: 'n1',
      accountKey: 'northwind-trading.com',
      kind: 'note',
      body: 'Warehouse pilot, 报价单',
      createdAt: 1,
      updatedAt: 1,
      revision: 1,
    });
    v6.close();
    const v7 = await openDealsideDb({ name, targetVersion: 7 });
    expect(await v7.count('notes')).toBe(1);
    // No base: the notes of version 6 were never indexed, so the first search repairs.
    expect(await loadSearchIndex(v7)).toBeUndefined();
    const index = new NotesSearchIndex();
    const ready = await index.ready(v7);
    expect(index.repairs).toBe(1);
    expect(ready.search(parseQuery('ware 报价').terms, 0, 10).page.map((hit) => hit.id)).toEqual(['n1']);
    expect((await loadSearchIndex(v7))?.size).toBe(1);
    v7.close();
  });
});
