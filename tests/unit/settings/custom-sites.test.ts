import { describe, expect, it } from 'vitest';
import {
  customSiteMatchPattern,
  customSiteScriptId,
  hostsOverlap,
  parseCustomSiteHost,
  patternHost,
} from '../../../lib/settings/custom-sites';
import { allSiteMatches } from '../../../lib/sites/registry';

const supportedPatterns = allSiteMatches();

describe('custom site hosts', () => {
  it.each([
    ['crm.northwind-intranet.example.com', 'crm.northwind-intranet.example.com'],
    ['  CRM.Example.com  ', 'crm.example.com'],
    ['https://crm.example.com', 'crm.example.com'],
    ['https://crm.example.com/', 'crm.example.com'],
    ['https://crm.example.com/*', 'crm.example.com'],
    ['https://crm.example.com/customers/42?tab=1#notes', 'crm.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://*.crm.example.co.uk/*', '*.crm.example.co.uk'],
    ['crm.bücher.de', 'crm.xn--bcher-kva.de'],
  ])('reads %j as %j', (input, host) => {
    expect(parseCustomSiteHost(input, { supportedPatterns })).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['http://crm.example.com', 'not-https'],
    ['ftp://crm.example.com', 'not-https'],
    ['https://crm.example.com:8443/', 'port'],
    ['crm.*.example.com', 'wildcard'],
    ['*crm.example.com', 'wildcard'],
    ['*.*.example.com', 'wildcard'],
    ['https://user@crm.example.com/', 'invalid'],
    ['localhost', 'invalid'],
    ['192.168.1.20', 'invalid'],
    ['crm example com', 'invalid'],
    ['*.com', 'too-broad'],
    ['*.co.uk', 'too-broad'],
    ['co.uk', 'invalid'],
    ['mail.google.com', 'supported'],
    ['https://mail.google.com/mail/u/0/', 'supported'],
    ['*.google.com', 'supported'],
    ['acme.my.salesforce.com', 'supported'],
    ['*.pipedrive.com', 'supported'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(parseCustomSiteHost(input, { supportedPatterns })).toEqual({ ok: false, problem });
  });

  it('refuses a host already added', () => {
    expect(parseCustomSiteHost('crm.example.com', { existing: ['crm.example.com'] })).toEqual({
      ok: false,
      problem: 'duplicate',
    });
  });

  it('builds the permission origin, the script id and checks stored hosts', () => {
    expect(customSiteMatchPattern('*.example.com')).toBe('https://*.example.com/*');
    expect(customSiteScriptId('crm.example.com')).toBe('custom-crm.example.com');
    expect(patternHost('https://*.pipedrive.com/*')).toBe('*.pipedrive.com');
  });

  it('knows when two hosts can match the same page', () => {
    expect(hostsOverlap('*.example.com', 'crm.example.com')).toBe(true);
    expect(hostsOverlap('crm.example.com', '*.example.com')).toBe(true);
    expect(hostsOverlap('*.example.com', 'example.com')).toBe(true);
    expect(hostsOverlap('crm.example.com', 'crm2.example.com')).toBe(false);
    expect(hostsOverlap('*.ample.com', 'example.com')).toBe(false);
  });
});
