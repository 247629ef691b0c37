// @vitest-environment node
// These functions run in the background worker, which has no DOM.
import { displayEmail, emailDomain, normalizeEmail, withoutPlusTag } from '../../../lib/contact/email';

describe('normalizeEmail', () => {
  it.each([
    ['jane@contoso.com', 'jane@contoso.com'],
    ['  Jane.Doe@Contoso.COM  ', 'jane.doe@contoso.com'],
    ['<jane@contoso.com>', 'jane@contoso.com'],
    ['mailto:jane@contoso.com', 'jane@contoso.com'],
    ['MAILTO:Jane@Contoso.com?subject=Hello&cc=bob@contoso.com', 'jane@contoso.com'],
    ['<mailto:jane@contoso.com#frag>', 'jane@contoso.com'],
    ['mailto:<jane@contoso.com>', 'jane@contoso.com'],
    ['mailto:jane%40contoso.com', 'jane@contoso.com'],
    ['jane+newsletter@contoso.com', 'jane+newsletter@contoso.com'],
    ["o'brien@contoso.ie", "o'brien@contoso.ie"],
    ['first.middle.last@sub.contoso.co.uk', 'first.middle.last@sub.contoso.co.uk'],
    ['jane@contoso.com.', 'jane@contoso.com'],
  ])('normalises %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it('accepts quoted local parts, including dots, spaces and @ inside the quotes', () => {
    expect(normalizeEmail('"John.Doe"@Contoso.com')).toBe('"john.doe"@contoso.com');
    expect(normalizeEmail('"john doe"@contoso.com')).toBe('"john doe"@contoso.com');
    expect(normalizeEmail('"a@b"@contoso.com')).toBe('"a@b"@contoso.com');
    expect(normalizeEmail('"say \\"hi\\""@contoso.com')).toBe('"say \\"hi\\""@contoso.com');
  });

  it('converts IDN domains to punycode, whatever form they arrive in', () => {
    expect(normalizeEmail('jane@bücher.de')).toBe('jane@xn--bcher-kva.de');
    expect(normalizeEmail('jane@BÜCHER.DE')).toBe('jane@xn--bcher-kva.de');
    expect(normalizeEmail('jane@XN--BCHER-KVA.de')).toBe('jane@xn--bcher-kva.de');
    // Decomposed ü (u + combining diaeresis) is the same domain.
    expect(normalizeEmail('jane@bu\u0308cher.de')).toBe('jane@xn--bcher-kva.de');
    // Chinese input methods type the ideographic full stop.
    expect(normalizeEmail('li@例子。中国')).toBe('li@xn--fsqu00a.xn--fiqs8s');
    expect(normalizeEmail('li@例子.中国')).toBe('li@xn--fsqu00a.xn--fiqs8s');
  });

  it('keeps internationalised local parts, lower-cased', () => {
    expect(normalizeEmail('José@Contoso.es')).toBe('josé@contoso.es');
  });

  it.each([
    '',
    '   ',
    'jane',
    'jane@',
    '@contoso.com',
    'jane@contoso',
    'jane@localhost',
    'jane doe@contoso.com',
    'jane@con toso.com',
    'jane [at] contoso.com',
    'jane(at)contoso.com',
    'jane at contoso dot com',
    'jane@contoso[dot]com',
    'jane＠contoso.com',
    'jane@@contoso.com',
    'jane@bob@contoso.com',
    '"jane"bob@contoso.com',
    '"unterminated@contoso.com',
    '""@contoso.com',
    '.jane@contoso.com',
    'jane.@contoso.com',
    'ja..ne@contoso.com',
    'jane@.contoso.com',
    'jane@contoso..com',
    'jane@-contoso.com',
    'jane@contoso-.com',
    'jane@contoso.c0m1',
    'jane@192.168.0.1',
    'jane@[192.168.0.1]',
    'jane@0x7f.1',
    'jane@xn--zz.com',
    'jane@contoso.com/path',
    'jane@con%74oso.com',
    'Jane Doe <jane@contoso.com>',
    'jane@contoso.com, bob@contoso.com',
    'mailto:jane@contoso.com,bob@contoso.com',
    'mailto:%E0%A4%A',
    'jane\u00a0doe@contoso.com',
    'jane\u200b@contoso.com',
    'jane\n@contoso.com',
    'jane\u202e@contoso.com',
    'jane@con\u00adtoso.com',
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('rejects addresses longer than 254 characters and local parts longer than 64', () => {
    // A valid 251-character domain: only the address as a whole is too long.
    const longDomain = `${'a'.repeat(61)}.${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.com`;
    expect(normalizeEmail(`j@${longDomain}`)).toBe(`j@${longDomain}`);
    expect(normalizeEmail(`jane.doe@${longDomain}`)).toBeNull();
    expect(normalizeEmail(`${'j'.repeat(65)}@contoso.com`)).toBeNull();
    expect(normalizeEmail(`${'j'.repeat(64)}@contoso.com`)).toBe(`${'j'.repeat(64)}@contoso.com`);
  });

  it('returns null rather than throwing for values that are not strings', () => {
    expect(normalizeEmail(undefined as unknown as string)).toBeNull();
    expect(normalizeEmail(null as unknown as string)).toBeNull();
    expect(normalizeEmail(42 as unknown as string)).toBeNull();
  });
});

describe('emailDomain', () => {
  it('gives the normalised ASCII domain, or null', () => {
    expect(emailDomain('Jane@Mail.Contoso.COM')).toBe('mail.contoso.com');
    expect(emailDomain('"a@b"@bücher.de')).toBe('xn--bcher-kva.de');
    expect(emailDomain('not an address')).toBeNull();
  });
});

describe('withoutPlusTag', () => {
  it('drops the tag but leaves quoted and tag-only local parts alone', () => {
    expect(withoutPlusTag('jane+news+more@gmail.com')).toBe('jane@gmail.com');
    expect(withoutPlusTag('jane@gmail.com')).toBe('jane@gmail.com');
    expect(withoutPlusTag('+tag@gmail.com')).toBe('+tag@gmail.com');
    expect(withoutPlusTag('"jane+x"@gmail.com')).toBe('"jane+x"@gmail.com');
  });
});

describe('displayEmail', () => {
  // `bäckerei-hoffmann.de` in ASCII is `xn--bckerei-hoffmann-vnb.de`.
  const STORED = 'anna@xn--bckerei-hoffmann-vnb.de';

  it('shows an IDN domain in Unicode and leaves the local part alone', () => {
    expect(displayEmail(STORED)).toBe('anna@bäckerei-hoffmann.de');
    expect(displayEmail('li@xn--fsqu00a.xn--fiqs8s')).toBe('li@例子.中国');
    expect(displayEmail('"a@b"@xn--bcher-kva.de')).toBe('"a@b"@bücher.de');
  });

  it('round-trips with normalizeEmail: what is shown normalises back to what is stored', () => {
    for (const raw of ['Anna@Bäckerei-Hoffmann.de', 'li@例子。中国', 'José@Bücher.de', 'jane@contoso.com']) {
      const stored = normalizeEmail(raw);
      expect(stored, raw).not.toBeNull();
      expect(normalizeEmail(displayEmail(stored!)), raw).toBe(stored);
    }
    expect(displayEmail(normalizeEmail('Anna@BÄCKEREI-HOFFMANN.DE')!)).toBe('anna@bäckerei-hoffmann.de');
  });

  it('reads mixed-case punycode as the same domain', () => {
    expect(displayEmail('Anna@XN--BCKEREI-HOFFMANN-VNB.DE')).toBe('Anna@bäckerei-hoffmann.de');
    expect(displayEmail('anna@Xn--Bckerei-Hoffmann-Vnb.de')).toBe('anna@bäckerei-hoffmann.de');
  });

  it('leaves ASCII and already-Unicode addresses as they are', () => {
    expect(displayEmail('jane@contoso.com')).toBe('jane@contoso.com');
    expect(displayEmail('anna@bäckerei-hoffmann.de')).toBe('anna@bäckerei-hoffmann.de');
    expect(displayEmail('not an address')).toBe('not an address');
  });

  it('leaves labels that are not valid punycode as they are', () => {
    expect(displayEmail('x@xn--.com')).toBe('x@xn--.com');
    expect(displayEmail('x@xn--a-\u00ff.com')).toBe('x@xn--a-\u00ff.com');
    // These decode, but IDNA would never write them: a decomposed ü (not NFC) and a soft hyphen.
    expect(displayEmail('x@xn--bucher-xyd.de')).toBe('x@xn--bucher-xyd.de');
    expect(displayEmail('x@xn--bcher-0ha.de')).toBe('x@xn--bcher-0ha.de');
    expect(displayEmail('x@xn--bcher-kva.xn--99999999999999.de')).toBe('x@bücher.xn--99999999999999.de');
  });

  it('keeps look-alike domains that mix Latin and Cyrillic in punycode', () => {
    // `аpple` with a Cyrillic а.
    expect(displayEmail('billing@xn--pple-43d.com')).toBe('billing@xn--pple-43d.com');
  });
});
