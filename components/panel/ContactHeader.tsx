import { useState } from 'react';
import { displayEmail } from '@/lib/contact/email';
import { t } from '@/lib/i18n';
import { ContactPicker } from './ContactPicker';
import type { AccountPanelState } from './types';

export function ContactHeader({ state }: { state: AccountPanelState }) {
  const { contact, account } = state;
  const [picking, setPicking] = useState(false);
  const colleagues = account.people.filter((person) => person.email !== contact.email).slice(0, 5);

  return (
    <section className="ds-card ds-contact" aria-label={t('contactHeading')}>
      <div className="ds-section-head">
        <div className="ds-contact-who">
          {contact.name ? (
            <h2 className="ds-contact-name" data-testid="contact-name">
              {contact.name}
            </h2>
          ) : null}
          <div className="ds-contact-email" data-testid="contact-email" title={contact.email}>
            {displayEmail(contact.email)}
          </div>
        </div>
        <button
          type="button"
          className="ds-link"
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
        >
          {t('contactChange')}
        </button>
      </div>
      <div className="ds-account">
        <span className="ds-muted">{t('accountLabel')}</span>{' '}
        <span data-testid="account-key" title={account.key}>
          {account.displayKey}
        </span>
      </div>
      {state.contactPicked ? <p className="ds-muted ds-small">{t('contactPickedHint')}</p> : null}
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
