/**
 * Salesforce Lightning records (`/lightning/r/<Object>/<Id>/view`): Contacts and Leads are people;
 * Accounts are companies keyed by their Website field; Opportunities are deals keyed by the address of a
 * contact the page shows (its Contact Roles card). A Person Account is an Account whose own Email field
 * names the person. The console keeps earlier records in the DOM (inactive workspace tabs, inactive or
 * hidden page hosts): only the active one is read.
 */
import { crm, MAILTO } from './dom';

export const examples = {
  matches: [
    'https://northwind-dev-ed.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view',
    'https://dealside.lightning.force.com/lightning/r/Lead/00Q5g00000XyZ12EAB/view',
    'https://dealside.my.salesforce.com/lightning/r/Account/0015g00000PqRsTAAV/view',
    'https://dealside.lightning.force.com/lightning/r/Opportunity/0065g00000OpPtYAAR/view',
    'https://dealside.lightning.force.com/lightning/r/Opportunity/0065g00000OpPtYAAR/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000PqRsTAAV%2Fview',
    'https://dealside.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
  ],
  nonMatches: [
    'https://www.salesforce.com/products/',
    'https://lightning.force.com.evil.example/lightning/r/Contact/003/view',
    'http://dealside.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view',
  ],
};

/** A record page of these objects: `/lightning/r/<Object>/<15- or 18-character id>/view`. */
const view = (objects: string) => new RegExp(`^/lightning/r/(${objects})/\\w{15,18}/view`);

/** Record page hosts: the single-pane window manager keeps one per visited record. */
const PAGE_HOST = '.windowViewMode-normal,.windowViewMode-maximized';

export const salesforce = crm({
  id: 'salesforce',
  name: 'Salesforce',
  hosts: ['.lightning.force.com', '.my.salesforce.com'],
  records: [
    { url: view('Contact|Lead'), kind: 'person' },
    { url: view('Account'), kind: 'company' },
    { url: view('Opportunity'), kind: 'deal' },
  ],
  lists: /^\/lightning\/o\//,
  emails: [
    // Lightning record pages (LWC, 2019+): the record's own fields and its highlights panel.
    `records-record-layout-item ${MAILTO},records-highlights2 ${MAILTO}`,
    // Aura detail panels (before the LWC record layout; kept 2026-12, drop when no longer seen).
    `force-record-layout-item ${MAILTO},.forceDetailPanelDesktop ${MAILTO}`,
    // An Opportunity's Contact Roles card (LWC related lists, 2019+), found by its "View All" link to
    // `related/OpportunityContactRoles` whatever the UI's language: the deal's contacts. An Account's
    // Contacts card is left alone: the account is keyed by its Website, not by whoever is listed first.
    `article:has(a[href*="/related/OpportunityContactRoles/"]) ${MAILTO}`,
  ],
  websites: [
    // Account Website, as the highlights panel (compact layout) and the Details tab show it (LWC, 2019+).
    ':is(records-highlights2,records-record-layout-item) lightning-formatted-url a',
    // Aura detail panels (before LWC; kept 2026-12).
    'force-record-layout-item a[href^=http]',
  ],
  titles: ['h1 lightning-formatted-name', 'h1 [slot=primaryField]', 'h1'],
  // Person Accounts: the highlights show a person's compound name; a business account's is plain text.
  personMarks: ['records-highlights2 h1 lightning-formatted-name'],
  roots: [
    // Service/Sales console (2019+): each workspace tab is a `section.tabContent`, and so is each of its
    // subtabs; only one of each is active, and the active subtab is the record in view.
    '.tabContent.active .tabContent.active',
    '.tabContent.active',
    PAGE_HOST.replace(/,|$/g, '.active$&'),
    PAGE_HOST,
    'body',
  ],
});
