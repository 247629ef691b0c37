import { useState } from 'react';
import { displayEmail } from '@/lib/contact/email';
import { t, uiLanguage } from '@/lib/i18n';
import { AutomaticDetectionButton } from './AutomaticDetectionButton';
import { accountName } from './deal-view';
import { ContactPicker } from './ContactPicker';
import { LastTouch } from './LastTouch';
import type { AccountPanelState } from './types';
import { useNow } from './useNow';

/** "3 days ago" in the last touch is refreshed this often. */
const CLOCK_REFRESH_MS = 60_000;

/**
 * Who and which account the panel is about. A page may give the account without a person (a company
 * record keyed by its website, a page the rep attached by hand): then the account leads, and the rep can
 * still choose a person.
 */
export function ContactHeader({ state }: { state: AccountPanelState }) {
  const { contact, account } = state;
  const [picking, setPicking] = useState(false);
  const now = useNow(CLOCK_REFRESH_MS);
  const colleagues = account.people.filter((person) => person.email !== contact?.email).slice(0, 5);
  // Without a person the account leads: its name as the rep gave it, else the record's own title (the
  // company or deal the website belongs to), else its domain, shown once.
  const name = accountName(state);

  return (
    <section className="ds-card ds-contact" aria-label={t(contact ? 'contactHeading' : 'accountLabel')}>
      <div className="ds-section-head">
        <div className="ds-contact-who">
          {contact?.name ? (
            <h2 className="ds-contact-name" data-testid="contact-name">
              {contact.name}
            </h2>
          ) : null}
          {contact ? (
            <div className="ds-contact-email" data-testid="contact-email" title={contact.email}>
              {displayEmail(contact.email)}
            </div>
          ) : name ? (
            <h2 className="ds-contact-name">{name}</h2>
          ) : null}
        </div>
        <button
          type="button"
          className="ds-link"
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
        >
          {t(contact ? 'contactChange' : 'accountChoosePerson')}
        </button>
      </div>
      {contact || name ? (
        <div className="ds-account">
          <span className="ds-muted">{t('accountLabel')}</span>{' '}
          <span data-testid="account-key" title={account.key}>
            {account.displayKey}
          </span>
        </div>
      ) : (
        <h2 className="ds-contact-name" data-testid="account-key" title={account.key}>
          {account.displayKey}
        </h2>
      )}
      <LastTouch touch={state.touches[0]} now={now} locale={uiLanguage()} />
      {contact ? null : <p className="ds-muted ds-small">{t('accountNoPerson')}</p>}
      {account.source === 'website' ? <p className="ds-muted ds-small">{t('accountFromWebsite')}</p> : null}
      {state.contactPicked ? <p className="ds-muted ds-small">{t('contactPickedHint')}</p> : null}
      {state.accountAttached ? (
        <div className="ds-row ds-attached">
          <p className="ds-muted ds-small">{t('accountAttachedHint')}</p>
          <AutomaticDetectionButton state={state} />
        </div>
      ) : null}
      {colleagues.length > 0 ? (
        <p className="ds-small">
          <span className="ds-muted">{t('accountPeople')}: </span>
          {colleagues.map((person) => person.name ?? displayEmail(person.email)).join(', ')}
        </p>
      ) : null}
      {picking ? <ContactPicker state={state} onDone={() => setPicking(false)} /> : null}
    </section>
  );
}
