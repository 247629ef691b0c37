/**
 * The semantic layer every site shares, asked only when a site's own hooks found nobody. It reads what
 * mail and CRM pages say about people in ways that outlive redesigns: header labels (`From:`, `Von:`,
 * `发件人：`) in ARIA labels or beside the address, `Name <address>` text, `mailto:` links, fields
 * labelled *Email* and email-bearing attributes, inside the app's main region and never inside a message
 * body or quote.
 *
 * It answers with confidence or not at all: labelled senders and recipients make a thread or compose,
 * labelled email fields make a record; anything else it saw is offered to the rep as candidates
 * (kind `unknown`, so nobody is chosen for them) instead of a guess.
 */
import { addrOf, all, at, email, nameOf, page, people, pick, shown, text } from './dom';
import type { PageContext } from '../messaging/messages';
import type { ParticipantRole } from '../messaging/page-context';

/**
 * Where the page's current people are not: message bodies, quotes and editors (addresses there were
 * written by people, not shown by the app), and lists and grids of other conversations or records.
 */
const SKIP =
  '[role=document],[contenteditable=true],blockquote,[aria-label*="message body" i],[role=grid],[role=listbox],script,style';

/**
 * Elements that carry an address in an attribute, a link or a value. Spelled out rather than built from
 * dom.ts's `MAILTO`: dom.ts imports this module, so its constants are not yet set when this one loads.
 */
const CARRIERS =
  'a[href^="mailto:" i],[email],[data-email],[title*="@"],[data-hovercard-id*="@"],input[type=email]';

/**
 * A label at the start of a text, ending in a colon or with the text: group 1 a sender, 2 a recipient,
 * 3 a copy; otherwise the label of a record's email field. The UI languages of the supported apps'
 * largest markets.
 */
const LABEL =
  /^\s*(?:(from|von|de|da|van|od|från|fra|от|发件人|寄件人|发信人|寄件者|差出人)|(to|an|à|a|para|aan|till|til|кому|收件人|收信人|收件者|宛先)|(b?cc|cci|cco|kopie|抄送|密送|副本)|(?:\w+ )?e-?mail(?:-?adresse| address)?|correo(?: electrónico)?|courriel|邮箱|电子邮件|电子邮箱|邮件地址|メール(?:アドレス)?)\s*(?:[:：]|$)/i;

type Label = ParticipantRole | 'field';

/** The label of the element's own text, an ARIA label on it or an ancestor, or a short sibling label before it. */
function labelOf(el: Element): Label | undefined {
  for (let e: Element | null = el, i = 0; e && i < 5; e = e.parentElement, i++) {
    const texts = [at(e, 'aria-label'), i ? '' : text(e, 40)];
    for (let s = e.previousElementSibling, j = 0; s && j < 3; s = s.previousElementSibling, j++)
      texts.push(text(s, 40));
    for (const t of texts) {
      const m = LABEL.exec(t ?? '');
      if (m) return m[1] ? 'from' : m[2] ? 'to' : m[3] ? 'cc' : 'field';
    }
  }
}

/** `Jane Cooper <jane@x.com>, tom@y.org` → name/address pairs. */
function pairsIn(s: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of s.slice(0, 4e3).matchAll(/(?:"?([^"<>,;:]*?)"?\s*<)?([^\s<>,;:]+@[^\s<>,;:]+)/g)) {
    const address = email(m[2]);
    if (address && out.length < 30) out.push([m[1]?.trim() ?? '', address]);
  }
  return out;
}

export function readSemantic(
  d: Document,
  found: PageContext,
  newestFirst?: boolean,
): PageContext | undefined {
  const main = pick(d, ['[role=main]', 'main']) ?? d.body;
  let seen: [Label | undefined, string, string, number][] = [];
  const note = (el: Element, pairs: [string, string][]) => {
    if (!shown(el) || el.closest(SKIP)) return;
    const label = labelOf(el);
    // A new sender starts a new message; recipients belong to the message above them.
    const message = seen.filter(([l]) => l === 'from').length - (label === 'from' ? 0 : 1);
    for (const [name, address] of pairs) seen.push([label, address, name || nameOf(el), message]);
  };
  for (const el of all(main, CARRIERS, 200)) {
    const address = addrOf(el);
    if (address) note(el, [['', address]]);
  }
  // Addresses in plain text, bounded: at most 5,000 text nodes and 300,000 characters.
  const walk = d.createTreeWalker(main ?? d, 4);
  for (let n = walk.nextNode(), i = 0, chars = 0; n && i < 5e3 && chars < 3e5; n = walk.nextNode(), i++) {
    const s = n.nodeValue!;
    chars += s.length;
    if (s.includes('@') && n.parentElement && !n.parentElement.closest(CARRIERS))
      note(n.parentElement, pairsIn(s));
  }
  // The rep's own addresses, as the site knows them, are nobody to offer (as a sender they still count).
  const own = new Set(found.participants.map((p) => p.email.toLowerCase()));
  seen = seen.filter(([label, address]) => (label && label !== 'field') || !own.has(address.toLowerCase()));
  const { list, add } = people();
  const messages = Math.max(0, ...seen.map(([, , , m]) => m + 1));
  const headers = seen.filter(([l]) => l && l !== 'field');
  const fields = seen.filter(([l]) => l === 'field');
  if (headers[0]) {
    for (const [role, address, name, m] of headers)
      add(
        address,
        name,
        role as ParticipantRole,
        newestFirst ? messages - 1 - Math.max(m, 0) : Math.max(m, 0),
      );
  } else {
    // A labelled field is the record's own address: it takes the record's name (the page's heading).
    const title = found.title || text(pick(main, ['h1']), 300);
    for (const [, address, name] of fields[0] ? fields : seen)
      add(address, fields[0] ? title : name, 'record');
  }
  for (const p of found.participants) add(p.email, p.name, p.role);
  if (!list.some((p) => p.role !== 'self')) return;
  const hasSender = list.some((p) => p.role === 'from');
  // A record is certain only when the page labels the address as the record's email field: a lone
  // address elsewhere on a record is as often a colleague named in a note as the person.
  const kind = headers[0]
    ? hasSender || found.kind === 'thread'
      ? 'thread'
      : 'compose'
    : (found.kind === 'record' || found.reason === 'no-email-on-record') && fields[0]
      ? 'record'
      : 'unknown';
  if (kind === 'compose') for (const p of list) delete p.order;
  return {
    ...page(found.site, kind, list, {
      title: kind === 'unknown' ? '' : found.title || text(pick(main, ['h1', '[role=heading]']), 300),
      reason: kind === 'unknown' ? found.reason : undefined,
    }),
    layer: 'semantic',
  };
}
