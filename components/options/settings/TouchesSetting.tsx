import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { SettingsPatch, SettingsView } from '@/lib/messaging/protocol';

/** The switch for recording touches; deleting them is under "Your data". */
export function TouchesSetting({
  view,
  save,
}: {
  view: SettingsView;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="ds-set-block" data-testid="touches-setting">
      <label className="ds-pb-check">
        <input
          type="checkbox"
          role="switch"
          checked={view.settings.recordTouches}
          data-testid="touches-switch"
          onChange={(event) =>
            void save({ recordTouches: event.target.checked }).then((failure) =>
              setError(failure ? t('setSaveFailed', failure) : null),
            )
          }
        />
        <span>{t('setTouchesSwitch')}</span>
      </label>
      <p className="ds-muted ds-small">{t('setTouchesHint')}</p>
      {error ? (
        <p className="ds-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
