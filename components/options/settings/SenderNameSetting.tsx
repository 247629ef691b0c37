import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { NAME_MAX_LENGTH } from '@/lib/limits';
import type { SettingsPatch, SettingsView } from '@/lib/messaging/protocol';
import { Field } from '../../shared/Field';

/** The rep's name as they sign emails, for `{senderName}` in the playbook's templates; saved on leaving. */
export function SenderNameSetting({
  view,
  save,
}: {
  view: SettingsView;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const id = useId();
  const [draft, setDraft] = useState(view.settings.senderName);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function commit() {
    const senderName = draft.trim();
    if (senderName === view.settings.senderName) return;
    const failure = await save({ senderName });
    setError(failure ? t('setSaveFailed', failure) : null);
    setStatus(failure ? '' : t('setSenderNameSaved'));
  }

  return (
    <div className="ds-set-block">
      <Field
        label={t('setSenderName')}
        labelClassName="ds-set-label"
        error={error}
        describedBy={`${id}-hint`}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="ds-input"
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH}
            value={draft}
            data-testid="settings-sender-name"
            onChange={(event) => {
              setDraft(event.target.value);
              setStatus('');
            }}
            onBlur={() => void commit()}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void commit();
            }}
          />
        )}
      </Field>
      <p id={`${id}-hint`} className="ds-muted ds-small">
        {t('setSenderNameHint')}
      </p>
      <p className="ds-status" role="status">
        {status}
      </p>
    </div>
  );
}
