/**
 * QQ Mail and Tencent Exmail, classic UI. Each view loads into a frame of the frame set page
 * (`/cgi-bin/readmail`, `/cgi-bin/mail_list`, compose through `readtemplate?t=compose`); header rows
 * are labelled 发件人/收件人/抄送 and addresses carry `e` (address) and `n` (name) attributes, compose
 * chips `addr`. The 2023+ web UI shows people by nickname only, without addresses: nothing to read there.
 */
import { email, frameView, labelledMail, pick, site, text } from './dom';

export const examples = {
  matches: [
    'https://mail.qq.com/cgi-bin/readmail?folderid=1&folderkey=1&t=readmail&mailid=ZC0412-abcDEF&mode=pre&sid=aBcD',
    'https://exmail.qq.com/cgi-bin/readtemplate?sid=aBcD&t=compose&s=cnew',
    'https://mail.qq.com/cgi-bin/mail_list?sid=aBcD&folderid=1&page=0',
    'https://exmail.qq.com/cgi-bin/frame_html?sid=aBcD',
  ],
  nonMatches: [
    'https://www.qq.com/',
    'https://mail.qq.com.evil.example/cgi-bin/readmail',
    'https://wx.qq.com/',
  ],
};

/** The frame set page around this document when it is the view frame (same origin), else null. */
function frameSetDocument(d: Document): Document | null {
  try {
    const top = d.defaultView?.top;
    return top && top.document !== d ? top.document : null;
  } catch {
    // A top page of another origin cannot be read; the view alone is enough.
    return null;
  }
}

export const qqmail = site({
  id: 'qqmail',
  name: 'QQ Mail',
  hosts: ['mail.qq.com', 'exmail.qq.com'],
  mainRegionSelector: '#mainmail',
  // The classic UI's frame set page (`frame_html`) shows the mail list, a mail or compose in this frame.
  viewOf: frameView('iframe#mainFrame'),
  read(d, url) {
    const u = url.pathname + url.search;
    // The signed-in address: `#useraddr` in the classic top bar (in the frame set page around the view
    // frame); `.profile-user-info .user-email` in the 2023+ UI (bmail extension).
    const self = (doc: Document | null) =>
      text(doc?.querySelector('#useraddr,.profile-user-info .user-email'));
    return labelledMail(d, {
      id: 'qqmail',
      // Read view (classic): `span[e][n]` per person in `table.i`; some rows show the address in `title`.
      addresses: '[e*="@"],[title*="@"]',
      // Compose (classic): chips `div.addr_base.addr_normal[addr]` in `#toAreaCtrl`/`#ccAreaCtrl`.
      chips: '[addr*="@"]',
      // The body (`#contentDiv`, `.qmbox`) and its quoted original (`includetail`).
      skip: '#contentDiv,.qmbox,includetail',
      kind: /readmail/.test(u)
        ? 'thread'
        : /compose/.test(u)
          ? 'compose'
          : /mail_list/.test(u)
            ? 'list'
            : undefined,
      self: email(self(d) || self(frameSetDocument(d))),
      title: text(pick(d, ['#subject', 'h1']), 300),
    });
  },
});
