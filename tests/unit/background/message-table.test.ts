/**
 * The message table is the one description of what may be asked of the background: every entry has a
 * handler, names only sender kinds the router knows, and is what the router registers — no more, no less.
 */
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../lib/background/handlers';
import { registerHandlers } from '../../../lib/background/router';
import { events, messages, SENDER_KINDS } from '../../../lib/messaging/messages';

const TYPES = Object.keys(messages);

describe('the message table', () => {
  it('has a handler for every entry, and no handler without an entry', () => {
    for (const type of TYPES) {
      expect(typeof (handlers as Record<string, unknown>)[type], type).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...TYPES].sort());
  });

  it('names at least one sender for every entry, each a kind the router knows', () => {
    for (const [type, entry] of Object.entries(messages)) {
      expect(entry.senders.length, type).toBeGreaterThan(0);
      for (const kind of entry.senders) expect(SENDER_KINDS, type).toContain(kind);
      expect(new Set(entry.senders).size, type).toBe(entry.senders.length);
    }
  });

  it('is what the router registers: one listener per entry', () => {
    const registered: string[] = [];
    registerHandlers(handlers, ((type: string) => {
      registered.push(type);
      return () => undefined;
    }) as never);
    expect(registered.sort()).toEqual([...TYPES].sort());
  });

  it('keeps requests and events apart', () => {
    for (const type of Object.keys(events)) expect(TYPES).not.toContain(type);
  });
});
