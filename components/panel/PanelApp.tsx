import { browser } from 'wxt/browser';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { ChecklistSection } from './ChecklistSection';
import { ContactHeader } from './ContactHeader';
import { FollowUpsSection } from './FollowUpsSection';
import { NoContact } from './NoContact';
import { NotesSection } from './NotesSection';
import { SpinSection } from './SpinSection';
import { StageSection } from './StageSection';
import type { AccountPanelState } from './types';
import { usePanelState, type PanelTarget } from './usePanelState';
import { usePlaybook } from './usePlaybook';
import './panel.css';

/** A page with an account shows it, with or without a contact. */
function hasAccount(state: PanelState): state is AccountPanelState {
  return state.account !== null;
}

const sidePanelApi = () =>
  (browser as { sidePanel?: { open(options: { tabId: number }): Promise<void> } }).sidePanel;
const sidebarApi = () => (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

/**
 * Whether this frame can open the side panel. Firefox gives the in-page frame only content-script
 * APIs, without `sidebarAction`: there the rep opens the sidebar from the browser's own menu.
 */
function canOpenSidePanel(): boolean {
  return !!sidePanelApi()?.open || !!sidebarApi()?.open;
}

/** Opens the browser's side panel on this tab (Chrome), or the sidebar (Firefox). Needs the click's gesture. */
function openSidePanel(tabId: number | null) {
  const sidePanel = sidePanelApi();
  const opening = sidePanel && tabId !== null ? sidePanel.open({ tabId }) : sidebarApi()?.open();
  void opening?.catch((error: unknown) => console.warn('[dealside] could not open the side panel', error));
}

export function PanelApp({ target }: { target: PanelTarget }) {
  const { data, reload } = usePanelState(target);
  const playbook = usePlaybook();
  const locale = uiLanguage();

  return (
    <div className="ds-panel" data-testid="dealside-panel">
      <header className="ds-topbar">
        <span className="ds-brand">{t('extName')}</span>
        {target.kind === 'frame' ? (
          <div className="ds-topbar-actions">
            {canOpenSidePanel() ? (
              <button
                type="button"
                className="ds-link"
                onClick={() => openSidePanel(data.status === 'ready' ? data.state.tabId : null)}
              >
                {t('openSidePanel')}
              </button>
            ) : null}
            <button
              type="button"
              className="ds-icon-button"
              aria-label={t('collapsePanel')}
              title={t('collapsePanel')}
              onClick={() =>
                void sendMessage('setPanelCollapsed', { collapsed: true }).catch(() => undefined)
              }
            >
              ›
            </button>
          </div>
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
        {data.status === 'ready' && hasAccount(data.state) ? (
          <>
            <ContactHeader state={data.state} />
            {/* Keyed by account so switching customers starts fresh sections (errors, paging, drafts). */}
            {playbook ? (
              <>
                <StageSection
                  key={`stage-${data.state.account.key}`}
                  state={data.state}
                  playbook={playbook}
                  locale={locale}
                />
                <ChecklistSection
                  key={`checklist-${data.state.account.key}`}
                  state={data.state}
                  playbook={playbook}
                  locale={locale}
                />
                <SpinSection
                  key={`spin-${data.state.account.key}`}
                  state={data.state}
                  playbook={playbook}
                  locale={locale}
                />
              </>
            ) : null}
            <NotesSection key={`notes-${data.state.account.key}`} state={data.state} locale={locale} />
            {playbook ? (
              <FollowUpsSection
                key={`follow-ups-${data.state.account.key}`}
                state={data.state}
                playbook={playbook}
                locale={locale}
              />
            ) : null}
          </>
        ) : null}
        {data.status === 'ready' && !hasAccount(data.state) ? (
          <NoContact
            state={data.state}
            hint={target.kind === 'tab' && data.state.tabId === null ? t('sidePanelNoTab') : undefined}
          />
        ) : null}
      </main>
    </div>
  );
}
