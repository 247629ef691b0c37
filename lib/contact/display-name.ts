/** Display names as pages show them → something worth showing next to the address. */
import { normalizeEmail } from './email';

const SURROUNDING_QUOTES = /^(["'])(.*)\1$/;

/**
 * Trims, collapses whitespace and drops wrapping quotes (`"Doe, Jane"`). Returns `undefined` when
 * nothing is left or the "name" is just the address again, which many mail clients show when a
 * sender has no name.
 */
export function cleanDisplayName(name: string | undefined, email: string): string | undefined {
  if (typeof name !== 'string') return undefined;
  let cleaned = name.replace(/\s+/g, ' ').trim();
  const quoted = SURROUNDING_QUOTES.exec(cleaned);
  if (quoted?.[2] !== undefined) cleaned = quoted[2].trim();
  if (cleaned === '') return undefined;
  if (cleaned.includes('@') && normalizeEmail(cleaned) === email) return undefined;
  return cleaned;
}
