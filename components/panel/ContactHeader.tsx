import type { PanelState } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

export function ContactHeader({ state }: { state: PanelState }) {
  const { contact, account } = state;
  if (!contact || !account) return null;
  return (
    <section className="ds-card ds-contact" aria-label={t('contactHeading')}>
      {contact.name ? (
        <h2 className="ds-contact-name" data-testid="contact-name">
          {contact.name}
        </h2>
      ) : null}
      <div className="ds-contact-email" data-testid="contact-email">
        {contact.email}
      </div>
      <div className="ds-account">
        <span className="ds-muted">{t('accountLabel')}</span>{' '}
        <span data-testid="account-key" title={account.key}>
          {account.displayKey}
        </span>
      </div>
    </section>
  );
}
