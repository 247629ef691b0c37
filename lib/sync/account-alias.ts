/**
 * An account merge on the sync server: one document per merged-away account, `alias:<from>`, saying which
 * account it now lives in. The moved rows travel as the records they are; this document makes every other
 * device record the same alias (so what it sees of `from` later lands in `into`) and merge the rows it
 * still has under `from`. A removed alias is the document's deletion.
 */
import { z } from 'zod';
import { accountKeySchema } from '../db/records';

export const ACCOUNT_ALIAS_DOC_PREFIX = 'alias:';

export function accountAliasDocId(from: string): string {
  return `${ACCOUNT_ALIAS_DOC_PREFIX}${from}`;
}

export const accountAliasDocSchema = z.object({
  type: z.literal('account-alias'),
  from: accountKeySchema,
  into: accountKeySchema,
});
export type AccountAliasDocBody = z.infer<typeof accountAliasDocSchema>;

/** An alias as the server says it now: `into` undefined when it was removed. */
export interface ReceivedAlias {
  from: string;
  into: string | undefined;
}

/** The alias a document states, or a problem for a malformed one (skipped and reported). */
export function receivedAlias(
  id: string,
  doc: { _deleted?: boolean } | undefined,
): { ok: true; alias: ReceivedAlias } | { ok: false; problem: string } {
  const from = id.slice(ACCOUNT_ALIAS_DOC_PREFIX.length);
  if (!doc || doc._deleted) return { ok: true, alias: { from, into: undefined } };
  const parsed = accountAliasDocSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, problem: parsed.error.issues[0]?.message ?? 'malformed alias' };
  if (parsed.data.from !== from) return { ok: false, problem: 'the alias names another account than its id' };
  if (parsed.data.into === from) return { ok: false, problem: 'an account cannot be merged into itself' };
  return { ok: true, alias: { from, into: parsed.data.into } };
}
