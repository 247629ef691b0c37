/**
 * The semantic layer every site shares: asked only when a site's own hooks found nobody, it reads header
 * labels, `Name <address>` text, labelled email fields and address-bearing elements, and offers what it
 * cannot place as candidates instead of guessing.
 */
import { describe, expect, it } from 'vitest';
import { page, site } from '../../../lib/sites/dom';
import { readSemantic } from '../../../lib/sites/semantic';
import type { PageContext } from '../../../lib/messaging/messages';
import { unknownPage } from '../../../lib/sites/types';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const url = new URL('https://mail.example.com/mail/1');

/** A site whose own hooks never find anyone, as on a redesigned page; `kind` is what its URL says. */
const blindSite = (kind: PageContext['kind'] | 'no-mail-open', newestFirst = false) =>
  site({
    id: 'test',
    name: 'Test',
    hosts: ['mail.example.com'],
    newestFirst,
    read: () =>
      kind === 'no-mail-open'
        ? unknownPage('test', 'no-mail-open')
        : kind === 'record'
          ? unknownPage('test', 'no-email-on-record')
          : page('test', kind, [{ email: 'alex.morgan@dealside-demo.com', role: 'self' }]),
  });

describe('semantic layer', () => {
  it('reads senders and recipients from ARIA-labelled header rows, newest message first', () => {
    const doc = parse(`<div role="main">
      <div aria-label="Email message">
        <span aria-label="From: Alex Morgan"><span>Alex Morgan &lt;alex.morgan@dealside-demo.com&gt;</span></span>
        <div aria-label="To: Jane Cooper"><span>Jane Cooper &lt;jane.cooper@northwind-trading.com&gt;</span></div>
      </div>
      <div aria-label="Email message">
        <span aria-label="From: Jane Cooper"><span>Jane Cooper &lt;jane.cooper@northwind-trading.com&gt;</span></span>
        <div aria-label="To: Alex Morgan"><span>Alex Morgan &lt;alex.morgan@dealside-demo.com&gt;</span></div>
        <div aria-label="Cc: Tom Becker"><span>Tom Becker &lt;tom.becker@northwind-trading.com&gt;</span></div>
      </div></div>`);
    const read = blindSite('thread', true).readPage(doc, url);
    expect(read).toMatchObject({ site: 'test', kind: 'thread', layer: 'semantic' });
    expect(read.participants).toEqual([
      { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'from', order: 1 },
      { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'to', order: 1 },
      { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
      { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'to', order: 0 },
      { email: 'tom.becker@northwind-trading.com', name: 'Tom Becker', role: 'cc', order: 0 },
      { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    ]);
  });

  it('reads German labels beside the address and ignores a forwarded quote in the body', () => {
    const doc = parse(`<main>
      <table><tr><td>Von:</td><td><span title="anna.schulz@bäckerei-hoffmann.de">Anna Schulz</span></td></tr>
      <tr><td>An:</td><td><span title="alex.morgan@dealside-demo.com">Alex Morgan</span></td></tr></table>
      <div aria-label="Message body"><p>Von: Peter Wolf &lt;p.wolf@mitbewerber.de&gt;<br>An: anna.schulz@bäckerei-hoffmann.de</p></div>
      <blockquote>From: Someone &lt;someone@elsewhere.example&gt;</blockquote></main>`);
    const read = blindSite('thread').readPage(doc, url);
    expect(read.kind).toBe('thread');
    expect(read.participants.map((p) => [p.email, p.role])).toEqual([
      ['anna.schulz@bäckerei-hoffmann.de', 'from'],
      ['alex.morgan@dealside-demo.com', 'to'],
      ['alex.morgan@dealside-demo.com', 'self'],
    ]);
    expect(read.participants[0]!.name).toBe('Anna Schulz');
  });

  it('reads a compose window from its labelled recipients', () => {
    const doc = parse(`<div role="main"><div><label>To:</label><div>
      <span email="oliver.grant@contoso-industrial.co.uk">Oliver Grant</span></div></div>
      <div contenteditable="true">Hi Oliver, write to me at private@elsewhere.example</div></div>`);
    const read = blindSite('compose').readPage(doc, url);
    expect(read).toMatchObject({ kind: 'compose', layer: 'semantic' });
    expect(read.participants).toEqual([
      { email: 'oliver.grant@contoso-industrial.co.uk', name: 'Oliver Grant', role: 'to' },
      { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    ]);
  });

  it('reads a record from a field labelled Email, in any of the supported languages', () => {
    for (const label of ['Email', 'E-mail', 'Correo electrónico', '电子邮件', 'E-Mail-Adresse']) {
      const doc = parse(`<main><h1>Lucía Fernández</h1>
        <ul><li><a href="mailto:support@crm-vendor.example">Help</a></li></ul>
        <dl><dt>Phone</dt><dd>+34 600 000 000</dd><dt>${label}</dt><dd><span>lucia@viñedos-rioja.es</span></dd></dl></main>`);
      const read = blindSite('record').readPage(doc, url);
      expect(read, label).toEqual({
        site: 'test',
        kind: 'record',
        participants: [{ email: 'lucia@viñedos-rioja.es', name: 'Lucía Fernández', role: 'record' }],
        title: 'Lucía Fernández',
        layer: 'semantic',
      });
    }
  });

  it('offers unlabelled addresses as candidates instead of guessing', () => {
    const doc = parse(`<main><h1>Quarterly review</h1>
      <p>Contacts: <a href="mailto:jane@northwind-trading.com">Jane</a> and
      <a href="mailto:oliver@contoso-industrial.co.uk">Oliver</a></p></main>`);
    const read = blindSite('record').readPage(doc, url);
    expect(read).toMatchObject({ kind: 'unknown', layer: 'semantic', reason: 'no-email-on-record' });
    expect(read.participants.map((p) => p.email)).toEqual([
      'jane@northwind-trading.com',
      'oliver@contoso-industrial.co.uk',
    ]);
  });

  it('does not take a lone address on a record page for the record: a note may name a colleague', () => {
    const doc = parse(`<main><h1>Wang Jun</h1><section><p>Ask
      <a href="mailto:mei.lin@xinghe-tech.cn">mei.lin@xinghe-tech.cn</a> for his address.</p></section></main>`);
    expect(blindSite('record').readPage(doc, url)).toMatchObject({
      kind: 'unknown',
      participants: [{ email: 'mei.lin@xinghe-tech.cn', role: 'record' }],
    });
  });

  it("never offers the rep's own address or a list of other conversations", () => {
    const doc = parse(`<main><div id="useraddr">&lt;alex.morgan@dealside-demo.com&gt;</div>
      <table role="grid"><tr><td><span email="other@fabrikam.example">Other</span></td></tr></table></main>`);
    expect(blindSite('compose').readPage(doc, url)).toEqual(
      page('test', 'compose', [{ email: 'alex.morgan@dealside-demo.com', role: 'self' }]),
    );
  });

  it('is not asked on lists, and not when the site found someone', () => {
    const doc = parse(
      `<main><span aria-label="From: Jane">Jane &lt;jane@northwind-trading.com&gt;</span></main>`,
    );
    expect(blindSite('list').readPage(doc, url)).toEqual({
      site: 'test',
      kind: 'list',
      participants: [{ email: 'alex.morgan@dealside-demo.com', role: 'self' }],
    });
    const seeing = site({
      id: 'test',
      name: 'Test',
      hosts: [],
      read: () => page('test', 'thread', [{ email: 'tom@fabrikam.example', role: 'from', order: 0 }]),
    });
    expect(seeing.readPage(doc, url).layer).toBe('site');
  });

  it('says nothing on a page without addresses', () => {
    const doc = parse('<main><h1>Settings</h1><p>Signature</p></main>');
    expect(readSemantic(doc, unknownPage('test', 'no-mail-open'))).toBeUndefined();
    expect(blindSite('no-mail-open').readPage(doc, url)).toEqual(unknownPage('test', 'no-mail-open'));
  });

  // Building the 20,000-element page in happy-dom takes seconds on a busy machine.
  it('stays within its bounds on a very large page', { timeout: 60_000 }, () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<div><span>row ${i}</span></div>`).join('');
    const early = '<span aria-label="From: Early">early@northwind-trading.com</span>';
    const late = '<span aria-label="From: Late">late@contoso-industrial.co.uk</span>';
    const doc = parse(`<main>${early}${rows}${late}</main>`);
    // Text past the first 5,000 text nodes is not walked: the early sender is read, the late one is not.
    expect(readSemantic(doc, unknownPage('test', 'no-message-header'))?.participants).toEqual([
      { email: 'early@northwind-trading.com', role: 'from', order: 0 },
    ]);
  });
});
