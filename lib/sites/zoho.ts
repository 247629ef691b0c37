/**
 * Zoho CRM contact and lead records (`/crm/<org>/tab/Contacts/<id>`, `…/Leads/<id>`). Fields carry
 * `data-zcqa` ids after the field's API name: `Email` is reported before `Secondary_Email`.
 */
import { crm, MAILTO } from './dom';

export const examples = {
  matches: [
    'https://crm.zoho.com/crm/org712345678/tab/Contacts/4876876000000321001',
    'https://crm.zoho.eu/crm/org20012345/tab/Leads/98765000000045017',
    'https://crm.zoho.com.cn/crm/tab/Contacts/4876876000000321001',
    'https://crm.zoho.in/crm/org60012345/tab/Leads/custom-view/4876876000000087501/list',
  ],
  nonMatches: ['https://www.zoho.com/crm/', 'https://crm.zoho.com.evil.example/crm/tab/Contacts/1'],
};

export const zoho = crm({
  id: 'zoho',
  name: 'Zoho CRM',
  hosts: ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au', 'crm.zoho.com.cn'],
  records: [{ url: /\/tab\/(Contacts|Leads)\/\d/, kind: 'person' }],
  lists: /\/tab\/(Contacts|Leads)\b/,
  emails: [`[data-zcqa*=Email] ${MAILTO}`, `#detailView ${MAILTO}`],
  titles: ['[data-zcqa=dv_title]', 'h1'],
  rank: (e) => +/Secondary|Other/.test(e.closest('[data-zcqa]')?.getAttribute('data-zcqa') ?? ''),
});
