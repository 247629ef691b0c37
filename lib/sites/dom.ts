/**
 * Shared reading helpers for site adapters. Everything here is bounded (caps on nodes, addresses and
 * string lengths) and tolerant of odd DOM, so one read stays cheap on very large pages. Written for size:
 * all of lib/sites ships in the content script.
 */
import type { PageContext, Participant } from '../messaging/messages';
import type { PageKind, ParticipantRole } from '../messaging/page-context';
import { unknownPage, type SiteAdapter } from './types';
import { readSemantic } from './semantic';

const ADDR = "[\\w.!#$%&'*+/=?^`{|}~-]{1,64}@(?:[a-z\\d\\u00c0-\\u024f-]+\\.)+[a-z\\u00c0-\\u024f]{2,}";

/** An address inside free text: ASCII local part, Latin domain labels, an alphabetic TLD. */
export const EMAIL_RE = new RegExp(ADDR + '(?![\\w@-]|\\.\\w)', 'gi');
const WHOLE = new RegExp(`^${ADDR}$`, 'i');

export const MAILTO = 'a[href^="mailto:" i]';

/** `Name <a@b.co>`, `mailto:a@b.co?subject=x`, ` a@b.co ` → `a@b.co`; anything implausible → undefined. */
export function email(raw: string | null | undefined): string | undefined {
  let s = ('' + (raw ?? '')).slice(0, 400);
  s = (/<([^<>]*)>/.exec(s)?.[1] ?? s).replace(/^\s*mailto:|\?.*/gi, '').trim();
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep as shown
  }
  return WHOLE.test(s) ? s : undefined;
}

/** Every address in a piece of text (e.g. `Jane <jane@x.com>; b@y.org`), at most `max`. */
export const emailsIn = (s: string | null | undefined, max = 50): string[] =>
  (s ?? '').slice(0, 2e4).match(EMAIL_RE)?.slice(0, max) ?? [];

/** Addresses of a `mailto:` link (comma separated before any `?`). */
export const mailto = (href: string | null | undefined): string[] =>
  /^mailto:/i.test(href ?? '')
    ? href!
        .slice(7)
        .split('?')[0]!
        .split(/[,;]/, 20)
        .flatMap((a) => email(a) ?? [])
    : [];

/** Plain text, whitespace collapsed, capped. */
export const clean = (s: string | null | undefined, max = 200): string =>
  (s ?? '')
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);

/** An element's text content (never HTML), trimmed and capped. */
export const text = (el: Node | null | undefined, max = 200): string => clean(el?.textContent, max);

/** A person's name without a leading salutation (Mr., Ms., Mrs., Dr., Prof.). */
export const unsalute = (name: string | null | undefined, max = 200): string =>
  clean(name, max).replace(/^(mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i, '');

/** An attribute, or null (also for odd nodes without attributes). */
export const at = (el: Element | null | undefined, name: string): string | null =>
  el?.getAttribute?.(name) ?? null;

/** False when the element or an ancestor is `hidden`, `aria-hidden="true"` or inline `display:none`. */
export function shown(el: Element | null | undefined): el is Element {
  for (let e = el, i = 0; e && i < 300; e = e.parentElement, i++)
    if (
      e.hasAttribute('hidden') ||
      at(e, 'aria-hidden') === 'true' ||
      /display:\s*none|visibility:\s*hidden/i.test(at(e, 'style')!)
    )
      return false;
  return !!el;
}

/** At most `cap` elements matching `sel` under `root`. */
export const all = (root: ParentNode | null | undefined, sel: string, cap = 500): Element[] =>
  root ? [].slice.call(root.querySelectorAll(sel), 0, cap) : [];

/** The visible matches of the first selector that has any: ordered fallbacks. */
export function pickAll(root: ParentNode | null | undefined, sels: string[], cap = 50): Element[] {
  for (const sel of sels) {
    const hits = all(root, sel, cap).filter(shown);
    if (hits[0]) return hits;
  }
  return [];
}

/** The first visible match of the first selector that has one. */
export const pick = (root: ParentNode | null | undefined, sels: string[]): Element | undefined =>
  pickAll(root, sels, 20)[0];

/**
 * Collects participants: valid addresses only, no duplicates (same address, role and order), at most 150
 * (the signed-in account is always kept).
 */
export function people() {
  const list: Participant[] = [];
  const seen = new Set<string>();
  const add = (
    raw: string | null | undefined,
    name: string | null | undefined,
    role: ParticipantRole,
    order?: number,
  ) => {
    const e = email(raw);
    const key = `${e} ${role} ${order}`.toLowerCase();
    if (!e || seen.has(key) || (list.length > 149 && role !== 'self')) return;
    seen.add(key);
    const n = unsalute(name);
    // "me" is how mail apps show the signed-in user; it is not a name.
    list.push({
      email: e,
      role,
      ...(n && !n.includes('@') && !/^(me|我|moi|ich|yo)$/i.test(n) && { name: n }),
      ...(order! >= 0 && { order }),
    });
  };
  return { list, add };
}

/** A page context; `more` adds a title or reason when non-empty. */
export const page = (
  site: string,
  kind: PageKind,
  participants: Participant[] = [],
  more: Partial<PageContext> = {},
): PageContext => {
  for (const k in more) if (!more[k as 'title']) delete more[k as 'title'];
  return { site, kind, participants, ...more };
};

/**
 * The address an element shows: input value, `mailto:` href, address attributes, then the first of its
 * text nodes (at most 50) that holds one. Text nodes are read one by one because a field's label and
 * value are often sibling nodes with no space between them: `<label>Correo</label><span>a@b.co</span>`
 * must give `a@b.co`, never `Correoa@b.co`.
 */
export function addrOf(el: Element): string | undefined {
  let found =
    email((el as HTMLInputElement).value) ??
    mailto(at(el, 'href'))[0] ??
    email(at(el, 'title') ?? at(el, 'email') ?? at(el, 'e') ?? at(el, 'addr'));
  const walk = el.ownerDocument.createTreeWalker(el, 4);
  for (let n = walk.nextNode(), i = 0; !found && n && i < 50; n = walk.nextNode(), i++)
    found = emailsIn(n.nodeValue, 1)[0];
  return found;
}

/**
 * The first of an element's text nodes (at most 50) that reads as a host or URL, else all its text: a
 * website field's label (`Dominio`) never joins its value (`levante.es`).
 */
function hostText(el: Element): string {
  const walk = el.ownerDocument.createTreeWalker(el, 4);
  for (let n = walk.nextNode(), i = 0; n && i < 50; n = walk.nextNode(), i++)
    if (/^\s*(https?:\/\/)?[^\s/@]+\.[^\s/@]{2,}/i.test(n.nodeValue!)) return n.nodeValue!;
  return text(el);
}

/** The name shown with an address: a name attribute, a `*name*` child, or the text before `<…>`. */
export const nameOf = (el: Element): string =>
  clean(
    at(el, 'n') || at(el, 'data-name') || at(el, 'name') || text(el.querySelector('[class*=name]') ?? el),
  ).replace(/\s*<.*|[\s;；,，]+$/g, '');

/** From/To/Cc header labels, Chinese and English. Group 1: from, 2: to, else cc. */
const HEADER = /^(?:(发件人|寄件人|发信人|from)|(收件人|收信人|to)|抄\s*送人?|密\s*送人?|b?cc)\s*[:：]?$/i;

/**
 * The header label (From/To/Cc) of an address, found in earlier siblings of the element or of its
 * ancestors (up to 5 levels): `<tr><td>收件人：</td><td><span title="a@b.co">…`.
 */
export function roleOf(el: Element | null, fallback?: ParticipantRole): ParticipantRole | undefined {
  for (let i = 0; el && i < 5; el = el.parentElement, i++)
    for (let s = el.previousElementSibling, j = 0; s && j < 8; s = s.previousElementSibling, j++) {
      const m = HEADER.exec(text(s, 20));
      if (m) return m[1] ? 'from' : m[2] ? 'to' : 'cc';
    }
  return fallback;
}

export interface LabelledMailOptions {
  id: string;
  /** Elements that each show one address (its name in a `*name*` child or a name attribute). */
  addresses: string;
  /** Compose recipient chips: read as To when no To/Cc label stands near them. */
  chips?: string;
  /** Containers never read: message bodies with quoted headers, address books. */
  skip: string;
  /** The page kind when the URL tells it; undefined = decide from the DOM. */
  kind: PageKind | undefined;
  /** The signed-in user's address as the app shows it. */
  self: string | undefined;
  title: string;
}

/**
 * A mail page whose header rows are labelled (发件人/收件人/抄送, From/To/Cc): every visible address
 * under such a label, outside `skip`. A compose window's From row is the user's own and is left out.
 */
export function labelledMail(
  d: Document,
  { id, addresses, chips, skip, kind, self, title }: LabelledMailOptions,
): PageContext {
  if (kind === 'list') return page(id, kind);
  const { list, add } = people();
  const sel = chips ? `${addresses},${chips}` : addresses;
  for (const el of all(d, sel, 300)) {
    const role =
      shown(el) && !el.parentElement?.closest(sel) && !el.closest(skip)
        ? roleOf(el, chips && el.matches(chips) ? 'to' : undefined)
        : undefined;
    if (role && !(kind === 'compose' && role === 'from')) add(addrOf(el), nameOf(el), role, 0);
  }
  const k =
    kind === 'compose'
      ? kind
      : list.some((p) => p.role === 'from')
        ? 'thread'
        : !kind && list[0]
          ? 'compose'
          : 0;
  const empty = !list[0];
  if (k === 'compose') for (const p of list) delete p.order;
  add(self, '', 'self');
  return k
    ? page(id, k, list, k === 'thread' ? { title } : { reason: empty ? 'no-recipients' : undefined })
    : unknownPage(id, kind === 'thread' ? 'no-message-header' : 'no-mail-open');
}

/** A record page: its addresses (best first) under the record's name; `unknown` without one. */
export function record(id: string, els: Element[], shownTitle: string): PageContext {
  const { list, add } = people();
  const title = unsalute(shownTitle, 300);
  for (const el of els.slice(0, 20)) add(addrOf(el), title, 'record');
  return list[0] ? page(id, 'record', list, { title }) : unknownPage(id, 'no-email-on-record');
}

/**
 * `SiteAdapter.viewOf` for an app that shows its view in a same-origin frame: the frame's document and
 * address, or undefined for a frame of another origin, one still loading, or none.
 */
export const frameView =
  (selector: string) =>
  (top: Document): { document: Document; url: string } | undefined => {
    try {
      const inner = top.querySelector<HTMLIFrameElement>(selector)?.contentDocument;
      if (inner?.body && inner.location.href !== 'about:blank')
        return { document: inner, url: inner.location.href };
    } catch {
      // A frame that became cross-origin between the check and the read.
    }
  };

/** True for https URLs on one of `hosts` (exact, or any subdomain but `www` for entries starting with a dot). */
export function hostIs(url: URL, hosts: string[]): boolean {
  const h = url.hostname;
  return (
    url.protocol === 'https:' &&
    hosts.some((x) => (x[0] === '.' ? h.endsWith(x) && !/^(www)?$/.test(h.slice(0, -x.length)) : h === x))
  );
}

/** Manifest match patterns for `hosts` as in `hostIs`. */
export const patterns = (hosts: string[]): string[] =>
  hosts.map((h) => `https://${h[0] === '.' ? '*' : ''}${h}/*`);

type Def = Omit<SiteAdapter, 'readPage' | 'isSiteUrl' | 'matches'> & {
  hosts: string[];
  /** Extra URL test after the host test. */
  path?: RegExp;
  read(d: Document, url: URL): PageContext;
  /** False for a reader that is itself a fallback (the generic one), so the semantic layer is not asked. */
  semantic?: false;
};

/** Builds an adapter whose reader never throws: any failure becomes an `unknown` page with the reason. */
export function site({ read, hosts, path, semantic, ...rest }: Def): SiteAdapter {
  return {
    ...rest,
    matches: patterns(hosts),
    isSiteUrl: (u) => hostIs(u, hosts) && (!path || path.test(u.pathname)),
    // Layered reading: the site's own hooks first, then the semantic layer every site shares. A list
    // (an inbox, a CRM list view) or a page that is no record has no current customer to fall back to.
    readPage(d, url) {
      let found: PageContext;
      try {
        found = read(d, url);
      } catch {
        found = unknownPage(rest.id, 'read-failed');
      }
      if (found.website || found.participants.some((p) => p.role !== 'self'))
        return { ...found, layer: found.layer ?? 'site' };
      if (found.kind === 'list' || found.reason === 'not-a-record' || semantic === false) return found;
      try {
        return readSemantic(d, found, rest.newestFirst) ?? found;
      } catch {
        return found;
      }
    },
  };
}

/** What a CRM record page is about: a person (contact, lead), or an organisation or deal keyed by website. */
export type CrmRecordKind = 'person' | 'company' | 'deal';

export interface CrmOptions {
  id: string;
  name: string;
  hosts: string[];
  /** Record pages, told apart by URL (tested on path + query), first match wins. */
  records: { url: RegExp; kind: CrmRecordKind }[];
  /** List views: no current customer. */
  lists: RegExp;
  /** The record's addresses: the visible matches of the first selector that has any (ordered fallbacks). */
  emails: string[];
  /** Company and deal records: the website or domain field, first selector with a visible match. */
  websites?: string[];
  /**
   * Keeps only the `websites` matches that really are the website field, for apps whose field rows are
   * told apart by their visible label alone (Pipedrive): a row's other links (LinkedIn, documents) are not.
   */
  isWebsite?: (el: Element) => boolean;
  /** The record's title (name of the person, company or deal). */
  titles: string[];
  /** Sorts addresses, lowest first (primary before secondary, work before home). */
  rank?: (el: Element) => number;
  /** The active record's container, for apps that keep earlier records in the DOM. */
  roots?: string[];
  /**
   * Company records that belong to one person (Salesforce Person Accounts): when one of these selectors
   * matches in the record, it is read as a person, named by its title.
   */
  personMarks?: string[];
  mainRegionSelector?: string;
}

/**
 * A CRM whose record pages are told apart by URL and whose addresses and website are found by ordered
 * selector fallbacks. A company or deal record without any address still names its account by website.
 */
export const crm = ({
  id,
  records,
  lists,
  emails,
  websites = [],
  isWebsite = () => true,
  titles,
  rank = () => 0,
  roots = ['body'],
  personMarks = [],
  ...rest
}: CrmOptions): SiteAdapter =>
  site({
    id,
    ...rest,
    read(d, url) {
      const u = url.pathname + url.search;
      let kind = records.find((r) => r.url.test(u))?.kind;
      if (!kind) return lists.test(u) ? page(id, 'list') : unknownPage(id, 'not-a-record');
      const root = pick(d, roots);
      if (kind === 'company' && pick(root, personMarks)) kind = 'person';
      const t = pick(root, titles);
      const title = at(t, 'title') || text(t, 300);
      const found = record(
        id,
        pickAll(root, emails).sort((a, b) => rank(a) - rank(b)),
        kind === 'person' ? title : '',
      );
      if (kind === 'person') return found;
      const w = pickAll(root, websites, 20).find(isWebsite);
      const website = clean(w && (at(w, 'href') || at(w, 'value') || hostText(w)), 300);
      // An organisation's or deal's addresses belong to its people, not to the record's name.
      return found.participants[0] || website
        ? page(id, 'record', found.participants, { title: unsalute(title, 300), website })
        : found;
    },
  });
