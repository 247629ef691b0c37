/**
 * Domain names as they appear in email addresses: converted to their lower-case ASCII (punycode) form
 * so that `bücher.de`, `BÜCHER.DE` and `xn--bcher-kva.de` compare equal.
 */

const MAX_DOMAIN_LENGTH = 253;

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A top-level domain is never numeric; this also rules out IP addresses. */
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** ASCII characters a domain may contain; anything else ASCII (`[`, `%`, `/`, …) is an obfuscation or junk. */
const ASCII_DOMAIN_CHARACTERS = /^[a-z0-9.-]*$/;

/** Whitespace, control and invisible format characters, which no domain may contain. */
const SPACE_CONTROL_OR_FORMAT = /[\s\p{Cc}\p{Cf}]/u;

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_GLOBAL = /[\u0080-\uffff]/g;

/**
 * The lower-case ASCII form of a domain name, or `null` if it is not a plausible internet domain with a
 * top-level domain. Accepts Unicode (IDN) and punycode input alike. A single trailing dot (the absolute
 * DNS form) is dropped. Never throws.
 */
export function toAsciiDomain(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_DOMAIN_LENGTH * 4) return null;
  if (SPACE_CONTROL_OR_FORMAT.test(raw)) return null;
  const lowered = raw.toLowerCase();
  // The common case needs no IDN processing; only labels that are Unicode or already punycode do.
  const needsIdnProcessing = NON_ASCII.test(lowered) || lowered.includes('xn--');
  let ascii: string;
  if (needsIdnProcessing) {
    const asciiPart = lowered.replace(NON_ASCII_GLOBAL, '');
    if (!ASCII_DOMAIN_CHARACTERS.test(asciiPart)) return null;
    const converted = idnToAscii(lowered);
    if (converted === null) return null;
    ascii = converted;
  } else {
    if (!ASCII_DOMAIN_CHARACTERS.test(lowered)) return null;
    ascii = lowered;
  }
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  return isPlausibleAsciiDomain(ascii) ? ascii : null;
}

/** Checks the shape of an already lower-cased ASCII domain: at least two labels, a non-numeric TLD. */
export function isPlausibleAsciiDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > MAX_DOMAIN_LENGTH) return false;
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1];
  if (labels.length < 2 || topLevel === undefined || !TOP_LEVEL_LABEL.test(topLevel)) return false;
  return labels.every((label) => LABEL.test(label));
}

/**
 * IDN to ASCII via the URL parser, which applies the full UTS #46 mapping (case folding, NFC,
 * full-width dots such as `。`) and rejects invalid punycode; the `punycode` package alone does neither.
 * Available in service workers as well as in pages.
 */
function idnToAscii(domain: string): string | null {
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
}
