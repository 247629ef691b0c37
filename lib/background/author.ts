import { emailSchema, type Author } from '../db/records';
import { readSettings } from './settings-store';

/**
 * The rep as the author of what they write: their name as they sign emails and their first own address,
 * from settings; undefined while settings name neither.
 */
export async function currentAuthor(): Promise<Author | undefined> {
  const settings = await readSettings();
  const name = settings.senderName.trim();
  const email = settings.ownEmails.find((address) => emailSchema.safeParse(address).success);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}
