import { useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { PanelState } from '@/lib/messaging/protocol';
import type { ReadProblem } from '@/lib/messaging/page-context';
import { AttachAccount } from './AttachAccount';
import { ContactPicker } from './ContactPicker';

/** One plain-words message per problem code; the options page's list of failures uses the same keys. */
const READ_PROBLEM_TEXT: Record<ReadProblem, MessageKey> = {
  'no-mail-open': 'readProblem_no_mail_open',
  'no-message-header': 'readProblem_no_message_header',
  'no-recipients': 'readProblem_no_recipients',
  'not-a-record': 'readProblem_not_a_record',
  'no-email-on-record': 'readProblem_no_email_on_record',
  'no-addresses': 'readProblem_no_addresses',
  'several-addresses': 'readProblem_several_addresses',
  'read-failed': 'readProblem_read_failed',
};

/** Pages where nobody is expected (an inbox, settings, an empty draft): the manual choice waits for a click. */
const ORDINARY_PROBLEMS: readonly ReadProblem[] = ['no-mail-open', 'no-recipients', 'not-a-record'];

function nobodyExpected(page: NonNullable<PanelState['page']>, others: number): boolean {
  if (others > 0) return false;
  return page.kind === 'list' || (page.reason !== undefined && ORDINARY_PROBLEMS.includes(page.reason));
}

/**
 * Nobody on the page is the customer, or Dealside could not tell who is. Say so honestly, in plain
 * words with the site's name when the reader said what was missing; then let the rep decide: one of the
 * addresses seen on the page, a typed address, or an existing account found by search. The choice
 * sticks to this page.
 */
export function NoContact({ state, hint }: { state?: PanelState; hint?: string }) {
  const page = state?.page ?? null;
  const problem = page?.reason
    ? t('readProblemLine', [page.siteName, t(READ_PROBLEM_TEXT[page.reason])])
    : null;
  const unsure = Boolean(problem) || (state?.others.length ?? 0) > 0;
  const [choosing, setChoosing] = useState(false);
  const showChoice = page !== null && (choosing || !nobodyExpected(page, state?.others.length ?? 0));

  return (
    <section className="ds-card ds-empty" data-testid="no-contact">
      <h2 role="status">{t(unsure ? 'noContactUnsureTitle' : 'noContactTitle')}</h2>
      {problem ? (
        <p className="ds-read-problem" data-testid="read-problem">
          {problem}
        </p>
      ) : null}
      <p className="ds-muted">
        {hint ??
          t(!showChoice ? 'noContactHint' : state?.others.length ? 'contactChooseHint' : 'contactTypeHint')}
      </p>
      {showChoice && state ? (
        <>
          <ContactPicker state={state} />
          <AttachAccount state={state} />
        </>
      ) : null}
      {page && !showChoice ? (
        <button type="button" className="ds-link ds-link-start" onClick={() => setChoosing(true)}>
          {t('contactPickHeading')}
        </button>
      ) : null}
    </section>
  );
}
