/**
 * How an imported row meets the rep's row with the same id. Pure: the database code reads the rep's
 * rows, asks here, and writes what wins, all inside one transaction.
 *
 * - New id: added.
 * - Same content: unchanged (so importing a file twice changes nothing the second time).
 * - Notes: the higher `revision` wins (every save bumps it), then the later `updatedAt`.
 * - Accounts, people and follow-ups: the later `updatedAt` wins.
 * - Stage events, the question log and touches are facts written once: the same id is the same event,
 *   and the rep's row stays. A touch of a visit the rep's database already has under another id (the
 *   same thread on the same day) is kept out too (lib/data-transfer/database.ts).
 * A tie keeps the rep's row: an import never overwrites what it cannot show to be newer.
 */
import type { StoreName } from '../db/schema';
import { rowAccountKey, rowKey, type AnyRow } from './format';
import type { StoreImportCounts } from './types';

export type MergeDecision = 'add' | 'update' | 'unchanged' | 'keep-local';

/** Deep equality of JSON-like values; a key holding `undefined` counts as absent (as in JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = (record: Record<string, unknown>) =>
    Object.keys(record).filter((key) => record[key] !== undefined);
  const leftKeys = keys(left);
  if (leftKeys.length !== keys(right).length) return false;
  return leftKeys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}

function compareNumbers(a: unknown, b: unknown): number {
  return (typeof a === 'number' ? a : 0) - (typeof b === 'number' ? b : 0);
}

/** Positive when `incoming` is newer than `local`, negative when older, 0 when neither can be told. */
function newness(store: StoreName, incoming: AnyRow, local: AnyRow): number {
  const a = incoming as Record<string, unknown>;
  const b = local as Record<string, unknown>;
  switch (store) {
    case 'notes':
      return compareNumbers(a.revision, b.revision) || compareNumbers(a.updatedAt, b.updatedAt);
    case 'accounts':
    case 'deals':
    case 'contacts':
    case 'followUps':
      return compareNumbers(a.updatedAt, b.updatedAt);
    case 'stageEvents':
    case 'questionLog':
    case 'touches':
      return 0;
  }
}

export function decideMerge(store: StoreName, local: AnyRow | undefined, incoming: AnyRow): MergeDecision {
  if (local === undefined) return 'add';
  if (sameValue(local, incoming)) return 'unchanged';
  return newness(store, incoming, local) > 0 ? 'update' : 'keep-local';
}

export interface StorePlan {
  counts: StoreImportCounts;
  /** Rows to write (added and updated). */
  writes: AnyRow[];
  /** Accounts whose rows change. */
  accountKeys: Set<string>;
}

/** Decides every incoming row of one store against the rep's rows (looked up by key). */
export function planStore(
  store: StoreName,
  incoming: readonly AnyRow[],
  localByKey: (key: string) => AnyRow | undefined,
): StorePlan {
  const counts: StoreImportCounts = {
    inFile: incoming.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    keptLocal: 0,
  };
  const writes: AnyRow[] = [];
  const accountKeys = new Set<string>();
  for (const row of incoming) {
    const local = localByKey(rowKey(store, row));
    const decision = decideMerge(store, local, row);
    if (decision === 'add') counts.added++;
    else if (decision === 'update') counts.updated++;
    else if (decision === 'unchanged') counts.unchanged++;
    else counts.keptLocal++;
    if (decision === 'add' || decision === 'update') {
      writes.push(row);
      accountKeys.add(rowAccountKey(store, row));
      // A person moved to another account changes that account too.
      if (local && decision === 'update') accountKeys.add(rowAccountKey(store, local));
    }
  }
  return { counts, writes, accountKeys };
}
