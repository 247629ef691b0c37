import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '../../../lib/background/db-connection';
import { readSettings } from '../../../lib/background/settings-store';
import { listNotes, saveNoteEdit } from '../../../lib/db/notes';
import { installFakeHostAccess, type FakeHostAccess } from '../support/fake-host-access';
import { resetDatabase } from '../support/database';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const { SettingsSection } = await import('../../../components/options/SettingsSection');

let hostAccess: FakeHostAccess;

async function renderSettings() {
  render(<SettingsSection />);
  await screen.findByTestId('settings-language');
}

describe('SettingsSection', () => {
  beforeEach(async () => {
    await resetDatabase();
    hostAccess = installFakeHostAccess();
    // Chrome reports whether notifications are allowed; the fake browser has no notifications at all.
    Object.assign(fakeBrowser, {
      notifications: { create: async () => '', getPermissionLevel: async () => 'granted' },
    });
  });

  it('chooses the interface language', async () => {
    await renderSettings();
    await userEvent.selectOptions(screen.getByTestId('settings-language'), 'zh-CN');
    await waitFor(async () => expect((await readSettings()).language).toBe('zh-CN'));
  });

  it('saves the rep’s name for email templates, trimmed', async () => {
    await renderSettings();
    const field = screen.getByTestId('settings-sender-name');
    await userEvent.type(field, '  王小明 (Alex Wang) {enter}');
    await waitFor(async () => expect((await readSettings()).senderName).toBe('王小明 (Alex Wang)'));
    expect(screen.getByText('Saved')).toBeInTheDocument();
  });

  it('switches a supported site off and on', async () => {
    await renderSettings();
    const gmail = screen
      .getAllByTestId('site-switch')
      .find((item) => item.getAttribute('data-site-id') === 'gmail')!;
    expect(gmail).toBeChecked();
    await userEvent.click(gmail);
    await waitFor(async () => expect((await readSettings()).disabledSites).toEqual(['gmail']));
    expect(gmail).not.toBeChecked();
    expect(within(screen.getByTestId('supported-sites')).getByRole('status')).toHaveTextContent(
      'Gmail is off',
    );
    await userEvent.click(gmail);
    await waitFor(async () => expect((await readSettings()).disabledSites).toEqual([]));
  });

  it('adds the rep’s own addresses and domains, checking each', async () => {
    await renderSettings();
    const emails = within(screen.getByTestId('own-emails'));
    await userEvent.type(emails.getByTestId('own-emails-input'), 'alex.morgan{Enter}');
    expect(emails.getByRole('alert')).toHaveTextContent('That is not an email address.');
    expect(emails.getByTestId('own-emails-input')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(emails.getByTestId('own-emails-input'));
    await userEvent.type(emails.getByTestId('own-emails-input'), 'Alex.Morgan@Dealside-Demo.com');
    await userEvent.click(emails.getByTestId('own-emails-add'));
    await waitFor(() =>
      expect(emails.getByTestId('own-emails-item')).toHaveTextContent('alex.morgan@dealside-demo.com'),
    );

    const domains = within(screen.getByTestId('own-domains'));
    await userEvent.type(domains.getByTestId('own-domains-input'), 'gmail.com{Enter}');
    expect(domains.getByRole('alert')).toHaveTextContent('free email provider');
    await userEvent.clear(domains.getByTestId('own-domains-input'));
    await userEvent.type(domains.getByTestId('own-domains-input'), '@dealside-group.com{Enter}');
    await waitFor(() =>
      expect(domains.getByTestId('own-domains-item')).toHaveTextContent('dealside-group.com'),
    );
    expect(await readSettings()).toMatchObject({
      ownEmails: ['alex.morgan@dealside-demo.com'],
      ownDomains: ['dealside-group.com'],
    });
    await userEvent.click(domains.getByRole('button', { name: 'Remove dealside-group.com' }));
    await waitFor(async () => expect((await readSettings()).ownDomains).toEqual([]));
  });

  it('adds a custom CRM site after the browser grants access, and removes it', async () => {
    await renderSettings();
    const sites = within(screen.getByTestId('custom-sites'));
    await userEvent.type(sites.getByTestId('custom-site-input'), 'http://crm.example.com');
    await userEvent.click(sites.getByTestId('custom-site-add'));
    expect(sites.getByTestId('custom-site-error')).toHaveTextContent('Only secure (https) sites');

    hostAccess.answer = false;
    await userEvent.clear(sites.getByTestId('custom-site-input'));
    await userEvent.type(sites.getByTestId('custom-site-input'), 'crm.northwind-intranet.example.com');
    await userEvent.click(sites.getByTestId('custom-site-add'));
    await waitFor(() => expect(sites.getByTestId('custom-site-error')).toHaveTextContent('was not allowed'));
    expect(hostAccess.scripts.size).toBe(0);

    hostAccess.answer = true;
    await userEvent.click(sites.getByTestId('custom-site-add'));
    await waitFor(() =>
      expect(sites.getByTestId('custom-site')).toHaveAttribute(
        'data-host',
        'crm.northwind-intranet.example.com',
      ),
    );
    expect(sites.getByTestId('custom-site')).toHaveTextContent('Active');
    expect([...hostAccess.scripts.keys()]).toEqual(['custom-crm.northwind-intranet.example.com']);

    await userEvent.click(sites.getByTestId('custom-site-remove'));
    await waitFor(() => expect(sites.queryByTestId('custom-site')).toBeNull());
    expect(hostAccess.granted.size).toBe(0);
  });

  it('merges two accounts after confirmation', async () => {
    await saveNoteEdit(
      await database(),
      { id: 'n1', accountKey: 'contoso.co.uk', kind: 'note', body: 'Quote', baseRevision: null },
      1,
      () => 'x',
    );
    await renderSettings();
    const merge = within(screen.getByTestId('account-aliases'));
    await userEvent.type(merge.getByTestId('merge-from'), 'contoso.co.uk');
    await userEvent.type(merge.getByTestId('merge-into'), 'contoso.com');
    await userEvent.click(merge.getByTestId('merge-check'));
    expect(await listNotes(await database(), 'contoso.com')).toEqual([]);
    await userEvent.click(merge.getByTestId('merge-confirm'));
    await waitFor(() =>
      expect(merge.getByTestId('merge-status')).toHaveTextContent(
        'contoso.co.uk merged into contoso.com: 1 notes',
      ),
    );
    expect(merge.getByTestId('alias-item')).toHaveTextContent('contoso.co.uk → contoso.com');
    expect((await listNotes(await database(), 'contoso.com')).map((note) => note.body)).toEqual(['Quote']);
  });

  it('says why reminders are off, and holds them in quiet hours', async () => {
    await renderSettings();
    await waitFor(() => expect(screen.getByTestId('reminders-status')).toHaveTextContent('Reminders are on'));
    await userEvent.click(screen.getByTestId('reminders-switch'));
    await waitFor(() =>
      expect(screen.getByTestId('reminders-status')).toHaveTextContent(
        'Reminders are off: you switched them off',
      ),
    );
    await userEvent.click(screen.getByTestId('reminders-switch'));
    await userEvent.click(screen.getByTestId('quiet-switch'));
    await waitFor(async () => expect((await readSettings()).quietHours.enabled).toBe(true));
  });

  it("follows the region's weekend, or seven checkboxes of the rep's own", async () => {
    await renderSettings();
    const setting = screen.getByTestId('weekend-setting');
    const region = within(setting).getByTestId('weekend-region');
    expect(region).toBeChecked();
    expect(region).toHaveAccessibleName(/Use my region's weekend \(.+\)/);
    const days = within(setting).getAllByTestId('weekend-day');
    expect(days).toHaveLength(7);
    expect(days.map((day) => day.getAttribute('data-day'))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(days[0]).toHaveAccessibleName('Monday');
    for (const day of days) expect(day).toBeDisabled();

    await userEvent.click(within(setting).getByTestId('weekend-custom'));
    await waitFor(async () => expect((await readSettings()).weekendDays).not.toBeNull());
    const custom = (await readSettings()).weekendDays!;
    const friday = within(setting).getAllByTestId('weekend-day')[4]!;
    await waitFor(() => expect(friday).toBeEnabled());
    if (!custom.includes(5)) await userEvent.click(friday);
    const sunday = within(setting).getAllByTestId('weekend-day')[6]!;
    if (custom.includes(7)) await userEvent.click(sunday);
    await waitFor(async () => expect((await readSettings()).weekendDays).toEqual([5, 6]));

    await userEvent.click(region);
    await waitFor(async () => expect((await readSettings()).weekendDays).toBeNull());
  });
});
