import { useState } from 'react';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { errorText } from '@/lib/error-text';

/** Drops the rep's choice for this page (a picked person or an attached account): detection decides again. */
export function AutomaticDetectionButton({ state }: { state: PanelState }) {
  const [error, setError] = useState<string>();
  const tabId = state.tabId ?? undefined;

  async function backToAutomatic() {
    setError(undefined);
    try {
      const result = await sendMessage('attachAccount', {
        ...(tabId !== undefined ? { tabId } : {}),
        accountKey: null,
      });
      if (!result.ok) setError(t('attachNoPage'));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <>
      <button type="button" className="ds-link ds-link-start" onClick={() => void backToAutomatic()}>
        {t('contactUseDetected')}
      </button>
      {error ? (
        <p className="ds-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
