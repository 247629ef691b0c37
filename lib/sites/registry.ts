/**
 * The one place that lists every site adapter. The manifest's content-script `matches` are derived from
 * it (see wxt.config.ts), and the content script asks it which adapter reads the current page.
 */
import { gmail } from './gmail';
import { netease } from './netease';
import { outlook } from './outlook';
import { qqmail } from './qqmail';
import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { SiteAdapter } from './types';
import { zoho } from './zoho';

/** Ordered: the first adapter whose URL test passes reads the page. `generic` is not listed (custom sites). */
export const siteAdapters: readonly SiteAdapter[] = [
  gmail,
  outlook,
  netease,
  qqmail,
  salesforce,
  hubspot,
  pipedrive,
  zoho,
  dynamics,
];

/** Every match pattern of every adapter, for the manifest. */
export function allSiteMatches(): string[] {
  return [...new Set(siteAdapters.flatMap((adapter) => adapter.matches))];
}
