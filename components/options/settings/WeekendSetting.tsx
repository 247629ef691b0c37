import { useId, useMemo, useState } from 'react';
import { browserLocale, ISO_WEEKDAYS, localeWeekend, type IsoWeekday } from '@/lib/dates/business-days';
import { t, uiLanguage } from '@/lib/i18n';
import type { SettingsPatch, SettingsView } from '@/lib/messaging/protocol';

/** A weekday's name in the UI language (1 January 2024 was a Monday). */
function weekdayName(day: IsoWeekday, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(new Date(2024, 0, day));
}

/** The days cadences skip: the region's weekend, or seven checkboxes of the rep's own. */
export function WeekendSetting({
  view,
  save,
}: {
  view: SettingsView;
  save: (patch: SettingsPatch) => Promise<string | null>;
}) {
  const id = useId();
  const locale = uiLanguage();
  const chosen = view.settings.weekendDays;
  const regional = useMemo(() => localeWeekend(browserLocale()), []);
  const shown: readonly number[] = chosen ?? regional;
  const [error, setError] = useState<string | null>(null);

  async function change(weekendDays: number[] | null) {
    const failure = await save({ weekendDays });
    setError(failure ? t('setSaveFailed', failure) : null);
  }

  const regionalNames = regional.map((day) => weekdayName(day, locale)).join(', ');
  return (
    <div className="ds-set-block" data-testid="weekend-setting">
      <p className="ds-muted ds-small" id={`${id}-hint`}>
        {t('setWeekendHint')}
      </p>
      <div role="radiogroup" aria-label={t('setWeekendHeading')} aria-describedby={`${id}-hint`}>
        <label className="ds-pb-check">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={chosen === null}
            data-testid="weekend-region"
            onChange={() => void change(null)}
          />
          <span>{t('setWeekendRegion', regionalNames)}</span>
        </label>
        <label className="ds-pb-check">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={chosen !== null}
            data-testid="weekend-custom"
            onChange={() => void change([...regional])}
          />
          <span>{t('setWeekendCustom')}</span>
        </label>
      </div>
      <fieldset className="ds-set-weekend" disabled={chosen === null}>
        <legend className="ds-label">{t('setWeekendDays')}</legend>
        <div className="ds-row">
          {ISO_WEEKDAYS.map((day) => {
            const checked = shown.includes(day);
            return (
              <label key={day} className="ds-pb-check">
                <input
                  type="checkbox"
                  checked={checked}
                  data-testid="weekend-day"
                  data-day={day}
                  // A week needs a working day: the last unchecked day stays unchecked.
                  disabled={!checked && shown.length >= ISO_WEEKDAYS.length - 1}
                  onChange={(event) =>
                    void change(
                      event.target.checked
                        ? [...shown, day].sort((a, b) => a - b)
                        : shown.filter((other) => other !== day),
                    )
                  }
                />
                <span>{weekdayName(day, locale)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {error ? (
        <p className="ds-error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
