/**
 * The content script's side of inserting into a compose body, on a small page: where the text goes
 * (the remembered caret, the only open body, or nowhere with a reason), as text whatever it holds, and
 * only on our extension's command. The insertText path runs in real Chromium
 * (tests/e2e/compose-templates.e2e.test.ts); here the editing command is unavailable, so the text-node
 * fallback is what inserts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { acceptComposeInserts } from '../../../lib/content/compose-insert';
import type { Lifecycle } from '../../../lib/content/lifecycle';
import type { SiteAdapter } from '../../../lib/sites/types';

const adapter = { id: 'test', composeBodySelector: '.body[contenteditable=true]' } as SiteAdapter;

let life: AbortController;

function start(): void {
  life = new AbortController();
  const ctx: Lifecycle = {
    isValid: true,
    signal: life.signal,
    onInvalidated: (cleanup) => life.signal.addEventListener('abort', cleanup),
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
  };
  acceptComposeInserts(ctx, adapter);
}

/** Sends the command as the background would (or as `senderId` would), and returns the reply. */
function insert(text: string, senderId = fakeBrowser.runtime.id): unknown {
  let reply: unknown = 'no reply';
  // The browser passes listeners a third argument, the function that answers.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => unknown;
  trigger(
    { id: 1, type: 'insertComposeText', data: { text }, timestamp: 1 },
    { id: senderId },
    (answer: { res: unknown }) => (reply = answer.res),
  );
  return reply;
}

/** Puts the caret at `offset` in the first text of `element`, as a click there would. */
function caretIn(element: Element, offset: number): void {
  const range = document.createRange();
  range.setStart(element.firstChild!, offset);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
}

describe('inserting into a compose body', () => {
  beforeEach(() => {
    // No editing command here: the fallback inserts a text node.
    document.execCommand = () => false;
    fakeBrowser.runtime.onMessage.removeAllListeners();
  });
  afterEach(() => {
    life.abort();
    document.body.innerHTML = '';
  });

  it('says there is no message being written when the page has no compose body', () => {
    document.body.innerHTML = '<div contenteditable="true" class="subject">Subject</div>';
    start();
    expect(insert('Hello')).toBe('no-compose');
  });

  it('asks for a click when several messages are open and none has the caret', () => {
    document.body.innerHTML =
      '<div class="body" contenteditable="true">One</div><div class="body" contenteditable="true">Two</div>';
    start();
    expect(insert('Hello')).toBe('no-caret');
    expect(document.body.textContent).toBe('OneTwo');
  });

  it('writes at the start of the only open body when there is no caret; a hidden draft does not count', () => {
    document.body.innerHTML =
      '<div hidden><div class="body" contenteditable="true">Draft</div></div>' +
      '<div class="body" id="open" contenteditable="true">Regards</div>';
    start();
    expect(insert('Hi Jane, ')).toBe('inserted');
    expect(document.getElementById('open')!.textContent).toBe('Hi Jane, Regards');
  });

  it('writes at the caret remembered in a body after the selection moved elsewhere, markup as text', () => {
    document.body.innerHTML =
      '<div class="body" id="a" contenteditable="true">Dear Ms Lin, thanks.</div>' +
      '<div class="body" id="b" contenteditable="true">Other draft</div><p id="outside">Elsewhere</p>';
    start();
    caretIn(document.getElementById('a')!, 12);
    // The rep clicks elsewhere on the page (and then in the panel): the caret in the body is kept.
    caretIn(document.getElementById('outside')!, 3);
    expect(insert(' <b>Hello</b> <img src=x onerror=alert(1)>')).toBe('inserted');
    const body = document.getElementById('a')!;
    expect(body.textContent).toBe('Dear Ms Lin, <b>Hello</b> <img src=x onerror=alert(1)> thanks.');
    expect(body.querySelector('*')).toBeNull();
    expect(document.getElementById('b')!.textContent).toBe('Other draft');
  });

  it('ignores the command from anyone but this extension, and stops when the script ends', () => {
    document.body.innerHTML = '<div class="body" id="open" contenteditable="true">Text</div>';
    start();
    expect(insert('Forged ', 'another-extension-id')).toBe('no reply');
    life.abort();
    expect(insert('Late ')).toBe('no reply');
    expect(document.getElementById('open')!.textContent).toBe('Text');
  });
});
