import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { PanelState } from '@/lib/messaging/protocol';
import { ContactPicker } from './ContactPicker';

/**
 * No customer detected: say so. When the page shows several people the rep picks one; otherwise typing
 * an address is one click away.
 */
export function NoContact({ state, hint }: { state?: PanelState; hint?: string }) {
  const [picking, setPicking] = useState(false);
  const canPick = Boolean(state?.page);
  const showPicker = canPick && (picking || (state?.others.length ?? 0) > 0);

  return (
    <section className="ds-card ds-empty" data-testid="no-contact">
      <h2 role="status">{t('noContactTitle')}</h2>
      <p className="ds-muted">{hint ?? t('noContactHint')}</p>
      {showPicker && state ? <ContactPicker state={state} /> : null}
      {canPick && !showPicker ? (
        <button type="button" className="ds-link ds-link-start" onClick={() => setPicking(true)}>
          {t('contactTypeLabel')}
        </button>
      ) : null}
    </section>
  );
}
