/**
 * Odd pages: nothing to read, far too much to read, hostile or broken DOM. Adapters never throw and stay
 * bounded.
 */
import { describe, expect, it } from 'vitest';
import { dynamics } from '../../../lib/sites/dynamics';
import { generic } from '../../../lib/sites/generic';
import { gmail } from '../../../lib/sites/gmail';
import { hubspot } from '../../../lib/sites/hubspot';
import { netease } from '../../../lib/sites/netease';
import { outlook } from '../../../lib/sites/outlook';
import { pipedrive } from '../../../lib/sites/pipedrive';
import { qqmail } from '../../../lib/sites/qqmail';
import { salesforce } from '../../../lib/sites/salesforce';
import type { SiteAdapter } from '../../../lib/sites/types';
import { zoho } from '../../../lib/sites/zoho';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A page URL each adapter treats as a thread, compose or record page. */
const cases: [SiteAdapter, string][] = [
  [gmail, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb'],
  [outlook, 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1'],
  [netease, 'https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule%7C%7B%7D'],
  [qqmail, 'https://mail.qq.com/cgi-bin/readmail?t=readmail&mailid=ZC0412'],
  [salesforce, 'https://dealside.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view'],
  [hubspot, 'https://app.hubspot.com/contacts/24681357/record/0-1/51234567890'],
  [pipedrive, 'https://dealside-demo.pipedrive.com/person/1042'],
  [zoho, 'https://crm.zoho.com/crm/org712345678/tab/Contacts/4876876000000321001'],
  [dynamics, 'https://dealside.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=1'],
  [generic, 'https://crm.northwind-intranet.example.com/customers/42'],
];

const oddDocuments: [string, () => Document][] = [
  ['an empty page', () => parse('')],
  ['a page of unrelated text', () => parse('<h1>Welcome</h1><p>Nothing to see. jane [at] x.com</p>')],
  ['an XML document without a body', () => document.implementation.createDocument(null, 'root', null)],
  [
    'a page whose root element was removed',
    () => {
      const d = parse('<p>x@y.com</p>');
      d.documentElement.remove();
      return d;
    },
  ],
  [
    'detached and oddly nested nodes',
    () => {
      const d = parse('<div role="main"><div role="list"><div role="listitem"></div></div></div>');
      const orphan = d.createElement('span');
      orphan.setAttribute('email', 'orphan@x.com');
      d.querySelector('[role=listitem]')!.append(
        d.createComment('x'),
        d.createTextNode('@'),
        d.createElement('svg'),
      );
      return d;
    },
  ],
];

describe.each(cases)('%s adapter on odd pages', (adapter, href) => {
  const url = new URL(href);

  it.each(oddDocuments)('reads %s without throwing or inventing people', (_, make) => {
    const ctx = adapter.readPage(make(), url);
    expect(ctx.site).toBe(adapter.id);
    expect(ctx.participants.filter((p) => p.role !== 'self')).toEqual([]);
    expect(['unknown', 'list']).toContain(ctx.kind);
    if (ctx.kind === 'unknown') expect(ctx.reason).toBeTruthy();
  });

  it('turns a throwing DOM into an unknown page with the reason', () => {
    const hostile = new Proxy(parse('<p>x</p>'), {
      get() {
        throw new Error('boom');
      },
    });
    expect(adapter.readPage(hostile, url)).toEqual({
      site: adapter.id,
      kind: 'unknown',
      participants: [],
      reason: 'read-failed',
    });
  });
});

// Building these pages in happy-dom is slow on a busy machine; the reads themselves are bounded.
describe('bounded reads', { timeout: 30_000 }, () => {
  it('gmail: 1,000 messages with 40 recipients each', () => {
    const msg = (i: number) =>
      `<div role="listitem"><h3><span class="gD" email="s${i}@northwind-trading.com" name="S ${i}">S</span></h3>` +
      Array.from({ length: 40 }, (_, j) => `<span class="g2" email="r${j}.${i}@x.com">r</span>`).join('') +
      '</div>';
    const doc = parse(
      `<div role="main"><div role="list">${Array.from({ length: 1000 }, (_, i) => msg(i)).join('')}</div></div>`,
    );
    const ctx = gmail.readPage(doc, new URL(cases[0]![1]));
    expect(ctx.kind).toBe('thread');
    expect(ctx.participants.length).toBeLessThanOrEqual(151);
    const froms = ctx.participants.filter((p) => p.role === 'from');
    // Only the first 100 list items are examined, and of those the newest 50 messages.
    expect(froms[0]).toEqual({ email: 's50@northwind-trading.com', name: 'S 50', role: 'from', order: 50 });
  });

  it('netease: a header with 2,000 cc addresses', () => {
    const cc = Array.from(
      { length: 2000 },
      (_, i) => `<span class="nui-addr" title="p${i}@xinghe-tech.cn">p${i}</span>`,
    ).join('；');
    const doc = parse(
      `<ul><li><div>发件人：</div><div><span class="nui-addr" title="mei.lin@xinghe-tech.cn">林美</span></div></li><li><div>抄送：</div><div>${cc}</div></li></ul>`,
    );
    const ctx = netease.readPage(doc, new URL(cases[2]![1]));
    expect(ctx.participants[0]).toEqual({
      email: 'mei.lin@xinghe-tech.cn',
      name: '林美',
      role: 'from',
      order: 0,
    });
    expect(ctx.participants.length).toBeLessThanOrEqual(151);
  });

  it('generic: a page with 5,000 addresses lists at most 50 for the user to pick from', () => {
    const doc = parse(
      `<h1>Directory</h1>${Array.from({ length: 5000 }, (_, i) => `<p>p${i}@contoso-industrial.co.uk</p>`).join('')}`,
    );
    const ctx = generic.readPage(doc, new URL(cases[9]![1]));
    expect(ctx.kind).toBe('list');
    expect(ctx.reason).toBe('several-addresses');
    expect(ctx.participants.length).toBeLessThanOrEqual(50);
  });

  it('generic: a single huge text node is scanned only in part', () => {
    const doc = parse(`<p>${'word '.repeat(200000)} late@x.com</p>`);
    expect(generic.readPage(doc, new URL(cases[9]![1])).kind).toBe('unknown');
  });

  it('salesforce: caps a record at 20 addresses', () => {
    const links = Array.from({ length: 500 }, (_, i) => `<a href="mailto:p${i}@x.com">p</a>`).join('');
    const doc = parse(
      `<h1>Mr. Oliver Grant</h1><records-record-layout-item>${links}</records-record-layout-item>`,
    );
    expect(salesforce.readPage(doc, new URL(cases[4]![1])).participants).toHaveLength(20);
  });
});

describe('labelled mail headers without a hint in the URL', () => {
  const frame = new URL('https://exmail.qq.com/cgi-bin/frame_html?sid=aBcD');

  it('reads a message view as a thread', () => {
    const doc =
      parse(`<table><tr><td>发件人：</td><td><span e="oliver.grant@contoso-industrial.co.uk" n="Oliver Grant">Oliver</span></td></tr>
      <tr><td>收件人：</td><td><span e="alex.morgan@dealside-demo.com" n="Alex">Alex</span></td></tr></table>`);
    expect(qqmail.readPage(doc, frame)).toEqual({
      site: 'qqmail',
      kind: 'thread',
      layer: 'site',
      participants: [
        { email: 'oliver.grant@contoso-industrial.co.uk', name: 'Oliver Grant', role: 'from', order: 0 },
        { email: 'alex.morgan@dealside-demo.com', name: 'Alex', role: 'to', order: 0 },
      ],
    });
  });

  it('reads recipients without a sender as a compose window', () => {
    const doc = parse(
      `<div><label>收件人</label><div><div addr="klaus.richter@acme-robotics.de">Klaus</div></div></div>`,
    );
    expect(qqmail.readPage(doc, frame)).toEqual({
      site: 'qqmail',
      kind: 'compose',
      layer: 'site',
      participants: [{ email: 'klaus.richter@acme-robotics.de', name: 'Klaus', role: 'to' }],
    });
  });

  it('reports a compose window without recipients', () => {
    const doc = parse(
      `<div id="useraddr">&lt;alex.morgan@dealside-demo.com&gt;</div><div><label>收件人</label><div><input></div></div>`,
    );
    expect(qqmail.readPage(doc, new URL('https://exmail.qq.com/cgi-bin/readtemplate?t=compose'))).toEqual({
      site: 'qqmail',
      kind: 'compose',
      participants: [{ email: 'alex.morgan@dealside-demo.com', role: 'self' }],
      reason: 'no-recipients',
    });
  });
});

describe('generic: never a silent guess', () => {
  const url = new URL(cases[9]![1]);

  it('takes the only address on the page as the record, named by its link', () => {
    const doc = parse(
      '<h1>Ticket 77</h1><p>Raised by <a href="mailto:klaus.richter@acme-robotics.de">Klaus Richter</a></p>',
    );
    expect(generic.readPage(doc, url)).toEqual({
      site: 'generic',
      kind: 'record',
      layer: 'site',
      participants: [{ email: 'klaus.richter@acme-robotics.de', name: 'Klaus Richter', role: 'record' }],
      title: 'Ticket 77',
    });
  });

  it('lists all when two addresses are equally prominent', () => {
    const doc = parse('<h2>a@northwind-trading.com</h2><h2>b@contoso-industrial.co.uk</h2>');
    expect(generic.readPage(doc, url)).toEqual({
      site: 'generic',
      kind: 'list',
      layer: 'site',
      participants: [
        { email: 'a@northwind-trading.com', role: 'record' },
        { email: 'b@contoso-industrial.co.uk', role: 'record' },
      ],
      reason: 'several-addresses',
    });
  });

  it('ignores addresses in scripts, styles and hidden parts', () => {
    const doc =
      parse(`<h1>Jane</h1><p>jane@northwind-trading.com</p><script>"x@y.com"</script><style>/* z@y.com */</style>
      <div hidden>h@y.com</div><div aria-hidden="true"><a href="mailto:i@y.com">i</a></div><textarea>t@y.com</textarea>`);
    expect(generic.readPage(doc, url).participants).toEqual([
      { email: 'jane@northwind-trading.com', role: 'record' },
    ]);
  });
});

describe('what counts as an address', () => {
  it('reads addresses kept only in attributes where the site puts them there', () => {
    const doc = parse(
      '<div role="main"><div role="list"><div role="listitem"><span class="gD" email="oliver.grant@contoso-industrial.co.uk" name="Oliver Grant"></span></div></div></div>',
    );
    expect(gmail.readPage(doc, new URL(cases[0]![1])).participants).toEqual([
      { email: 'oliver.grant@contoso-industrial.co.uk', name: 'Oliver Grant', role: 'from', order: 0 },
    ]);
  });

  it('does not read data attributes or titles on a generic page', () => {
    const doc = parse(
      '<h1>Order</h1><p data-email="a@x.com" title="b@x.com">Ask Klaus</p><input value="c@x.com">',
    );
    expect(generic.readPage(doc, new URL(cases[9]![1]))).toEqual({
      site: 'generic',
      kind: 'unknown',
      participants: [],
      reason: 'no-addresses',
    });
  });

  it('rejects obfuscated and malformed addresses', () => {
    const doc = parse(`<ul><li><div>发件人：</div><div>
      <span class="nui-addr" title="jane [at] x.com">Jane</span>
      <span class="nui-addr" title="jane@x">Jane</span>
      <span class="nui-addr" title="&lt;b&gt;@x.com">B</span>
      <span class="nui-addr" title="mei.lin@xinghe-tech.cn">林美</span></div></li></ul>`);
    expect(netease.readPage(doc, new URL(cases[2]![1])).participants).toEqual([
      { email: 'mei.lin@xinghe-tech.cn', name: '林美', role: 'from', order: 0 },
    ]);
  });

  it('reads names and titles as plain text, capped', () => {
    const evil = `<img src=x onerror="alert(1)">${'A'.repeat(500)}`;
    const doc = parse(`<h1><script>steal()</script><b>Dr.</b> ${evil.replace(/</g, '&lt;')}</h1>
      <records-record-layout-item><a href="mailto:x@contoso-industrial.co.uk">x</a></records-record-layout-item>`);
    const ctx = salesforce.readPage(doc, new URL(cases[4]![1]));
    expect(ctx.title).toMatch(/^steal\(\)Dr\. <img src=x onerror="alert\(1\)">A+$/);
    expect(ctx.title).toHaveLength(300);
    expect(ctx.participants[0]!.name).toHaveLength(200);
  });
});
