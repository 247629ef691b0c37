// @vitest-environment node
import {
  accountKeyForDomain,
  accountKeyForEmail,
  displayAccountKey,
  isFreemailDomain,
  normalizeAccountKey,
} from '../../../lib/contact/account-key';

describe('accountKeyForEmail: company domains', () => {
  it.each([
    ['jane@contoso.com', 'contoso.com'],
    ['jane@mail.contoso.com', 'contoso.com'],
    ['jane@mail.sales.x.co.uk', 'x.co.uk'],
    ['jane@x.co.uk', 'x.co.uk'],
    ['wang@beijing.alibaba.com.cn', 'alibaba.com.cn'],
    ['bruce@sydney.contoso.com.au', 'contoso.com.au'],
    ['ana@contoso.com.br', 'contoso.com.br'],
    ['taro@tokyo.contoso.co.jp', 'contoso.co.jp'],
    ['clerk@finance.gov.uk', 'finance.gov.uk'],
  ])('%s → %s', (email, key) => {
    expect(accountKeyForEmail(email)).toBe(key);
  });

  it('is case-insensitive', () => {
    expect(accountKeyForEmail('JANE@MAIL.CONTOSO.CO.UK')).toBe('contoso.co.uk');
  });

  it('ignores plus-addressing, quoting and mailto wrapping: the key is the domain', () => {
    expect(accountKeyForEmail('jane+deals@contoso.com')).toBe('contoso.com');
    expect(accountKeyForEmail('"John.Doe"@sales.contoso.com')).toBe('contoso.com');
    expect(accountKeyForEmail('<mailto:jane@contoso.com?subject=x>')).toBe('contoso.com');
  });

  it('gives Unicode and punycode domains the same (ASCII) key', () => {
    expect(accountKeyForEmail('hans@bücher.de')).toBe('xn--bcher-kva.de');
    expect(accountKeyForEmail('hans@shop.xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
    expect(accountKeyForEmail('hans@SHOP.BÜCHER.DE')).toBe('xn--bcher-kva.de');
    expect(accountKeyForEmail('li@mail.例子.中国')).toBe('xn--fsqu00a.xn--fiqs8s');
    expect(accountKeyForEmail('li@xn--fsqu00a.xn--fiqs8s')).toBe('xn--fsqu00a.xn--fiqs8s');
  });

  it('returns null for malformed addresses', () => {
    expect(accountKeyForEmail('jane [at] contoso.com')).toBeNull();
    expect(accountKeyForEmail('jane@contoso')).toBeNull();
    expect(accountKeyForEmail('')).toBeNull();
  });
});

describe('accountKeyForEmail: freemail', () => {
  it.each([
    'gmail.com',
    'qq.com',
    '163.com',
    '126.com',
    'outlook.com',
    'foxmail.com',
    'hotmail.com',
    'yahoo.co.jp',
  ])('keys %s addresses by the full address', (domain) => {
    expect(accountKeyForEmail(`Jane.Doe@${domain.toUpperCase()}`)).toBe(`jane.doe@${domain}`);
  });

  it('treats plus-tagged freemail addresses as one account', () => {
    expect(accountKeyForEmail('jane+crm@gmail.com')).toBe('jane@gmail.com');
    expect(accountKeyForEmail('jane+crm@gmail.com')).toBe(accountKeyForEmail('jane@gmail.com'));
  });

  it('keeps a provider subdomain in the key', () => {
    expect(accountKeyForEmail('li@vip.qq.com')).toBe('li@vip.qq.com');
  });

  it('keeps quoted freemail local parts intact', () => {
    expect(accountKeyForEmail('"jane+x"@gmail.com')).toBe('"jane+x"@gmail.com');
  });
});

describe('isFreemailDomain', () => {
  it('knows the big providers, including Chinese ones', () => {
    for (const domain of [
      'gmail.com',
      'qq.com',
      '163.com',
      '126.com',
      'outlook.com',
      'foxmail.com',
      'GMAIL.COM',
    ]) {
      expect(isFreemailDomain(domain)).toBe(true);
    }
  });

  it('counts subdomains of a provider', () => {
    expect(isFreemailDomain('vip.qq.com')).toBe(true);
    expect(isFreemailDomain('mail.yahoo.co.jp')).toBe(true);
  });

  it('is false for companies and junk', () => {
    for (const domain of ['contoso.com', 'bücher.de', 'alibaba.com.cn', '', 'not a domain', 'gmail']) {
      expect(isFreemailDomain(domain)).toBe(false);
    }
  });
});

describe('accountKeyForEmail: aliases', () => {
  it('follows an alias to the merged account', () => {
    const aliases = { 'contoso.co.uk': 'contoso.com' };
    expect(accountKeyForEmail('jane@mail.contoso.co.uk', { aliases })).toBe('contoso.com');
    expect(accountKeyForEmail('jane@contoso.com', { aliases })).toBe('contoso.com');
    expect(accountKeyForEmail('jane@fabrikam.com', { aliases })).toBe('fabrikam.com');
  });

  it('follows chains', () => {
    const aliases = { 'contoso.de': 'contoso.co.uk', 'contoso.co.uk': 'contoso.com' };
    expect(accountKeyForEmail('jane@contoso.de', { aliases })).toBe('contoso.com');
  });

  it('merges a freemail person into a company account', () => {
    const aliases = { 'jane@gmail.com': 'contoso.com' };
    expect(accountKeyForEmail('Jane+x@gmail.com', { aliases })).toBe('contoso.com');
    expect(accountKeyForEmail('bob@gmail.com', { aliases })).toBe('bob@gmail.com');
  });

  it('survives cycles, resolving every member of the loop to the same key', () => {
    const aliases = { 'a-corp.com': 'b-corp.com', 'b-corp.com': 'c-corp.com', 'c-corp.com': 'a-corp.com' };
    const keys = ['a-corp.com', 'b-corp.com', 'c-corp.com'].map((domain) =>
      accountKeyForEmail(`jane@${domain}`, { aliases }),
    );
    expect(keys).toEqual(['a-corp.com', 'a-corp.com', 'a-corp.com']);
    expect(accountKeyForEmail('jane@contoso.com', { aliases: { 'contoso.com': 'contoso.com' } })).toBe(
      'contoso.com',
    );
    // A chain leading into a loop ends in the loop's key.
    expect(
      accountKeyForEmail('jane@d-corp.com', { aliases: { ...aliases, 'd-corp.com': 'b-corp.com' } }),
    ).toBe('a-corp.com');
  });

  it('accepts hand-typed, Unicode and subdomain spellings in the alias map', () => {
    expect(accountKeyForEmail('hans@xn--bcher-kva.de', { aliases: { 'Bücher.DE': 'Contoso.com' } })).toBe(
      'contoso.com',
    );
    expect(
      accountKeyForEmail('jane@contoso.co.uk', { aliases: { 'mail.contoso.co.uk': 'contoso.com' } }),
    ).toBe('contoso.com');
  });

  it('ignores inherited object keys', () => {
    expect(accountKeyForEmail('jane@constructor.com', { aliases: {} })).toBe('constructor.com');
    expect(
      accountKeyForEmail('jane@gmail.com', { aliases: Object.create({ 'jane@gmail.com': 'x.com' }) }),
    ).toBe('jane@gmail.com');
  });
});

describe('accountKeyForDomain', () => {
  it('gives the company key for a domain, and null for freemail or junk', () => {
    expect(accountKeyForDomain('Sales.Contoso.co.uk')).toBe('contoso.co.uk');
    expect(accountKeyForDomain('@contoso.com')).toBe('contoso.com');
    expect(accountKeyForDomain('*.contoso.com')).toBe('contoso.com');
    expect(accountKeyForDomain('bücher.de')).toBe('xn--bcher-kva.de');
    expect(accountKeyForDomain('gmail.com')).toBeNull();
    expect(accountKeyForDomain('not a domain')).toBeNull();
    expect(accountKeyForDomain('contoso.co.uk', { aliases: { 'contoso.co.uk': 'contoso.com' } })).toBe(
      'contoso.com',
    );
  });
});

describe('normalizeAccountKey', () => {
  it('brings any spelling of a key into stored form', () => {
    expect(normalizeAccountKey(' Mail.Contoso.COM ')).toBe('contoso.com');
    expect(normalizeAccountKey('bücher.de')).toBe('xn--bcher-kva.de');
    expect(normalizeAccountKey('Jane+x@Gmail.com')).toBe('jane@gmail.com');
    // A company address stays an address: it must not stand for the whole domain.
    expect(normalizeAccountKey('Bob@Contoso.com')).toBe('bob@contoso.com');
  });
});

describe('displayAccountKey', () => {
  it('shows IDN domains in Unicode', () => {
    expect(displayAccountKey('xn--bcher-kva.de')).toBe('bücher.de');
    expect(displayAccountKey('xn--fsqu00a.xn--fiqs8s')).toBe('例子.中国');
    expect(displayAccountKey(accountKeyForEmail('li@例子.中国') ?? '')).toBe('例子.中国');
    expect(displayAccountKey('li@xn--fsqu00a.xn--fiqs8s')).toBe('li@例子.中国');
  });

  it('leaves ASCII keys and freemail addresses as they are', () => {
    expect(displayAccountKey('contoso.co.uk')).toBe('contoso.co.uk');
    expect(displayAccountKey('jane@gmail.com')).toBe('jane@gmail.com');
    expect(displayAccountKey('"a@b"@gmail.com')).toBe('"a@b"@gmail.com');
  });

  it('shows a malformed stored key as stored instead of throwing', () => {
    expect(displayAccountKey('xn--a-\u00ff.com')).toBe('xn--a-\u00ff.com');
  });
});
