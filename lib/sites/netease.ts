/**
 * NetEase mail (163, 126, yeah.net). The read view and compose are modules named in the URL hash
 * (`#module=read.ReadModule|…`); header rows are labelled 发件人/收件人/抄送 and addresses are `.nui-addr`
 * blocks. The message body sits in an iframe; earlier open tabs stay hidden in the DOM.
 */
import { email, labelledMail, pick, site, text } from './dom';

export const examples = {
  matches: [
    'https://mail.163.com/js6/main.jsp?sid=VABcdEfGhIjKlMnO&df=mail163_letter#module=read.ReadModule%7C%7B%22area%22%3A%22normal%22%2C%22id%22%3A%2299%3A1tbiXhRk%22%7D',
    'https://mail.126.com/js6/main.jsp?sid=QwErTy&df=mail126_letter#module=compose.ComposeModule%7C%7B%7D',
    'https://mail.yeah.net/js6/main.jsp?sid=ZxCv#module=mbox.ListModule%7C%7B%22fid%22%3A1%7D',
  ],
  nonMatches: [
    'https://www.163.com/news/article/ABC.html',
    'https://email.163.com/',
    'https://mail.163.com.evil.example/js6/main.jsp',
  ],
};

const KINDS = { read: 'thread', compose: 'compose', mbox: 'list' } as const;

export const netease = site({
  id: 'netease',
  name: 'NetEase Mail',
  hosts: ['mail.163.com', 'mail.126.com', 'mail.yeah.net'],
  mainRegionSelector: '#dvContainer',
  read: (d, url) =>
    labelledMail(
      'netease',
      d,
      '.nui-addr,[title*="@"]',
      'iframe',
      KINDS[/module=([a-z]+)/i.exec(url.hash)?.[1] as keyof typeof KINDS],
      email(text(d.getElementById('spnUid'))),
      text(pick(d, ['h1']), 300),
    ),
});
