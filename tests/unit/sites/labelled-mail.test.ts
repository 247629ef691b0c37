/**
 * NetEase and QQ Mail read labelled header rows (发件人/收件人/抄送) through `labelledMail`: compose chips
 * without a nearby label, a read view whose sender row is missing, and the signed-in address.
 */
import { describe, expect, it } from 'vitest';
import { netease } from '../../../lib/sites/netease';
import { qqmail } from '../../../lib/sites/qqmail';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const neteaseUrl = (module: string) =>
  new URL(`https://mail.163.com/js6/main.jsp?sid=x#module=${module}%7C%7B%7D`);

describe('labelled mail headers', () => {
  it('reads NetEase compose chips as To when no label stands near them', () => {
    const doc = parse(
      `<span id="spnUid">dealside_alex@163.com</span>
       <div class="js-component-emailcontainer"><div class="js-component-emailblock"><span class="nui-addr-name">林美</span><span class="nui-addr-email">&lt;mei.lin@xinghe-tech.com.cn&gt;</span></div></div>`,
    );
    expect(netease.readPage(doc, neteaseUrl('compose.ComposeModule'))).toEqual({
      site: 'netease',
      kind: 'compose',
      layer: 'site',
      participants: [
        { email: 'mei.lin@xinghe-tech.com.cn', name: '林美', role: 'to' },
        { email: 'dealside_alex@163.com', role: 'self' },
      ],
    });
  });

  it('says the header is missing when a NetEase letter shows no sender row', () => {
    const doc = parse(
      `<h1 id="_mail_read_1_h1Subject">报价</h1><div class="nui-addr" title="x@y.com">x</div>`,
    );
    // (The shared semantic layer may still offer the page's addresses for a manual choice.)
    expect(netease.readPage(doc, neteaseUrl('read.ReadModule'))).toMatchObject({
      kind: 'unknown',
      reason: 'no-message-header',
    });
  });

  it("reads the rep's address from QQ Mail's 2023+ profile panel", () => {
    const doc = parse(
      `<div class="profile-user-info"><span class="user-name">Alex</span><span class="user-email">alex.morgan@dealside-demo.com</span></div>
       <table><tr><td>收件人：</td><td><div id="toAreaCtrl"><div class="addr_base addr_normal" addr="klaus.richter@acme-robotics.de"><b>Klaus Richter</b></div></div></td></tr></table>`,
    );
    expect(qqmail.readPage(doc, new URL('https://mail.qq.com/cgi-bin/readtemplate?t=compose'))).toEqual({
      site: 'qqmail',
      kind: 'compose',
      layer: 'site',
      participants: [
        { email: 'klaus.richter@acme-robotics.de', name: 'Klaus Richter', role: 'to' },
        { email: 'alex.morgan@dealside-demo.com', role: 'self' },
      ],
    });
  });
});
