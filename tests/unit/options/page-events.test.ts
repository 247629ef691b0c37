import { describe, expect, it, vi } from 'vitest';

type Listener = (message: { data: unknown }) => unknown;
const registered = new Map<string, Listener>();

// Like the real messaging library: one listener per message type in a page, a second one throws.
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage(type: string, listener: Listener) {
    if (registered.has(type)) throw new Error(`only one listener can be setup for ${type}`);
    registered.set(type, listener);
    return () => registered.delete(type);
  },
}));

const { onPageEvent } = await import('../../../lib/messaging/page-events');

describe('page events', () => {
  it('lets several parts of a page hear the same event through one listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onPageEvent('dataChanged', first);
    const stopSecond = onPageEvent('dataChanged', second);
    expect(registered.size).toBe(1);

    registered.get('dataChanged')!({ data: { accountKeys: ['northwind.com'] } });
    expect(first).toHaveBeenCalledWith({ accountKeys: ['northwind.com'] });
    expect(second).toHaveBeenCalledWith({ accountKeys: ['northwind.com'] });

    stopFirst();
    registered.get('dataChanged')!({ data: { accountKeys: [] } });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);

    // The last one out removes the page's listener, and a new subscriber sets it up again.
    stopSecond();
    expect(registered.size).toBe(0);
    const third = vi.fn();
    onPageEvent('dataChanged', third)();
    expect(registered.size).toBe(0);
  });

  it('drops a malformed event instead of passing it on', () => {
    const listener = vi.fn();
    const stop = onPageEvent('dataChanged', listener);
    registered.get('dataChanged')!({ data: { accountKeys: 'all' } });
    expect(listener).not.toHaveBeenCalled();
    stop();
  });
});
