/**
 * The database side of export, import and "delete everything". Each works in one transaction over every
 * store: an export is a consistent snapshot, an import (rows, and the playbook and settings when the rep
 * replaces them) is written whole or not at all, and a wipe leaves no store half-emptied.
 */
import type { Db } from '../db/open';
import {
  readPlaybookIn,
  readSettingsIn,
  writeContactPicksIn,
  writePlaybookIn,
  writeSettingsIn,
} from '../db/private-items';
import type { StoreName } from '../db/schema';
import { refuseStrandedDeals } from '../db/stage-moves';
import { inTransaction, type Tx } from '../db/transaction';
import type { Playbook } from '../playbook/schema';
import type { Settings } from '../settings/schema';
import { validRows } from '../db/validate';
import { DATA_STORES, rowKey, storedRowSchemas, type AnyRow, type StoreRows } from './format';
import { planStore, type StorePlan } from './merge';
import type { ImportCounts } from './types';

type AllStores = StoreName[];
const ALL_STORES = [...DATA_STORES] as AllStores;
/** The records' stores and the private items (playbook, settings, contact picks), for writes that span both. */
const WITH_PRIVATE_ITEMS = [...DATA_STORES, 'privateItems'] as [...AllStores, 'privateItems'];

/**
 * Above this many incoming rows for a store, the rep's rows are read in one go rather than one by one:
 * a single `getAll` costs less than thousands of separate reads.
 */
const READ_ALL_THRESHOLD = 500;

export interface Snapshot {
  rows: StoreRows;
  /** Damaged rows left out (each is reported by the row validator). */
  skipped: number;
}

/** Every valid row of every store, read in one transaction. */
export async function readSnapshot(db: Db): Promise<Snapshot> {
  return inTransaction(db, ALL_STORES, 'readonly', async (tx) => {
    const raw = await Promise.all(DATA_STORES.map((store) => tx.objectStore(store).getAll()));
    const rows = {} as Record<StoreName, AnyRow[]>;
    let skipped = 0;
    DATA_STORES.forEach((store, index) => {
      const stored = raw[index]!;
      const valid = validRows(storedRowSchemas[store] as never, store, stored, (row) => rowKey(store, row));
      skipped += stored.length - valid.length;
      rows[store] = valid as AnyRow[];
    });
    return { rows: rows as unknown as StoreRows, skipped };
  });
}

export interface ImportPlan {
  stores: Record<StoreName, StorePlan>;
  counts: ImportCounts;
  accountKeys: Set<string>;
  changedRows: number;
}

type AnyTx = Tx<AllStores, IDBTransactionMode>;

async function localLookup(
  tx: AnyTx,
  store: StoreName,
  incoming: readonly AnyRow[],
): Promise<(key: string) => AnyRow | undefined> {
  const objectStore = tx.objectStore(store);
  const schema = storedRowSchemas[store] as never;
  const keyOf = (row: unknown) => rowKey(store, row);
  if (incoming.length === 0) return () => undefined;
  let stored: unknown[];
  if (incoming.length > READ_ALL_THRESHOLD) {
    stored = await objectStore.getAll();
  } else {
    stored = (await Promise.all(incoming.map((row) => objectStore.get(keyOf(row))))).filter(
      (row) => row !== undefined,
    );
  }
  // A damaged row of the rep's counts as absent: the file's valid row repairs it.
  const valid = validRows(schema, store, stored, keyOf) as AnyRow[];
  const byKey = new Map(valid.map((row) => [keyOf(row), row]));
  return (key) => byKey.get(key);
}

/**
 * The file's touches without those of visits the rep's database records under another id (the same
 * thread on the same day, recorded in two browsers): the unique visit index would refuse them and fail
 * the whole import. The rep's touch of that visit stays, as with any fact recorded on both sides.
 */
async function touchesOfOtherVisits(
  tx: AnyTx,
  incoming: StoreRows['touches'],
): Promise<{ touches: StoreRows['touches']; keptOut: number }> {
  if (incoming.length === 0) return { touches: [], keptOut: 0 };
  const byVisit = tx.objectStore('touches').index('by-visit');
  const recorded = new Map<string, string>();
  if (incoming.length > READ_ALL_THRESHOLD) {
    let cursor = await byVisit.openKeyCursor();
    while (cursor) {
      recorded.set(cursor.key, String(cursor.primaryKey));
      cursor = await cursor.continue();
    }
  } else {
    const ids = await Promise.all(incoming.map((touch) => byVisit.getKey(touch.visitKey)));
    incoming.forEach((touch, index) => {
      const id = ids[index];
      if (id !== undefined) recorded.set(touch.visitKey, String(id));
    });
  }
  const touches = incoming.filter((touch) => (recorded.get(touch.visitKey) ?? touch.id) === touch.id);
  return { touches, keptOut: incoming.length - touches.length };
}

async function planInside(tx: AnyTx, fileRows: StoreRows): Promise<ImportPlan> {
  const { touches, keptOut } = await touchesOfOtherVisits(tx, fileRows.touches);
  const file = { ...fileRows, touches };
  const lookups = await Promise.all(DATA_STORES.map((store) => localLookup(tx, store, file[store])));
  const stores = {} as Record<StoreName, StorePlan>;
  const counts = {} as ImportCounts;
  const accountKeys = new Set<string>();
  let changedRows = 0;
  DATA_STORES.forEach((store, index) => {
    const plan = planStore(store, file[store], lookups[index]!);
    stores[store] = plan;
    counts[store] = plan.counts;
    for (const key of plan.accountKeys) accountKeys.add(key);
    changedRows += plan.writes.length;
  });
  const touchCounts = counts.touches;
  counts.touches = {
    ...touchCounts,
    inFile: touchCounts.inFile + keptOut,
    keptLocal: touchCounts.keptLocal + keptOut,
  };
  return { stores, counts, accountKeys, changedRows };
}

/** What importing `file` would do, without writing. */
export async function previewImportRows(db: Db, file: StoreRows): Promise<ImportPlan> {
  return inTransaction(db, ALL_STORES, 'readonly', (tx) => planInside(tx, file));
}

/** What an import replaces besides rows, when the rep chose to. */
export interface ImportReplacements {
  /** The file's playbook, instead of the rep's. */
  playbook?: Playbook;
  /** The settings to store, given the rep's current ones. */
  settings?: (current: Settings) => Settings;
}

/**
 * Merges `file` into the database in one transaction: decided against the rows as they are at that
 * moment (the rep may have written since the preview), and written whole or not at all — with the
 * playbook and settings it replaces, if any. A replacing playbook that would strand accounts in stages
 * it lacks is refused (`StagesNeedAHome`) and nothing is written. Returns the plan, and the settings
 * stored when they were replaced.
 */
export async function importRows(
  db: Db,
  file: StoreRows,
  replace: ImportReplacements = {},
): Promise<ImportPlan & { settings?: Settings }> {
  return inTransaction(db, WITH_PRIVATE_ITEMS, 'readwrite', async (tx) => {
    const plan = await planInside(tx as unknown as AnyTx, file);
    // Every write is queued at once (the transaction runs them in order without a round trip each).
    const writes: Promise<unknown>[] = [];
    try {
      for (const store of DATA_STORES) {
        const objectStore = tx.objectStore(store);
        for (const row of plan.stores[store].writes) writes.push(objectStore.put(row as never));
      }
    } finally {
      // When one write fails the transaction aborts and every other write fails with it: expected, and
      // reported once, through the first failure.
      for (const write of writes) write.catch(() => undefined);
    }
    await Promise.all(writes);

    const privateItems = tx.objectStore('privateItems');
    if (replace.playbook) {
      // Checked after the rows above were written: deals the file brings count too.
      const stored = await readPlaybookIn(privateItems);
      await refuseStrandedDeals(
        tx.objectStore('deals').index('by-outcome-stage') as unknown as Parameters<
          typeof refuseStrandedDeals
        >[0],
        stored,
        replace.playbook,
      );
      await writePlaybookIn(privateItems, replace.playbook);
    }
    if (!replace.settings) return plan;
    await writeSettingsIn(privateItems, replace.settings(await readSettingsIn(privateItems)));
    return { ...plan, settings: await readSettingsIn(privateItems) };
  });
}

export interface WipeResult {
  deleted: Record<StoreName, number>;
  /** The accounts that had rows, for telling open pages. */
  accountKeys: string[];
}

/**
 * Deletes every row of every store, and the contacts picked per page (they name customers too), in one
 * transaction. The playbook and settings stay: they are the rep's way of working, not customer data.
 */
export async function deleteAllRows(db: Db): Promise<WipeResult> {
  return inTransaction(db, WITH_PRIVATE_ITEMS, 'readwrite', async (tx) => {
    const counts = await Promise.all(DATA_STORES.map((store) => tx.objectStore(store).count()));
    const accountKeys = new Set((await tx.objectStore('accounts').getAllKeys()).map(String));
    // Rows filed under a key without an account row still show in panels; those panels must hear too.
    for (const store of ['contacts', 'followUps', 'stageEvents', 'questionLog'] as const) {
      let cursor = await tx.objectStore(store).index('by-account').openKeyCursor(null, 'nextunique');
      while (cursor) {
        accountKeys.add(String(cursor.key));
        cursor = await cursor.continue();
      }
    }
    await Promise.all(DATA_STORES.map((store) => tx.objectStore(store).clear()));
    await writeContactPicksIn(tx.objectStore('privateItems'), {});
    const deleted = {} as Record<StoreName, number>;
    DATA_STORES.forEach((store, index) => (deleted[store] = counts[index]!));
    return { deleted, accountKeys: [...accountKeys] };
  });
}
