/**
 * The options list of pages that could not be read, against the real background store: each row names
 * the site, the reason in plain words in the rep's language, the path and when; clearing empties it.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import english from '../../../public/_locales/en/messages.json';
import {
  clearReadFailures,
  listReadFailures,
  recordReadFailure,
} from '../../../lib/background/read-failures';
import type { Catalogue } from '../../../lib/i18n';
import { READ_FAILURES } from '../../../lib/messaging/page-context';
import { unknownPage } from '../../../lib/sites/types';
import { speak } from '../support/language';

// Only the transport is replaced: the messages reach the real background handlers' functions.
vi.mock('@/lib/messaging/messenger', () => ({
  onMessage: () => () => undefined,
  sendMessage: async (type: string) => {
    const handlers = await import('../../../lib/background/handlers/options-settings');
    if (type === 'listReadFailures') return handlers.readFailuresView();
    if (type === 'clearReadFailures') return clearReadFailures();
    throw new Error(`unexpected message ${type}`);
  },
}));

const { ReadFailuresCard } = await import('../../../components/options/data/ReadFailuresCard');
// Loaded once here, so the first test does not wait for the site registry inside its first message.
await import('../../../lib/background/handlers/options-settings');

const OUTLOOK_PANE =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJmJr3Do';
const ZOHO_RECORD = 'https://crm.zoho.com/crm/org7781/tab/Contacts/5725767000000345001';
const AT = Date.UTC(2026, 11, 4, 9, 30);

beforeEach(async () => {
  await clearReadFailures();
  await recordReadFailure(
    `${OUTLOOK_PANE}?search=pricing#reply`,
    unknownPage('outlook', 'no-message-header'),
    AT,
  );
  await recordReadFailure(OUTLOOK_PANE, unknownPage('outlook', 'no-message-header'), AT + 60_000);
  await recordReadFailure(ZOHO_RECORD, unknownPage('zoho', 'no-email-on-record'), AT - 3_600_000);
});

describe('ReadFailuresCard', () => {
  it('lists each failure with the site, the reason in plain words, the path and when (English)', async () => {
    render(<ReadFailuresCard />);
    const rows = await screen.findAllByTestId('read-failure');
    expect(rows.map((row) => row.getAttribute('data-site'))).toEqual(['outlook', 'zoho']);
    expect(rows[0]).toHaveTextContent(`Outlook: no message header found — ${OUTLOOK_PANE} —`);
    expect(rows[0]).toHaveTextContent('2 times');
    expect(rows[0]).not.toHaveTextContent('search=pricing');
    expect(rows[1]).toHaveTextContent(
      `Zoho CRM: no email address or website on this record — ${ZOHO_RECORD}`,
    );
    const card = screen.getByTestId('read-failures');
    expect(card).toHaveTextContent('nothing is sent anywhere');
    expect(card).toHaveTextContent('copy its line');
  });

  it('speaks Chinese when the rep reads Chinese', async () => {
    speak(chinese as Catalogue, 'zh-CN');
    render(<ReadFailuresCard />);
    const rows = await screen.findAllByTestId('read-failure');
    expect(rows[0]).toHaveTextContent('Outlook：没有找到邮件头');
    expect(rows[0]).toHaveTextContent('共 2 次');
    expect(rows[1]).toHaveTextContent('Zoho CRM：此记录上没有邮箱地址或网站');
    expect(screen.getByTestId('read-failures')).toHaveTextContent('不会发送到任何地方');
    expect(screen.getByTestId('read-failures-clear')).toHaveTextContent('清空列表');
  });

  it('copies a row as one line of text for a report', async () => {
    const user = userEvent.setup();
    render(<ReadFailuresCard />);
    const [first] = await screen.findAllByTestId('read-failure');
    await user.click(within(first!).getByRole('button', { name: `Copy the line about ${OUTLOOK_PANE}` }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toMatch(new RegExp(`^Outlook: no message header found — ${OUTLOOK_PANE} — .+, 2 times$`));
    expect(screen.getByRole('status')).toHaveTextContent('Line copied.');
  });

  it('clears the list in the store and on screen', async () => {
    const user = userEvent.setup();
    render(<ReadFailuresCard />);
    await user.click(await screen.findByTestId('read-failures-clear'));
    await waitFor(() => expect(screen.queryAllByTestId('read-failure')).toHaveLength(0));
    expect(screen.getByTestId('read-failures-empty')).toBeInTheDocument();
    expect(await listReadFailures()).toEqual([]);
  });
});

describe('the reasons’ plain words', () => {
  it.each([
    ['en', english],
    ['zh_CN', chinese],
  ])('exist in %s for every code that is recorded as a failure', (_, catalogue) => {
    for (const reason of READ_FAILURES) {
      const key = `readProblem_${reason.replaceAll('-', '_')}`;
      expect((catalogue as Catalogue)[key]?.message, key).toBeTruthy();
    }
  });
});
