import { normalizeEmail } from '../contact/email';
import type { PersonSeen } from '../db/accounts';

/** The contact a panel write was made about, as stored with the account (or none if malformed). */
export function personSeen(accountKey: string, contactEmail: string | undefined): PersonSeen | undefined {
  const email = contactEmail ? normalizeEmail(contactEmail) : null;
  return email ? { email, accountKey } : undefined;
}
