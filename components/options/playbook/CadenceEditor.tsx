import { t } from '@/lib/i18n';
import {
  addCadenceStep,
  moveCadenceStep,
  removeCadenceStep,
  setCadenceStepDays,
  setCadenceStepTitle,
} from '@/lib/playbook/edit';
import { addCadenceVariant, removeCadenceVariant } from '@/lib/playbook/edit-industries';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import { ownCadenceIndex } from '@/lib/playbook/industries';
import {
  GENERAL_INDUSTRY,
  MAX_OFFSET_DAYS,
  type IndustryId,
  type Playbook,
  type Stage,
} from '@/lib/playbook/schema';
import { Field } from '../../shared/Field';
import { FIELD_ERROR_CLASS, fieldId, LocalizedField, messagesText } from './LocalizedField';
import { RowButtons } from './RowButtons';
import type { DraftEditing } from './types';

const EMPTY_TEXT = { en: '', 'zh-CN': '' };

/**
 * The follow-ups entering a stage proposes, as the chosen industry sees them: the general cadence, or the
 * industry's own. An industry without its own follows the general cadence until the rep gives it one
 * (a copy of the general steps to adapt); its own cadence may be empty, meaning "propose nothing".
 */
export function CadenceEditor({
  playbook,
  stage,
  industry,
  industryName,
  errors,
  idPrefix,
  editing,
}: {
  playbook: Playbook;
  stage: Stage;
  industry: IndustryId;
  industryName: string;
  errors: FieldErrors;
  idPrefix: string;
  editing: DraftEditing;
}) {
  const { edit, focusLater } = editing;
  const general = industry === GENERAL_INDUSTRY;
  const cadenceIndex = ownCadenceIndex(playbook, stage.id, industry);
  const cadence = playbook.cadences[cadenceIndex];

  if (!general && !cadence) {
    return (
      <div className="ds-pb-variant" data-testid="cadence-variant-none">
        <p className="ds-muted ds-small">{t('pbCadenceSameAsGeneral', industryName)}</p>
        <button
          type="button"
          className="ds-pb-button"
          data-testid="cadence-variant-add"
          onClick={() => edit((current) => addCadenceVariant(current, stage.id, industry))}
        >
          {t('pbCadenceVariantAdd', industryName)}
        </button>
      </div>
    );
  }

  const steps = cadence?.steps ?? [];
  return (
    <>
      {general ? null : <p className="ds-muted ds-small">{t('pbCadenceOwnHint', industryName)}</p>}
      {steps.length > 0 && cadence ? (
        <ol className="ds-pb-list">
          {steps.map((step, stepIndex) => {
            const daysPath = playbookPath.stepDays(cadenceIndex, stepIndex);
            return (
              <li key={step.id} className="ds-pb-list-item ds-pb-step" data-testid="cadence-step-editor">
                <div className="ds-pb-field ds-pb-days">
                  <Field
                    id={fieldId(idPrefix, daysPath)}
                    label={t('pbStepDays')}
                    error={messagesText(errors.at(daysPath))}
                    errorClassName={FIELD_ERROR_CLASS}
                    quiet
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={MAX_OFFSET_DAYS}
                        step={1}
                        className="ds-input ds-pb-input"
                        value={Number.isNaN(step.offsetDays) ? '' : step.offsetDays}
                        onChange={(event) => {
                          const raw = event.target.value;
                          const days = raw.trim() === '' ? Number.NaN : Number(raw);
                          edit(
                            (current) => setCadenceStepDays(current, stage.id, step.id, days, industry),
                            `step-days-${stage.id}-${industry}-${step.id}`,
                          );
                        }}
                      />
                    )}
                  </Field>
                </div>
                <LocalizedField
                  label={t('pbStepTitle', String(stepIndex + 1))}
                  value={step.title}
                  path={(language) => playbookPath.stepTitle(cadenceIndex, stepIndex, language)}
                  errors={errors}
                  idPrefix={idPrefix}
                  onChange={(language, value) =>
                    edit(
                      (current) => setCadenceStepTitle(current, stage.id, step.id, language, value, industry),
                      `step-title-${stage.id}-${industry}-${step.id}-${language}`,
                    )
                  }
                />
                <RowButtons
                  what={t('pbStepTitle', String(stepIndex + 1))}
                  index={stepIndex}
                  count={steps.length}
                  onMove={(offset) =>
                    edit((current) => moveCadenceStep(current, stage.id, step.id, offset, industry))
                  }
                  onRemove={() => edit((current) => removeCadenceStep(current, stage.id, step.id, industry))}
                />
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="ds-muted ds-small">
          {general ? t('pbCadenceEmpty') : t('pbCadenceVariantEmpty', industryName)}
        </p>
      )}
      <div className="ds-pb-actions">
        <button
          type="button"
          className="ds-pb-button"
          data-testid="cadence-step-add"
          onClick={() => {
            const lastDays = steps.at(-1)?.offsetDays;
            const offsetDays =
              typeof lastDays === 'number' && Number.isFinite(lastDays)
                ? Math.min(MAX_OFFSET_DAYS, lastDays + 7)
                : 1;
            edit(
              (current) =>
                addCadenceStep(current, stage.id, { offsetDays, title: EMPTY_TEXT }, industry).playbook,
            );
            const c = cadence ? cadenceIndex : playbook.cadences.length;
            focusLater(fieldId(idPrefix, playbookPath.stepTitle(c, steps.length, 'en')));
          }}
        >
          {t('pbCadenceAdd')}
        </button>
        {general ? null : (
          <button
            type="button"
            className="ds-pb-button ds-pb-danger"
            data-testid="cadence-variant-remove"
            onClick={() => edit((current) => removeCadenceVariant(current, stage.id, industry))}
          >
            {t('pbCadenceVariantRemove', industryName)}
          </button>
        )}
      </div>
    </>
  );
}
