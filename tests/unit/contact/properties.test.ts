// @vitest-environment node
import fc from 'fast-check';
import { accountKeyForEmail, displayAccountKey } from '../../../lib/contact/account-key';
import { chooseContact } from '../../../lib/contact/choose-contact';
import { normalizeEmail } from '../../../lib/contact/email';
import type { Participant } from '../../../lib/messaging/messages';

/** Address-like strings, so the properties exercise the accepting paths as well as the rejecting ones. */
const addressLike = fc
  .tuple(
    fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('jane', 'Jane.Doe+x', '"a b"', 'josé', 'Ö')),
    fc.constantFrom('@', '@', ' @ ', '@@', '＠'),
    fc.oneof(
      fc.domain(),
      fc.constantFrom(
        'Gmail.com',
        'QQ.com',
        'bücher.de',
        'XN--BCHER-KVA.DE',
        '例子.中国',
        'mail.x.co.uk',
        'ß.de',
      ),
      fc.string({ maxLength: 20 }),
    ),
  )
  .map(([local, at, domain]) => `${local}${at}${domain}`);

const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  addressLike,
);

describe('contact properties', () => {
  it('normalizeEmail and accountKeyForEmail never throw', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        normalizeEmail(input);
        const key = accountKeyForEmail(input);
        if (key !== null) displayAccountKey(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeEmail is idempotent', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const once = normalizeEmail(input);
        if (once !== null) expect(normalizeEmail(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('accountKeyForEmail does not depend on case', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        // Upper-casing is not reversible for a few characters: 'ß' becomes 'SS', and under IDNA 2008
        // `straße.de` and `strasse.de` are different domains. Those inputs are not a case variant.
        fc.pre(input.toUpperCase().toLowerCase() === input.toLowerCase());
        expect(accountKeyForEmail(input.toUpperCase())).toBe(accountKeyForEmail(input));
      }),
      { numRuns: 2000 },
    );
  });

  it("treats 'ß' as its own letter rather than a case variant of 'ss'", () => {
    expect(accountKeyForEmail('hans@straße.de')).toBe('xn--strae-oqa.de');
    expect(accountKeyForEmail('HANS@STRASSE.DE')).toBe('strasse.de');
  });

  it('chooseContact never throws and never picks a self address', () => {
    const participant = fc.record({
      email: fc.oneof(addressLike, fc.constantFrom('rep@vendor.io', 'boss@vendor.io', 'jane@contoso.com')),
      name: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
      role: fc.constantFrom<Participant['role']>('from', 'to', 'cc', 'record', 'self'),
      order: fc.option(fc.nat(10), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('thread', 'compose', 'record', 'list', 'unknown' as const),
        fc.array(participant, { maxLength: 30 }),
        (kind, participants) => {
          const choice = chooseContact(
            { site: 'test', kind, participants },
            { emails: ['rep@vendor.io'], domains: [] },
          );
          const chosen = [choice.contact, ...choice.runnersUp].filter((person) => person !== null);
          for (const person of chosen) expect(person.accountKey).not.toBe('vendor.io');
          expect(new Set(chosen.map((person) => person.email)).size).toBe(chosen.length);
          expect(choice.runnersUp.length).toBeLessThanOrEqual(20);
        },
      ),
      { numRuns: 500 },
    );
  });
});
