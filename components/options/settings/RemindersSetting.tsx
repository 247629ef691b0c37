import { useId, useMemo, useState } from 'react';
import { formatAbsoluteDue } from '@/lib/dates/format';
import { t, uiLanguage } from '@/lib/i18n';
import type { RemindersStatus, SettingsPatch, SettingsView } from '@/lib/messaging/protocol';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';

/** Why reminders are off (or what happens next), from the background's own account of it. */
export function remindersStatusText(status: RemindersStatus, now: number, locale: string): string {
  if (!status.on) {
    if (status.reason === 'notifications-denied') return t('setRemindersOffDenied');
    if (status.reason === 'notifications-unavailable') return t('setRemindersOffUnavailable');
    return t('setRemindersOffTurnedOff');
  }
  if (status.reason === 'delivery-failed') return t('setRemindersFailed', status.detail ?? '');
  if (status.quietUntil !== null)
    return t('setRemindersQuiet', formatAbsoluteDue(status.quietUntil, now, locale));
  if (status.nextReminderAt !== null) {
    return t('setRemindersNext', formatAbsoluteDue(status.nextReminderAt, now, locale));
  }
  return t('setRemindersOn');
}

/** The reminders switch and quiet hours, with what the background says about reminders right now. */
export function RemindersSetting({
  view,
  save,
}: {
  view: SettingsView;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const id = useId();
  const { remindersEnabled, quietHours } = view.settings;
  const [error, setError] = useState<string | null>(null);
  // What the background says changes with these settings: asked again each time they change.
  const statusKey = useMemo(() => ({ remindersEnabled, quietHours }), [remindersEnabled, quietHours]);
  const { result } = useBackgroundQuery('getRemindersStatus', {}, { reloadKey: statusKey });
  // Said only when known: a status that could not be read says nothing rather than something stale.
  const status = result.status === 'ready' ? result.data : null;

  async function change(patch: SettingsPatch) {
    const failure = await save(patch);
    setError(failure ? t('setSaveFailed', failure) : null);
  }

  return (
    <div className="ds-set-block" data-testid="reminders-setting">
      <label className="ds-pb-check">
        <input
          type="checkbox"
          checked={remindersEnabled}
          data-testid="reminders-switch"
          onChange={(event) => void change({ remindersEnabled: event.target.checked })}
        />
        <span>{t('setRemindersSwitch')}</span>
      </label>
      <p className="ds-set-status" role="status" data-testid="reminders-status">
        {status ? remindersStatusText(status, Date.now(), uiLanguage()) : ''}
      </p>
      <fieldset className="ds-set-quiet" disabled={!remindersEnabled}>
        <legend className="ds-label">{t('setQuietHeading')}</legend>
        <label className="ds-pb-check">
          <input
            type="checkbox"
            checked={quietHours.enabled}
            data-testid="quiet-switch"
            onChange={(event) =>
              void change({ quietHours: { ...quietHours, enabled: event.target.checked } })
            }
          />
          <span>{t('setQuietSwitch')}</span>
        </label>
        <div className="ds-row">
          <label htmlFor={`${id}-start`} className="ds-label">
            {t('setQuietFrom')}
          </label>
          <input
            id={`${id}-start`}
            type="time"
            className="ds-input ds-set-time"
            value={quietHours.start}
            disabled={!quietHours.enabled}
            required
            data-testid="quiet-start"
            onChange={(event) =>
              event.target.value && void change({ quietHours: { ...quietHours, start: event.target.value } })
            }
          />
          <label htmlFor={`${id}-end`} className="ds-label">
            {t('setQuietUntil')}
          </label>
          <input
            id={`${id}-end`}
            type="time"
            className="ds-input ds-set-time"
            value={quietHours.end}
            disabled={!quietHours.enabled}
            required
            data-testid="quiet-end"
            onChange={(event) =>
              event.target.value && void change({ quietHours: { ...quietHours, end: event.target.value } })
            }
          />
        </div>
        <p className="ds-muted ds-small">{t('setQuietHint')}</p>
      </fieldset>
      {error ? (
        <p className="ds-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
