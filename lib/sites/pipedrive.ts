/**
 * Pipedrive person pages (`/person/<id>`). Each address in the details panel is followed by its label
 * (Work, Home, Other): work addresses are reported first and home addresses last.
 */
import { crm, MAILTO, text } from './dom';

export const examples = {
  matches: [
    'https://northwind.pipedrive.com/person/1042',
    'https://dealside-demo.pipedrive.com/persons/list/user/everyone',
  ],
  nonMatches: ['https://www.pipedrive.com/en/pricing', 'https://pipedrive.com.evil.example/person/1'],
};

export const pipedrive = crm({
  id: 'pipedrive',
  name: 'Pipedrive',
  hosts: ['.pipedrive.com'],
  records: [{ url: /^\/person\/\d/, kind: 'person' }],
  lists: /^\/persons\b/,
  emails: [`[data-test*=email] ${MAILTO}`, `aside ${MAILTO}`],
  titles: ['[data-test=header-title]', 'h1'],
  rank: (e) => {
    const label = text(e.parentElement, 300);
    return /\b(home|private|personal)\b|家庭|私人/i.test(label) ? 2 : /\bwork\b|工作/i.test(label) ? 0 : 1;
  },
});
