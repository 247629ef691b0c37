/**
 * Who sent a message or opened a port, as the browser reports it — never as the message says. The
 * message table (lib/messaging/messages.ts) names which of these kinds may send each message.
 */
import { browser, type Browser } from 'wxt/browser';
import { PAGE_TEXT_MAX_LENGTH } from '../limits';
import type { SenderKind } from '../messaging/messages';

type Sender = Browser.runtime.MessageSender;

export type Caller =
  /** A content script in a tab's top frame: untrusted, may only describe its own tab. */
  | {
      kind: 'content-script';
      tabId: number;
      /** The page's URL as the browser reports it (see `contentScriptPageUrl`). */
      pageUrl: string;
      /** The tab's title as the browser reports it (the page sets it: untrusted, bounded). */
      pageTitle?: string;
    }
  /** The in-page panel: our panel page in a frame of a web page's tab, about that tab. */
  | { kind: 'panel-frame'; tabId: number; frameId: number }
  /** Our pages outside web pages (side panel, popup, options): they name any tab they ask about. */
  | { kind: 'extension-page' };

export type CallerOf<Kind extends SenderKind> = Extract<Caller, { kind: Kind }>;

const EXTENSION_PROTOCOLS = new Set(['chrome-extension:', 'moz-extension:']);
const PANEL_FRAME_PATH = '/panel.html';

function extensionPageUrl(sender: Sender): URL | undefined {
  if (sender.id !== browser.runtime.id || !sender.url) return undefined;
  try {
    const url = new URL(sender.url);
    return EXTENSION_PROTOCOLS.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True for our own extension pages (panel frame, side panel, popup, options). Content scripts share our
 * extension id but report the web page's URL, so the URL's protocol is what tells them apart. (The
 * in-page panel may be loaded through the dynamic web-accessible URL, whose host is not the static id.)
 */
export function isExtensionPageSender(sender: Sender): boolean {
  return extensionPageUrl(sender) !== undefined;
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

/** The sender as one of the kinds the message table knows, or undefined for anyone else. */
export function callerOf(sender: Sender): Caller | undefined {
  const ownPage = extensionPageUrl(sender);
  if (ownPage) {
    const tabId = sender.tab?.id;
    // Only the panel page, in a sub-frame of a tab, is the in-page panel.
    if (ownPage.pathname === PANEL_FRAME_PATH && tabId !== undefined && sender.frameId) {
      return { kind: 'panel-frame', tabId, frameId: sender.frameId };
    }
    return { kind: 'extension-page' };
  }
  const tabId = contentScriptTabId(sender);
  const pageUrl = contentScriptPageUrl(sender);
  if (tabId === undefined || pageUrl === undefined) return undefined;
  const pageTitle = sender.tab?.title?.slice(0, PAGE_TEXT_MAX_LENGTH);
  return { kind: 'content-script', tabId, pageUrl, ...(pageTitle ? { pageTitle } : {}) };
}

/** The tab a panel message is about: the in-page frame's own tab, or the one the side panel names. */
export function panelTabId(
  caller: CallerOf<'panel-frame' | 'extension-page'>,
  named?: number,
): number | undefined {
  return caller.kind === 'panel-frame' ? caller.tabId : named;
}
