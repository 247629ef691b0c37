import { describe, expect, it } from 'vitest';
import { gmail } from '../../../lib/sites/gmail';
import {
  buildLargeGmailThreadHtml,
  LARGE_THREAD_LAST_CUSTOMER,
  LARGE_THREAD_URL,
} from '../../fixtures/sites/large-gmail';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const url = new URL(LARGE_THREAD_URL);

describe('gmail adapter', () => {
  // Building a 20,000-element page in happy-dom is slow on a busy machine; the read itself is bounded.
  it('reads the newest external sender from a 20,000-element thread', { timeout: 30_000 }, () => {
    const doc = parse(buildLargeGmailThreadHtml());
    const count = doc.getElementsByTagName('*').length;
    expect(count).toBeGreaterThan(16000);
    expect(count).toBeLessThan(24000);
    const ctx = gmail.readPage(doc, url);
    expect(ctx.kind).toBe('thread');
    const froms = ctx.participants.filter((p) => p.role === 'from');
    expect(froms).toHaveLength(50);
    const external = froms.filter((p) => !p.email.endsWith('@dealside-demo.com'));
    expect(external.at(-1)).toEqual({
      email: LARGE_THREAD_LAST_CUSTOMER,
      name: 'Sam Okafor',
      role: 'from',
      order: 48,
    });
    expect(ctx.participants.some((p) => p.email.includes('elsewhere') || p.email.includes('contoso'))).toBe(
      false,
    );
    expect(ctx.participants.at(-1)).toEqual({ email: 'alex.morgan@dealside-demo.com', role: 'self' });
  });

  it('builds pages of the requested size', () => {
    const count = parse(buildLargeGmailThreadHtml(5000)).getElementsByTagName('*').length;
    expect(count).toBeGreaterThan(4000);
    expect(count).toBeLessThan(6000);
  });

  it('treats thread-less hashes as lists and an empty thread as unknown', () => {
    const doc = parse(
      '<div role="main"><table role="grid"><tr><td><span email="a@b.com" class="zF">A</span></td></tr></table></div>',
    );
    expect(gmail.readPage(doc, new URL('https://mail.google.com/mail/u/0/#search/northwind'))).toEqual({
      site: 'gmail',
      kind: 'list',
      participants: [],
    });
    expect(
      gmail.readPage(
        doc,
        new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb'),
      ),
    ).toEqual({
      site: 'gmail',
      kind: 'unknown',
      participants: [],
      reason: 'no-message-header',
    });
  });

  it('reads recipient chips of the older compose window', () => {
    const doc = parse(
      `<div role="dialog"><div class="vR"><span class="vN" email="jane.cooper@northwind-trading.com"><div class="vT">Jane Cooper</div></span></div>
       <div class="vR"><span class="vN" email="jane [at] x.com">jane</span></div><div contenteditable="true"></div></div>`,
    );
    expect(gmail.readPage(doc, new URL('https://mail.google.com/mail/u/0/#inbox?compose=new'))).toEqual({
      site: 'gmail',
      kind: 'compose',
      layer: 'site',
      participants: [{ email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'to' }],
    });
  });

  it('reads compose chips that carry their address in a listbox or the recipients table', () => {
    const doc = parse(
      `<div class="AD"><div class="M9"><table class="GS"><tbody><tr class="bzf"><td class="eV">
         <div role="listbox" aria-label="To recipients"><div class="afV" data-hovercard-id="jane.cooper@northwind-trading.com" data-name="Jane Cooper"></div></div>
         <div name="cc"><span email="tom.becker@northwind-trading.com" name="Tom Becker">Tom</span></div>
       </td></tr></tbody></table></div></div>`,
    );
    expect(gmail.readPage(doc, new URL('https://mail.google.com/mail/u/0/#inbox?compose=new'))).toEqual({
      site: 'gmail',
      kind: 'compose',
      layer: 'site',
      participants: [
        { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'to' },
        { email: 'tom.becker@northwind-trading.com', name: 'Tom Becker', role: 'cc' },
      ],
    });
  });

  it('reports an empty compose window without recipients', () => {
    const doc = parse(
      '<div role="dialog"><input peoplekit-id="BbVjBd" aria-label="To recipients"><input name="subjectbox"><div contenteditable="true"></div></div>',
    );
    expect(gmail.readPage(doc, new URL('https://mail.google.com/mail/u/0/#inbox?compose=new'))).toEqual({
      site: 'gmail',
      kind: 'compose',
      participants: [],
      reason: 'no-recipients',
    });
  });

  // Security review (issue 16): a message's own HTML can carry any number of ARIA list items and
  // chip look-alikes; they must not push the app's messages or recipient chips out of the read.
  it('reads every message when a message body carries 120 list items', () => {
    const items = Array.from(
      { length: 120 },
      (_, i) => `<div role="listitem"><span email="spoof${i}@attacker.example" name="Spoof">S</span></div>`,
    ).join('');
    const message = (from: string, name: string, body = '') =>
      `<div role="listitem" class="h7"><div class="adn ads"><h3 class="iw"><span class="gD" email="${from}" name="${name}">${name}</span></h3>` +
      `<div class="ii gt"><div class="a3s aiL">${body}</div></div></div></div>`;
    const doc = parse(
      `<div role="main"><h2 class="hP">Re: Pilot scope</h2><div role="list">` +
        message('jane.cooper@northwind-trading.com', 'Jane Cooper', `<div role="list">${items}</div>`) +
        message('alex.morgan@dealside-demo.com', 'Alex Morgan') +
        message('sam.okafor@northwind-trading.com', 'Sam Okafor') +
        '</div></div>',
    );
    expect(gmail.readPage(doc, url)).toEqual({
      site: 'gmail',
      kind: 'thread',
      layer: 'site',
      title: 'Re: Pilot scope',
      participants: [
        { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
        { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'from', order: 1 },
        { email: 'sam.okafor@northwind-trading.com', name: 'Sam Okafor', role: 'from', order: 2 },
      ],
    });
  });

  it('reads compose chips, never chip look-alikes inside a message body', () => {
    const fakes = Array.from(
      { length: 120 },
      (_, i) => `<div role="option" data-hovercard-id="spoof${i}@attacker.example" data-name="Spoof"></div>`,
    ).join('');
    const doc = parse(
      `<div role="main"><div class="a3s aiL"><div role="listbox" aria-label="To recipients">${fakes}</div></div></div>
       <div class="dw"><div class="AD"><div class="M9"><table class="GS"><tbody><tr class="bzf"><td class="eV"><div><div>
         <div class="anm" name="to"><div><div><div><div><div role="listbox"><div><div>
           <div role="option" data-hovercard-id="oliver.grant@contoso-industrial.co.uk" data-name="Oliver Grant">Oliver Grant</div>
         </div></div></div></div></div></div></div></div>
       </div></div></td></tr></tbody></table><input name="subjectbox" value="Quote"></div></div></div>`,
    );
    expect(gmail.readPage(doc, new URL('https://mail.google.com/mail/u/0/#inbox?compose=new'))).toEqual({
      site: 'gmail',
      kind: 'compose',
      layer: 'site',
      participants: [{ email: 'oliver.grant@contoso-industrial.co.uk', name: 'Oliver Grant', role: 'to' }],
    });
  });

  it('knows the rep from "to me" when the page shows no account button or title', () => {
    const msg = (from: string, name: string, to: string, toName: string) =>
      `<div role="listitem"><div class="adn"><div class="gE"><h3><span class="gD" email="${from}" name="${name}">${name}</span></h3>` +
      `<span class="hb">to <span class="g2" email="${to}" name="${toName}">${toName}</span></span></div></div></div>`;
    const doc = parse(
      `<div role="main"><div role="list">${msg('oliver.grant@contoso-industrial.co.uk', 'Oliver Grant', 'alex.morgan@dealside-demo.com', 'me')}` +
        `${msg('alex.morgan@dealside-demo.com', 'Alex Morgan', 'oliver.grant@contoso-industrial.co.uk', 'Oliver Grant')}</div></div>`,
    );
    expect(gmail.readPage(doc, url).participants.filter((p) => p.role === 'self')).toEqual([
      { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    ]);
  });

  it('reads names as text, never markup', () => {
    const doc = parse(
      `<div role="main"><div role="list"><div role="listitem"><h3><span class="gD" email="eve@northwind-trading.com">&lt;img src=x onerror=alert(1)&gt;<b>Eve</b><script>bad()</script></span></h3></div></div></div>`,
    );
    const [p] = gmail.readPage(doc, url).participants;
    expect(p).toEqual({
      email: 'eve@northwind-trading.com',
      name: '<img src=x onerror=alert(1)>Evebad()',
      role: 'from',
      order: 0,
    });
  });
});
