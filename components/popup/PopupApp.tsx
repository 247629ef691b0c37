import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import '../panel/panel.css';
import './popup.css';

/** Toolbar popup: today's follow-ups. */
export function PopupApp() {
  return (
    <div className="ds-popup">
      <header className="ds-topbar">
        <h1 className="ds-brand">{t('popupTitle')}</h1>
      </header>
      <main className="ds-body">
        <p className="ds-card ds-muted" data-testid="popup-empty">
          {t('popupEmpty')}
        </p>
        <button type="button" className="ds-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </main>
    </div>
  );
}
