/**
 * The insights aggregates (lib/db/insights-aggregates.ts) kept in the background's memory between
 * reports, so that a report reads only the rows written since the last one. The database stays the
 * source: every committed write (lib/db/committed-changes.ts) marks the rows it may have rewritten, and
 * the next report reads those again, in the same read-only transaction as the build id. The accounts'
 * count is kept too (counting 10,000 keys is most of a report's reading) and counted again after any
 * committed write to the accounts. Rows of another build (rebuilt, or dropped and built again) or of
 * another connection are all read again.
 *
 * The rows live as long as the service worker: a worker that was stopped starts with none.
 */
import { onCommittedChanges, type StoreChange } from '../db/committed-changes';
import {
  currentBuild,
  readAggregateRows,
  rowsByKind,
  rowsChangedBy,
  type AggregateKind,
  type AggregateRow,
} from '../db/insights-aggregates';
import type { Db } from '../db/open';
import type { AggregatesSource } from './insights-aggregates-query';

export class InsightsAggregatesCache {
  private db: Db | undefined;
  private build: string | undefined;
  private rows = new Map<string, AggregateRow>();
  private staleKeys = new Set<string>();
  private staleKinds = new Set<AggregateKind>();
  /** The accounts' count as last read, until a write to the accounts commits. */
  private totalAccounts: number | undefined;
  /** Moved on by every committed write to the accounts: a count read across one is not kept. */
  private accountsWrites = 0;

  /** Follows every committed write from now on; returns the function that stops. */
  follow(): () => void {
    return onCommittedChanges((changes) => this.changed(changes));
  }

  changed(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      if (change.store === 'accounts') {
        this.totalAccounts = undefined;
        this.accountsWrites += 1;
      }
      const rows = rowsChangedBy(change);
      if (!rows) continue;
      if ('kind' in rows) this.staleKinds.add(rows.kind);
      else for (const key of rows.keys) this.staleKeys.add(key);
    }
  }

  readonly read: AggregatesSource = async (db) => {
    const known = this.db === db && this.build !== undefined;
    const countKnown = known ? this.totalAccounts : undefined;
    const accountsWrites = this.accountsWrites;
    const keys = [...this.staleKeys];
    const kinds = [...this.staleKinds];
    this.staleKeys = new Set();
    this.staleKinds = new Set();
    try {
      const tx = db.transaction(['insightsAggregates', 'accounts'], 'readonly');
      const store = tx.objectStore('insightsAggregates');
      const [build, totalAccounts, all, ofKinds, byKey] = await Promise.all([
        currentBuild(store),
        countKnown ?? tx.objectStore('accounts').count(),
        known ? undefined : readAggregateRows(store),
        known && kinds.length > 0 ? readAggregateRows(store, kinds) : undefined,
        known ? Promise.all(keys.map(async (key) => [key, await store.get(key)] as const)) : undefined,
      ]);
      await tx.done;
      if (build === undefined) {
        this.forget();
        return undefined;
      }
      // Counted in this transaction, unless an accounts write committed since: counted again next time.
      if (countKnown === undefined && accountsWrites === this.accountsWrites)
        this.totalAccounts = totalAccounts;
      if (all) {
        this.rows = all;
        this.db = db;
        this.build = build;
      } else if (build !== this.build) {
        // Built again since the rows were read: all of them are read again.
        this.forget();
        return await this.read(db);
      } else {
        for (const kind of kinds) {
          for (const key of this.rows.keys()) if (key.startsWith(`${kind}:`)) this.rows.delete(key);
        }
        for (const [key, row] of ofKinds ?? []) this.rows.set(key, row);
        for (const [key, row] of byKey ?? []) {
          if (row === undefined) this.rows.delete(key);
          else this.rows.set(key, row);
        }
      }
      return { rows: rowsByKind(this.rows.values()), totalAccounts };
    } catch (error) {
      // Not read: still to be read next time.
      for (const key of keys) this.staleKeys.add(key);
      for (const kind of kinds) this.staleKinds.add(kind);
      throw error;
    }
  };

  private forget(): void {
    this.totalAccounts = undefined;
    this.db = undefined;
    this.build = undefined;
    this.rows = new Map();
  }
}
