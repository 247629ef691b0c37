import { useId, type ChangeEvent } from 'react';
import { t } from '@/lib/i18n';
import { panelActions } from '@/lib/panel-actions';
import { GENERAL_INDUSTRY } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { Field } from '../shared/Field';
import { industryName } from '../shared/industry-name';
import { accountIndustry, stagePlace } from './deal-view';
import type { AccountSectionProps } from './types';
import { useAccountTarget, useAccountWrite } from './useAccountWrite';

/**
 * Where the deal stands: the account's stage with its goal, and the stage and industry pickers. Moving
 * back a stage is allowed (deals do slip); the background records every move for the funnel. The
 * industry picker lists the playbook's industries; an industry the playbook has dropped stays shown (and
 * stored) as what it is, with the general process.
 */
export function StageSection({ state, deal, playbook, locale }: AccountSectionProps) {
  const id = useId();
  const target = useAccountTarget(state, deal);
  const { errors, run } = useAccountWrite();
  const place = stagePlace(playbook, deal);
  const industry = accountIndustry(playbook, state.account.record);
  const stored = state.account.record?.industry;
  const droppedIndustry = stored !== undefined && stored !== industry ? stored : undefined;

  function changeDealStage(event: ChangeEvent<HTMLSelectElement>) {
    const stageId = event.target.value;
    if (!stageId) return;
    void run('stage', () => panelActions.setStage(target, stageId, locale));
  }

  function changeIndustry(event: ChangeEvent<HTMLSelectElement>) {
    const value = event.target.value;
    void run('industry', () => panelActions.setIndustry(target, value));
  }

  return (
    <section className="ds-card ds-stage" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('stageHeading')}</h2>
      <div className="ds-stage-now">
        <p className="ds-stage-current" data-testid="stage-current">
          {place.kind === 'known'
            ? localized(place.stage.name, locale)
            : place.kind === 'removed'
              ? t('stageRemovedName', place.stageId)
              : t('stageNone')}
        </p>
        {place.kind === 'known' ? (
          <span className="ds-stage-position ds-muted">
            {t('stagePosition', [String(place.index + 1), String(playbook.stages.length)])}
          </span>
        ) : null}
      </div>
      {place.kind === 'known' ? (
        <p className="ds-stage-goal ds-muted">{t('stageGoal', localized(place.stage.goal, locale))}</p>
      ) : null}
      {place.kind === 'none' ? <p className="ds-stage-goal ds-muted">{t('stageNoneHint')}</p> : null}
      {place.kind === 'removed' ? (
        <p className="ds-stage-notice" role="status">
          {t('stageRemoved', place.stageId)}
        </p>
      ) : null}

      <div className="ds-stage-fields">
        <div className="ds-stage-field">
          <Field
            label={t('stageSelectLabel')}
            error={errors.stage ? t('stageSaveFailed', errors.stage) : null}
            errorClassName="ds-write-error"
          >
            {(control) => (
              <select
                {...control}
                className="ds-stage-select"
                data-testid="stage-select"
                value={place.kind === 'known' ? place.stage.id : ''}
                onChange={changeDealStage}
              >
                {place.kind === 'known' ? null : (
                  <option value="" disabled>
                    {t('stageSelectPlaceholder')}
                  </option>
                )}
                {playbook.stages.map((stage, index) => (
                  <option key={stage.id} value={stage.id}>
                    {t('stageOption', [String(index + 1), localized(stage.name, locale)])}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="ds-stage-field">
          <Field
            label={t('industryLabel')}
            error={errors.industry ? t('industrySaveFailed', errors.industry) : null}
            errorClassName="ds-write-error"
          >
            {(control) => (
              <select
                {...control}
                className="ds-stage-select"
                data-testid="industry-select"
                value={droppedIndustry ?? industry}
                onChange={changeIndustry}
              >
                <option value={GENERAL_INDUSTRY}>{t('industryGeneral')}</option>
                {playbook.industries.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {industryName(playbook, candidate.id, locale)}
                  </option>
                ))}
                {droppedIndustry !== undefined ? (
                  <option value={droppedIndustry} disabled>
                    {t('industryDropped', droppedIndustry)}
                  </option>
                ) : null}
              </select>
            )}
          </Field>
        </div>
      </div>
    </section>
  );
}
