/**
 * Outlook on the web: work (outlook.office.com, outlook.office365.com, outlook.cloud.microsoft) and
 * personal (outlook.live.com), every UI language. Reads, in this order of trust:
 * - header ids Outlook gives every message and compose field, whatever the language (`MSG_<id>_FROM`,
 *   `MSG_<id>_TO`, `MSG_<id>_CC`; seen 2024–2026);
 * - header ARIA labels in the UI's language (`From: Jane Cooper`, `Von:`, `À :`, `收件人:`);
 * - the recipient well's own text (`An: Name <address>`) where a build labels nothing.
 * People show as `Name <address>` text, as hover targets, or by name alone (the signed-in user, collapsed
 * messages, unresolved compose pills): a bare name takes the address shown with that same name elsewhere
 * on the page, and stays unknown when no one or two different people have it. Message bodies, quotes and
 * editors are never read.
 */
import {
  addrOf,
  all,
  at,
  clean,
  email,
  emailsIn,
  nameOf,
  page,
  people,
  pick,
  shown,
  site,
  text,
} from './dom';
import type { ParticipantRole } from './types';

export const examples = {
  matches: [
    'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJmJr3DoKkdJpC%2FzCz%2Fv%2B9c%3D',
    'https://outlook.office365.com/mail/0/inbox',
    'https://outlook.live.com/mail/0/deeplink/compose',
    'https://outlook.cloud.microsoft/mail/sales@dealside-demo.co.uk/inbox',
    'https://outlook.office.com/owa/?realm=contoso-industrial.co.uk',
  ],
  nonMatches: [
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.com.evil.example/mail/',
    'https://www.office.com/',
    'https://outlook.cloud.microsoft/people/',
  ],
};

/**
 * A header label at the start of an ARIA label (`From: Jane`, `De : Jane`, `收件人:`) or a compose field's
 * whole name (`To`, `An`, `Cc`). Group 1: sender, group 2: recipient, else copy. Bcc is left out.
 */
const LABEL =
  /^\s*(?:(from|von|de|da|van|od|från|fra|от|发件人|寄件人|寄件者|差出人)|(to|an|à|a|para|aan|till|til|do|кому|收件人|收件者|宛先)|cc|kopie|抄送|副本)\s*(?:[:：]|$)/i;

/** Header ids, language-free: `MSG_<message id>_FROM` and the compose wells' `MSG_<draft id>_TO`. */
const HEADER_ID = /^MSG_.*_(?:(FROM)|(TO)|CC)$/;

/** Messages: the 2023+ reading pane (`Email message` in English UIs, `.aVla3` in every language, 2025). */
const MESSAGE = '[aria-label="Email message"],.aVla3';

/** Never read: bodies (`role=document`, `UniqueMessageBody_n`), quotes, and every editor. */
const SKIP =
  '[role=document],[id^=UniqueMessageBody],[aria-label^="Message body" i],[contenteditable=true],blockquote';

/**
 * One person in a header row or compose well: recipient entity pills (compose, 2021+), live persona card
 * hover targets (2022+), older buttons, and elements whose hover title is the address.
 */
const PILL =
  '._EType_RECIPIENT_ENTITY,.lpc-hoverTarget,[data-lpc-hover-target-id],[draggable=true],button,[role=button],[title*="@"]';

/** A collapsed message shows only its sender: a hover target, a persona span, or an address title. */
const COLLAPSED_SENDER = '.lpc-hoverTarget,[data-lpc-hover-target-id],.OZZZK,[title*="@"]';

const roleOf = (el: Element): ParticipantRole | undefined => {
  const m =
    HEADER_ID.exec(el.id) ??
    LABEL.exec(at(el, 'aria-label') ?? (el.closest('[data-testid=RecipientWell]') ? text(el, 40) : ''));
  return m ? (m[1] ? 'from' : m[2] ? 'to' : 'cc') : undefined;
};

/** The address and name one element shows: text `Name <address>`, a title, an ARIA label. */
function personOf(el: Element): [string | undefined, string] {
  let name = nameOf(el.querySelector('[class*=textContainer]') ?? el);
  if (!name || name.includes('@')) name = clean(at(el, 'aria-label'));
  return [
    addrOf(el) ??
      emailsIn(
        [el, ...all(el, '[aria-label]', 5)]
          .map((e) => `${at(e, 'aria-label')} ${at(e, 'data-lpc-hover-target-id')}`)
          .join(' '),
        1,
      )[0],
    name
      .replace(LABEL, '')
      .replace(/\s*<.*/, '')
      .trim(),
  ];
}

export const outlook = site({
  id: 'outlook',
  name: 'Outlook',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.live.com'],
  path: /^\/(mail|owa)\b/,
  newestFirst: true,
  read(d, url) {
    const seen: [string | undefined, string, ParticipantRole, number?][] = [];
    /** Lower-cased name → the one address shown with it on this page; 0 when two people share the name. */
    const names = new Map<string, string | 0>();
    const learn = (address: string | null | undefined, name: string) => {
      const key = name.toLowerCase();
      const had = names.get(key);
      if (address && name)
        names.set(key, had === undefined || had === address.toLowerCase() ? address.toLowerCase() : 0);
    };
    const note = ([address, name]: [string | undefined, string], role: ParticipantRole, order?: number) => {
      learn(address, name);
      seen.push([address, name, role, order]);
    };
    /** People of a header row or compose well: its pills, else `Name <address>; …` in its text. */
    const noteAll = (row: Element, role: ParticipantRole, order?: number) => {
      const pills = all(row, PILL, 50).filter((p) => !row.contains(p.parentElement!.closest(PILL)));
      if (pills[0]) for (const p of pills) note(personOf(p), role, order);
      else
        for (const part of text(row, 2000)
          .replace(LABEL, '')
          .split(/;|(?<=>)\s*,/, 50))
          note([email(part), clean(part).replace(/\s*<.*/, '')], role, order);
    };

    // The signed-in user: the account manager (2019+ suite header; its details render hidden), else the
    // primary mailbox in the folder pane (2023+). A shared or delegated mailbox in the URL is the rep's too.
    const me = at(d.getElementById('O365_MainLink_Me'), 'aria-label');
    const selfName =
      text(d.getElementById('mectrl_currentAccount_primary')) ||
      clean(/\b(?:for|für|pour|para|per|voor)\s+([^(]+)/i.exec(me!)?.[1]);
    const root = d.querySelector('[id^=primaryMailboxRoot]');
    const selfEmail = emailsIn(
      [
        text(d.getElementById('mectrl_currentAccount_secondary')),
        me,
        at(root, 'data-folder-name'),
        at(root, 'title'),
      ].join(' '),
      1,
    )[0];
    learn(selfEmail, selfName);
    // Senders of the message list's rows (2019+, `data-convid`) carry the address as a title.
    for (const el of all(d, '[data-convid] [title*="@"]', 60)) learn(email(at(el, 'title')), text(el));

    const pane =
      pick(d, ['#ReadingPaneContainerId', '[data-app-section=MailReadCompose]', '[role=main]']) ?? d.body;
    const outermost = (sel: string) =>
      all(pane, sel, 100).filter((m) => shown(m) && !m.parentElement?.closest(`${sel},${SKIP}`));
    // Older builds: one ARIA list item per message in the conversation.
    let msgs = outermost(MESSAGE);
    if (!msgs[0]) msgs = outermost('[role=listitem]');
    // Newest first unless the page shows it last: the expanded message (with its body) is the newest.
    const open = (m?: Element) => !!m?.querySelector('[role=document]');
    const oldestFirst = !open(msgs[0]) && open(msgs[msgs.length - 1]);
    msgs.forEach((m, i) => {
      const order = oldestFirst ? i : msgs.length - 1 - i;
      let from = 0;
      for (const el of all(m, '[aria-label],[id^=MSG_],[data-testid=RecipientWell] *', 300)) {
        const role = roleOf(el);
        if (!role || el.closest(SKIP) || el.querySelector('[contenteditable=true]')) continue;
        if (role !== 'from') noteAll(el, role, order);
        else if (!from++) note(personOf(el), role, order);
      }
      // A collapsed message (no body) shows its sender unlabelled; an open one without a label is not guessed.
      const sender = from || open(m) ? 0 : all(m, COLLAPSED_SENDER, 20).find((el) => !el.closest(SKIP));
      if (sender) note(personOf(sender), 'from', order);
    });

    // Compose wells, new mail or inline reply: the editable field named To/Cc, or its group by id.
    const wells = all(d, '[contenteditable=true][aria-label],[role=group][id^=MSG_]', 20).filter(
      (w) =>
        shown(w) &&
        roleOf(w) &&
        (w.matches('[contenteditable=true]') || w.querySelector('[contenteditable=true]')),
    );
    for (const w of wells) if (roleOf(w) !== 'from') noteAll(w, roleOf(w)!);

    const { list, add } = people();
    for (const [address, name, role, order] of seen)
      add(address ?? (names.get(name.toLowerCase()) || undefined), name, role, order);
    add(selfEmail, selfName, 'self');
    add(email(url.pathname.split('/')[2]), '', 'self');
    const title = text(pick(pane, ['[id^=CONV_][id$=_SUBJECT]', '[role=heading][aria-level="2"]']), 300);
    if (list.some((p) => p.role === 'from')) return page('outlook', 'thread', list, { title });
    if (wells[0])
      return page('outlook', 'compose', list, {
        reason: list.some((p) => p.role !== 'self') ? undefined : 'no-recipients',
      });
    return msgs[0] || /\/id\//.test(url.pathname)
      ? page(
          'outlook',
          'unknown',
          list.filter((p) => p.role === 'self'),
          { reason: 'no-message-header' },
        )
      : page('outlook', 'list');
  },
});
