import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { LoadError, Loading } from '../shared/LoadError';
import { canOpenSidePanel, openSidePanel } from '../shared/side-panel';
import { BuyingGroupSection } from './BuyingGroupSection';
import { ChecklistSection } from './ChecklistSection';
import { ComposeHelpSection } from './ComposeHelpSection';
import { ContactHeader } from './ContactHeader';
import { DealsSection } from './DealsSection';
import { FollowUpsSection } from './FollowUpsSection';
import { NoContact } from './NoContact';
import { NotesSection } from './NotesSection';
import { SpinSection } from './SpinSection';
import { StageSection } from './StageSection';
import { SyncIndicator } from './SyncIndicator';
import { TimelineSection } from './TimelineSection';
import type { AccountPanelState } from './types';
import { usePanelState, type PanelTarget } from './usePanelState';
import { usePlaybook } from './usePlaybook';
import { useShownDeal } from './useShownDeal';
import './panel.css';

/** A page with an account shows it, with or without a contact. */
function hasAccount(state: PanelState): state is AccountPanelState {
  return state.account !== null;
}

export function PanelApp({ target }: { target: PanelTarget }) {
  const { result, reload, noteSaved } = usePanelState(target);
  const account = result.status === 'ready' ? result.data.account : null;
  const { deal, selectDeal } = useShownDeal(account);
  const playbook = usePlaybook();
  const locale = uiLanguage();
  const shownTabId = (result.status === 'ready' ? result.data.tabId : null) ?? undefined;

  return (
    <div className="ds-panel" data-testid="dealside-panel">
      <header className="ds-topbar">
        <div className="ds-topbar-title">
          <span className="ds-brand">{t('extName')}</span>
          <SyncIndicator />
        </div>
        {target.kind === 'frame' ? (
          <div className="ds-topbar-actions">
            {canOpenSidePanel() ? (
              <button type="button" className="ds-link" onClick={() => openSidePanel({ tabId: shownTabId })}>
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
        {result.status === 'loading' ? <Loading /> : null}
        {result.status === 'error' ? (
          <LoadError title={t('errorTitle')} message={result.message} onRetry={reload} />
        ) : null}
        {result.status === 'ready' && hasAccount(result.data) ? (
          <>
            <ContactHeader state={result.data} />
            {/* Keyed by account so switching customers starts fresh sections (errors, paging, drafts). */}
            {playbook ? (
              <>
                <DealsSection
                  key={`deals-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                  onSelect={selectDeal}
                />
                {/* While the rep writes a message, what to write, for the deal shown above. */}
                {result.data.page?.kind === 'compose' ? (
                  <ComposeHelpSection
                    key={`compose-${result.data.account.key}`}
                    state={result.data}
                    deal={deal}
                    playbook={playbook}
                    locale={locale}
                  />
                ) : null}
                <StageSection
                  key={`stage-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                />
                <ChecklistSection
                  key={`checklist-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                />
                <BuyingGroupSection
                  key={`buying-group-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                />
                <SpinSection
                  key={`spin-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                />
              </>
            ) : null}
            <NotesSection
              key={`notes-${result.data.account.key}`}
              state={result.data}
              locale={locale}
              onNoteSaved={noteSaved}
            />
            {playbook ? (
              <>
                <FollowUpsSection
                  key={`follow-ups-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                />
                <TimelineSection
                  key={`timeline-${result.data.account.key}`}
                  state={result.data}
                  deal={deal}
                  playbook={playbook}
                  locale={locale}
                />
              </>
            ) : null}
          </>
        ) : null}
        {result.status === 'ready' && !hasAccount(result.data) ? (
          <NoContact
            state={result.data}
            hint={target.kind === 'tab' && result.data.tabId === null ? t('sidePanelNoTab') : undefined}
          />
        ) : null}
      </main>
    </div>
  );
}
