/**
 * Copies of a content script coordinate through the background, not the page: the page's events stop
 * nothing, the background tells an older copy in the same tab to stand down, and a port closed because
 * the extension went away ends the copy while one closed by an idle background does not.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onContentScriptConnected } from '../../../lib/background/content-script-copies';
import { recordTabPage, tabPage } from '../../../lib/background/page-registry';
import type { PageContext } from '../../../lib/messaging/messages';
import { CONTENT_SCRIPT_PORT, STAND_DOWN, startLifecycle } from '../../../lib/content/lifecycle';

type Listener = (...args: unknown[]) => void;

const THREAD_CONTEXT: PageContext = {
  site: 'gmail',
  kind: 'thread',
  participants: [{ email: 'jane.cooper@northwind-trading.com', role: 'from', order: 0 }],
};

/** One end of a runtime port, wired to its other end. */
interface FakePort {
  name: string;
  sender?: unknown;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: Listener): void };
  onDisconnect: { addListener(listener: Listener): void };
  fire: { message(message: unknown): void; disconnect(): void };
}

function fakePort(name: string, sender?: unknown): FakePort {
  const messages: Listener[] = [];
  const disconnects: Listener[] = [];
  const port: FakePort = {
    name,
    sender,
    postMessage: vi.fn(),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener) => void messages.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnects.push(listener) },
    fire: {
      message: (message) => messages.forEach((listener) => listener(message)),
      disconnect: () => disconnects.forEach((listener) => listener(port)),
    },
  };
  return port;
}

/** Starts a copy whose port the test holds; returns the copy and its port. */
function startCopy(scriptName = 'gmail') {
  let port: FakePort | undefined;
  fakeBrowser.runtime.connect = ((info: { name: string }) => {
    port = fakePort(info.name);
    return port;
  }) as unknown as typeof fakeBrowser.runtime.connect;
  const lifecycle = startLifecycle(scriptName);
  const cleanup = vi.fn();
  lifecycle.onInvalidated(cleanup);
  return { lifecycle, cleanup, port: port! };
}

function contentScriptSender(tabId: number) {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: tabId },
    frameId: 0,
    url: 'https://mail.google.com/mail/u/0/',
  };
}

describe('content script lifecycle', () => {
  it('is not stopped by an event the page dispatches', () => {
    const copy = startCopy();
    expect(copy.port.name).toBe(`${CONTENT_SCRIPT_PORT}:gmail`);
    document.dispatchEvent(new CustomEvent('dealside:content-script-started', { detail: 'gmail:forged' }));
    expect(copy.lifecycle.isValid).toBe(true);
    expect(copy.cleanup).not.toHaveBeenCalled();
  });

  it('stands down when the background says a newer copy started', () => {
    const copy = startCopy();
    copy.port.fire.message(STAND_DOWN);
    expect(copy.lifecycle.isValid).toBe(false);
    expect(copy.cleanup).toHaveBeenCalledOnce();
  });

  it('stands down when its port closes because the extension went away, not when the background idles', () => {
    const idle = startCopy();
    idle.port.fire.disconnect();
    expect(idle.lifecycle.isValid).toBe(true);

    const updated = startCopy();
    const id = fakeBrowser.runtime.id;
    Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true });
    try {
      updated.port.fire.disconnect();
      expect(updated.cleanup).toHaveBeenCalledOnce();
    } finally {
      Object.defineProperty(fakeBrowser.runtime, 'id', { value: id, configurable: true });
    }
  });
});

describe('the background, between copies', () => {
  it('tells the older copy in the same tab to stand down, and leaves other tabs and scripts alone', () => {
    const older = fakePort(`${CONTENT_SCRIPT_PORT}:gmail`, contentScriptSender(3));
    const otherTab = fakePort(`${CONTENT_SCRIPT_PORT}:gmail`, contentScriptSender(4));
    const otherScript = fakePort(`${CONTENT_SCRIPT_PORT}:generic`, contentScriptSender(3));
    for (const port of [older, otherTab, otherScript]) onContentScriptConnected(port as never);

    const newer = fakePort(`${CONTENT_SCRIPT_PORT}:gmail`, contentScriptSender(3));
    onContentScriptConnected(newer as never);

    expect(older.postMessage).toHaveBeenCalledWith(STAND_DOWN);
    for (const port of [otherTab, otherScript, newer]) expect(port.postMessage).not.toHaveBeenCalled();
  });

  it("forgets the tab when its last copy's port closes with its page, not while a newer copy runs", async () => {
    // An open panel hears that the tab's page changed.
    const heard = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(heard);
    await recordTabPage(7, {
      url: 'https://mail.google.com/mail/u/0/#inbox/a',
      context: THREAD_CONTEXT,
      reportedAt: 1,
    });
    const older = fakePort(`${CONTENT_SCRIPT_PORT}:gmail`, contentScriptSender(7));
    onContentScriptConnected(older as never);
    const newer = fakePort(`${CONTENT_SCRIPT_PORT}:gmail`, contentScriptSender(7));
    onContentScriptConnected(newer as never);
    older.fire.disconnect();
    // The older copy stood down for the newer one: the tab still shows its page.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await tabPage(7)).toBeDefined();

    expect(heard).not.toHaveBeenCalled();

    newer.fire.disconnect();
    await vi.waitFor(async () => expect(await tabPage(7)).toBeUndefined());
    await vi.waitFor(() => expect(heard).toHaveBeenCalled());
  });

  it('refuses a port that is not from a content script in a tab', () => {
    const fromExtensionPage = fakePort(`${CONTENT_SCRIPT_PORT}:gmail`, {
      id: fakeBrowser.runtime.id,
      url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`,
    });
    onContentScriptConnected(fromExtensionPage as never);
    expect(fromExtensionPage.disconnect).toHaveBeenCalled();
  });
});
