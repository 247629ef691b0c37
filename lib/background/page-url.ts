/**
 * Page URLs as Dealside keeps them. Browsers allow URLs of megabytes, and a page can lengthen its own with
 * one `pushState`; long CRM and search URLs reach thousands of characters by accident. None of that may
 * fail a save, so URLs are bounded here, before anything stores them.
 */
import { PAGE_URL_MAX_LENGTH } from '../limits';

/** The URL that tells a tab's page from another (picks are keyed by it): cut at the limit. */
export function pageKeyUrl(url: string): string {
  return url.length > PAGE_URL_MAX_LENGTH ? url.slice(0, PAGE_URL_MAX_LENGTH) : url;
}

/**
 * The URL to return to later ("open"), or undefined when it may have been cut: a cut URL is another page,
 * so it is dropped rather than kept as a link.
 */
export function returnUrl(url: string): string | undefined {
  return url.length < PAGE_URL_MAX_LENGTH ? url : undefined;
}

/** Only pages on the web are reopened; a stored URL of any other kind is ignored. */
export function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    return ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
