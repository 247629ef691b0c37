// @vitest-environment node
/**
 * Company and deal records that name the organisation's website: the website decides the account, and
 * the contact is someone of that account (or a freemail person on the record), else nobody.
 */
import { accountKeyForWebsite, chooseContact, type SelfIdentity } from '../../../lib/contact/choose-contact';
import type { PageContext, Participant } from '../../../lib/messaging/messages';

const REP: SelfIdentity = { emails: ['rep@dealside-vendor.com'], domains: ['dealside-vendor.com'] };

function record(website: string | undefined, participants: Participant[] = []): PageContext {
  return {
    site: 'salesforce',
    kind: 'record',
    participants,
    ...(website === undefined ? {} : { website }),
  };
}

describe('accountKeyForWebsite', () => {
  it.each([
    ['https://www.harbour-foods.co.uk/about?ref=x#team', 'harbour-foods.co.uk'],
    ['http://shop.harbour-foods.co.uk:8080', 'harbour-foods.co.uk'],
    ['www.harbour-foods.co.uk', 'harbour-foods.co.uk'],
    ['harbour-foods.co.uk/', 'harbour-foods.co.uk'],
    ['  HARBOUR-FOODS.CO.UK  ', 'harbour-foods.co.uk'],
    ['sales@eu.harbour-foods.co.uk', 'harbour-foods.co.uk'],
    ['www.kiwi-orchards.com.au', 'kiwi-orchards.com.au'],
    ['https://www.bäckerei-hoffmann.de/', 'xn--bckerei-hoffmann-vnb.de'],
    ['xn--bckerei-hoffmann-vnb.de', 'xn--bckerei-hoffmann-vnb.de'],
  ])('keys %s as %s', (website, key) => {
    expect(accountKeyForWebsite(website)).toBe(key);
  });

  it.each([
    ['a freemail domain', 'https://gmail.com'],
    ['a freemail webmail host', 'mail.163.com'],
    ['a freemail address', 'owner@qq.com'],
    ['a non-web scheme', 'ftp://harbour-foods.co.uk'],
    ['an IP address', 'http://192.168.1.10/'],
    ['a word', 'Harbour Foods'],
    ['nothing', '   '],
    ['no string at all', 42],
  ])('refuses %s', (_what, website) => {
    expect(accountKeyForWebsite(website)).toBeNull();
  });

  it('follows account aliases', () => {
    expect(accountKeyForWebsite('www.harbourfoods.com', { 'harbourfoods.com': 'harbour-foods.co.uk' })).toBe(
      'harbour-foods.co.uk',
    );
  });
});

describe('chooseContact on records with a website', () => {
  it('shows the account alone when the record names no person', () => {
    const choice = chooseContact(record('https://www.harbour-foods.co.uk/'), REP);
    expect(choice.contact).toBeNull();
    expect(choice.account).toEqual({ key: 'harbour-foods.co.uk', source: 'website' });
    expect(choice.runnersUp).toEqual([]);
  });

  it('makes the first person at the website domain the contact, ahead of a freemail person listed first', () => {
    const choice = chooseContact(
      record('www.harbour-foods.co.uk', [
        { email: 'owner.harbour@gmail.com', name: 'Sam Owner', role: 'record' },
        { email: 'Priya@Buying.Harbour-Foods.co.uk', name: 'Priya Shah', role: 'record' },
        { email: 'tom@harbour-foods.co.uk', role: 'record' },
      ]),
      REP,
    );
    expect(choice.account).toEqual({ key: 'harbour-foods.co.uk', source: 'website' });
    expect(choice.contact).toMatchObject({
      email: 'priya@buying.harbour-foods.co.uk',
      accountKey: 'harbour-foods.co.uk',
    });
    expect(choice.runnersUp.map((person) => person.email)).toEqual([
      'owner.harbour@gmail.com',
      'tom@harbour-foods.co.uk',
    ]);
  });

  it("files a freemail primary contact under the website's account when nobody is at its domain", () => {
    const choice = chooseContact(
      record('harbour-foods.co.uk', [
        { email: 'owner.harbour@gmail.com', name: 'Sam Owner', role: 'record' },
      ]),
      REP,
    );
    expect(choice.account?.key).toBe('harbour-foods.co.uk');
    expect(choice.contact).toEqual({
      email: 'owner.harbour@gmail.com',
      name: 'Sam Owner',
      accountKey: 'harbour-foods.co.uk',
      role: 'record',
    });
    expect(choice.runnersUp).toEqual([]);
  });

  it("never makes a person at another company the website account's contact", () => {
    const choice = chooseContact(
      record('harbour-foods.co.uk', [{ email: 'lee@broker-partners.com', role: 'record' }]),
      REP,
    );
    expect(choice.account).toEqual({ key: 'harbour-foods.co.uk', source: 'website' });
    expect(choice.contact).toBeNull();
    expect(choice.runnersUp).toEqual([
      { email: 'lee@broker-partners.com', accountKey: 'broker-partners.com', role: 'record' },
    ]);
  });

  it('keys a multi-part public suffix and an IDN website like addresses on them', () => {
    expect(chooseContact(record('https://www.kiwi-orchards.com.au/contact'), REP).account?.key).toBe(
      'kiwi-orchards.com.au',
    );
    const idn = chooseContact(
      record('https://www.bäckerei-hoffmann.de', [
        { email: 'anna@xn--bckerei-hoffmann-vnb.de', role: 'record' },
      ]),
      REP,
    );
    expect(idn.account?.key).toBe('xn--bckerei-hoffmann-vnb.de');
    expect(idn.contact?.email).toBe('anna@xn--bckerei-hoffmann-vnb.de');
  });

  it("falls back to the record's person when the website is freemail, the rep's own company or junk", () => {
    const person: Participant = { email: 'jane@contoso.com', role: 'record' };
    for (const website of ['gmail.com', 'https://www.dealside-vendor.com', 'not a website']) {
      const choice = chooseContact(record(website, [person]), REP);
      expect(choice.account, website).toEqual({ key: 'contoso.com', source: 'contact' });
      expect(choice.contact?.email, website).toBe('jane@contoso.com');
    }
    const nothing = chooseContact(record('gmail.com'), REP);
    expect(nothing.account).toBeUndefined();
    expect(nothing.contact).toBeNull();
  });

  it("gives the contact's account on pages without a website", () => {
    const choice = chooseContact(
      {
        site: 'gmail',
        kind: 'thread',
        participants: [{ email: 'jane@contoso.com', role: 'from', order: 0 }],
      },
      REP,
    );
    expect(choice.account).toEqual({ key: 'contoso.com', source: 'contact' });
  });
});
