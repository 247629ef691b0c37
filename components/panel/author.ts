import { displayEmail } from '@/lib/contact/email';
import type { Author } from '@/lib/db/records';

/**
 * How the one who wrote a note or moved a deal reads in the panel: their name, else their address; and
 * "name <address>" in full for the tooltip. Undefined when nothing is known of them.
 */
export function authorLabel(author: Author | undefined): { shown: string; full: string } | undefined {
  const name = author?.name?.trim() || undefined;
  const email = author?.email ? displayEmail(author.email) : undefined;
  if (name && email) return { shown: name, full: `${name} <${email}>` };
  const only = name ?? email;
  return only ? { shown: only, full: only } : undefined;
}
