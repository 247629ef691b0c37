/**
 * Custom CRM sites: hosts the rep adds so the generic adapter reads them. A host becomes one https match
 * pattern, asked for as an optional host permission at the moment the rep adds it. Only a leading `*.`
 * wildcard is accepted, never one that covers a whole public suffix (`*.com`, `*.co.uk`), and never a
 * host a built-in adapter already serves (two panels would dock on one page).
 */
import { getDomain } from 'tldts';
import { toAsciiDomain } from '../contact/domain-name';

export const MAX_CUSTOM_SITES = 50;

export type CustomSiteProblem =
  | 'empty'
  | 'not-https'
  | 'port'
  | 'wildcard'
  | 'invalid'
  | 'too-broad'
  | 'supported'
  | 'duplicate'
  | 'too-many';

export type CustomSiteHostResult = { ok: true; host: string } | { ok: false; problem: CustomSiteProblem };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** The host part of a match pattern (`*.example.com`), without its wildcard, and whether it had one. */
function splitWildcard(host: string): { base: string; wildcard: boolean } {
  return host.startsWith('*.') ? { base: host.slice(2), wildcard: true } : { base: host, wildcard: false };
}

/** The host of a match pattern such as `https://*.pipedrive.com/*`. */
export function patternHost(pattern: string): string {
  return pattern.replace(SCHEME, '').split('/')[0] ?? '';
}

/** True when two pattern hosts can match the same page. */
export function hostsOverlap(a: string, b: string): boolean {
  const one = splitWildcard(a);
  const two = splitWildcard(b);
  return (
    one.base === two.base ||
    (one.wildcard && two.base.endsWith(`.${one.base}`)) ||
    (two.wildcard && one.base.endsWith(`.${two.base}`))
  );
}

/**
 * Reads what the rep typed or pasted — `crm.example.com`, `*.example.com`, `https://crm.example.com/`
 * or a whole page address from the address bar — as a pattern host in lower-case ASCII.
 */
export function parseCustomSiteHost(
  raw: string,
  options: { supportedPatterns?: readonly string[]; existing?: readonly string[] } = {},
): CustomSiteHostResult {
  let rest = raw.trim();
  if (rest === '') return { ok: false, problem: 'empty' };
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'https') return { ok: false, problem: 'not-https' };
    rest = rest.slice(scheme[0].length);
  }
  const hostPart = rest.split(/[/?#]/)[0] ?? '';
  if (hostPart.includes('@')) return { ok: false, problem: 'invalid' };
  if (hostPart.includes(':')) return { ok: false, problem: 'port' };
  const { base, wildcard } = splitWildcard(hostPart);
  if (base.includes('*')) return { ok: false, problem: 'wildcard' };
  // `*.com`: a wildcard over a top-level domain.
  if (wildcard && /^[^.]+$/.test(base)) return { ok: false, problem: 'too-broad' };
  const ascii = toAsciiDomain(base);
  if (ascii === null) return { ok: false, problem: 'invalid' };
  // A public suffix has no registrable domain: `*.co.uk` would be every British company.
  if (getDomain(ascii) === null) return { ok: false, problem: wildcard ? 'too-broad' : 'invalid' };
  const host = wildcard ? `*.${ascii}` : ascii;
  if ((options.supportedPatterns ?? []).some((pattern) => hostsOverlap(patternHost(pattern), host))) {
    return { ok: false, problem: 'supported' };
  }
  if ((options.existing ?? []).includes(host)) return { ok: false, problem: 'duplicate' };
  return { ok: true, host };
}

/** The match pattern (and permission origin) for a custom host. */
export function customSiteMatchPattern(host: string): string {
  return `https://${host}/*`;
}

/** The id the generic content script is registered under for a custom host. */
export function customSiteScriptId(host: string): string {
  return `custom-${host}`;
}
