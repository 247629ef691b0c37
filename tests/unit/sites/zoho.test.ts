/**
 * Zoho CRM: the field-id variants of classic and NextGen detail pages (`subvalue_EMAIL`, `headervalue_Email`,
 * `value_Email`, `mouseArea_Email`), the primary Email before secondary ones, accounts keyed by their
 * Website field, deals by their contact roles, and lists with nobody.
 */
import { describe, expect, it } from 'vitest';
import { zoho } from '../../../lib/sites/zoho';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const at = (path: string) => new URL(`https://crm.zoho.com/crm/org712345678/tab/${path}`);
const contact = at('Contacts/4876876000000321001');

/** A field row as classic Zoho CRM lays it out: row, label and value cells named after the column. */
const row = (column: string, label: string, value: string) =>
  `<div id="mouseArea__${column}"><div id="labelTD_${column}">${label}</div><div id="value_${column}">${value}</div></div>`;

describe('Zoho CRM records', () => {
  it('reads the Email field before Secondary Email and a lead’s ADDN_EMAIL, whatever the layout order', () => {
    const doc = parse(
      `<span id="headervalue_LASTNAME">Dr. Oliver Grant</span>` +
        row('ADDN_EMAIL', 'Secondary Email', '<a id="subvalue_ADDN_EMAIL">oliver@gmail.com</a>') +
        row(
          'SECONDARYEMAIL',
          'Other Email',
          '<a id="subvalue_SECONDARYEMAIL">og@contoso-group.example.com</a>',
        ) +
        row('EMAIL', 'Email', '<a id="subvalue_EMAIL">oliver.grant@contoso-industrial.co.uk</a>'),
    );
    const read = zoho.readPage(doc, at('Leads/4876876000000045017'));
    expect(read.participants.map((p) => p.email)).toEqual([
      'oliver.grant@contoso-industrial.co.uk',
      'oliver@gmail.com',
      'og@contoso-group.example.com',
    ]);
    expect(read).toMatchObject({ kind: 'record', title: 'Oliver Grant', layer: 'site' });
  });

  it.each([
    ['a header value', '<span id="headervalue_Email">mei.lin@xinghe-tech.com.cn</span>'],
    [
      'a value cell named after the API name',
      '<div id="value_Email"><span>mei.lin@xinghe-tech.com.cn</span></div>',
    ],
    ['a crux value wrapper', '<span data-zcqa="value_Email">mei.lin@xinghe-tech.com.cn</span>'],
    [
      'a field row with one underscore',
      '<div id="mouseArea_Email"><span>Email</span><span>mei.lin@xinghe-tech.com.cn</span></div>',
    ],
    [
      'the business card',
      '<div id="bc_mouseArea__EMAIL"><div class="dv_info_label">Email</div><div class="dv_info_value">mei.lin@xinghe-tech.com.cn</div></div>',
    ],
  ])('finds the address in %s', (_, html) => {
    const read = zoho.readPage(parse(`<h1>Mei Lin</h1>${html}`), contact);
    expect(read).toMatchObject({ kind: 'record', layer: 'site' });
    expect(read.participants).toEqual([
      { email: 'mei.lin@xinghe-tech.com.cn', role: 'record', name: 'Mei Lin' },
    ]);
  });

  it('ranks crux value wrappers by their API name: Email ahead of Secondary Email', () => {
    const doc = parse(
      `<h1>Mei Lin</h1>` +
        `<span data-zcqa="value_Secondary_Email"><a href="mailto:mei@gmail.com">mei@gmail.com</a></span>` +
        `<span data-zcqa="value_Email"><a href="mailto:mei.lin@xinghe-tech.cn">mei.lin@xinghe-tech.cn</a></span>`,
    );
    expect(zoho.readPage(doc, contact).participants.map((p) => p.email)).toEqual([
      'mei.lin@xinghe-tech.cn',
      'mei@gmail.com',
    ]);
  });

  it('never takes a person’s address from the description or the emails sent to them', () => {
    const doc = parse(
      `<h1>Oliver Grant</h1>` +
        row(
          'DESCRIPTION',
          'Description',
          '<pre id="subvalue_DESCRIPTION">Assistant: ruth@contoso-industrial.co.uk</pre>',
        ) +
        `<crm-related-list-view-header related-module="Emails"><a href="mailto:alex.morgan@dealside-demo.com">Alex</a></crm-related-list-view-header>`,
    );
    expect(zoho.readPage(doc, contact)).not.toMatchObject({ kind: 'record', layer: 'site' });
  });

  it('keys an account by its Website link, and not by an empty field’s dash', () => {
    const website = (value: string) =>
      parse(
        `<span id="headervalue_ACCOUNTNAME">Contoso Industrial Ltd</span>` + row('WEBSITE', 'Website', value),
      );
    const account = at('Accounts/4876876000000210007');
    expect(
      zoho.readPage(
        website(
          '<a id="subvalue_WEBSITE" href="http://www.contoso-industrial.co.uk">www.contoso-industrial.co.uk</a>',
        ),
        account,
      ),
    ).toEqual({
      site: 'zoho',
      kind: 'record',
      participants: [],
      title: 'Contoso Industrial Ltd',
      website: 'http://www.contoso-industrial.co.uk',
      layer: 'site',
    });
    expect(zoho.readPage(website('<span id="subvalue_WEBSITE">-</span>'), account).website).toBeUndefined();
    // A row without value ids: its link, never the row's label.
    const bare = parse(
      '<div id="mouseArea_Website"><span>Website</span><a href="https://contoso-industrial.co.uk">contoso-industrial.co.uk</a></div>',
    );
    expect(zoho.readPage(bare, account).website).toBe('https://contoso-industrial.co.uk');
  });

  it('reads a deal (Potentials) through its contact roles, unnamed, under the deal’s name', () => {
    const doc = parse(
      `<span class="cxDvRecordHeader1">Northwind Trading - 2027 renewal</span>` +
        row(
          'CONTACTID',
          'Contact Name',
          '<a id="subvalue_CONTACTID" href="/crm/org1/tab/Contacts/2">Tom Becker</a>',
        ) +
        `<crm-related-list-view-header related-module="Contact_Roles"><a class="cxEmailViewLink" href="mailto:tom.becker@northwind-trading.com">tom.becker@northwind-trading.com</a></crm-related-list-view-header>`,
    );
    expect(zoho.readPage(doc, at('Potentials/4876876000000450023'))).toEqual({
      site: 'zoho',
      kind: 'record',
      participants: [{ email: 'tom.becker@northwind-trading.com', role: 'record' }],
      title: 'Northwind Trading - 2027 renewal',
      layer: 'site',
    });
  });

  it('shows nobody on list views and kanban boards', () => {
    const doc = parse(
      '<a class="lv_data_email" href="mailto:tom@northwind-trading.com">tom@northwind-trading.com</a>',
    );
    for (const path of ['Contacts/custom-view/4876876000000087501/list', 'Potentials/custom-view/1/kanban'])
      expect(zoho.readPage(doc, at(path))).toEqual({ site: 'zoho', kind: 'list', participants: [] });
  });
});
