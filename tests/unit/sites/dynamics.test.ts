/**
 * Dynamics 365 form reading beyond the fixtures: a record's own address fields come before any quick view
 * form's, and the quick view speaks for an opportunity or account that has none.
 */
import { describe, expect, it } from 'vitest';
import { dynamics } from '../../../lib/sites/dynamics';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const form = (etn: string) =>
  new URL(
    `https://dealside.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=${etn}&id=6b1c2d3e-1111-4000-8000-00000000beef`,
  );
const input = (dataId: string, value: string) => `<input data-id="${dataId}" value="${value}">`;
const quickView = (name: string, fields: string) =>
  `<div data-id="${name}-QuickFormContainer">${fields}</div>`;
const title =
  '<h1 data-id="header_title" title="Bäckerei Hoffmann GmbH">Bäckerei Hoffmann GmbH<span>- Gespeichert</span></h1>';

describe('dynamics adapter', () => {
  it("reads an account's own email before its primary contact's quick view", () => {
    const ctx = dynamics.readPage(
      parse(
        title +
          quickView(
            'primarycontact',
            input(
              'primarycontact.emailaddress1.fieldControl-mail-text-input',
              'k.richter@bäckerei-hoffmann.de',
            ),
          ) +
          input('emailaddress1.fieldControl-mail-text-input', 'info@bäckerei-hoffmann.de') +
          input('websiteurl.fieldControl-url-text-input', 'https://www.bäckerei-hoffmann.de'),
      ),
      form('account'),
    );
    expect(ctx).toMatchObject({
      participants: [{ email: 'info@bäckerei-hoffmann.de', role: 'record' }],
      title: 'Bäckerei Hoffmann GmbH',
      website: 'https://www.bäckerei-hoffmann.de',
    });
  });

  it("reads an opportunity's contact from its quick view form and its account's website", () => {
    const ctx = dynamics.readPage(
      parse(
        quickView(
          'contactquickview',
          input(
            'contactquickview.emailaddress1.fieldControl-mail-text-input',
            'mia.chen@harbourline-logistics.com.au',
          ),
        ) +
          quickView(
            'accountquickview',
            input('accountquickview.websiteurl.fieldControl-url-text-input', 'harbourline-logistics.com.au'),
          ),
      ),
      form('opportunity'),
    );
    expect(ctx).toMatchObject({
      participants: [{ email: 'mia.chen@harbourline-logistics.com.au', role: 'record' }],
      website: 'harbourline-logistics.com.au',
    });
  });

  it('reads nothing from a form of a table it does not know, and lists as lists', () => {
    const body = parse(input('emailaddress1.fieldControl-mail-text-input', 'a@b-c.com'));
    expect(dynamics.readPage(body, form('incident')).participants).toEqual([]);
    expect(
      dynamics.readPage(
        body,
        new URL('https://dealside.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity'),
      ).kind,
    ).toBe('list');
  });
});
