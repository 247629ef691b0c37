/**
 * NetEase mail (163, 126, yeah.net; the "js6" web app). Views are modules named in the URL hash
 * (`#module=read.ReadModule|…`) and rendered into `#dvContainer` as
 * `div[id^="_dvModuleContainer_<module>_"]`; earlier open tabs stay in the DOM, hidden. Header rows are
 * labelled 发件人/收件人/抄送 (From/To/Cc in the English UI); the message body is in an iframe.
 */
import { email, labelledMail, pick, site, text } from './dom';

export const examples = {
  matches: [
    'https://mail.163.com/js6/main.jsp?sid=VABcdEfGhIjKlMnO&df=mail163_letter#module=read.ReadModule%7C%7B%22area%22%3A%22normal%22%2C%22id%22%3A%2299%3A1tbiXhRk%22%7D',
    'https://mail.126.com/js6/main.jsp?sid=QwErTy&df=mail126_letter#module=compose.ComposeModule%7C%7B%7D',
    'https://mail.yeah.net/js6/main.jsp?sid=ZxCv#module=mbox.ListModule%7C%7B%22fid%22%3A1%7D',
    'https://mail.163.com/js6/main.jsp?sid=VABcdEfGhIjKlMnO&df=mail163_letter#module=welcome.WelcomeModule%7C%7B%7D',
  ],
  nonMatches: [
    'https://www.163.com/news/article/ABC.html',
    'https://email.163.com/',
    'https://mail.163.com.evil.example/js6/main.jsp',
  ],
};

/** The hash's module family → page kind. The home page (`welcome`) and folders (`mbox`) are lists. */
const KINDS = { read: 'thread', compose: 'compose', mbox: 'list', welcome: 'list' } as const;

export const netease = site({
  id: 'netease',
  name: 'NetEase Mail',
  hosts: ['mail.163.com', 'mail.126.com', 'mail.yeah.net'],
  mainRegionSelector: '#dvContainer',
  read: (d, url) =>
    labelledMail(d, {
      id: 'netease',
      // Read view (js6, 2012+): `.nui-addr` blocks, the name in `.nui-addr-name` and `<address>` in
      // `.nui-addr-email`; some builds also put the address in `title`.
      addresses: '.nui-addr,[title*="@"]',
      // Compose (js6): chips `.js-component-emailblock` in `.js-component-emailcontainer` (bmail extension).
      chips: '.js-component-emailblock',
      // The body frame, and the folder tree's contact panel.
      skip: 'iframe,#dvNavTree',
      kind: KINDS[/module=([a-z]+)/i.exec(url.hash)?.[1] as keyof typeof KINDS],
      self: email(text(d.getElementById('spnUid'))),
      // 2020+: `h1[id$="_h1Subject"]` (title "邮件标题" / "Mail subject"); earlier builds: the first `h1`.
      title: text(pick(d, ['h1[id$="_h1Subject"]', 'h1']), 300),
    }),
});
