/**
 * HubSpot CRM records. Every object lives under `/contacts/<portal>/`: `record/0-1/<id>` contacts,
 * `record/0-2/<id>` companies, `record/0-3/<id>` deals (2021+), and the legacy `contact/`, `company/`,
 * `deal/` paths. Properties carry `data-selenium-test="property-input-<name>"` on the value itself
 * (display span, or the input while editing), beside a label in the UI's language: the primary address
 * is `email`, then the `hs_additional_emails` values. Companies are keyed by `domain` (or `website`);
 * a company or deal also names its associated contacts in contact cards ("chicklets") with their email.
 */
import { crm, MAILTO } from './dom';

export const examples = {
  matches: [
    'https://app.hubspot.com/contacts/24681357/record/0-1/51234567890',
    'https://app-eu1.hubspot.com/contacts/13572468/contact/901',
    'https://app.hubspot.com/contacts/24681357/record/0-2/998877',
    'https://app.hubspot.com/contacts/24681357/record/0-3/18273645',
    'https://app-eu1.hubspot.com/contacts/13572468/company/4455',
    'https://app.hubspot.com/contacts/24681357/deal/18273645/',
    'https://app.hubspot.com/contacts/24681357/objects/0-1/views/all/list',
    'https://app.hubspot.com/contacts/24681357/objects/0-3/views/all/board',
  ],
  nonMatches: [
    'https://www.hubspot.com/products/crm',
    'https://app.hubspot.com.evil.example/contacts/1/record/0-1/2',
    'https://knowledge.hubspot.com/records/work-with-records',
  ],
};

/** A property's value element (display span, or the input while it is edited). */
const PROPERTY = '[data-selenium-test=property-input-';

export const hubspot = crm({
  id: 'hubspot',
  name: 'HubSpot',
  hosts: ['app.hubspot.com', 'app-eu1.hubspot.com'],
  records: [
    { url: /^\/contacts\/\d+\/(record\/0-1|contact)\/\d/, kind: 'person' },
    { url: /^\/contacts\/\d+\/(record\/0-2|company)\/\d/, kind: 'company' },
    { url: /^\/contacts\/\d+\/(record\/0-3|deal)\/\d/, kind: 'deal' },
  ],
  // Index pages (2021+ `objects/0-n/views/…`) and the legacy `contacts/list`, `companies/list` pages.
  lists: /^\/contacts\/\d+\/(objects\/0-[123]|contacts|companies|deals)\//,
  emails: [
    // Property cards and the "All properties" panel (2021+): the record's own `email` property.
    `${PROPERTY}email],${PROPERTY}hs_additional_emails] li`,
    // The highlight strip at the top of a record (2023+), then the older highlight panel's mailto link.
    `[data-test-id=highlight-property-display-email],[data-selenium-test*=highlight] ${MAILTO}`,
    // Companies and deals: the associated contacts' cards ("chicklets"), an address each: the 2024+ card
    // puts `data-test-id` on a mailto link, the 2019+ one `data-selenium-test` on a wrapper of the address.
    '[data-test-id=contact-chicklet-email],[data-selenium-test=contact-chicklet-email]',
  ],
  websites: [
    // Company properties `domain` ("Company domain name") and `website`, in cards or the highlight strip.
    `${PROPERTY}domain],${PROPERTY}website],[data-test-id=highlight-property-display-domain]`,
  ],
  titles: ['[data-selenium-test=highlightTitle]', 'h1'],
  rank: (e) => +!!e.closest(`${PROPERTY}hs_additional_emails]`),
});
