/**
 * Reading health: pages of supported sites that could not be read are kept locally, deduplicated, capped,
 * with only the page's origin and path; only the extension's own pages may read or clear them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearReadFailures,
  listReadFailures,
  MAX_FAILURES,
  MAX_FAILURES_PER_SITE,
  MAX_PATH_LENGTH,
  pagePath,
  recordReadFailure,
} from '../../../lib/background/read-failures';
import type { PageContext } from '../../../lib/messaging/messages';
import { READ_FAILURES, READ_PROBLEMS } from '../../../lib/messaging/page-context';
import { unknownPage } from '../../../lib/sites/types';

type Listener = (message: { data: unknown; sender: unknown }) => unknown;
const registered = vi.hoisted(() => new Map<string, Listener>());

vi.mock('@/lib/messaging/messenger', () => ({
  sendMessage: async () => undefined,
  onMessage: (type: string, listener: Listener) => {
    registered.set(type, listener);
    return () => registered.delete(type);
  },
}));

const { registerHandlers } = await import('../../../lib/background/router');
const { handlers } = await import('../../../lib/background/handlers');

const OUTLOOK_PANE =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJmJr3Do';
const noHeader = (site = 'outlook'): PageContext => unknownPage(site, 'no-message-header');

beforeEach(async () => {
  await clearReadFailures();
});

describe('pagePath', () => {
  it('keeps origin and path, and drops query, fragment and user info', () => {
    expect(pagePath('https://outlook.office.com/mail/inbox/id/AAQk?search=acme%20pricing#reply')).toBe(
      'https://outlook.office.com/mail/inbox/id/AAQk',
    );
    expect(pagePath('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWjkLrTqVbKp')).toBe(
      'https://mail.google.com/mail/u/0/',
    );
    expect(pagePath('https://rep:secret@crm.example.com/contact/1?token=abc')).toBe(
      'https://crm.example.com/contact/1',
    );
  });

  it('cuts long paths and refuses what is not a web page', () => {
    const long = pagePath(`https://outlook.office.com/mail/${'a'.repeat(1000)}`);
    expect(long).toHaveLength(MAX_PATH_LENGTH + 1);
    expect(long?.endsWith('…')).toBe(true);
    expect(pagePath('not a url')).toBeNull();
    expect(pagePath('chrome-extension://abc/options.html')).toBeNull();
  });
});

describe('recordReadFailure', () => {
  it('records a supported site’s page with a read-failure reason: site, reason, path, when, count', async () => {
    expect(await recordReadFailure(`${OUTLOOK_PANE}?q=invoice#x`, noHeader(), 1_000)).toBe(true);
    expect(await listReadFailures()).toEqual([
      {
        site: 'outlook',
        reason: 'no-message-header',
        path: OUTLOOK_PANE,
        firstAt: 1_000,
        lastAt: 1_000,
        count: 1,
      },
    ]);
  });

  it('records every READ_FAILURES reason, read-failed included, and none of the ordinary empty pages', async () => {
    for (const reason of READ_PROBLEMS) {
      await recordReadFailure(`${OUTLOOK_PANE}/${reason}`, unknownPage('outlook', reason), 1_000);
    }
    expect((await listReadFailures()).map((failure) => failure.reason).sort()).toEqual(
      [...READ_FAILURES].sort(),
    );
    expect(READ_FAILURES).toContain('read-failed');
  });

  it('ignores reports without a reason, custom sites and pages the named site does not claim', async () => {
    expect(await recordReadFailure(OUTLOOK_PANE, { site: 'outlook', kind: 'thread', participants: [] })).toBe(
      false,
    );
    expect(await recordReadFailure('https://crm.example.com/contacts/1', noHeader('generic'))).toBe(false);
    // A page claiming to be Outlook on another host, or Outlook's calendar, is not an Outlook mail page.
    expect(await recordReadFailure('https://outlook.com.evil.example/mail/', noHeader())).toBe(false);
    expect(await recordReadFailure('https://outlook.office.com/calendar/view/week', noHeader())).toBe(false);
    expect(await recordReadFailure(OUTLOOK_PANE, noHeader('not-a-site'))).toBe(false);
    expect(await listReadFailures()).toEqual([]);
  });

  it('counts a repeat of the same site, reason and path once, moving it to the top', async () => {
    const record = 'https://northwind.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAZ/view';
    await recordReadFailure(`${OUTLOOK_PANE}?a=1`, noHeader(), 1_000);
    await recordReadFailure(record, unknownPage('salesforce', 'no-email-on-record'), 2_000);
    await recordReadFailure(`${OUTLOOK_PANE}?a=2#other`, noHeader(), 3_000);
    await recordReadFailure(OUTLOOK_PANE, unknownPage('outlook', 'read-failed'), 2_500);

    const failures = await listReadFailures();
    expect(failures.map((failure) => [failure.site, failure.reason, failure.count])).toEqual([
      ['outlook', 'no-message-header', 2],
      ['outlook', 'read-failed', 1],
      ['salesforce', 'no-email-on-record', 1],
    ]);
    expect(failures[0]).toMatchObject({ firstAt: 1_000, lastAt: 3_000 });
  });

  it('keeps the newest few per site and a cap over all', async () => {
    for (let index = 0; index < MAX_FAILURES_PER_SITE + 5; index += 1) {
      await recordReadFailure(`${OUTLOOK_PANE}/${index}`, noHeader(), 1_000 + index);
    }
    const outlook = await listReadFailures();
    expect(outlook).toHaveLength(MAX_FAILURES_PER_SITE);
    expect(outlook[0]?.path).toBe(`${OUTLOOK_PANE}/${MAX_FAILURES_PER_SITE + 4}`);
    expect(outlook.at(-1)?.path).toBe(`${OUTLOOK_PANE}/5`);

    const hosts: [string, string][] = [
      ['gmail', 'https://mail.google.com/mail/u/0/'],
      ['salesforce', 'https://acme.lightning.force.com/lightning/r/Contact/'],
      ['hubspot', 'https://app.hubspot.com/contacts/123/record/0-1/'],
      ['pipedrive', 'https://acme.pipedrive.com/person/'],
      ['zoho', 'https://crm.zoho.com/crm/org1/tab/Contacts/'],
      ['dynamics', 'https://acme.crm.dynamics.com/main.aspx/'],
      ['netease', 'https://mail.163.com/js6/main.jsp/'],
    ];
    let at = 10_000;
    for (const [site, base] of hosts) {
      for (let index = 0; index < MAX_FAILURES_PER_SITE; index += 1) {
        await recordReadFailure(`${base}${index}`, unknownPage(site, 'read-failed'), (at += 1));
      }
    }
    const all = await listReadFailures();
    // 70 newer failures over seven sites: the 60 newest stay, Outlook's and then Gmail's (the oldest) go.
    expect(all).toHaveLength(MAX_FAILURES);
    const counts = new Map<string, number>();
    for (const failure of all) counts.set(failure.site, (counts.get(failure.site) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([
      'dynamics',
      'hubspot',
      'netease',
      'pipedrive',
      'salesforce',
      'zoho',
    ]);
    expect([...counts.values()]).toEqual(Array(6).fill(MAX_FAILURES_PER_SITE));
    expect(all[0]?.site).toBe('netease');
  });

  it('keeps every entry when two tabs fail at once', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        recordReadFailure(`${OUTLOOK_PANE}/${index}`, noHeader(), 1_000),
      ),
    );
    expect(await listReadFailures()).toHaveLength(6);
  });

  it('reads a damaged store as empty, and drops only the damaged entries', async () => {
    await fakeBrowser.storage.local.set({ readFailures: 'garbage' });
    expect(await listReadFailures()).toEqual([]);
    await fakeBrowser.storage.local.set({
      readFailures: [
        { site: 'outlook' },
        { site: 'outlook', reason: 'no-message-header', path: 'p', firstAt: 1, lastAt: 1, count: 1 },
      ],
    });
    expect(await listReadFailures()).toEqual([
      { site: 'outlook', reason: 'no-message-header', path: 'p', firstAt: 1, lastAt: 1, count: 1 },
    ]);
  });
});

describe('messages', () => {
  registerHandlers(handlers);
  const ownId = () => fakeBrowser.runtime.id;
  const optionsPage = () => ({ id: ownId(), url: `chrome-extension://${ownId()}/options.html`, frameId: 0 });
  const contentScript = (url = OUTLOOK_PANE) => ({ id: ownId(), url, tab: { id: 7 }, frameId: 0 });

  function send(type: string, data: unknown, sender: unknown): Promise<unknown> {
    const listener = registered.get(type);
    if (!listener) throw new Error(`no listener for ${type}`);
    return Promise.resolve().then(() => listener({ data, sender }));
  }

  it('a content script’s report of an unreadable page is recorded; options lists it with the site’s name', async () => {
    await send('reportPage', { context: noHeader() }, contentScript());
    await vi.waitFor(async () => expect(await listReadFailures()).toHaveLength(1));
    expect(await send('listReadFailures', {}, optionsPage())).toEqual([
      expect.objectContaining({
        site: 'outlook',
        siteName: 'Outlook',
        reason: 'no-message-header',
        path: OUTLOOK_PANE,
      }),
    ]);
  });

  it('only the extension’s own pages may read or clear the list', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await recordReadFailure(OUTLOOK_PANE, noHeader());
    for (const type of ['listReadFailures', 'clearReadFailures']) {
      await expect(send(type, {}, contentScript())).rejects.toThrow(/not accepted from this sender/);
      await expect(
        send(type, {}, { id: 'another-extension', url: 'chrome-extension://another-extension/options.html' }),
      ).rejects.toThrow(/not accepted from this sender/);
    }
    expect(await listReadFailures()).toHaveLength(1);
    await send('clearReadFailures', {}, optionsPage());
    expect(await listReadFailures()).toEqual([]);
    expect(await send('listReadFailures', {}, optionsPage())).toEqual([]);
  });
});
