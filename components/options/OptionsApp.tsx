import { t } from '@/lib/i18n';
import '../panel/panel.css';

/** Options page: settings, the playbook and insights. */
export function OptionsApp() {
  return (
    <div className="ds-options">
      <header className="ds-topbar">
        <h1 className="ds-brand">{t('optionsTitle')}</h1>
      </header>
      <main className="ds-body">
        <p className="ds-card">{t('optionsIntro')}</p>
      </main>
    </div>
  );
}
