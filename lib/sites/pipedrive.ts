/**
 * Pipedrive records: people (`/person/<id>`), organizations (keyed by their Website field) and deals,
 * read from the details sidebar, never from the activity flow. Each address is followed by its label
 * (Work, Home, Other): work addresses are reported first and home addresses last. A deal's sidebar shows
 * its person's addresses and its organization's fields.
 */
import { crm, MAILTO, text } from './dom';

export const examples = {
  matches: [
    'https://northwind.pipedrive.com/person/1042',
    'https://dealside-demo.pipedrive.com/deal/2231',
    'https://dealside-demo.pipedrive.com/organization/77',
    'https://dealside-demo.pipedrive.com/persons/list/user/everyone',
    'https://dealside-demo.pipedrive.com/pipeline/1/user/everyone',
  ],
  nonMatches: [
    'https://www.pipedrive.com/en/pricing',
    'https://pipedrive.com.evil.example/person/1',
    'https://www.pipedrive.com/deal/1',
  ],
};

/** A sidebar field row: 2023+ (cui5 `fields-list-row`, label in `field-name`). */
const ROW = '[data-testid=fields-list-row]';

export const pipedrive = crm({
  id: 'pipedrive',
  name: 'Pipedrive',
  hosts: ['.pipedrive.com'],
  records: [
    { url: /^\/person\/\d/, kind: 'person' },
    { url: /^\/organization\/\d/, kind: 'company' },
    { url: /^\/deal\/\d/, kind: 'deal' },
  ],
  lists: /^\/(persons|organizations|deals|pipeline|leads)\b/,
  // Classic detail views keep earlier records in hidden `.viewContainer`s (until 2022); the visible one.
  roots: ['.viewContainer', 'body'],
  emails: [
    // Details sidebar rows (cui5, 2023+): a person's Email row, on a deal its linked person's.
    `${ROW} ${MAILTO}`,
    // Classic details block (`.detailView .fieldsList`, until 2022).
    `.fieldsList ${MAILTO}`,
    // Earlier readings, kept as the last resort: email-marked fields, then any link in the sidebar.
    `[data-test*=email] ${MAILTO}`,
    `aside ${MAILTO}`,
  ],
  // An organization's Website row (on a deal, its organization's); other link fields are not it.
  websites: [`${ROW} a[href^=http]`],
  isWebsite: (link) =>
    /^(web ?site|webseite|site web|sitio web|网站|网址)/i.test(text(link.closest(ROW), 40)),
  titles: ['[data-testid=header-title],[data-test=header-title]', 'h1'],
  rank: (e) => {
    const label = text(e.parentElement, 300);
    return /\b(home|private|personal|privat)\b|家庭|私人/i.test(label)
      ? 2
      : /\b(work|arbeit)\b|工作/i.test(label)
        ? 0
        : 1;
  },
});
