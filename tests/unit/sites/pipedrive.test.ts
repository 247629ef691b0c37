/**
 * Pipedrive: the details sidebar's field rows (2023+) and the classic details block, work addresses before
 * home ones, an organization keyed by its Website row (told by its label, not by being a link), deals and
 * organizations by URL, and lists with nobody.
 */
import { describe, expect, it } from 'vitest';
import { pipedrive } from '../../../lib/sites/pipedrive';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const at = (path: string) => new URL(`https://dealside-demo.pipedrive.com${path}`);

/** A sidebar field row as the 2023+ details view renders it. */
const row = (label: string, value: string) =>
  `<div data-testid="fields-list-row"><div data-testid="field-name">${label}</div><div data-testid="fields-list-row-field-components"><div><div>${value}</div></div></div></div>`;
const link = (href: string) => `<a href="${href}">${href.replace(/^\w+:(\/\/)?/, '')}</a>`;

describe('Pipedrive records', () => {
  it('keys an organization by its Website row, not by another link field before it', () => {
    const doc = parse(
      `<div data-testid="header-title"><textarea>Contoso Industrial Ltd</textarea></div>` +
        row('LinkedIn', link('https://www.linkedin.com/company/contoso')) +
        row('Price list', link('https://docs.google.com/spreadsheets/d/1')) +
        row('Website', link('https://www.contoso-industrial.co.uk')),
    );
    expect(pipedrive.readPage(doc, at('/organization/77'))).toEqual({
      site: 'pipedrive',
      kind: 'record',
      participants: [],
      title: 'Contoso Industrial Ltd',
      website: 'https://www.contoso-industrial.co.uk',
      layer: 'site',
    });
  });

  it('reads a German Webseite row, and no website at all when only other links are there', () => {
    const org = at('/organization/310');
    expect(
      pipedrive.readPage(parse(row('Webseite', link('https://bäckerei-hoffmann.de'))), org).website,
    ).toBe('https://bäckerei-hoffmann.de');
    expect(
      pipedrive.readPage(parse(row('LinkedIn', link('https://www.linkedin.com/company/x'))), org).website,
    ).toBeUndefined();
  });

  it('reads a deal’s linked person’s address, unnamed, with its organization’s website', () => {
    const doc = parse(
      `<div data-testid="header-title"><textarea>Northwind renewal</textarea></div>` +
        row('Name', '<a href="/person/1042">Tom Becker</a>') +
        row('Email', `${link('mailto:tom.becker@northwind-trading.com')} <span>(Work)</span>`) +
        row('Website', link('https://northwind-trading.com')) +
        `<div data-testid="flow">${link('mailto:jane.cooper@northwind-trading.com')}</div>`,
    );
    expect(pipedrive.readPage(doc, at('/deal/2231'))).toEqual({
      site: 'pipedrive',
      kind: 'record',
      participants: [{ email: 'tom.becker@northwind-trading.com', role: 'record' }],
      title: 'Northwind renewal',
      website: 'https://northwind-trading.com',
      layer: 'site',
    });
  });

  it('reads the visible classic view, work before other before home', () => {
    const doc = parse(
      `<div class="viewContainer" style="display: none;"><h1>Mei Lin</h1><div class="fieldsList"><div>${link('mailto:mei.lin@xinghe-tech.cn')}</div></div></div>` +
        `<div class="viewContainer"><h1>Tom Becker</h1><div class="fieldsList">` +
        `<div>${link('mailto:tom@gmail.com')} <span>(Home)</span></div>` +
        `<div>${link('mailto:tb@northwind-logistics.example.com')} <span>(Other)</span></div>` +
        `<div>${link('mailto:tom.becker@northwind-trading.com')} <span>(Work)</span></div></div></div>`,
    );
    const read = pipedrive.readPage(doc, at('/person/1042'));
    expect(read.participants.map((p) => p.email)).toEqual([
      'tom.becker@northwind-trading.com',
      'tb@northwind-logistics.example.com',
      'tom@gmail.com',
    ]);
    expect(read).toMatchObject({ title: 'Tom Becker', layer: 'site' });
  });

  it('still reads email-marked fields of other layouts when no details row is there', () => {
    const doc = parse(
      `<h1 data-test="header-title">Wang Jun</h1><div data-test="person-field-email">${link('mailto:wang.jun@xinghe-tech.cn')}</div>`,
    );
    expect(pipedrive.readPage(doc, at('/person/1077'))).toMatchObject({
      kind: 'record',
      title: 'Wang Jun',
      participants: [{ email: 'wang.jun@xinghe-tech.cn', role: 'record', name: 'Wang Jun' }],
    });
  });

  it('shows nobody on lists and boards, and reads no record off other pages', () => {
    const doc = parse(row('Email', link('mailto:tom.becker@northwind-trading.com')));
    for (const path of [
      '/persons/list/user/everyone',
      '/organizations/list',
      '/deals/list',
      '/pipeline/1/user/everyone',
      '/leads/inbox',
    ])
      expect(pipedrive.readPage(doc, at(path))).toEqual({
        site: 'pipedrive',
        kind: 'list',
        participants: [],
      });
    expect(pipedrive.readPage(doc, at('/activities/list'))).toMatchObject({
      kind: 'unknown',
      reason: 'not-a-record',
    });
  });
});
