import { sendMessage } from '@/lib/messaging/messenger';
import { t } from '@/lib/i18n';
import { ContactHeader } from './ContactHeader';
import { NoContact } from './NoContact';
import { NotesSection } from './NotesSection';
import { usePanelState, type PanelTarget } from './usePanelState';
import './panel.css';

export function PanelApp({ target }: { target: PanelTarget }) {
  const { data, reload } = usePanelState(target);

  return (
    <div className="ds-panel" data-testid="dealside-panel">
      <header className="ds-topbar">
        <span className="ds-brand">{t('extName')}</span>
        {target.kind === 'frame' ? (
          <button
            type="button"
            className="ds-icon-button"
            aria-label={t('collapsePanel')}
            title={t('collapsePanel')}
            onClick={() => void sendMessage('setPanelCollapsed', { collapsed: true }).catch(() => undefined)}
          >
            ›
          </button>
        ) : null}
      </header>
      <main className="ds-body">
        {data.status === 'loading' ? <p className="ds-muted">{t('loading')}</p> : null}
        {data.status === 'error' ? (
          <section className="ds-card ds-error" role="alert">
            <h2>{t('errorTitle')}</h2>
            <p>{data.message}</p>
            <button type="button" className="ds-button" onClick={reload}>
              {t('retry')}
            </button>
          </section>
        ) : null}
        {data.status === 'ready' && data.state.account ? (
          <>
            <ContactHeader state={data.state} />
            {/* Keyed by account so switching customers starts a fresh editor. */}
            <NotesSection
              key={data.state.account.key}
              state={{ ...data.state, account: data.state.account }}
            />
          </>
        ) : null}
        {data.status === 'ready' && !data.state.account ? (
          <NoContact
            hint={target.kind === 'tab' && data.state.tabId === null ? t('sidePanelNoTab') : undefined}
          />
        ) : null}
      </main>
    </div>
  );
}
