/**
 * Outlook on the web: work (outlook.office.com, outlook.office365.com, outlook.cloud.microsoft) and
 * personal (outlook.live.com), every UI language. Reads, in this order of trust:
 * - header ids Outlook gives every message, whatever the language (`MSG_<id>_FROM`, `MSG_<id>_TO`,
 *   `MSG_<id>_CC`; seen 2024–2026);
 * - header ARIA labels in the UI's language (`From: Jane Cooper`, `Von:`, `À :`, `收件人:`; 2019+), and
 *   compose fields by their name (`To`, `An`, `Cc`).
 * Recipients given only as plain text in the well (`An: …`, seen in a 2025 German capture) are not read.
 * People show as `Name <address>` text, as hover targets, or by name alone (the signed-in user, collapsed
 * messages, unresolved compose pills): a bare name takes the address shown with that same name elsewhere
 * on the page, and stays unknown when no one or two different people have it. Message bodies, quotes and
 * editors are never read.
 */
import { addrOf, all, at, emailsIn, nameOf, page, people, pick, pickAll, shown, site, text } from './dom';
import type { ParticipantRole } from '../messaging/page-context';

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
 * whole name (`To`, `An`, `Cc`), in the UI languages of the largest markets. Group 1: sender, group 2:
 * recipient, else copy. Bcc is left out.
 */
const LABEL =
  /^\s*(?:(from|von|de|da|发件人|寄件人|差出人)|(to|an|à|a|para|收件人|宛先)|cc|抄送)\s*(?:[:：]\s*|$)/i;

/**
 * Header ids, language-free (2024+): `MSG_<message id>_FROM|_TO|_CC`. Compose wells use the same suffixes
 * on their `role=group` (`MSG_<draft id>_TO`); those hold an editor and are skipped in messages.
 */
const HEADER_ID = /^MSG_.*_(?:(FROM)|(TO)|CC)$/;

/** Never read: message bodies (`role=document`, `UniqueMessageBody_n`) with their quotes, and editors. */
const SKIP = '[role=document],[id^=UniqueMessageBody],[contenteditable=true]';

/**
 * One person: compose recipient pills (2021+), persona card hover targets (2022+, `lpc`), older buttons, the
 * persona name span of a collapsed message, and elements whose hover title is the address.
 */
const PILL = '._EType_RECIPIENT_ENTITY,[data-lpc-hover-target-id],button,[role=button],.OZZZK,[title*="@"]';

const roleOf = (el: Element): ParticipantRole | undefined => {
  const m = HEADER_ID.exec(el.id) ?? LABEL.exec(at(el, 'aria-label')!);
  return m ? (m[1] ? 'from' : m[2] ? 'to' : 'cc') : undefined;
};

/** The address and name one element shows: `Name <address>` text, a title, or an ARIA label holding it. */
function personOf(el: Element): [string | undefined, string] {
  const labelled = el.matches('[aria-label*="@"]') ? el : el.querySelector('[aria-label*="@"]');
  return [addrOf(el) ?? emailsIn(at(labelled, 'aria-label'))[0], nameOf(el).replace(LABEL, '')];
}

export const outlook = site({
  id: 'outlook',
  name: 'Outlook',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft', 'outlook.live.com'],
  path: /^\/(mail|owa)\b/,
  newestFirst: true,
  // The compose body, new mail or inline reply (2019+): the editor inside `#editorParent_<n>`, as
  // automation scripts and extensions for Outlook on the web find it; the To/Cc wells are outside it.
  composeBodySelector: '[id^=editorParent_] [contenteditable=true]',
  read(d, url) {
    const seen: [string | undefined, string, ParticipantRole, number?][] = [];
    /** Lower-cased name → the one address shown with it on this page; 0 when it was shown with two. */
    const names = new Map<string, string | 0>();
    const note = ([address, name]: [string | undefined, string], role: ParticipantRole, order?: number) => {
      const key = name.toLowerCase();
      if (address && name) names.set(key, names.has(key) && names.get(key) !== address ? 0 : address);
      seen.push([address, name, role, order]);
    };
    /** People of a header row or compose well: its outermost pills. */
    const noteAll = (row: Element, role: ParticipantRole, order?: number) => {
      for (const p of all(row, PILL))
        if (!row.contains(p.parentElement!.closest(PILL))) note(personOf(p), role, order);
    };

    // The signed-in user: the account manager's details (2019+ suite header; rendered hidden), else the
    // account button's label or the primary mailbox in the folder pane (2023+).
    const account = (part: string) => text(d.getElementById('mectrl_currentAccount_' + part));
    const selfName = account('primary');
    const selfEmail = emailsIn(
      `${account('secondary')} ${at(d.getElementById('O365_MainLink_Me'), 'aria-label')} ${at(d.querySelector('[id^=primaryMailboxRoot]'), 'data-folder-name')}`,
    )[0];
    note([selfEmail, selfName], 'self');

    // Messages, newest first: 2025+ `.aVla3` in every language, `Email message` (English UIs, 2023+), and
    // older builds' ARIA list items.
    // The reading pane landmark (`Reading Pane` 2026, `Lesebereich` in German; the whole app in 2019 builds).
    const pane = pick(d, ['[role=main]']) ?? d.body;
    const msgs = pickAll(pane, ['.aVla3', '[aria-label="Email message"]', '[role=listitem]']);
    // Oldest first when the expanded message (the newest, the only one with its body) is last.
    const open = (m?: Element) => !!m?.querySelector('[role=document]');
    const oldestFirst = !open(msgs[0]) && open(msgs[msgs.length - 1]);
    msgs.forEach((m, i) => {
      const order = oldestFirst ? i : msgs.length - 1 - i;
      let from = 0;
      for (const el of all(m, '[aria-label],[id^=MSG_]')) {
        const role = roleOf(el);
        if (!role || el.closest(SKIP) || el.querySelector('[contenteditable=true]')) continue;
        if (role !== 'from') noteAll(el, role, order);
        else if (!from++) note(personOf(el), role, order);
      }
      // A collapsed message (no body) names its sender unlabelled; an open one without a label is not guessed.
      const sender = from || open(m) ? 0 : all(m, PILL).find((el) => !el.closest(SKIP));
      if (sender) note(personOf(sender), 'from', order);
    });

    // Compose wells, new mail or inline reply: the editable field named To/Cc (any language), 2019+.
    const wells = all(d, '[contenteditable=true][aria-label]').filter((w) => shown(w) && roleOf(w));
    for (const w of wells) if (roleOf(w) !== 'from') noteAll(w, roleOf(w)!);

    const { list, add } = people();
    for (const [address, name, role, order] of seen)
      add(address ?? (names.get(name.toLowerCase()) as string), name, role, order);
    // A shared or delegated mailbox opened by URL (`/mail/sales@…/inbox`) is the rep's own.
    add(url.pathname.split('/')[2], '', 'self');
    // Subject: the conversation's `CONV_<id>_SUBJECT` heading (2024+), else the level-2 heading (2019–2023).
    const title = text(pick(pane, ['[id^=CONV_][id$=_SUBJECT]', '[role=heading][aria-level="2"]']), 300);
    const kind = list.some((p) => p.role === 'from')
      ? 'thread'
      : wells[0]
        ? 'compose'
        : msgs[0] || /\/id\//.test(url.pathname)
          ? 'unknown'
          : 'list';
    // An open message whose header could not be read keeps only the rep, for the semantic layer.
    return kind === 'unknown'
      ? page(
          'outlook',
          kind,
          list.filter((p) => p.role === 'self'),
          { reason: 'no-message-header' },
        )
      : page('outlook', kind, list, { title: kind === 'thread' ? title : '' });
  },
});
