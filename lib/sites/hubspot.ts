/**
 * HubSpot contact records: `/contacts/<portal>/record/0-1/<id>` and the legacy `/contacts/<portal>/contact/<id>`.
 * Properties carry `data-selenium-test="property-input-<name>"`: the primary address is `email`, then
 * the `hs_additional_emails` values.
 */
import { crm, MAILTO } from './dom';

export const examples = {
  matches: [
    'https://app.hubspot.com/contacts/24681357/record/0-1/51234567890',
    'https://app-eu1.hubspot.com/contacts/13572468/contact/901',
    'https://app.hubspot.com/contacts/24681357/objects/0-1/views/all/list',
  ],
  nonMatches: [
    'https://www.hubspot.com/products/crm',
    'https://app.hubspot.com.evil.example/contacts/1/record/0-1/2',
  ],
};

const PROP = '[data-selenium-test=property-input-';

export const hubspot = crm({
  id: 'hubspot',
  name: 'HubSpot',
  hosts: ['app.hubspot.com', 'app-eu1.hubspot.com'],
  records: [{ url: /^\/contacts\/\d+\/(record\/0-1|contact)\/\d/, kind: 'person' }],
  lists: /^\/contacts\/\d+\/objects\/0-1\//,
  emails: [`${PROP}email],${PROP}hs_additional_emails] li`, `[data-selenium-test*=highlight] ${MAILTO}`],
  titles: ['[data-selenium-test=highlightTitle]', 'h1'],
  rank: (e) => +!!e.closest(`${PROP}hs_additional_emails]`),
});
