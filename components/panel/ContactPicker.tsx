import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { displayEmail } from '@/lib/contact/email';
import { sendMessage } from '@/lib/messaging/messenger';
import type { PanelState } from '@/lib/messaging/protocol';
import { Field } from '../shared/Field';
import { errorText } from '@/lib/error-text';

/**
 * When detection chose the wrong person, or found several: the rep picks one of the page's other people
 * or types an address. The choice sticks to this thread or record. A failed pick keeps what was typed.
 */
export function ContactPicker({ state, onDone }: { state: PanelState; onDone?: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const tabId = state.tabId ?? undefined;

  async function pick(email: string | null) {
    setError(undefined);
    try {
      const result = await sendMessage('pickContact', { ...(tabId !== undefined ? { tabId } : {}), email });
      if (!result.ok) {
        setError(result.reason === 'invalid-email' ? t('contactInvalidEmail') : t('attachNoPage'));
        return;
      }
      setTyped('');
      onDone?.();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void pick(typed);
  }

  return (
    <div className="ds-picker">
      <h3 className="ds-subheading">{t('contactPickHeading')}</h3>
      {state.others.length > 0 ? (
        <ul className="ds-people" aria-label={t('contactPickOthers')} data-testid="contact-choose">
          {state.others.map((person) => (
            <li key={person.email}>
              <button
                type="button"
                className="ds-person"
                data-email={person.email}
                onClick={() => void pick(person.email)}
              >
                <span className="ds-person-name">{person.name ?? displayEmail(person.email)}</span>
                {person.name ? (
                  <span className="ds-muted ds-person-email">{displayEmail(person.email)}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="ds-inline-form" onSubmit={submit} noValidate>
        <Field label={t(state.others.length > 0 ? 'contactTypeLabel' : 'contactTypeAlone')} error={error}>
          {(control) => (
            <div className="ds-row">
              <input
                {...control}
                type="email"
                className="ds-input"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                placeholder="name@company.com"
                autoComplete="off"
              />
              <button type="submit" className="ds-button" disabled={typed.trim() === ''}>
                {t('contactTypeSubmit')}
              </button>
            </div>
          )}
        </Field>
      </form>
      <div className="ds-row">
        {state.contactPicked ? (
          <button type="button" className="ds-link" onClick={() => void pick(null)}>
            {t('contactUseDetected')}
          </button>
        ) : null}
        {onDone ? (
          <button type="button" className="ds-link" onClick={onDone}>
            {t('contactCancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
