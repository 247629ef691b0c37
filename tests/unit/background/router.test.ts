import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitMessage } from '../../../lib/background/router';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const id = () => fakeBrowser.runtime.id;
const extensionPage = () => ({
  id: id(),
  url: `chrome-extension://${id()}/panel.html`,
  tab: { id: 7 } as never,
});
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
  it('admits a well-formed write from an extension page', () => {
    expect(admitMessage('saveNote', ['extension-page'], validNote, extensionPage())).toMatchObject({
      caller: { kind: 'extension-page', tabId: 7 },
      payload: validNote,
    });
  });

  it('refuses privileged messages from a content script', () => {
    expect(() => admitMessage('saveNote', ['extension-page'], validNote, contentScript())).toThrow(
      /not accepted from this sender/,
    );
  });

  it('refuses page reports from sub-frames and from other extensions', () => {
    const report = {
      url: 'https://mail.google.com/',
      context: { site: 'gmail', kind: 'list', participants: [] },
    };
    expect(() =>
      admitMessage('reportPage', ['content-script'], report, { ...contentScript(), frameId: 3 }),
    ).toThrow();
    expect(() =>
      admitMessage('reportPage', ['content-script'], report, { ...contentScript(), id: 'someone-else' }),
    ).toThrow();
    expect(admitMessage('reportPage', ['content-script'], report, contentScript()).caller).toEqual({
      kind: 'content-script',
      tabId: 7,
      pageUrl: 'https://mail.google.com/mail/u/0/#inbox',
    });
  });

  it('says where a malformed payload is wrong', () => {
    expect(() =>
      admitMessage('saveNote', ['extension-page'], { ...validNote, baseRevision: 'x' }, extensionPage()),
    ).toThrow(/malformed payload at baseRevision/);
  });

  it('bounds what a page may report', () => {
    const participants = Array.from({ length: 501 }, (_, index) => ({
      email: `p${index}@x.example`,
      role: 'to',
    }));
    expect(() =>
      admitMessage(
        'reportPage',
        ['content-script'],
        { url: 'https://mail.google.com/', context: { site: 'gmail', kind: 'thread', participants } },
        contentScript(),
      ),
    ).toThrow(/participants/);
  });

  it('never throws anything but a refusal for arbitrary payloads', () => {
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        try {
          admitMessage('saveNote', ['extension-page'], payload, extensionPage());
        } catch (error) {
          expect((error as Error).name).toBe('MessageRefused');
        }
      }),
    );
  });
});
