import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * True for our own extension pages (panel frame, side panel, popup, options). Content scripts share our
 * extension id but report the web page's URL, so the URL's protocol is what tells them apart. (The
 * in-page panel may be loaded through the dynamic web-accessible URL, whose host is not the static id.)
 */
export function isExtensionPageSender(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  try {
    return EXTENSION_PROTOCOLS.has(new URL(sender.url).protocol);
  } catch {
    return false;
  }
}

const isWebUrl = (url: string | undefined): url is string => url !== undefined && /^https?:/.test(url);

/** The tab of a content script in a page's top frame, or undefined when the sender is anything else. */
export function contentScriptTabId(sender: Sender): number | undefined {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined || sender.frameId !== 0)
    return undefined;
  if (!isWebUrl(sender.url)) return undefined;
  return sender.tab.id;
}

/**
 * The page a top-frame content script is on, as the browser reports it: never the page's own word. The
 * tab's URL first: `sender.url` keeps the URL the document loaded with (measured on Chromium 156: after
 * `pushState` or a hash change it still names the first URL), while `sender.tab.url` follows the page
 * (our host permission for the page grants it, in Chrome and in Firefox 86+). Undefined for any other
 * sender.
 */
export function contentScriptPageUrl(sender: Sender): string | undefined {
  if (contentScriptTabId(sender) === undefined) return undefined;
  return isWebUrl(sender.tab?.url) ? sender.tab.url : sender.url;
}
