/**
 * The panel when no person on the page is the customer: it says what could not be read, in plain words
 * and the rep's language, and lets the rep choose an address seen on the page or attach the page to an
 * existing account found by search. The choice is remembered for the page, with a way back to automatic
 * detection. A company record keyed by its website shows its account with every section.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { listAccountDeals } from '../../../lib/db/deals';
import type { Catalogue } from '../../../lib/i18n';
import type { PageContext } from '../../../lib/messaging/messages';
import { speak } from '../support/language';
import { database, openPanel, resetDatabase, showPage as showPageAt } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

/** The first search loads the background's data module: allow for a slow, busy machine. */
const SEARCH_WAIT = { timeout: 5000 };

const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2';

/** An Outlook reading pane whose header could not be read; the semantic layer saw two addresses. */
const unreadable: PageContext = {
  site: 'outlook',
  kind: 'unknown',
  participants: [
    { email: 'priya@harbour-foods.co.uk', name: 'Priya Shah', role: 'from' },
    { email: 'jane.cooper@northwind-trading.com', role: 'cc' },
  ],
  reason: 'no-message-header',
};

function showPage(context: PageContext, url = OUTLOOK_URL) {
  return showPageAt(context, url);
}

async function seedAccount(key: string, displayName: string) {
  await (await database()).put('accounts', { key, displayName, createdAt: 1, updatedAt: 5 });
}

describe('a page where Dealside could not tell who the customer is', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('says what was missing on which site, and lists the addresses seen on the page', async () => {
    await showPage(unreadable);
    openPanel();

    // The first render loads the background's modules: allow for a slow machine.
    expect(await screen.findByTestId('read-problem', {}, { timeout: 5000 })).toHaveTextContent(
      /^Outlook: no message header found$/,
    );
    expect(screen.getByText('Could not tell who this page is about')).toBeInTheDocument();
    const choices = within(screen.getByTestId('contact-choose')).getAllByRole('button');
    expect(choices.map((button) => button.dataset.email)).toEqual([
      'priya@harbour-foods.co.uk',
      'jane.cooper@northwind-trading.com',
    ]);
    expect(screen.getByTestId('attach-account')).toHaveAccessibleName('Search your accounts');
    expect(screen.queryByTestId('note-editor')).not.toBeInTheDocument();
  });

  it("says it in the rep's language", async () => {
    speak(chinese as Catalogue, 'zh-CN');
    await showPage(
      { site: 'zoho', kind: 'record', participants: [], reason: 'no-email-on-record' },
      'https://crm.zoho.com/crm/org1/tab/Contacts/42',
    );
    openPanel();

    expect(await screen.findByTestId('read-problem')).toHaveTextContent(
      /^Zoho CRM：此记录上没有邮箱地址或网站$/,
    );
    expect(screen.getByText('请输入客户的邮箱地址,或将此页面关联到你的某个客户账户。')).toBeInTheDocument();
    expect(screen.getByTestId('attach-account')).toHaveAccessibleName('搜索你的客户账户');
  });

  it('takes the address the rep chooses, remembers it for the page, and goes back to automatic detection', async () => {
    await showPage(unreadable);
    const first = openPanel();
    await userEvent.click(
      within(await screen.findByTestId('contact-choose')).getByRole('button', { name: /Priya Shah/ }),
    );
    expect(await screen.findByTestId('contact-email')).toHaveTextContent('priya@harbour-foods.co.uk');
    expect(screen.getByTestId('account-key')).toHaveTextContent('harbour-foods.co.uk');
    first.unmount();

    openPanel();
    expect(await screen.findByTestId('contact-email')).toHaveTextContent('priya@harbour-foods.co.uk');
    expect(screen.getByText('Picked by you for this page')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Not them?' }));
    await userEvent.click(screen.getByRole('button', { name: 'Back to automatic detection' }));
    expect(await screen.findByTestId('read-problem')).toBeInTheDocument();
    expect(screen.queryByTestId('contact-email')).not.toBeInTheDocument();
  });

  it('attaches the page to an account found by search, remembers it, and lets it go', async () => {
    await seedAccount('northwind-trading.com', 'Northwind Trading');
    await seedAccount('nordic-tiles.se', 'Nordic Tiles');
    await seedAccount('harbour-foods.co.uk', 'Harbour Foods');
    await showPage(unreadable);
    const first = openPanel();

    await userEvent.type(await screen.findByTestId('attach-account'), 'nor');
    const results = await screen.findAllByTestId('attach-result', {}, SEARCH_WAIT);
    expect(results.map((result) => result.dataset.accountKey).sort()).toEqual([
      'nordic-tiles.se',
      'northwind-trading.com',
    ]);
    await userEvent.click(screen.getByRole('button', { name: /Northwind Trading/ }));

    expect(await screen.findByTestId('account-key')).toHaveTextContent('northwind-trading.com');
    expect(screen.getByText('Attached to this account by you')).toBeInTheDocument();
    expect(screen.queryByTestId('contact-email')).not.toBeInTheDocument();
    expect(screen.getByTestId('stage-select')).toBeInTheDocument();
    first.unmount();

    openPanel();
    expect(await screen.findByTestId('account-key')).toHaveTextContent('northwind-trading.com');
    await userEvent.click(screen.getByRole('button', { name: 'Back to automatic detection' }));
    expect(await screen.findByTestId('read-problem')).toHaveTextContent('Outlook: no message header found');
    expect(screen.queryByTestId('account-key')).not.toBeInTheDocument();
  });

  it('says when no account matches, and when the chosen one is gone, keeping what was typed', async () => {
    await seedAccount('northwind-trading.com', 'Northwind Trading');
    await showPage(unreadable);
    openPanel();
    const search = await screen.findByTestId('attach-account');

    await userEvent.type(search, 'zzz');
    expect(await screen.findByText('No account matches “zzz”.', {}, SEARCH_WAIT)).toBeInTheDocument();

    await userEvent.clear(search);
    await userEvent.type(search, 'northwind');
    const [result] = await screen.findAllByTestId('attach-result', {}, SEARCH_WAIT);
    // Deleted in another window between the search and the click.
    await (await database()).delete('accounts', 'northwind-trading.com');
    await userEvent.click(result!);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That account no longer exists. Search again.',
    );
    expect(search).toHaveValue('northwind');
    expect(screen.getByTestId('no-contact')).toBeInTheDocument();
  });

  it('keeps an ordinary empty page quiet until the rep asks to choose', async () => {
    await showPage(
      { site: 'gmail', kind: 'list', participants: [] },
      'https://mail.google.com/mail/u/0/#inbox',
    );
    openPanel();
    expect(await screen.findByRole('status')).toHaveTextContent('No contact on this page');
    expect(screen.queryByTestId('attach-account')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Who is this page about?' }));
    expect(screen.getByTestId('attach-account')).toBeInTheDocument();
  });
});

describe('a company record keyed by its website', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('shows the account without a person, and its sections write to it', async () => {
    await showPage(
      {
        site: 'salesforce',
        kind: 'record',
        participants: [],
        title: 'Harbour Foods',
        website: 'https://www.harbour-foods.co.uk/',
      },
      'https://harbour.lightning.force.com/lightning/r/Account/001Hx/view',
    );
    openPanel();

    expect(await screen.findByTestId('account-key')).toHaveTextContent('harbour-foods.co.uk');
    // The record's own title names the account; its domain is shown once.
    expect(screen.getByRole('heading', { name: 'Harbour Foods' })).toBeInTheDocument();
    expect(screen.getAllByText('harbour-foods.co.uk')).toHaveLength(1);
    expect(screen.getByText("From the record's website")).toBeInTheDocument();
    expect(screen.queryByTestId('contact-email')).not.toBeInTheDocument();
    expect(screen.queryByTestId('no-contact')).not.toBeInTheDocument();

    await userEvent.selectOptions(await screen.findByTestId('stage-select'), 'discovery');
    await waitFor(async () =>
      expect(
        (await listAccountDeals(await database(), 'harbour-foods.co.uk')).map((deal) => deal.stageId),
      ).toEqual(['discovery']),
    );
    expect(await screen.findAllByTestId('checklist-item')).not.toHaveLength(0);
    expect(screen.getAllByTestId('spin-question').length).toBeGreaterThan(0);
    expect(screen.getByTestId('note-editor')).toBeInTheDocument();
    expect(screen.getByTestId('followup-add')).toBeInTheDocument();
  });
});
