/**
 * Registers one handler per message, with the receiver-side checks every message gets: the sender must
 * be of the kind the message is for, and the payload must match its schema. A refused message is logged
 * with its reason and answered with an error; nothing is written.
 */
import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import { onMessage } from '../messaging/messenger';
import type { ProtocolMap } from '../messaging/protocol';
import { requestSchemas, type HandledMessageType } from '../messaging/schemas';
import { contentScriptPageUrl, contentScriptTabId, isExtensionPageSender } from './sender';

type Sender = Browser.runtime.MessageSender;
type CallerKind = Caller['kind'];

export type Caller =
  /** A content script in a tab's top frame: untrusted, may only describe its own tab. */
  | {
      kind: 'content-script';
      tabId: number;
      /** The page's URL as the browser reports it (see `contentScriptPageUrl`). */
      pageUrl: string;
    }
  /**
   * One of our own pages; `tabId` is set for the in-page panel frame (the tab it is docked in), with
   * `frameId` the frame it is in.
   */
  | { kind: 'extension-page'; tabId?: number; frameId?: number };

export class MessageRefused extends Error {
  constructor(type: string, reason: string) {
    super(`Dealside refused "${type}": ${reason}`);
    this.name = 'MessageRefused';
  }
}

type Payload<T extends HandledMessageType> = z.infer<(typeof requestSchemas)[T]>;
type Result<T extends HandledMessageType> = ReturnType<ProtocolMap[T]>;

function callerOf(sender: Sender, allowed: readonly CallerKind[]): Caller | undefined {
  if (allowed.includes('extension-page') && isExtensionPageSender(sender)) {
    return { kind: 'extension-page', tabId: sender.tab?.id, frameId: sender.frameId };
  }
  const tabId = allowed.includes('content-script') ? contentScriptTabId(sender) : undefined;
  const pageUrl = contentScriptPageUrl(sender);
  return tabId === undefined || pageUrl === undefined
    ? undefined
    : { kind: 'content-script', tabId, pageUrl };
}

/** The checks of `handle`, on their own so they can be tested (and fuzzed) without a browser. */
export function admitMessage<T extends HandledMessageType>(
  type: T,
  allowed: readonly CallerKind[],
  data: unknown,
  sender: Sender,
): { caller: Caller; payload: Payload<T> } {
  const caller = callerOf(sender, allowed);
  if (!caller) throw new MessageRefused(type, `not accepted from this sender (${allowed.join(' or ')} only)`);
  // TypeScript cannot narrow the schema map by a generic key; the map is keyed by the same T.
  const schema = requestSchemas[type] as unknown as z.ZodType<Payload<T>>;
  let parsed: ReturnType<typeof schema.safeParse>;
  try {
    parsed = schema.safeParse(data);
  } catch (error) {
    // A payload no schema check can even read (cycles, BigInts, absurd nesting — structured clone
    // carries them) is refused like any other malformed one.
    throw new MessageRefused(type, `unreadable payload (${error instanceof Error ? error.name : 'error'})`);
  }
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new MessageRefused(
      type,
      `malformed payload at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}`,
    );
  }
  return { caller, payload: parsed.data };
}

/** Shown to the rep when the browser has no room left for Dealside's data. */
export const STORAGE_FULL_MESSAGE =
  'the browser has no storage space left for Dealside. Nothing already saved is lost; free disk space, ' +
  'or export and delete old data in Options, then try again';

/**
 * Turns failures the rep can act on into words they understand. A full disk surfaces from IndexedDB as a
 * QuotaExceededError (sometimes wrapped in the aborted transaction's error).
 */
export function explainFailure(error: unknown): unknown {
  const names = [error, (error as { cause?: unknown } | null)?.cause].map(
    (candidate) => (candidate as { name?: unknown } | null)?.name,
  );
  if (names.includes('QuotaExceededError')) {
    const explained = new Error(STORAGE_FULL_MESSAGE);
    explained.name = 'StorageFull';
    return explained;
  }
  return error;
}

export function handle<T extends HandledMessageType>(
  type: T,
  allowed: CallerKind | readonly CallerKind[],
  handler: (payload: Payload<T>, caller: Caller) => Promise<Result<T>> | Result<T>,
): void {
  const allowedKinds = typeof allowed === 'string' ? [allowed] : allowed;
  onMessage(type, (message) => {
    let admitted: { caller: Caller; payload: Payload<T> };
    try {
      admitted = admitMessage(type, allowedKinds, message.data, message.sender);
    } catch (refusal) {
      console.warn((refusal as Error).message);
      throw refusal;
    }
    // The generic protocol types cannot see that T picks the same entry in both maps.
    return Promise.resolve()
      .then(() => handler(admitted.payload, admitted.caller))
      .catch((error: unknown) => {
        throw explainFailure(error);
      }) as never;
  });
}
