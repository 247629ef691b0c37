/**
 * Any other page (hosts the user added): `mailto:` links and visible addresses in text. One distinct
 * address, or exactly one inside or beside a heading, is the record; several are returned as a list for
 * the user to pick from, never a silent guess — unless the page labels one of them as the record's email
 * field (the semantic layer's reading), as most CRMs do. Never chosen by URL: the content script uses it for the
 * user's own hosts.
 */
import { all, EMAIL_RE, email, MAILTO, mailto, page, people, shown, site, text } from './dom';
import { readSemantic } from './semantic';
import { unknownPage } from './types';

export const examples = {
  matches: [] as string[],
  nonMatches: ['https://crm.northwind-trading.com/customers/42', 'http://localhost:3000/'],
};

const HEADING = 'h1,h2,h3,[role=heading]';

export const generic = site({
  id: 'generic',
  name: 'Other site',
  hosts: [],
  semantic: false,
  read(d) {
    const found = new Map<string, [string, Element, string?]>();
    const note = (e: string | undefined, el: Element | null, name?: string) => {
      if (e && el && found.size < 50 && !found.has(e.toLowerCase()) && shown(el))
        found.set(e.toLowerCase(), [e, el, name]);
    };
    for (const a of all(d, MAILTO, 200)) {
      const label = text(a);
      for (const m of mailto(a.getAttribute('href'))) note(m, a, label);
    }
    // Visible text, bounded: at most 3,000 text nodes and 200,000 characters.
    const walk = d.createTreeWalker(d.body ?? d, 4);
    for (let n = walk.nextNode(), i = 0, chars = 0; n && i < 3e3 && chars < 2e5; n = walk.nextNode(), i++) {
      const s = n.nodeValue!;
      const p = n.parentElement;
      chars += s.length;
      if (s.includes('@') && !/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/.test(p?.tagName ?? ''))
        for (const m of s.slice(0, 5e3).match(EMAIL_RE) ?? []) note(email(m), p);
    }
    const candidates = [...found.values()];
    // Prominent: inside a heading, or right after one (up to 3 siblings back).
    const top = candidates.filter(([, el]) => el.closest(HEADING) || afterHeading(el));
    const one = candidates.length === 1 ? candidates : top.length === 1 ? top : 0;
    const title = text(d.querySelector('h1'), 300) || text(d.querySelector('title'), 300);
    if (!one && candidates[1]) {
      // Several addresses: a field the page labels as the record's email decides, as on most CRMs.
      const labelled = readSemantic(d, { ...unknownPage('generic', 'no-email-on-record'), title });
      if (labelled?.kind === 'record') return labelled;
    }
    const { list, add } = people();
    for (const [e, , name] of one || candidates) add(e, name, 'record');
    if (!list[0]) return unknownPage('generic', 'no-addresses');
    return one
      ? page('generic', 'record', list, { title })
      : page('generic', 'list', list, { reason: 'several-addresses' });
  },
});

function afterHeading(el: Element | null): boolean | void {
  for (let i = 0; el && i < 4; el = el.previousElementSibling, i++) if (el.matches(HEADING)) return true;
}
