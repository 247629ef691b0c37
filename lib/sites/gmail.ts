/**
 * Gmail (mail.google.com). Stable hooks: `span[email]` with a `name` attribute (sender `.gD`,
 * recipients `.g2`), the subject `h2.hP`, ARIA list items per message, recipient chips in listboxes
 * labelled "To/CC recipients", and the account button's aria-label ("Google Account: Name (email)").
 */
import { all, at, clean, emailsIn, page, people, pick, pickAll, shown, site, text } from './dom';
import { unknownPage, type ParticipantRole } from './types';

export const examples = {
  matches: [
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb',
    'https://mail.google.com/mail/u/2/#label/Customers/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb',
    'https://mail.google.com/mail/u/1/?ogbl#search/northwind',
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'https://mail.google.com/mail/#sent',
  ],
  nonMatches: [
    'https://mail.google.com/chat/u/0/',
    'https://www.google.com/search?q=mail.google.com/mail/',
    'http://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com.evil.example/mail/u/0/',
  ],
};

const CC = /^\s*b?cc\b|抄送|密送/i;

export const gmail = site({
  id: 'gmail',
  name: 'Gmail',
  hosts: ['mail.google.com'],
  path: /^\/mail\//,
  mainRegionSelector: 'div[role=main]',
  read(d, url) {
    const { list, add } = people();
    const main = pick(d, ['div[role=main]']);
    // Each message, expanded or collapsed, is a list item, oldest first. Gmail splits threads at 100
    // messages; the newest 50 are plenty.
    // Older UI (kept 2026-11, drop when no longer seen): bare `div.adn` message blocks.
    const msgs = pickAll(main, ['[role=list]>[role=listitem]', 'div.adn'], 100);
    const first = Math.max(0, msgs.length - 50);
    let n = first;
    for (const m of msgs.slice(first)) {
      const from = all(m, 'span[email]:not(.g2)', 20).find(
        (e) => shown(e) && !e.closest('.a3s,[role=listbox],[contenteditable]'),
      );
      if (!from) continue;
      add(at(from, 'email'), at(from, 'name') || text(from), 'from', n);
      // "to me, Tom" in the summary line, "cc: Tom" in the (hidden) details table: the cc row wins.
      const to = new Map<string | null, [Element, ParticipantRole]>();
      for (const e of all(m, '.g2[email]', 30)) {
        const role = CC.test(text(e.closest('tr')?.firstElementChild)) ? 'cc' : 'to';
        if (!e.closest('.a3s') && to.get(at(e, 'email'))?.[1] !== 'cc') to.set(at(e, 'email'), [e, role]);
      }
      for (const [e, role] of to.values()) add(at(e, 'email'), at(e, 'name') || text(e), role, n);
      n++;
    }
    const label = clean(
      at(d.querySelector('header a[aria-label*="@"],#gb a[aria-label*="@"]'), 'aria-label'),
      400,
    );
    const self = () => add(emailsIn(label, 1)[0], label.replace(/\s*[(（].*|^[^:：]*[:：]/g, ''), 'self');
    if (n > first) {
      // A thread's people are its messages' senders and recipients; an inline reply's chips add nothing
      // the thread does not show, and looking for them costs half of a read on a large page.
      self();
      return page('gmail', 'thread', list, {
        title: text(pick(main, ['h2.hP', 'h2[data-thread-perm-id]']), 300),
      });
    }
    // Compose windows: recipient chips.
    // Older UI (kept 2026-11, drop when no longer seen): chips as `span[email]` in `div.vR`.
    for (const c of all(d, '[role=listbox] [data-hovercard-id],.vR [email]', 100))
      if (shown(c))
        add(
          at(c, 'data-hovercard-id') ?? at(c, 'email'),
          at(c, 'data-name') ?? text(c),
          CC.test(at(c.closest('[role=listbox]'), 'aria-label') ?? '') ? 'cc' : 'to',
        );
    const composing = pick(d, ['input[aria-label*="ecipients" i],[name=subjectbox],.vR']);
    const recipients = list.length;
    self();
    if (composing)
      return page('gmail', 'compose', list, { reason: recipients ? undefined : 'no-recipients' });
    return /\/(FMfc|[\da-f]{16})[\w-]*$/i.test(url.hash.split('?')[0]!)
      ? unknownPage('gmail', 'no-message-header')
      : page('gmail', 'list');
  },
});
