/**
 * Gmail (mail.google.com). Stable hooks, as gmail.js, InboxSDK and FlowCrypt read them: people as
 * `span[email]` with a `name` attribute (sender `.gD`, recipients `.g2` in the `.hb` "to" line and the
 * details table), the subject `h2.hP`, one `[role=listitem]` per message under the thread's
 * `[role=list]`, compose recipient chips (see `CHIPS`), and the account button's aria-label ("Google
 * Account: Name (email)"). Message bodies (`.a3s`) hold the senders' own HTML: nothing in them is read.
 */
import { at, clean, email, emailsIn, page, people, pick, shown, site, text } from './dom';
import type { ParticipantRole } from '../messaging/page-context';
import { unknownPage } from './types';

export const examples = {
  matches: [
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb',
    'https://mail.google.com/mail/u/2/#label/Customers/FMfcgzQXJWDsKmdnlPhHWwsxZbVPbVcb',
    'https://mail.google.com/mail/u/1/?ogbl#search/northwind',
    'https://mail.google.com/mail/u/0/#inbox?compose=new',
    'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1',
    'https://mail.google.com/mail/#sent',
  ],
  nonMatches: [
    'https://mail.google.com/chat/u/0/',
    'https://www.google.com/search?q=mail.google.com/mail/',
    'http://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com.evil.example/mail/u/0/',
  ],
};

const CC = /^\s*(b?cc\b|抄送|密送)/i;
/** A message body, and a compose window's editor: the senders' and the rep's own text. */
const BODY = '.a3s,[contenteditable]';
/** A compose window inside a thread (inline reply, 2013+): its chips are not the message's people. */
const COMPOSE = '.M9,[role=listbox],.az9';

/**
 * Compose recipient chips, current UI first (all matches are read, duplicates dropped):
 * - 2021+ ("peoplekit"): `[role=option]` chips with `data-hovercard-id` (address) and `data-name`, in a
 *   listbox under `div.anm[name=to|cc|bcc]` in the recipients table `table.GS` (InboxSDK
 *   `page-parser.ts`; gmail.js `tr.bzf div[name] div[data-hovercard-id]`).
 * - 2019+: the one-line summary shown while the recipients field is not focused, `div.az9 > span[email]`
 *   (FlowCrypt `standardComposeRecipient`).
 * - 2013–2021 (kept 2026-12, drop when no longer seen): `div.vR > span.vN[email]` (gmail.js `vR`).
 * Read as: any address-bearing element in a recipients listbox or the recipients table, the summary
 * line, or a classic chip.
 */
const CHIPS =
  '[role=listbox] [data-hovercard-id],.GS [data-hovercard-id],.GS [email],.az9 [email],.vR [email]';

/**
 * Matches of `sel` under `root` in page order, skipping any inside message bodies: a message's HTML can
 * carry any number of look-alikes (`role=listitem`, `email=`) and must not push the app's own out of the
 * read. Examines at most 5,000 matches.
 */
function outsideBodies(root: ParentNode | undefined, sel: string, cap: number): Element[] {
  const found: Element[] = [];
  const nodes = root?.querySelectorAll(sel) ?? [];
  for (let i = 0; i < nodes.length && i < 5e3 && found.length < cap; i++)
    if (!nodes[i]!.closest(BODY)) found.push(nodes[i]!);
  return found;
}

/** To, Cc or Bcc of a compose chip: its field's `name` (2021+), else its listbox's label. */
const chipRole = (chip: Element): ParticipantRole =>
  CC.test(
    at(chip.closest('[name=to],[name=cc],[name=bcc]'), 'name') ??
      at(chip.closest('[role=listbox]'), 'aria-label') ??
      '',
  )
    ? 'cc'
    : 'to';

export const gmail = site({
  id: 'gmail',
  name: 'Gmail',
  hosts: ['mail.google.com'],
  path: /^\/mail\//,
  mainRegionSelector: 'div[role=main]',
  // The compose body (2013+): `div.editable[contenteditable][g_editable=true][role=textbox]`, "Message
  // Body" (InboxSDK and gmail.js read it by `g_editable` and `.editable`).
  composeBodySelector: '[g_editable=true],div.editable[contenteditable=true]',
  read(d, url) {
    const { list, add } = people();
    const main = pick(d, ['div[role=main]']);
    // The open thread's messages, expanded (`.adn`) or collapsed (`.kv`), oldest first:
    // 2019+: the items of the first visible `[role=list]` holding people (earlier threads stay hidden).
    // Older UI (kept 2026-11, drop when no longer seen): bare `div.adn` message blocks.
    const thread = outsideBodies(main, '[role=list]', 30).find((l) => shown(l) && l.querySelector('[email]'));
    // Gmail splits threads at 100 messages; the newest 50 are plenty.
    const msgs = (
      thread
        ? ([].filter.call(thread.children, (c: Element) => at(c, 'role') === 'listitem') as Element[])
        : outsideBodies(main, 'div.adn', 100).filter(shown)
    ).slice(0, 100);
    const first = Math.max(0, msgs.length - 50);
    let n = first;
    // Gmail names the signed-in user "me" in "to me" and in the rep's own messages.
    let me: string | null = null;
    for (const m of msgs.slice(first)) {
      // Only the header is searched when it can be told: the expanded message's `.gE` or the collapsed
      // `.kv`, found from the message's first person (the header comes before the body).
      const lead = m.querySelector('span[email]');
      const head = (lead && !lead.closest(`${BODY},${COMPOSE}`) && lead.closest('.gE,.kv')) || m;
      const spans = outsideBodies(head, 'span[email]', 80).filter((e) => !e.closest(COMPOSE));
      for (const e of spans) if (/^(me|我|moi|ich|yo)$/i.test(at(e, 'name') || text(e))) me = at(e, 'email');
      const from = spans.find((e) => shown(e) && !e.matches('.g2'));
      if (!from) continue;
      add(at(from, 'email'), at(from, 'name') || text(from), 'from', n);
      // "to me, Tom" in the summary line, "cc: Tom" in the (hidden) details table: the cc row wins.
      const recipients = spans.filter((e) => e.matches('.g2'));
      const cc = recipients.filter((e) => CC.test(text(e.closest('tr')?.firstElementChild)));
      for (const e of recipients)
        if (cc.includes(e) || !cc.some((c) => at(c, 'email') === at(e, 'email')))
          add(at(e, 'email'), at(e, 'name') || text(e), cc.includes(e) ? 'cc' : 'to', n);
      n++;
    }
    // The signed-in account: the account button's label, else the window title ("Inbox (3) - a@b.co -
    // Gmail"), else whoever the thread calls "me".
    const label = clean(at(d.querySelector('header a[aria-label*="@"]'), 'aria-label'), 400);
    const self = () =>
      add(emailsIn(label, 1)[0] ?? email(/ - ([^\s]+@[^\s]+) - [^@]*$/.exec(d.title)?.[1]) ?? me, '', 'self');
    if (n > first) {
      // A thread's people are its messages' senders and recipients; an inline reply's chips add nothing
      // the thread does not show, and looking for them costs half of a read on a large page.
      self();
      return page('gmail', 'thread', list, {
        title: text(pick(main, ['h2.hP']), 300),
      });
    }
    for (const c of outsideBodies(d, CHIPS, 100))
      if (shown(c))
        add(
          at(c, 'data-hovercard-id') ?? at(c, 'email'),
          at(c, 'data-name') || at(c, 'name') || text(c),
          chipRole(c),
        );
    const recipients = list.length;
    const composing =
      recipients ||
      // An empty compose window: its subject field (gmail.js `subjectbox`) or a 2021+ recipients input.
      pick(d, ['[name=subjectbox],input[peoplekit-id]']);
    self();
    if (composing)
      return page('gmail', 'compose', list, { reason: recipients ? undefined : 'no-recipients' });
    return /\/(FMfc|[\da-f]{16})[\w-]*$/i.test(url.hash.split('?')[0]!)
      ? unknownPage('gmail', 'no-message-header')
      : page('gmail', 'list');
  },
});
