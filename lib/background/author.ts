import { readAuthorIn, readPrivateItem } from '../db/private-items';
import type { Author } from '../db/records';
import { privateItemsDb } from './private-items-db';

/**
 * The rep as the author of what they write: their name as they sign emails and their first own address,
 * from settings (lib/db/private-items.ts, `authorFromSettings`); undefined while settings name neither.
 */
export async function currentAuthor(): Promise<Author | undefined> {
  return readPrivateItem(await privateItemsDb(), readAuthorIn);
}
