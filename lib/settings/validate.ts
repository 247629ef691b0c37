/**
 * Checks for what the rep types into settings, shared by the options page (to say what is wrong before
 * anything is sent) and the background (which accepts nothing unchecked).
 */
import { normalizeAccountKey } from '../contact/account-key';
import { toAsciiDomain } from '../contact/domain-name';
import { normalizeEmail } from '../contact/email';
import { isFreemailDomain } from '../contact/freemail';

export const MAX_OWN_EMAILS = 100;
export const MAX_OWN_DOMAINS = 100;
export const MAX_ACCOUNT_ALIASES = 1000;

/** One of the rep's addresses, normalised; null when it is not an address. */
export function parseOwnEmail(raw: string): string | null {
  return normalizeEmail(raw);
}

export type OwnDomainResult = { ok: true; domain: string } | { ok: false; problem: 'invalid' | 'freemail' };

/**
 * A company domain (`@contoso.com` and `*.contoso.com` mean the domain). Free-mail domains are refused:
 * they make no company, so every gmail.com user would silently stop being a contact.
 */
export function parseOwnDomain(raw: string): OwnDomainResult {
  const domain = toAsciiDomain(raw.trim().replace(/^(?:@|\*\.)/, ''));
  if (domain === null) return { ok: false, problem: 'invalid' };
  if (isFreemailDomain(domain)) return { ok: false, problem: 'freemail' };
  return { ok: true, domain };
}

/**
 * An account key as the rep types it: a company domain (`contoso.co.uk`, `www.contoso.com`, `bücher.de`)
 * or, for people at free-mail providers, their address. Null when it is neither.
 */
export function parseAccountKeyInput(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (trimmed.includes('@') && !trimmed.startsWith('@')) {
    return normalizeEmail(trimmed) === null ? null : normalizeAccountKey(trimmed);
  }
  const domain = toAsciiDomain(trimmed.replace(/^(?:@|\*\.)/, ''));
  if (domain === null || isFreemailDomain(domain)) return null;
  return normalizeAccountKey(domain);
}
