/**
 * HubSpot record reading beyond the fixtures: a property's label never joins its value, each record type
 * is told apart by its object id, and a company without contacts still names its account by domain.
 */
import { describe, expect, it } from 'vitest';
import { addrOf } from '../../../lib/sites/dom';
import { hubspot } from '../../../lib/sites/hubspot';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const read = (path: string, body: string) =>
  hubspot.readPage(parse(`<div role="main">${body}</div>`), new URL(`https://app.hubspot.com${path}`));

/** A property row as the sidebar card renders it, with the label and value as adjacent nodes. */
const property = (name: string, label: string, value: string) =>
  `<span data-test-id="${name}"><div data-deferred-property-input-root="true" role="button">` +
  `<div data-selenium-test="property-input-${name}"><label><span>${label}</span></label><span>${value}</span></div></div></span>`;

describe('hubspot adapter', () => {
  it.each(['Correo', 'Correo electrónico', 'Email', 'E-Mail', 'Courriel'])(
    'reads the value of a field labelled %j, never the label joined to it',
    (label) => {
      const doc = parse(property('email', label, 'lucia.fernandez@distribuciones-levante.es'));
      const field = doc.querySelector('[data-selenium-test=property-input-email]')!;
      expect(field.textContent).toMatch(/[a-z]lucia\.fernandez@/i);
      expect(addrOf(field)).toBe('lucia.fernandez@distribuciones-levante.es');
    },
  );

  it('reads a contact, a company and a deal by the object id in the path', () => {
    const contact = read(
      '/contacts/1/record/0-1/2',
      `<span data-selenium-test="highlightTitle">Lucía Fernández</span>${property('email', 'Correo', 'lucia@levante.es')}`,
    );
    expect(contact.participants).toEqual([
      { email: 'lucia@levante.es', role: 'record', name: 'Lucía Fernández' },
    ]);

    const company = read(
      '/contacts/1/record/0-2/3',
      `<span data-selenium-test="highlightTitle">Levante</span>${property('domain', 'Dominio', 'levante.es')}`,
    );
    expect(company).toMatchObject({
      kind: 'record',
      participants: [],
      title: 'Levante',
      website: 'levante.es',
    });

    const deal = read(
      '/contacts/1/deal/4/',
      `<span data-selenium-test="highlightTitle">Levante – renewal</span>` +
        `<div data-selenium-test="contact-chicklet-email"><span><a>lucia@levante.es</a></span></div>`,
    );
    expect(deal).toMatchObject({
      participants: [{ email: 'lucia@levante.es', role: 'record' }],
      title: 'Levante – renewal',
    });
    expect(deal.participants[0]).not.toHaveProperty('name');
  });

  it('reads index pages and boards of contacts, companies and deals as lists', () => {
    for (const path of ['/contacts/1/objects/0-2/views/all/list', '/contacts/1/objects/0-3/views/all/board'])
      expect(read(path, property('email', 'Email', 'a@levante.es')).kind).toBe('list');
  });
});
