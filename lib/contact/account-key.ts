/**
 * The account key: what notes, stages and follow-ups are filed under. For a company it is the
 * registrable domain (Public Suffix List), so `mail.sales.contoso.co.uk` and `contoso.co.uk` are one
 * account; for a freemail address it is the address itself, since "gmail.com" is not a customer.
 * Keys are lower case with domains in ASCII (punycode); `displayAccountKey` gives the readable form.
 */
import punycode from 'punycode/punycode.js';
import { getDomain } from 'tldts';
import { type AccountAliases, resolveAccountAlias } from './account-aliases';
import { toAsciiDomain } from './domain-name';
import { normalizeEmail, splitNormalizedEmail, withoutPlusTag } from './email';
import { isFreemailDomain } from './freemail';

export { isFreemailDomain } from './freemail';
export type { AccountAliases } from './account-aliases';

export interface AccountKeyOptions {
  /** Account key → the key it was merged into (settings `accountAliases`). */
  aliases?: AccountAliases;
}

/** The account an address belongs to, after following aliases; `null` if it is not an address. */
export function accountKeyForEmail(email: string, options: AccountKeyOptions = {}): string | null {
  const normalized = normalizeEmail(email);
  if (normalized === null) return null;
  return resolveAccountAlias(accountKeyForNormalizedEmail(normalized), options.aliases, normalizeAccountKey);
}

/**
 * The company account for a domain (`sales.contoso.com` → `contoso.com`), after following aliases;
 * `null` for freemail domains, which are no company, and for anything that is not a domain.
 */
export function accountKeyForDomain(domain: string, options: AccountKeyOptions = {}): string | null {
  if (typeof domain !== 'string') return null;
  // Settings may hold `@contoso.com` or `*.contoso.com`; both mean the domain.
  const ascii = toAsciiDomain(domain.trim().replace(/^(?:@|\*\.)/, ''));
  if (ascii === null || isFreemailDomain(ascii)) return null;
  return resolveAccountAlias(registrableDomain(ascii), options.aliases, normalizeAccountKey);
}

/**
 * The registrable domain by the Public Suffix List (ICANN section): `a.b.contoso.co.uk` →
 * `contoso.co.uk`. A domain that is itself a public suffix (`gov.uk`) stays as it is, being the most
 * specific thing known about the sender. Expects a normalised ASCII domain.
 */
export function registrableDomain(asciiDomain: string): string {
  return getDomain(asciiDomain) ?? asciiDomain;
}

/** The readable form of a key: `xn--bcher-kva.de` → `bücher.de`, `jane@xn--fiqs8s.com` → `jane@中国.com`. */
export function displayAccountKey(key: string): string {
  const at = key.lastIndexOf('@');
  try {
    if (at === -1) return punycode.toUnicode(key);
    return `${key.slice(0, at)}@${punycode.toUnicode(key.slice(at + 1))}`;
  } catch {
    // Malformed punycode in a stored key: showing it as stored beats showing nothing.
    return key;
  }
}

/**
 * Any spelling of a key (hand-typed in settings, Unicode, an address) in stored key form. Company
 * addresses stay addresses here: an alias written for one person must not capture their whole domain.
 */
export function normalizeAccountKey(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.includes('@')) {
    const email = normalizeEmail(trimmed);
    if (email === null) return trimmed.toLowerCase();
    const { domain } = splitNormalizedEmail(email);
    return isFreemailDomain(domain) ? withoutPlusTag(email) : email;
  }
  const ascii = toAsciiDomain(trimmed);
  return ascii === null ? trimmed.toLowerCase() : registrableDomain(ascii);
}

function accountKeyForNormalizedEmail(email: string): string {
  const { domain } = splitNormalizedEmail(email);
  return isFreemailDomain(domain) ? withoutPlusTag(email) : registrableDomain(domain);
}
