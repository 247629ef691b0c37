/**
 * Salesforce record reading beyond the fixtures: what makes an Account a person, and which addresses a
 * company or deal reports.
 */
import { describe, expect, it } from 'vitest';
import { salesforce } from '../../../lib/sites/salesforce';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const account = new URL('https://dealside.lightning.force.com/lightning/r/Account/0015g00000CoNtSAAV/view');
const highlights = (name: string) =>
  `<records-highlights2><h1><slot name="primaryField">${name}</slot></h1></records-highlights2>`;
const emailField = (address: string) =>
  `<records-record-layout-item field-label="Email"><lightning-formatted-email><a href="mailto:${address}">${address}</a></lightning-formatted-email></records-record-layout-item>`;

describe('salesforce adapter', () => {
  it('reads a Person Account as the person it names', () => {
    const ctx = salesforce.readPage(
      parse(
        highlights('<lightning-formatted-name>Prof. Klaus Richter</lightning-formatted-name>') +
          emailField('k@acme-robotics.de'),
      ),
      account,
    );
    expect(ctx.participants).toEqual([
      { email: 'k@acme-robotics.de', role: 'record', name: 'Klaus Richter' },
    ]);
  });

  it('reads a business account by its website and leaves its listed contacts out', () => {
    const ctx = salesforce.readPage(
      parse(
        highlights('<lightning-formatted-text>Contoso Industrial Ltd</lightning-formatted-text>') +
          '<records-record-layout-item field-label="Website"><lightning-formatted-url><a href="http://contoso-industrial.co.uk">contoso-industrial.co.uk</a></lightning-formatted-url></records-record-layout-item>' +
          '<article><a href="/lightning/r/0015g00000CoNtSAAV/related/Contacts/view">Contacts</a><lightning-formatted-email><a href="mailto:ruth@contoso-industrial.co.uk">ruth@contoso-industrial.co.uk</a></lightning-formatted-email></article>',
      ),
      account,
    );
    expect(ctx).toMatchObject({
      participants: [],
      title: 'Contoso Industrial Ltd',
      website: 'http://contoso-industrial.co.uk',
    });
  });

  it("reads an opportunity's contact roles, and nothing from its other cards", () => {
    const url = new URL(
      'https://dealside.lightning.force.com/lightning/r/Opportunity/0065g00000OpPtYAAR/view',
    );
    const card = (relation: string, address: string) =>
      `<article><a href="/lightning/r/0065g00000OpPtYAAR/related/${relation}/view">x</a><lightning-formatted-email><a href="mailto:${address}">${address}</a></lightning-formatted-email></article>`;
    const withRoles = salesforce.readPage(
      parse(
        card('AttachedContentNotes', 'x@elsewhere.com') +
          card('OpportunityContactRoles', 'ruth@contoso.co.uk'),
      ),
      url,
    );
    expect(withRoles.participants).toEqual([{ email: 'ruth@contoso.co.uk', role: 'record' }]);
    // Without contact roles the site's own hooks find nobody (the shared fallback layer may still look).
    const without = salesforce.readPage(parse(card('AttachedContentNotes', 'x@elsewhere.com')), url);
    expect(without.layer).not.toBe('site');
  });
});

describe('salesforce console', () => {
  it('reads the active subtab of the active workspace tab, not the tab behind it', () => {
    const contact = (name: string, address: string) =>
      `<div class="windowViewMode-maximized active">${'<records-highlights2><h1><lightning-formatted-name>' + name + '</lightning-formatted-name></h1></records-highlights2>'}${emailField(address)}</div>`;
    const doc = parse(
      `<section class="tabContent">${contact('Ted Okafor', 'ted@southwind-freight.com')}</section>` +
        `<section class="tabContent active">` +
        `<section class="tabContent">${contact('Ruth Adeyemi', 'ruth@contoso-industrial.co.uk')}</section>` +
        `<section class="tabContent active">${contact('Mia Chen', 'mia.chen@harbourline-logistics.com.au')}</section>` +
        `</section>`,
    );
    const ctx = salesforce.readPage(
      doc,
      new URL('https://dealside.lightning.force.com/lightning/r/Contact/0035g00000MiAcHAA1/view'),
    );
    expect(ctx.participants).toEqual([
      { email: 'mia.chen@harbourline-logistics.com.au', role: 'record', name: 'Mia Chen' },
    ]);
  });
});
