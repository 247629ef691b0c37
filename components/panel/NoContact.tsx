import { t } from '@/lib/i18n';

export function NoContact({ hint }: { hint?: string }) {
  return (
    <section className="ds-card ds-empty" data-testid="no-contact" role="status">
      <h2>{t('noContactTitle')}</h2>
      <p className="ds-muted">{hint ?? t('noContactHint')}</p>
    </section>
  );
}
