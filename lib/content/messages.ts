/**
 * The content script's side of the extension's messages, in @webext-core/messaging's wire format
 * (`{ id, type, data, timestamp }` out, `{ res }` or `{ err }` back), so the background's one messenger
 * answers it unchanged. Written out because the library's general-purpose client (error revival, debug
 * logging, listener registry) cost a quarter of the content script's size budget for the three messages
 * a content script uses. Types come from the one protocol, so the two sides cannot drift.
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '../messaging/protocol';
import type { Lifecycle } from './lifecycle';

type Type = keyof ProtocolMap;
type Data<K extends Type> = Parameters<ProtocolMap[K]>[0];
type Result<K extends Type> = Awaited<ReturnType<ProtocolMap[K]>>;

/** Ids only tell a context's messages apart in the library's debug logs. */
let nextId = 0;

/** Sends a message to the background; rejects with the background's error message, or when nobody answers. */
export async function sendToBackground<K extends Type>(type: K, data: Data<K>): Promise<Result<K>> {
  const reply = (await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() })) as
    { res?: Result<K>; err?: { message?: string } } | undefined;
  if (!reply || reply.err != null) throw new Error(String(reply?.err?.message ?? 'No response'));
  return reply.res as Result<K>;
}

/**
 * Handles one message type the background sends to this tab, answering with the handler's reply, until
 * the content script ends. Only the extension itself can send to a content script (a page cannot), and
 * the sender is checked all the same.
 */
export function onBackgroundMessage<K extends Type>(
  ctx: Pick<Lifecycle, 'onInvalidated'>,
  type: K,
  handler: (data: Data<K>) => Result<K>,
): void {
  const listener = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (reply: { res: Result<K> | null }) => void,
  ): undefined => {
    const m = message as { type?: unknown; data?: Data<K> } | null;
    if (m?.type !== type || sender.id !== browser.runtime.id) return;
    sendResponse({ res: handler(m.data as Data<K>) ?? null });
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
