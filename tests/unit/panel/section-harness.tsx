/**
 * Renders account sections the way the panel does: state from the (in-process) background, reloaded
 * when the background says the account changed. Test files mock the messenger with the in-process one
 * before importing this module.
 */
import type { ComponentType } from 'react';
import { recordTabPage } from '../../../lib/background/page-registry';
import { database } from '../../../lib/background/db-connection';
import { DB_NAME } from '../../../lib/db/schema';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import type { AccountPanelState, AccountSectionProps } from '../../../components/panel/types';
import { usePanelState } from '../../../components/panel/usePanelState';
import { PANEL_TAB_ID } from '../support/in-process-messenger';

export const ACCOUNT_KEY = 'northwind-trading.com';
export const CONTACT_EMAIL = 'jane.cooper@northwind-trading.com';

/** The panel's tab shows a Gmail thread with Jane Cooper of Northwind Trading. */
export async function showThread(): Promise<void> {
  await recordTabPage(PANEL_TAB_ID, {
    url: 'https://mail.google.com/mail/u/0/#inbox/x',
    context: {
      site: 'gmail',
      kind: 'thread',
      title: 'Pilot scope',
      participants: [
        { email: 'alex.morgan@dealside-demo.com', role: 'self' },
        { email: 'Jane.Cooper@Northwind-Trading.com', name: 'Jane Cooper', role: 'from', order: 0 },
      ],
    },
    reportedAt: 1,
  });
}

/** Starts every test from an empty database (the background reopens it on next use). */
export function resetDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the database'));
  });
}

export { database };

export function SectionHarness({
  sections,
  playbook = DEFAULT_PLAYBOOK,
  locale = 'en',
}: {
  sections: ComponentType<AccountSectionProps>[];
  playbook?: Playbook;
  locale?: string;
}) {
  const { data } = usePanelState({ kind: 'frame' });
  if (data.status !== 'ready') return <p>{data.status}</p>;
  const { state } = data;
  if (!state.account || !state.contact) return <p>no account</p>;
  const accountState: AccountPanelState = { ...state, account: state.account, contact: state.contact };
  return (
    <div data-testid="harness" data-updated-at={state.account.record?.updatedAt ?? ''}>
      {sections.map((Section, index) => (
        <Section key={index} state={accountState} playbook={playbook} locale={locale} />
      ))}
    </div>
  );
}
