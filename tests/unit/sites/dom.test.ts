import { describe, expect, it } from 'vitest';
import { email, emailsIn, mailto, people, roleOf, shown, text, unsalute } from '../../../lib/sites/dom';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('email', () => {
  it.each([
    ['jane.cooper@northwind-trading.com', 'jane.cooper@northwind-trading.com'],
    ['  Jane.Cooper@Northwind-Trading.com ', 'Jane.Cooper@Northwind-Trading.com'],
    ['Jane Cooper <jane.cooper@northwind-trading.com>', 'jane.cooper@northwind-trading.com'],
    ['mailto:jane@northwind-trading.com?subject=Quote', 'jane@northwind-trading.com'],
    ['MAILTO:jane%40northwind-trading.com', 'jane@northwind-trading.com'],
    ['o.grant+crm@contoso-industrial.co.uk', 'o.grant+crm@contoso-industrial.co.uk'],
    ['info@münchen-maschinen.de', 'info@münchen-maschinen.de'],
  ])('reads %j', (raw, expected) => expect(email(raw)).toBe(expected));

  it.each([
    'jane [at] northwind-trading.com',
    'jane(at)northwind-trading.com',
    'jane@northwind',
    'jane@localhost',
    '@northwind-trading.com',
    'jane@.com',
    'jane@x.c',
    'jane cooper@x.com',
    '<script>alert(1)</script>@x.com',
    'jane@x.com" onmouseover="alert(1)',
    'mailto:',
    '%E0%A4%A',
    '',
    null,
    undefined,
  ])('rejects %j', (raw) => expect(email(raw)).toBeUndefined());

  it('caps what it examines', () => expect(email('a'.repeat(10000) + '@x.com')).toBeUndefined());
});

describe('emailsIn and mailto', () => {
  it('finds addresses in text, not obfuscated ones, and stops at the cap', () => {
    expect(emailsIn('Jane <jane@x.com>; tom@y.org, jane [at] x.com, end with z@w.net.')).toEqual([
      'jane@x.com',
      'tom@y.org',
      'z@w.net',
    ]);
    expect(emailsIn('联系人：mei.lin@xinghe-tech.cn。电话')).toEqual(['mei.lin@xinghe-tech.cn']);
    expect(emailsIn(Array.from({ length: 500 }, (_, i) => `p${i}@x.com`).join(' '), 10)).toHaveLength(10);
  });

  it('reads every address of a mailto link', () => {
    expect(mailto('mailto:a@x.com,b@y.org?cc=c@z.net&subject=hi')).toEqual(['a@x.com', 'b@y.org']);
    expect(mailto('https://x.com/a@b.com')).toEqual([]);
    expect(mailto(null)).toEqual([]);
  });
});

describe('text helpers', () => {
  it('reads text, never markup, collapsed and capped', () => {
    const doc = parse('<p id="p">  <b>Jane</b>\n  <i>&lt;img src=x&gt;</i> <script>x()</script></p>');
    expect(text(doc.getElementById('p'))).toBe('Jane <img src=x> x()');
    expect(text(parse(`<p>${'x'.repeat(1000)}</p>`).body, 300)).toHaveLength(300);
    expect(text(null)).toBe('');
  });

  it.each([
    ['Mr. Oliver Grant', 'Oliver Grant'],
    ['Ms Mei Lin', 'Mei Lin'],
    ['Mrs. Ruth Adeyemi', 'Ruth Adeyemi'],
    ['Dr. Klaus Richter', 'Klaus Richter'],
    ['Prof. Klaus Richter', 'Klaus Richter'],
    ['Drew Barrymore', 'Drew Barrymore'],
    ['Mrinal Sen', 'Mrinal Sen'],
  ])('unsalute(%j)', (name, expected) => expect(unsalute(name)).toBe(expected));
});

describe('shown', () => {
  it('checks hidden, aria-hidden and inline display:none up the ancestor chain', () => {
    const doc = parse(`
      <div id="a"><span id="ok">x</span></div>
      <div hidden><span id="h1">x</span></div>
      <div aria-hidden="true"><div><span id="h2">x</span></div></div>
      <div style="color: red; display:none"><span id="h3">x</span></div>
      <div style="visibility: hidden"><span id="h4">x</span></div>
      <div aria-hidden="false"><span id="ok2">x</span></div>`);
    expect(['ok', 'ok2', 'h1', 'h2', 'h3', 'h4'].map((id) => shown(doc.getElementById(id)))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(shown(null)).toBe(false);
  });
});

describe('people and roleOf', () => {
  it('drops invalid addresses, duplicates and "me" names, and caps the list but keeps self', () => {
    const { list, add } = people();
    add('jane@x.com', 'Jane', 'from', 0);
    add('JANE@x.com', 'Jane', 'from', 0);
    add('jane@x.com', 'Jane', 'from', 1);
    add('nope', 'Nope', 'to');
    add('alex@dealside-demo.com', 'me', 'to', 1);
    for (let i = 0; i < 300; i++) add(`p${i}@x.com`, '', 'cc', 1);
    add('alex@dealside-demo.com', 'Alex', 'self');
    expect(list.slice(0, 4)).toEqual([
      { email: 'jane@x.com', name: 'Jane', role: 'from', order: 0 },
      { email: 'jane@x.com', name: 'Jane', role: 'from', order: 1 },
      { email: 'alex@dealside-demo.com', role: 'to', order: 1 },
      { email: 'p0@x.com', role: 'cc', order: 1 },
    ]);
    expect(list).toHaveLength(151);
    expect(list.at(-1)).toEqual({ email: 'alex@dealside-demo.com', name: 'Alex', role: 'self' });
  });

  it('finds From/To/Cc labels in earlier siblings, Chinese and English', () => {
    const doc = parse(`<table><tr><td>抄\u3000送：</td><td><span><b id="a">x</b></span></td></tr></table>
      <div><label>To</label><span>Tom</span><span id="b">y</span></div><div><span id="c">z</span></div>`);
    expect(roleOf(doc.getElementById('a'))).toBe('cc');
    expect(roleOf(doc.getElementById('b'))).toBe('to');
    expect(roleOf(doc.getElementById('c'))).toBeUndefined();
    expect(roleOf(doc.getElementById('c'), 'from')).toBe('from');
  });
});
