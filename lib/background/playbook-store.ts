/**
 * The rep's playbook (edited in options); the default one until they change it. Kept in the background's
 * database with the other private items (lib/db/private-items.ts): a web page must not read the team's
 * process, nor forge it.
 */
import { readPlaybookIn, readPrivateItem, changePrivateItems, writePlaybookIn } from '../db/private-items';
import type { Playbook } from '../playbook/schema';
import { privateItemsDb } from './private-items-db';

/** The rep's playbook, or `DEFAULT_PLAYBOOK` itself while they have none (or theirs is damaged). */
export async function readPlaybook(): Promise<Playbook> {
  return readPrivateItem(await privateItemsDb(), readPlaybookIn);
}

/** Stores the rep's playbook; the caller has validated it with `parsePlaybook`. */
export async function writePlaybook(playbook: Playbook): Promise<void> {
  await changePrivateItems(await privateItemsDb(), (store) => writePlaybookIn(store, playbook));
}
