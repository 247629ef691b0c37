/**
 * Zoho CRM records: contacts and leads (a person), accounts (a company, keyed by its Website field) and
 * deals, which Zoho's URLs still call Potentials. Detail fields carry ids after the field's column name
 * (`mouseArea__EMAIL` row, `labelTD_EMAIL` label, `subvalue_EMAIL` value; the record header's
 * `headervalue_*`), so the primary Email is told from Secondary Email (`SECONDARYEMAIL`, a lead's
 * `ADDN_EMAIL`) and custom email fields by id, wherever the layout puts them.
 */
import { at, crm, MAILTO, text } from './dom';

export const examples = {
  matches: [
    'https://crm.zoho.com/crm/org712345678/tab/Contacts/4876876000000321001',
    'https://crm.zoho.eu/crm/org20012345/tab/Leads/98765000000045017',
    'https://crm.zoho.com.cn/crm/tab/Contacts/4876876000000321001',
    'https://crm.zoho.com/crm/org712345678/tab/Potentials/4876876000000450023',
    'https://crm.zoho.com.au/crm/org7001234/tab/Accounts/4876876000000210007',
    'https://crm.zoho.in/crm/org60012345/tab/Leads/custom-view/4876876000000087501/list',
  ],
  nonMatches: [
    'https://www.zoho.com/crm/',
    'https://crm.zoho.com.evil.example/crm/tab/Contacts/1',
    'https://mail.zoho.com/zm/#mail/folder/inbox',
  ],
};

/**
 * An email field's column or API name without its id prefix: `subvalue_ADDN_EMAIL` → `ADDN_EMAIL`,
 * `data-zcqa=value_Secondary_Email` → `Secondary_Email`.
 */
const fieldName = (el: Element): string => {
  const field = el.closest('[id*="email" i],[data-zcqa*="email" i]');
  return (at(field, 'id') || at(field, 'data-zcqa') || '').replace(/^\w*?(value|mouseArea)_+/i, '');
};

export const zoho = crm({
  id: 'zoho',
  name: 'Zoho CRM',
  hosts: ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au', 'crm.zoho.com.cn', 'crm.zoho.jp'],
  records: [
    { url: /\/tab\/(Contacts|Leads)\/\d/, kind: 'person' },
    { url: /\/tab\/Accounts\/\d/, kind: 'company' },
    { url: /\/tab\/(Potentials|Deals)\/\d/, kind: 'deal' },
  ],
  // Custom views (`/tab/Leads/custom-view/<id>/list`), kanban boards and module home pages.
  lists: /\/tab\/(Contacts|Leads|Accounts|Potentials|Deals)\b/,
  emails: [
    // Detail fields: classic ids (`a#subvalue_EMAIL`, 2017+) and the NextGen email component, which
    // keeps the id on its `a.cxEmailViewLink[href^=mailto]` (Lyte/crux UI, 2022+); also custom email fields.
    `[id^=subvalue_][id*="email" i],a[id^=subvalue_][href^="mailto:" i]`,
    // The record header (`headervalue_Email`), a field's value cell (`value_EMAIL`) and crux value
    // wrappers named after the API name (`data-zcqa=value_Email`, 2023+).
    '[id*=value_][id*="email" i],[data-zcqa^=value_][data-zcqa*="email" i]',
    // A field row without the value ids (`#mouseArea__EMAIL`, `#mouseArea_Email`), or the NextGen
    // business card's (`#bc_mouseArea__EMAIL`, 2022+).
    '[id*=mouseArea_][id*="email" i]',
    // A deal's Contact Roles or an account's Contacts related list (NextGen): its people's addresses.
    `crm-related-list-view-header[related-module*="Contact" i] ${MAILTO}`,
  ],
  websites: [
    // The Website field's link (`a#subvalue_WEBSITE`, classic and NextGen), then its header value
    // (`headervalue_Website`) or crux value wrapper (`data-zcqa=value_Website`) as text.
    '[id^=subvalue_][id$="website" i],[id*=mouseArea_][id$="website" i] a[href^=http]',
    '[id*=value_][id$="website" i],[data-zcqa="value_Website" i]',
  ],
  // An empty Website field shows a dash: only a value that looks like a domain names the account.
  isWebsite: (el) => /\w\.\w/.test(at(el, 'href') || text(el)),
  titles: [
    // NextGen record header (crux-detailpage-header, 2022+) and its title card.
    '.cxDvRecordHeader1',
    '[id^=tc_mouseArea__] .cxElemCompViewWrap',
    // Classic header: the name field's header value (`headervalue_LASTNAME`, `…_POTENTIALNAME`), a
    // person's before the account name beside it; an account's own name last.
    '[id^=headervalue_][id$="name" i]:not([id*="account" i])',
    '[id^=headervalue_][id$="name" i]',
    'h1',
  ],
  // The field named just Email comes first; Secondary Email, a lead's ADDN_EMAIL and custom fields after.
  rank: (el) => +!/^e-?mail$/i.test(fieldName(el)),
});
