/**
 * The background's change events, for extension pages with several parts that each want them (the
 * options page's sections). The messaging library allows one listener per message type in a page, so
 * this module holds that one listener and hands every valid event to all subscribers.
 */
import { events, type EventOf, type EventType } from './events';
import { onMessage } from './messenger';

export type PageEventType = EventType;
type Listener<T extends PageEventType> = (event: EventOf<T>) => void;

const subscribers = new Map<PageEventType, Set<Listener<never>>>();
const stopListening = new Map<PageEventType, () => void>();

/** Calls `listener` with every valid `type` event; returns the function that unsubscribes. */
export function onPageEvent<T extends PageEventType>(type: T, listener: Listener<T>): () => void {
  let listeners = subscribers.get(type) as Set<Listener<T>> | undefined;
  if (!listeners) {
    const created = new Set<Listener<T>>();
    listeners = created;
    subscribers.set(type, created as Set<Listener<never>>);
    stopListening.set(
      type,
      onMessage(type, ({ data }) => {
        const parsed = events[type].safeParse(data);
        if (!parsed.success) return;
        for (const subscriber of [...created]) subscriber(parsed.data as EventOf<T>);
      }),
    );
  }
  listeners.add(listener);
  const current = listeners;
  return () => {
    current.delete(listener);
    if (current.size > 0 || subscribers.get(type) !== current) return;
    subscribers.delete(type);
    stopListening.get(type)?.();
    stopListening.delete(type);
  };
}
