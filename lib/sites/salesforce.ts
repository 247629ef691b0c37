/**
 * Salesforce Lightning: Contact, Lead and Person Account records (`/lightning/r/<Object>/<Id>/view`).
 * The console keeps earlier record pages in the DOM (inactive `.windowViewMode-*` hosts, hidden
 * parents): only the visible, active one is read. Business accounts have no address: `unknown`.
 */
import { crm, MAILTO } from './dom';

export const examples = {
  matches: [
    'https://northwind-dev-ed.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view',
    'https://dealside.lightning.force.com/lightning/r/Lead/00Q5g00000XyZ12EAB/view',
    'https://dealside.my.salesforce.com/lightning/r/Account/0015g00000PqRsTAAV/view',
    'https://dealside.lightning.force.com/lightning/o/Contact/list?filterName=Recent',
  ],
  nonMatches: [
    'https://www.salesforce.com/products/',
    'https://lightning.force.com.evil.example/lightning/r/Contact/003/view',
  ],
};

const HOST = '.windowViewMode-normal,.windowViewMode-maximized';

export const salesforce = crm({
  id: 'salesforce',
  name: 'Salesforce',
  hosts: ['.lightning.force.com', '.my.salesforce.com'],
  records: [{ url: /^\/lightning\/r\/(Contact|Lead|Account)\/\w{15,18}\/view/, kind: 'person' }],
  lists: /^\/lightning\/o\//,
  emails: [
    `records-record-layout-item ${MAILTO},records-highlights2 ${MAILTO}`,
    `lightning-formatted-email ${MAILTO}`,
    // Older UI (kept 2026-11, drop when no longer seen): Aura detail panels without LWC tags.
    `.forceDetailPanelDesktop ${MAILTO}`,
  ],
  titles: ['h1 lightning-formatted-name', 'h1 [slot=primaryField]', 'h1'],
  roots: [HOST.replace(/,|$/g, '.active$&'), HOST, 'body'],
});
