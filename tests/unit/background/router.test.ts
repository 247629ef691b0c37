import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASURES_KEPT, measureName, recordHandling } from '../../../lib/background/handler-timing';
import { admitMessage, registerHandlers, type Handlers } from '../../../lib/background/router';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const id = () => fakeBrowser.runtime.id;
const panelFrame = () => ({
  id: id(),
  url: `chrome-extension://${id()}/panel.html`,
  tab: { id: 7 } as never,
  frameId: 2,
});
const optionsPage = () => ({ id: id(), url: `chrome-extension://${id()}/options.html` });
const contentScript = () => ({
  id: id(),
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: { id: 7 } as never,
  frameId: 0,
});

const validNote = {
  id: 'n1',
  accountKey: 'northwind-trading.com',
  kind: 'note',
  body: 'hello',
  baseRevision: null,
};

describe('admitMessage', () => {
  it('admits a well-formed write from the panel frame, about the tab it is docked in', () => {
    expect(admitMessage('saveNote', validNote, panelFrame())).toMatchObject({
      caller: { kind: 'panel-frame', tabId: 7, frameId: 2 },
      payload: validNote,
    });
  });

  it('takes an extension page in a tab of its own for what it is, not for a panel frame', () => {
    const optionsInATab = { ...optionsPage(), tab: { id: 9 } as never, frameId: 0 };
    expect(admitMessage('saveNote', validNote, optionsInATab).caller).toEqual({ kind: 'extension-page' });
    const panelAsATab = { ...panelFrame(), frameId: 0 };
    expect(admitMessage('saveNote', validNote, panelAsATab).caller).toEqual({ kind: 'extension-page' });
  });

  it('refuses what only options offers from the panel frame docked in a web page', () => {
    expect(() => admitMessage('deleteAccountData', { accountKey: 'a.example' }, panelFrame())).toThrow(
      /not accepted from this sender \(extension-page only\)/,
    );
    expect(admitMessage('deleteAccountData', { accountKey: 'a.example' }, optionsPage()).caller).toEqual({
      kind: 'extension-page',
    });
  });

  it('refuses privileged messages from a content script', () => {
    expect(() => admitMessage('saveNote', validNote, contentScript())).toThrow(
      /not accepted from this sender/,
    );
  });

  it('refuses page reports from sub-frames and from other extensions', () => {
    const report = {
      url: 'https://mail.google.com/',
      context: { site: 'gmail', kind: 'list', participants: [] },
    };
    expect(() => admitMessage('reportPage', report, { ...contentScript(), frameId: 3 })).toThrow();
    expect(() => admitMessage('reportPage', report, { ...contentScript(), id: 'someone-else' })).toThrow();
    expect(admitMessage('reportPage', report, contentScript()).caller).toEqual({
      kind: 'content-script',
      tabId: 7,
      pageUrl: 'https://mail.google.com/mail/u/0/#inbox',
    });
  });

  it('says where a malformed payload is wrong', () => {
    expect(() => admitMessage('saveNote', { ...validNote, baseRevision: 'x' }, panelFrame())).toThrow(
      /malformed payload at baseRevision/,
    );
  });

  it('bounds what a page may report', () => {
    const participants = Array.from({ length: 501 }, (_, index) => ({
      email: `p${index}@x.example`,
      role: 'to',
    }));
    expect(() =>
      admitMessage(
        'reportPage',
        { url: 'https://mail.google.com/', context: { site: 'gmail', kind: 'thread', participants } },
        contentScript(),
      ),
    ).toThrow(/participants/);
  });

  it('never throws anything but a refusal for arbitrary payloads', () => {
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        try {
          admitMessage('saveNote', payload, panelFrame());
        } catch (error) {
          expect((error as Error).name).toBe('MessageRefused');
        }
      }),
    );
  });
});

describe('the time each message took', () => {
  it('is recorded for every message handled, refused ones too, as a measure named for its type', async () => {
    const listeners = new Map<string, (message: { data: unknown; sender: unknown }) => Promise<unknown>>();
    const listen = ((
      type: string,
      listener: (message: { data: unknown; sender: unknown }) => Promise<unknown>,
    ) => {
      listeners.set(type, listener);
      return () => undefined;
    }) as never;
    const handlers = { listOlderNotes: async () => [] } as unknown as Handlers;
    registerHandlers(handlers, listen);
    const name = measureName('listOlderNotes');
    performance.clearMeasures(name);
    const request = { accountKey: 'northwind-trading.com', before: { createdAt: 1, id: 'n1' }, limit: 10 };

    await expect(listeners.get('listOlderNotes')!({ data: request, sender: panelFrame() })).resolves.toEqual(
      [],
    );
    // From a content script: refused, and still timed.
    await expect(
      listeners.get('listOlderNotes')!({ data: request, sender: contentScript() }),
    ).rejects.toThrow();
    const measures = performance.getEntriesByName(name, 'measure');
    expect(measures).toHaveLength(2);
    for (const measure of measures) expect(measure.duration).toBeGreaterThanOrEqual(0);
  });

  it('keeps a bounded number of measures per message type', () => {
    const name = measureName('getPopupFollowUps');
    performance.clearMeasures(name);
    for (let handled = 0; handled < MEASURES_KEPT + 10; handled++) {
      recordHandling('getPopupFollowUps', performance.now());
    }
    const kept = performance.getEntriesByName(name, 'measure').length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(MEASURES_KEPT);
  });
});
