/**
 * Email addresses as pages show them → one canonical form, so the same person read off Gmail, Outlook
 * or a CRM record compares equal. Pure; never throws.
 */
import punycode from 'punycode/punycode.js';
import { toAsciiDomain } from './domain-name';

/** RFC 5321 limit on a forward path; longer strings are not addresses, whatever they contain. */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
/** Generous bound on raw input, so pathological strings are rejected before any regex runs. */
const MAX_RAW_LENGTH = 2048;

/**
 * Unquoted local part (RFC 5322 dot-atom) plus non-ASCII characters (RFC 6531, e.g. `josé@…`):
 * no leading, trailing or doubled dots, no spaces, no brackets.
 */
const DOT_ATOM_LOCAL_PART =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~\-\u00a0-\uffff]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~\-\u00a0-\uffff]+)*$/;

/** Quoted local part, e.g. `"john.doe"` or `"a@b"`: printable characters, `\` escapes. */
const QUOTED_LOCAL_PART = /^"(?:[\x20\x21\x23-\x5b\x5d-\x7e\u00a0-\uffff]|\\[\x20-\x7e])+"$/;

/**
 * Control characters, invisible format characters (zero-width space, bidi overrides that make an
 * address read differently than it is) and every kind of whitespace except the plain space, which
 * is allowed inside quotes and rejected elsewhere by the local-part and domain checks.
 */
const CONTROL_FORMAT_OR_ODD_SPACE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

const MAILTO_PREFIX = /^mailto:/i;

/**
 * The canonical form of an address: trimmed, `mailto:` and surrounding `<…>` removed, lower case,
 * domain in ASCII (punycode). Returns `null` for anything that is not a plausible single address,
 * including obfuscations such as `jane [at] example.org`.
 */
export function normalizeEmail(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_RAW_LENGTH) return null;
  const bare = stripWrapping(raw);
  if (bare === null || CONTROL_FORMAT_OR_ODD_SPACE.test(bare)) return null;

  const parts = splitAddress(bare.normalize('NFC'));
  if (parts === null) return null;

  const localPart = parts.localPart.toLowerCase();
  if (localPart.length > MAX_LOCAL_PART_LENGTH || !isValidLocalPart(localPart)) return null;

  const domain = toAsciiDomain(parts.domain);
  if (domain === null) return null;

  const email = `${localPart}@${domain}`;
  return email.length <= MAX_EMAIL_LENGTH ? email : null;
}

/** The ASCII domain of an address, or `null` if it is not a plausible address. */
export function emailDomain(email: string): string | null {
  const normalized = normalizeEmail(email);
  return normalized === null ? null : splitNormalizedEmail(normalized).domain;
}

/**
 * Local part and domain of an address that `normalizeEmail` produced. The domain never contains `@`,
 * so the last one separates the parts even for quoted local parts such as `"a@b"@example.org`.
 */
export function splitNormalizedEmail(email: string): { localPart: string; domain: string } {
  const at = email.lastIndexOf('@');
  return { localPart: email.slice(0, at), domain: email.slice(at + 1) };
}

/**
 * The address without a `+tag` (`jane+news@x` → `jane@x`): mailbox providers deliver both to one
 * person. Quoted local parts are left alone, and so is a local part that is only a tag.
 * Expects a normalised address.
 */
export function withoutPlusTag(email: string): string {
  const { localPart, domain } = splitNormalizedEmail(email);
  if (localPart.startsWith('"')) return email;
  const plus = localPart.indexOf('+');
  return plus > 0 ? `${localPart.slice(0, plus)}@${domain}` : email;
}

/**
 * An address as the rep reads it: IDN domains in Unicode (`anna@xn--bckerei-hoffmann-7nb.de` →
 * `anna@bäckerei-hoffmann.de`). Only for showing: what is stored and compared stays `normalizeEmail`'s
 * ASCII form. A label that is not valid punycode, or that mixes Latin, Cyrillic and Greek letters (the
 * look-alike trick behind spoofed domains, which browsers also leave in punycode), stays as it is.
 * Never throws.
 */
export function displayEmail(email: string): string {
  if (typeof email !== 'string') return email;
  const at = email.lastIndexOf('@');
  if (at === -1 || !/xn--/i.test(email.slice(at + 1))) return email;
  const domain = email
    .slice(at + 1)
    .toLowerCase()
    .split('.')
    .map(displayLabel)
    .join('.');
  return `${email.slice(0, at)}@${domain}`;
}

const MIXED_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

function displayLabel(label: string): string {
  if (!label.startsWith('xn--')) return label;
  let unicode: string;
  try {
    unicode = punycode.decode(label.slice(4));
  } catch {
    return label;
  }
  // Valid only if the URL parser's IDNA processing turns it back into the very same label.
  let roundTrip: string | undefined;
  try {
    roundTrip = new URL(`http://${unicode}`).hostname;
  } catch {
    return label;
  }
  if (roundTrip !== label) return label;
  const scripts = MIXED_SCRIPTS.filter((script) => script.test(unicode)).length;
  return scripts > 1 ? label : unicode;
}

/** Removes surrounding whitespace, `<…>` and `mailto:` (with its query string), in any nesting order. */
function stripWrapping(raw: string): string | null {
  let text = raw.trim();
  for (let pass = 0; pass < 2; pass += 1) {
    if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
    if (MAILTO_PREFIX.test(text)) {
      const decoded = decodeMailtoAddress(text.replace(MAILTO_PREFIX, ''));
      if (decoded === null) return null;
      text = decoded.trim();
    }
  }
  return text;
}

/** A mailto URL's address part: everything before `?`/`#`, percent-decoded (`jane%40x.com`). */
function decodeMailtoAddress(mailtoBody: string): string | null {
  const end = mailtoBody.search(/[?#]/);
  const address = end === -1 ? mailtoBody : mailtoBody.slice(0, end);
  try {
    return decodeURIComponent(address);
  } catch {
    return null;
  }
}

/** Splits at the one `@` outside quotes; `null` if there is none, or more than one. */
function splitAddress(address: string): { localPart: string; domain: string } | null {
  if (address.startsWith('"')) {
    const closingQuote = findClosingQuote(address);
    if (closingQuote === -1 || address[closingQuote + 1] !== '@') return null;
    const domain = address.slice(closingQuote + 2);
    if (domain.includes('@')) return null;
    return { localPart: address.slice(0, closingQuote + 1), domain };
  }
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return null;
  return { localPart: address.slice(0, at), domain: address.slice(at + 1) };
}

/** Index of the quote that closes the opening one, honouring `\` escapes; -1 if unterminated. */
function findClosingQuote(text: string): number {
  for (let index = 1; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\\') index += 1;
    else if (character === '"') return index;
  }
  return -1;
}

function isValidLocalPart(localPart: string): boolean {
  if (localPart.startsWith('"')) return QUOTED_LOCAL_PART.test(localPart);
  return DOT_ATOM_LOCAL_PART.test(localPart);
}
