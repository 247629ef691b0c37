/**
 * Renders the panel, or some of its account sections, the way the panel does: state from the
 * (in-process) background, reloaded when the background says the account changed. Test files mock the
 * messenger with the in-process one before importing this module.
 */
import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { recordTabPage } from '../../../lib/background/page-registry';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import type { PageContext } from '../../../lib/messaging/messages';
import { PanelApp } from '../../../components/panel/PanelApp';
import type { AccountPanelState, AccountSectionProps } from '../../../components/panel/types';
import { usePanelState } from '../../../components/panel/usePanelState';
import { useShownDeal } from '../../../components/panel/useShownDeal';
import { PANEL_TAB_ID } from '../support/in-process-messenger';

export { database, resetDatabase } from '../support/database';

export const ACCOUNT_KEY = 'northwind-trading.com';
export const CONTACT_EMAIL = 'jane.cooper@northwind-trading.com';
const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/x';

/** A Gmail thread from Jane Cooper of Northwind Trading, to the rep. */
export const JANE_THREAD: PageContext = {
  site: 'gmail',
  kind: 'thread',
  title: 'Pilot scope',
  participants: [
    { email: 'alex.morgan@dealside-demo.com', role: 'self' },
    { email: 'Jane.Cooper@Northwind-Trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
  ],
};

/** The panel's tab shows `context` at `url`, as its content script reported it. */
export async function showPage(context: PageContext, url: string): Promise<void> {
  await recordTabPage(PANEL_TAB_ID, { url, context, reportedAt: 1 });
}

/** The panel's tab shows a Gmail thread with Jane Cooper of Northwind Trading. */
export function showThread(): Promise<void> {
  return showPage(JANE_THREAD, GMAIL_THREAD_URL);
}

/** The in-page panel as the rep opens it; a second call is the panel opened again. */
export function openPanel() {
  return render(<PanelApp target={{ kind: 'frame' }} />);
}

/**
 * Account sections over the panel's state. They show the deal the panel would (the open deal worked on
 * most recently), or the deal `dealId` names, as if the rep had chosen it.
 */
export function SectionHarness({
  sections,
  playbook = DEFAULT_PLAYBOOK,
  locale = 'en',
  dealId,
}: {
  sections: ComponentType<AccountSectionProps>[];
  playbook?: Playbook;
  locale?: string;
  dealId?: string;
}) {
  const { result, noteSaved } = usePanelState({ kind: 'frame' });
  const account = result.status === 'ready' ? result.data.account : null;
  const shown = useShownDeal(account);
  if (result.status !== 'ready') return <p>{result.status}</p>;
  const state = result.data;
  if (!state.account || !state.contact) return <p>no account</p>;
  const accountState: AccountPanelState = { ...state, account: state.account, contact: state.contact };
  const deal =
    dealId === undefined
      ? shown.deal
      : (state.account.deals.find((candidate) => candidate.id === dealId) ?? null);
  return (
    <div
      data-testid="harness"
      data-updated-at={state.account.record?.updatedAt ?? ''}
      data-deal-id={deal?.id ?? ''}
    >
      {sections.map((Section, index) => (
        <Section
          key={index}
          state={accountState}
          deal={deal}
          playbook={playbook}
          locale={locale}
          onNoteSaved={noteSaved}
        />
      ))}
    </div>
  );
}
