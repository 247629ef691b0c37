/**
 * Registers the handler of every message in the table (lib/messaging/messages.ts), with the checks every
 * message gets on receipt: the sender must be of a kind the table allows for it, and the payload must
 * match its schema. A refused message is logged with its reason and answered with an error; nothing is
 * written.
 */
import type { Browser } from 'wxt/browser';
import {
  messages,
  type MessageType,
  type PayloadOf,
  type ResultOf,
  type SendersOf,
} from '../messaging/messages';
import { onMessage } from '../messaging/messenger';
import { errorText } from '../error-text';
import { recordHandling } from './handler-timing';
import { callerOf, type Caller, type CallerOf } from './sender';

type Sender = Browser.runtime.MessageSender;

/** What the background does with one message; its caller is of a kind the table allows for it. */
export type Handler<T extends MessageType> = (
  payload: PayloadOf<T>,
  caller: CallerOf<SendersOf<T>>,
) => Promise<ResultOf<T>> | ResultOf<T>;

/** A handler for every message of the table: a message without one does not compile. */
export type Handlers = { [T in MessageType]: Handler<T> };

export class MessageRefused extends Error {
  constructor(type: string, reason: string) {
    super(`Dealside refused "${type}": ${reason}`);
    this.name = 'MessageRefused';
  }
}

/** Checks a payload against its message's schema; throws a `MessageRefused` that says where it is wrong. */
export function admitPayload<T extends MessageType>(type: T, data: unknown): PayloadOf<T> {
  const schema = messages[type].request;
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
  // The table is indexed by the same T; TypeScript cannot narrow a schema picked by a generic key.
  return parsed.data as PayloadOf<T>;
}

/** Checks that the table allows `caller`'s kind to send `type`. */
export function admitCaller<T extends MessageType>(
  type: T,
  caller: Caller | undefined,
): CallerOf<SendersOf<T>> {
  const allowed: readonly string[] = messages[type].senders;
  if (!caller || !allowed.includes(caller.kind)) {
    throw new MessageRefused(type, `not accepted from this sender (${allowed.join(' or ')} only)`);
  }
  return caller as CallerOf<SendersOf<T>>;
}

/** The checks of the router, on their own so they can be tested (and fuzzed) without a browser. */
export function admitMessage<T extends MessageType>(
  type: T,
  data: unknown,
  sender: Sender,
): { caller: CallerOf<SendersOf<T>>; payload: PayloadOf<T> } {
  const caller = admitCaller(type, callerOf(sender));
  return { caller, payload: admitPayload(type, data) };
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

/**
 * Admits one message from `caller` and runs its handler. A refusal is logged with its reason; a failure
 * the rep can act on is put into words.
 */
export async function dispatch<T extends MessageType>(
  handlers: Handlers,
  type: T,
  data: unknown,
  caller: Caller | undefined,
): Promise<ResultOf<T>> {
  let admitted: { caller: CallerOf<SendersOf<T>>; payload: PayloadOf<T> };
  try {
    admitted = { caller: admitCaller(type, caller), payload: admitPayload(type, data) };
  } catch (refusal) {
    console.warn(errorText(refusal));
    throw refusal;
  }
  const handler: Handler<T> = handlers[type];
  try {
    return await handler(admitted.payload, admitted.caller);
  } catch (error) {
    throw explainFailure(error);
  }
}

type Listen = typeof onMessage;

/** Runs one message's handling and records how long it took (./handler-timing.ts). */
async function handled<T>(type: MessageType, handle: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await handle();
  } finally {
    recordHandling(type, start);
  }
}

/** Registers every handler of the table, each behind the checks above. */
export function registerHandlers(handlers: Handlers, listen: Listen = onMessage): void {
  for (const type of Object.keys(messages) as MessageType[]) {
    // The messaging library's generic types cannot see that `type` picks the same row of the table.
    listen(
      type,
      (message) =>
        handled(type, () => dispatch(handlers, type, message.data, callerOf(message.sender))) as never,
    );
  }
}
