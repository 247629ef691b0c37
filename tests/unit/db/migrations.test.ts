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
});
