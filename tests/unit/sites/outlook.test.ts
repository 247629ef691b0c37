/**
 * Outlook reading beyond the fixture pages: message order when the page shows the oldest message first,
 * the older list-item conversation, header labels in other UI languages, name-only people whose name
 * belongs to two addresses, and an open message whose header cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { outlook } from '../../../lib/sites/outlook';

const THREAD_URL = new URL('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1');

function read(body: string, url = THREAD_URL) {
  const doc = new DOMParser().parseFromString(
    `<!DOCTYPE html><html><body>${body}</body></html>`,
    'text/html',
  );
  return outlook.readPage(doc, url);
}

const account = `<div id="mectrl_main_body" hidden>
  <div id="mectrl_currentAccount_primary">Alex Morgan</div>
  <div id="mectrl_currentAccount_secondary">alex.morgan@dealside-demo.com</div></div>`;

/** A collapsed message: the sender's name and a preview, no body. */
const collapsed = (name: string) =>
  `<div class="aVla3"><div aria-expanded="false"><span class="OZZZK">${name}</span><div class="_nzWz">…</div></div></div>`;

/** An expanded message with a labelled sender and a body. */
const expanded = (from: string, rows = '') =>
  `<div class="aVla3"><div aria-expanded="true"><div aria-label="Email message">
    <span aria-label="From: x"><span class="OZZZK">${from}</span></span>${rows}
    <div role="document"><div aria-label="Message body">From: Someone Else &lt;someone@elsewhere.example.com&gt;</div></div>
  </div></div></div>`;

describe('outlook adapter', () => {
  it('numbers messages from the top when the page shows the newest (expanded) message last', () => {
    const page = read(
      `${account}<div role="main">${collapsed('Jane Cooper')}${collapsed('Alex Morgan')}${expanded(
        'Jane Cooper &lt;jane.cooper@northwind-trading.com&gt;',
      )}</div>`,
    );
    expect(page.kind).toBe('thread');
    expect(page.participants.filter((p) => p.role === 'from')).toEqual([
      { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
      { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'from', order: 1 },
      { email: 'jane.cooper@northwind-trading.com', name: 'Jane Cooper', role: 'from', order: 2 },
    ]);
  });

  it('reads the older conversation of ARIA list items, newest first', () => {
    const page = read(
      `${account}<div role="main"><div role="list">
        <div role="listitem"><button aria-label="From: Maria Santos">Maria Santos&lt;maria.santos@oakridge-logistics.com&gt;</button>
          <div role="document">Thanks!</div></div>
        <div role="listitem"><span title="alex.morgan@dealside-demo.com">Alex Morgan</span></div>
      </div></div>`,
    );
    expect(page.participants.filter((p) => p.role === 'from')).toEqual([
      { email: 'maria.santos@oakridge-logistics.com', name: 'Maria Santos', role: 'from', order: 1 },
      { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'from', order: 0 },
    ]);
  });

  it.each([
    ['French', 'De : Claire Martin', 'À : Alex Morgan'],
    ['Spanish', 'De: Claire Martin', 'Para: Alex Morgan'],
    ['Chinese', '发件人: Claire Martin', '收件人: Alex Morgan'],
    ['German', 'Von: Claire Martin', 'An: Alex Morgan'],
  ])('reads %s header labels', (_, fromLabel, toLabel) => {
    const page = read(
      `${account}<div role="main"><div aria-label="Email message">
        <span aria-label="${fromLabel}">Claire Martin &lt;claire.martin@atelier-lumiere.fr&gt;</span>
        <div aria-label="${toLabel}"><span role="button">Alex Morgan</span></div>
        <div role="document">…</div></div></div>`,
    );
    expect(page.participants).toEqual([
      { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'self' },
      { email: 'claire.martin@atelier-lumiere.fr', name: 'Claire Martin', role: 'from', order: 0 },
      { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'to', order: 0 },
    ]);
  });

  it('leaves a name-only pill unknown when two people on the page share that name', () => {
    const page = read(
      `${account}<div role="main">${expanded(
        'Sam Lee &lt;sam.lee@northwind-trading.com&gt;',
        '<div aria-label="Cc: Sam Lee"><span role="button">Sam Lee &lt;sam.lee@contoso-industrial.co.uk&gt;</span></div>',
      )}</div>
      <div role="dialog"><div role="textbox" contenteditable="true" aria-label="To">
        <span class="_EType_RECIPIENT_ENTITY" aria-label="Sam Lee">Sam Lee</span></div></div>`,
    );
    expect(page.kind).toBe('thread');
    expect(page.participants.filter((p) => p.role === 'to')).toEqual([]);
  });

  it('reads a compose To/Cc by field name in the UI language, and never the editor', () => {
    const page = read(
      `${account}<div role="dialog">
        <div role="textbox" contenteditable="true" aria-label="An"><span class="_EType_RECIPIENT_ENTITY" aria-label="k.vogel@bäckerei-hoffmann.de">Katrin Vogel</span></div>
        <div role="textbox" contenteditable="true" aria-label="Bcc"><span class="_EType_RECIPIENT_ENTITY" aria-label="archive@dealside-demo.com">Archive</span></div>
        <div role="textbox" contenteditable="true" aria-label="Nachrichtentext"><span title="s.wolf@stahlhandel-nord.de">Stefan Wolf</span></div>
      </div>`,
      new URL('https://outlook.office.com/mail/deeplink/compose'),
    );
    expect(page).toEqual({
      site: 'outlook',
      kind: 'compose',
      participants: [
        { email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'self' },
        { email: 'k.vogel@bäckerei-hoffmann.de', name: 'Katrin Vogel', role: 'to' },
      ],
      layer: 'site',
    });
  });

  it('says the header could not be read when an open message shows nobody with an address', () => {
    const page = read(
      `${account}<div role="main"><div aria-label="Email message"><span aria-label="Od: Jan Nowak">Jan Nowak</span>
        <div role="document">Dzień dobry</div></div></div>`,
    );
    expect(page).toEqual({
      site: 'outlook',
      kind: 'unknown',
      participants: [{ email: 'alex.morgan@dealside-demo.com', name: 'Alex Morgan', role: 'self' }],
      reason: 'no-message-header',
    });
  });
});
