/**
 * How records become CouchDB documents and back. One document per record, its id the store and the
 * record's key (`notes:3f2a…`, `accounts:acme.com`), its body the row as the database holds it. Rows
 * from the server are checked like an imported file's: the strict row schema, and the id must name
 * the row's own store and key. A document that fails is reported and never written.
 */
import { DATA_STORES, importRowSchemas, rowKey, type AnyRow } from '../data-transfer/format';
import type { StoreName } from '../db/schema';

/** Every store of records is synced (touches included: the rep's own server, like an export). */
export const SYNCED_STORES: readonly StoreName[] = DATA_STORES;
const syncedStores: ReadonlySet<string> = new Set(SYNCED_STORES);

export function isSyncedStore(store: string): store is StoreName {
  return syncedStores.has(store);
}

export function recordDocId(store: StoreName, key: string): string {
  return `${store}:${key}`;
}

/** The store and key a document id names, or undefined for ids that are not records (design docs…). */
export function parseRecordDocId(id: string): { store: StoreName; key: string } | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0) return undefined;
  const store = id.slice(0, colon);
  const key = id.slice(colon + 1);
  return isSyncedStore(store) && key.length > 0 ? { store, key } : undefined;
}

/** The first and last possible ids of a store's documents, for range reads. */
export function storeDocIdRange(store: StoreName): { startkey: string; endkey: string } {
  return { startkey: `${store}:`, endkey: `${store}:\uffff` };
}

/** A record's document body (without `_id`/`_rev`): the store it belongs to, and the row. */
export interface RecordDocBody {
  type: StoreName;
  row: AnyRow;
}

export function recordDocBody(store: StoreName, row: AnyRow): RecordDocBody {
  return { type: store, row };
}

export type RemoteRecord =
  { ok: true; store: StoreName; key: string; row: AnyRow } | { ok: false; problem: string };

/** A live (not deleted) document from the mirror, checked as a row of the store its id names. */
export function remoteRecord(id: string, doc: unknown): RemoteRecord {
  const target = parseRecordDocId(id);
  if (!target) return { ok: false, problem: 'not a Dealside record id' };
  const body = doc as Partial<RecordDocBody> | null;
  if (!body || typeof body !== 'object') return { ok: false, problem: 'not an object' };
  if (body.type !== target.store) return { ok: false, problem: `type is not ${target.store}` };
  const parsed = importRowSchemas[target.store].safeParse(body.row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}` };
  }
  const row = parsed.data as AnyRow;
  if (rowKey(target.store, row) !== target.key) return { ok: false, problem: 'id does not match the row' };
  return { ok: true, store: target.store, key: target.key, row };
}

/** JSON-equal, whatever the order of object keys (rows come back from the server re-serialised). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = b as Record<string, unknown>;
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return left.length === rightKeys.length && left.every(([key, value]) => sameJson(value, right[key]));
}
