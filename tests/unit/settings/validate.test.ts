import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../lib/settings/schema';
import { parseAccountKeyInput, parseOwnDomain, parseOwnEmail } from '../../../lib/settings/validate';

describe('settings input', () => {
  it('normalises the rep’s own addresses and refuses what is not one', () => {
    expect(parseOwnEmail(' Alex.Morgan@Dealside-Demo.com ')).toBe('alex.morgan@dealside-demo.com');
    expect(parseOwnEmail('alex.morgan')).toBeNull();
  });

  it('takes company domains in any usual spelling, never a free-mail provider', () => {
    expect(parseOwnDomain('@Dealside-Demo.com')).toEqual({ ok: true, domain: 'dealside-demo.com' });
    expect(parseOwnDomain('*.dealside-demo.com')).toEqual({ ok: true, domain: 'dealside-demo.com' });
    expect(parseOwnDomain('bücher.de')).toEqual({ ok: true, domain: 'xn--bcher-kva.de' });
    expect(parseOwnDomain('gmail.com')).toEqual({ ok: false, problem: 'freemail' });
    expect(parseOwnDomain('qq.com')).toEqual({ ok: false, problem: 'freemail' });
    expect(parseOwnDomain('not a domain')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('reads account keys as domains (registrable part) or free-mail addresses', () => {
    expect(parseAccountKeyInput('www.Contoso.co.uk')).toBe('contoso.co.uk');
    expect(parseAccountKeyInput('@contoso.com')).toBe('contoso.com');
    expect(parseAccountKeyInput('Jane+work@Gmail.com')).toBe('jane@gmail.com');
    expect(parseAccountKeyInput('jane@contoso.com')).toBe('jane@contoso.com');
    expect(parseAccountKeyInput('gmail.com')).toBeNull();
    expect(parseAccountKeyInput('')).toBeNull();
    expect(parseAccountKeyInput('nonsense')).toBeNull();
  });
});

describe('stored settings', () => {
  it('fall back per field, keeping the fields that are fine', () => {
    const parsed = settingsSchema.parse({
      language: 'fr',
      ownDomains: ['dealside-demo.com'],
      disabledSites: 'gmail',
      customSites: ['crm.example.com'],
      quietHours: { enabled: true, start: '25:00', end: '08:00' },
    });
    expect(parsed).toEqual({
      ...DEFAULT_SETTINGS,
      ownDomains: ['dealside-demo.com'],
      customSites: ['crm.example.com'],
    });
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
    expect(DEFAULT_SETTINGS.customSites).toEqual([]);
  });
});
