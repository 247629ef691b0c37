/**
 * The semantic layer every site shares, asked when a site's own hooks found nobody: what any mail or CRM
 * page says about people in ways that outlive redesigns. Filled in below.
 */
import type { PageContext } from './types';

export function readSemantic(_d: Document, _found: PageContext): PageContext | undefined {
  return undefined;
}
