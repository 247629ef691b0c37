/**
 * Account merges between this browser's settings and the server's `alias:` documents
 * (lib/sync/account-alias.ts). The aliases as last agreed with the mirror are kept, so a difference tells
 * which side changed: the rep merged (or removed an alias) here, and the document is written to the
 * mirror and pushed; or one came in, and the same merge is made here (the rows this browser still has
 * under the old account move too, and go out as the edits they are).
 */
import { z } from 'zod';
import type { Db } from '../../db/open';
import { inTransaction } from '../../db/transaction';
import { accountAliasDocId, type AccountAliasDocBody, type ReceivedAlias } from '../../sync/account-alias';
import type { Doc, PouchDatabase } from './pouch-api';

/** The private item holding the aliases as last agreed with the mirror. */
export const AGREED_ALIASES_ITEM = 'syncAccountAliases';

const agreedSchema = z.record(z.string(), z.string()).catch({});

/** What sync needs of the rep's aliases; the background's are its settings and its merge. */
export interface AliasActions {
  /** The aliases this browser has now, merged-away account → the account it lives in. */
  current(): Promise<Record<string, string>>;
  /** Merges `from` into `into` here as the rep's merge does; false when refused (it would make a loop). */
  merge(from: string, into: string): Promise<boolean>;
  /** Removes the alias `from` → `into` when the settings still say so. */
  remove(from: string, into: string): Promise<void>;
}

async function readAgreed(db: Db): Promise<Record<string, string>> {
  const stored = await inTransaction(db, ['privateItems'], 'readonly', (tx) =>
    tx.objectStore('privateItems').get(AGREED_ALIASES_ITEM),
  );
  return agreedSchema.parse(stored ?? {});
}

async function writeAgreed(db: Db, aliases: Record<string, string>): Promise<void> {
  await inTransaction(db, ['privateItems'], 'readwrite', (tx) =>
    tx.objectStore('privateItems').put(aliases, AGREED_ALIASES_ITEM),
  );
}

/** Writes the aliases the rep added, changed or removed since the last agreement into the mirror. */
export async function offerAliases(
  db: Db,
  mirror: PouchDatabase<unknown>,
  actions: AliasActions,
): Promise<void> {
  const [current, agreed] = await Promise.all([actions.current(), readAgreed(db)]);
  const changed = Object.entries(current).filter(([from, into]) => agreed[from] !== into);
  const removed = Object.keys(agreed).filter((from) => current[from] === undefined);
  if (changed.length === 0 && removed.length === 0) return;

  const aliasMirror = mirror as PouchDatabase<AccountAliasDocBody>;
  const ids = [...changed.map(([from]) => from), ...removed].map(accountAliasDocId);
  const { rows } = await aliasMirror.allDocs({ keys: ids });
  const liveRev = new Map(
    rows.map((row) => [row.key, row.value && !row.value.deleted ? row.value.rev : undefined]),
  );
  const next = { ...agreed };
  const writes: { from: string; into?: string; doc: Doc<Partial<AccountAliasDocBody>> }[] = [];
  for (const [from, into] of changed) {
    const id = accountAliasDocId(from);
    const rev = liveRev.get(id);
    writes.push({
      from,
      into,
      doc: { _id: id, ...(rev ? { _rev: rev } : {}), type: 'account-alias', from, into },
    });
  }
  for (const from of removed) {
    const id = accountAliasDocId(from);
    const rev = liveRev.get(id);
    if (rev) writes.push({ from, doc: { _id: id, _rev: rev, _deleted: true } });
    else delete next[from];
  }
  const results = writes.length > 0 ? await aliasMirror.bulkDocs(writes.map((write) => write.doc)) : [];
  // What the mirror took is agreed; a refusal (a change that came in meanwhile) is offered again later.
  for (const [index, result] of results.entries()) {
    const { from, into } = writes[index]!;
    if (!result.ok) continue;
    if (into === undefined) delete next[from];
    else next[from] = into;
  }
  await writeAgreed(db, next);
}

/** Makes here the merges (and alias removals) that came from the server. */
export async function receiveAliases(
  db: Db,
  received: readonly ReceivedAlias[],
  actions: AliasActions,
): Promise<void> {
  if (received.length === 0) return;
  const agreed = await readAgreed(db);
  for (const { from, into } of received) {
    const current = await actions.current();
    if (into === undefined) {
      const was = agreed[from];
      if (was === undefined) continue;
      delete agreed[from];
      if (current[from] === was) await actions.remove(from, was);
      continue;
    }
    if (agreed[from] === into) continue;
    if (current[from] === into || (await actions.merge(from, into))) agreed[from] = into;
  }
  await writeAgreed(db, agreed);
}
