/**
 * Table-driven over every site fixture: the page is served at its real URL in real Chromium, the site's
 * content script reads it, and the panel must show the contact that the background's choice gives for
 * the fixture's expected page context (or say there is none).
 *
 * The `generic` fixtures are left out: that adapter runs only on hosts the rep adds at runtime, which
 * the manifest never lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayAccountKey } from '../../lib/contact/account-key';
import { chooseContact } from '../../lib/contact/choose-contact';
import { displayEmail } from '../../lib/contact/email';
import { launchWithExtension, panelFrame, type ExtensionBrowser } from './support/browser';
import { closeQuietly, panelSummary, panelText, servePage, siteFixtures, tabPageFor } from './support/sites';

const fixtures = siteFixtures(['generic']);

describe('site fixtures in the browser', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('covers every site the manifest lists', () => {
    expect(new Set(fixtures.map((fixture) => fixture.site))).toEqual(
      new Set([
        'dynamics',
        'gmail',
        'hubspot',
        'netease',
        'outlook',
        'pipedrive',
        'qqmail',
        'salesforce',
        'zoho',
      ]),
    );
  });

  it.each(fixtures)('$site/$name', async ({ url, html, context }) => {
    const { contact, account } = chooseContact(context, { emails: [], domains: [] });
    const unroute = await servePage(browser.context, url, html);
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      const panel = await panelFrame(page);

      if (contact) {
        // The panel shows the address as the rep reads it: an IDN domain in Unicode.
        await expect.poll(() => panelSummary(panel)).toBe(`contact ${displayEmail(contact.email)}`);
        expect(await panelText(panel, 'account-key')).toBe(displayAccountKey(contact.accountKey));
        expect(await panelText(panel, 'contact-name')).toBe(contact.name ?? null);
      } else if (account) {
        // A company or deal record keyed by its website: its account, without a person.
        await expect.poll(() => panelText(panel, 'account-key')).toBe(displayAccountKey(account.key));
        expect(await panelText(panel, 'contact-email')).toBeNull();
      } else {
        await expect.poll(() => panelSummary(panel)).toBe('none');
      }

      // What the content script read in the real browser is what the adapter reads in the unit test.
      const recorded = await tabPageFor(browser, page.url());
      expect(recorded?.page.context).toEqual(context);
    } finally {
      await closeQuietly(page);
      await unroute();
    }
  });
});
