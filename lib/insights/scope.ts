/**
 * Whose work the insights count once several reps share a database through sync: the rep's own ("mine")
 * or everyone's ("team").
 */
import type { Author } from '../db/records';

export const INSIGHTS_SCOPES = ['mine', 'team'] as const;
export type InsightsScope = (typeof INSIGHTS_SCOPES)[number];

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether a record's author is the rep. A record with no author counts as the rep's: records are only
 * written without one in a browser whose settings name nobody, and before sync every record here is the
 * rep's own. An address decides when both have one (a name can be shared or spelled differently); the name
 * only when either lacks an address.
 */
export function isByRep(rep: Author | undefined, author: Author | undefined): boolean {
  if (!author) return true;
  if (!rep) return false;
  if (rep.email && author.email) return same(rep.email, author.email);
  if (rep.name && author.name) return same(rep.name, author.name);
  return false;
}
