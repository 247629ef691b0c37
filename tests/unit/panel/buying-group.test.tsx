/**
 * The panel's buying group against the real background (in process): who is listed and how, roles set
 * by mouse and keyboard, the roles still unknown, a refused save, and the checklist's role hints.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BuyingGroupSection } from '../../../components/panel/BuyingGroupSection';
import { ChecklistSection } from '../../../components/panel/ChecklistSection';
import { ensureAccount, listAccountContacts } from '../../../lib/db/accounts';
import { changeDealStage } from '../../../lib/db/deals';
import { contactRecordSchema } from '../../../lib/db/records';
import type { PageContext } from '../../../lib/messaging/messages';
import { ACCOUNT_KEY, SectionHarness, database, resetDatabase, showPage } from './section-harness';

vi.mock(
  '@/lib/messaging/messenger',
  async () => (await import('../support/in-process-messenger')).inProcessMessenger,
);

const JANE = 'jane.cooper@northwind-trading.com';
const TOM = 'tom.becker@northwind-trading.com';
const SAM = 'sam.okafor@northwind-trading.com';
const DAY = 86_400_000;

/** Jane Cooper's thread, copied to Tom Becker and to someone of another company. */
const THREAD: PageContext = {
  site: 'gmail',
  kind: 'thread',
  title: 'Pilot scope',
  participants: [
    { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    { email: JANE, name: 'Jane Cooper', role: 'from', order: 1 },
    { email: TOM, name: 'Tom Becker', role: 'cc', order: 1 },
    { email: 'klaus.richter@acme-robotics.de', name: 'Klaus Richter', role: 'cc', order: 1 },
  ],
};

/** The account's one deal, in `stageId`. */
async function seedStage(stageId: string): Promise<void> {
  await changeDealStage(await database(), { accountKey: ACCOUNT_KEY, stageId, proposals: [] }, 1000, () =>
    crypto.randomUUID(),
  );
}

/** Someone of the account the rep worked with on another page, `daysAgo` days ago. */
async function seedSeenPerson(email: string, daysAgo: number, name?: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(['accounts', 'contacts'], 'readwrite');
  await ensureAccount(
    { accounts: tx.objectStore('accounts'), contacts: tx.objectStore('contacts') },
    ACCOUNT_KEY,
    Date.now() - daysAgo * DAY,
    {
      email,
      accountKey: ACCOUNT_KEY,
      ...(name ? { name } : {}),
      lastSeenUrl: 'https://northwind.my.salesforce.com/lightning/r/Contact/003/view',
    },
  );
  await tx.done;
}

const item = (email: string) =>
  screen.getAllByTestId('person-item').find((candidate) => candidate.dataset.email === email)!;
const roleBox = (email: string, role: string) =>
  within(item(email))
    .getAllByTestId('person-role')
    .find((box) => box.dataset.role === role) as HTMLInputElement;
const storedRoles = async (email: string) =>
  (await listAccountContacts(await database(), ACCOUNT_KEY)).find((person) => person.email === email)?.roles;

function renderSections() {
  return render(<SectionHarness sections={[ChecklistSection, BuyingGroupSection]} />);
}

beforeEach(async () => {
  await resetDatabase();
  await showPage(THREAD, 'https://mail.google.com/mail/u/0/#inbox/x');
});

describe('the buying group', () => {
  it('lists the person on screen, the rest of the page, then people seen before, each once', async () => {
    await seedSeenPerson(SAM, 3, 'Sam Okafor');
    await seedSeenPerson('ops@northwind-trading.com', 20);
    // Jane was stored earlier too: she is listed once, as the person on screen.
    await seedSeenPerson(JANE, 1);
    renderSections();

    await waitFor(() => expect(screen.getAllByTestId('person-item')).toHaveLength(4));
    expect(screen.getAllByTestId('person-item').map((row) => row.dataset.email)).toEqual([
      JANE,
      TOM,
      SAM,
      'ops@northwind-trading.com',
    ]);
    expect(item(JANE)).toHaveAttribute('aria-current', 'true');
    expect(item(JANE)).toHaveTextContent('Jane Cooper');
    expect(item(JANE)).toHaveTextContent('on screen');
    expect(item(TOM)).toHaveTextContent('on this page');
    expect(item(SAM)).toHaveTextContent('last seen 3 days ago on northwind.my.salesforce.com');
    expect(item('ops@northwind-trading.com')).toHaveTextContent('last seen 2 weeks ago');
    // The other company's person on the thread is not of this account.
    expect(screen.getAllByTestId('person-item').map((row) => row.dataset.email)).not.toContain(
      'klaus.richter@acme-robotics.de',
    );
    // Every role is a labelled checkbox in a group named for the person.
    const group = within(item(TOM)).getByRole('group', { name: 'Roles of Tom Becker' });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('data-role')),
    ).toEqual(['decision-maker', 'economic-buyer', 'champion', 'influencer', 'user', 'blocker', 'other']);
    expect(within(group).getByRole('checkbox', { name: 'economic buyer' })).not.toBeChecked();
  });

  it('sets roles by click and by keyboard, stores them, and shrinks the roles still unknown', async () => {
    await seedStage('negotiation');
    renderSections();
    const missing = await screen.findByTestId('roles-missing');
    expect(missing).toHaveTextContent('Still unknown: decision maker, economic buyer, influencer');

    await userEvent.click(roleBox(JANE, 'decision-maker'));
    await waitFor(() =>
      expect(screen.getByTestId('roles-missing')).toHaveTextContent(
        'Still unknown: economic buyer, influencer',
      ),
    );
    await waitFor(async () => expect(await storedRoles(JANE)).toEqual(['decision-maker']));

    roleBox(TOM, 'influencer').focus();
    await userEvent.keyboard(' ');
    await userEvent.click(roleBox(TOM, 'economic-buyer'));
    await waitFor(() => expect(screen.queryByTestId('roles-missing')).not.toBeInTheDocument());
    await waitFor(async () => expect(await storedRoles(TOM)).toEqual(['economic-buyer', 'influencer']));
    expect(roleBox(TOM, 'influencer')).toBeChecked();

    // Taking a role back stores that too, and the role is unknown again.
    await userEvent.click(roleBox(JANE, 'decision-maker'));
    await waitFor(() =>
      expect(screen.getByTestId('roles-missing')).toHaveTextContent('Still unknown: decision maker'),
    );
    await waitFor(async () => expect(await storedRoles(JANE)).toBeUndefined());
  });

  it('says nothing is missing before the deal has a stage', async () => {
    renderSections();
    await screen.findAllByTestId('person-item');
    expect(screen.queryByTestId('roles-missing')).not.toBeInTheDocument();
  });

  it('shows a refused save beside the person and takes the toggle back', async () => {
    // Tom's row was filed under another account (an import, say): the background refuses his roles here.
    const db = await database();
    await db.put(
      'contacts',
      contactRecordSchema.parse({ email: TOM, accountKey: 'other.example', createdAt: 1, updatedAt: 1 }),
    );
    renderSections();
    await screen.findAllByTestId('person-item');
    await userEvent.click(roleBox(TOM, 'champion'));
    const alert = await within(item(TOM)).findByRole('alert');
    expect(alert).toHaveTextContent(/^Roles not saved: .*belongs to the account other\.example/);
    await waitFor(() => expect(roleBox(TOM, 'champion')).not.toBeChecked());
    expect(within(item(TOM)).getByRole('group')).toHaveAccessibleDescription(alert.textContent!);
  });

  it('shortens a long list, and shows it whole on request', async () => {
    for (let index = 0; index < 7; index++)
      await seedSeenPerson(`person${index}@northwind-trading.com`, index + 1);
    renderSections();
    await waitFor(() => expect(screen.getAllByTestId('person-item')).toHaveLength(6));
    await userEvent.click(screen.getByRole('button', { name: 'Show all 9 people' }));
    expect(screen.getAllByTestId('person-item')).toHaveLength(9);
    await userEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(screen.getAllByTestId('person-item')).toHaveLength(6);
  });
});

describe('checklist items that need a role', () => {
  it('say whether someone holds the role, and who', async () => {
    await seedStage('negotiation');
    renderSections();
    const confirm = await screen.findByText('Decision-maker and signatory confirmed');
    const checkbox = within(confirm.closest('li')!).getByRole('checkbox');
    expect(checkbox).toHaveAccessibleDescription('decision maker: nobody known yet');
    // Items about no role have no hint.
    const procurement = screen.getByText('Procurement and legal steps known, with owners and dates');
    expect(within(procurement.closest('li')!).getByRole('checkbox')).not.toHaveAccessibleDescription();

    await userEvent.click(roleBox(JANE, 'decision-maker'));
    await userEvent.click(roleBox(TOM, 'decision-maker'));
    await waitFor(() =>
      expect(checkbox).toHaveAccessibleDescription('decision maker known: Jane Cooper, Tom Becker'),
    );
  });
});
