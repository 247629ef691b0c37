import { useState } from 'react';
import {
  oneHourLater,
  parseDateTimeLocalValue,
  toDateTimeLocalValue,
  tomorrowMorning,
} from '@/lib/dates/due';
import { t } from '@/lib/i18n';
import { Field } from '../shared/Field';

/** The snooze choices under a row: an hour, tomorrow morning, or a date and time the rep picks. */
export function SnoozeChoices({
  followUpId,
  onSnooze,
  onClose,
}: {
  followUpId: string;
  onSnooze: (until: number) => void;
  onClose: () => void;
}) {
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState(() => toDateTimeLocalValue(tomorrowMorning(new Date())));
  const [problem, setProblem] = useState(false);
  const inputId = `snooze-until-${followUpId}`;

  const applyPicked = () => {
    const until = parseDateTimeLocalValue(picked);
    if (until === null) {
      setProblem(true);
      return;
    }
    onSnooze(until);
  };

  return (
    <div
      className="ds-popup-snooze"
      role="group"
      aria-label={t('popupSnooze')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="ds-row">
        <button
          type="button"
          className="ds-chip"
          data-testid="popup-snooze-hour"
          onClick={() => onSnooze(oneHourLater(new Date()).getTime())}
        >
          {t('popupSnoozeHour')}
        </button>
        <button
          type="button"
          className="ds-chip"
          data-testid="popup-snooze-tomorrow"
          onClick={() => onSnooze(tomorrowMorning(new Date()).getTime())}
        >
          {t('popupSnoozeTomorrow')}
        </button>
        <button
          type="button"
          className="ds-chip"
          aria-expanded={picking}
          data-testid="popup-snooze-pick"
          onClick={() => setPicking((open) => !open)}
        >
          {t('popupSnoozePick')}
        </button>
      </div>
      {picking ? (
        <div className="ds-row ds-popup-snooze-pick">
          <Field id={inputId} label={t('popupSnoozeUntil')} error={problem ? t('popupBadPickedDate') : null}>
            {(control) => (
              <>
                <input
                  {...control}
                  className="ds-input"
                  type="datetime-local"
                  data-testid="popup-snooze-date"
                  value={picked}
                  onChange={(event) => {
                    setPicked(event.target.value);
                    setProblem(false);
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      applyPicked();
                    }
                  }}
                />
                <button
                  type="button"
                  className="ds-button"
                  data-testid="popup-snooze-apply"
                  onClick={applyPicked}
                >
                  {t('popupSnooze')}
                </button>
              </>
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
