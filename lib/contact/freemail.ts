/**
 * Freemail providers (gmail.com, qq.com, 163.com, …): their domain says nothing about the company, so
 * an address there is its own account.
 */
import freemailDomainList from 'email-providers/all.json';
import { getDomain } from 'tldts';
import { toAsciiDomain } from './domain-name';

let freemailDomains: ReadonlySet<string> | undefined;

/**
 * Built on the first question, not as the script starts: every start of the background would otherwise
 * pay for checking thousands of domains, also the starts for a message that never asks. The list holds a
 * few Unicode entries (kept here in punycode, like every key) and the odd malformed one, which is skipped.
 */
function knownFreemailDomains(): ReadonlySet<string> {
  freemailDomains ??= new Set(
    freemailDomainList.flatMap((entry) => {
      const domain = toAsciiDomain(entry);
      return domain === null ? [] : [domain];
    }),
  );
  return freemailDomains;
}

/**
 * Whether addresses at this domain belong to a mail provider rather than a company. Subdomains of a
 * listed provider count too (`vip.qq.com`, `x.yahoo.co.jp`). Accepts Unicode or ASCII; `false` for
 * anything that is not a domain.
 */
export function isFreemailDomain(domain: string): boolean {
  const ascii = toAsciiDomain(domain);
  if (ascii === null) return false;
  const domains = knownFreemailDomains();
  if (domains.has(ascii)) return true;
  const registrable = getDomain(ascii);
  return registrable !== null && domains.has(registrable);
}
