/**
 * Firefox: change events reach in-page panels through their tabs. Each goes to the panel's own frame,
 * learned when the panel asked for its state, never to the whole tab, where the web page's content script
 * would hear which accounts changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: { type: string; target: unknown }[] = [];
vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: (type: string, _data: unknown, target?: unknown) => {
    sent.push({ type, target });
    return Promise.resolve();
  },
  onMessage: () => () => undefined,
}));

const { broadcastDataChanged, broadcastPageChanged } = await import('../../../lib/background/broadcast');
const { recordPanelFrame, recordTabPage, resetPageRegistryMemory } =
  await import('../../../lib/background/page-registry');

beforeEach(() => {
  sent.length = 0;
  resetPageRegistryMemory();
  vi.stubEnv('FIREFOX', true as never);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('change events on Firefox', () => {
  it('go to each panel frame, never to a whole tab', async () => {
    const context = { site: 'gmail', kind: 'thread' as const, participants: [] };
    await recordTabPage(3, {
      url: 'https://mail.google.com/mail/u/0/#inbox/a',
      context,
      reportedAt: 1,
    });
    // A tab whose panel never asked for its state (not loaded yet): nothing is sent there.
    await recordTabPage(4, {
      url: 'https://mail.google.com/mail/u/0/#inbox/b',
      context,
      reportedAt: 1,
    });
    await recordPanelFrame(3, 17);

    broadcastDataChanged({ accountKeys: ['northwind-trading.com'] });
    broadcastPageChanged({ tabId: 3 });
    await vi.waitFor(() => expect(sent.filter((message) => message.target !== undefined)).toHaveLength(2));

    expect(sent).toEqual([
      { type: 'dataChanged', target: undefined },
      { type: 'pageChanged', target: undefined },
      { type: 'dataChanged', target: { tabId: 3, frameId: 17 } },
      { type: 'pageChanged', target: { tabId: 3, frameId: 17 } },
    ]);
  });
});
