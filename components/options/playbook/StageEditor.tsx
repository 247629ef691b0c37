import { useState } from 'react';
import { t } from '@/lib/i18n';
import { moveStage, removeStage, setStageProbability, setStageText } from '@/lib/playbook/edit';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import { ownCadence, ownCadenceIndex, ownChecklist } from '@/lib/playbook/industries';
import { defaultStageProbability } from '@/lib/playbook/probability';
import { GENERAL_INDUSTRY, type IndustryId, type Playbook, type Stage } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { industryName } from '../../shared/industry-name';
import { CadenceEditor } from './CadenceEditor';
import { ChecklistEditor } from './ChecklistEditor';
import { Field } from '../../shared/Field';
import { FIELD_ERROR_CLASS, fieldId, LocalizedField, messagesText } from './LocalizedField';
import { TemplatesEditor } from './TemplatesEditor';
import type { DraftEditing } from './types';

/** Problems within the stage's checklist and cadence for one industry (`general`: the general ones). */
function variantProblems(
  playbook: Playbook,
  errors: FieldErrors,
  stageIndex: number,
  stageId: string,
  industry: IndustryId,
): number {
  const cadenceIndex = ownCadenceIndex(playbook, stageId, industry);
  return (
    errors.countWithin(playbookPath.checklist(stageIndex, industry)) +
    (cadenceIndex < 0 ? 0 : errors.countWithin(playbookPath.cadence(cadenceIndex)))
  );
}

/**
 * One stage: its names and goal, its exit checklist and the follow-up cadence entering it proposes, each
 * for every industry or, where the work differs, for one industry (the rep picks which to see).
 * Removing a stage asks where its accounts go; nothing is removed until the rep has said.
 */
export function StageEditor({
  playbook,
  stage,
  index,
  errors,
  idPrefix,
  locale,
  open,
  onToggle,
  industry: chosenIndustry,
  onIndustryChange,
  editing,
}: {
  playbook: Playbook;
  stage: Stage;
  index: number;
  errors: FieldErrors;
  idPrefix: string;
  locale: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The industry whose checklist and cadence the rep is looking at. */
  industry: IndustryId;
  onIndustryChange: (industry: IndustryId) => void;
  editing: DraftEditing;
}) {
  const { change, edit, focusLater } = editing;
  const stages = playbook.stages;
  const [removing, setRemoving] = useState(false);
  const others = stages.filter((candidate) => candidate.id !== stage.id);
  const [target, setTarget] = useState('');
  const stageName = localized(stage.name, locale).trim() || t('pbUnnamedStage');
  // An industry removed from the draft shows the general process again.
  const industry = playbook.industries.some((candidate) => candidate.id === chosenIndustry)
    ? chosenIndustry
    : GENERAL_INDUSTRY;
  const shownIndustryName = industryName(playbook, industry, locale);
  const industrySelectId = `${idPrefix}-stage-industry-${stage.id}`;
  const problems =
    errors.countWithin(playbookPath.stage(index)) +
    [GENERAL_INDUSTRY, ...playbook.industries.map((candidate) => candidate.id)].reduce((sum, id) => {
      const cadenceIndex = ownCadenceIndex(playbook, stage.id, id);
      return sum + (cadenceIndex < 0 ? 0 : errors.countWithin(playbookPath.cadence(cadenceIndex)));
    }, 0);
  const removeSelectId = `${idPrefix}-remove-${stage.id}`;
  const defaultTarget = (others[Math.max(0, index - 1)] ?? others[0])?.id ?? '';
  const chosenTarget = others.some((candidate) => candidate.id === target) ? target : defaultTarget;

  function confirmRemove() {
    if (!chosenTarget) return;
    change((draft) => removeStage(draft, stage.id, chosenTarget));
    setRemoving(false);
    focusLater(`${idPrefix}-stage-summary-${chosenTarget}`);
  }

  return (
    <li className="ds-pb-stage" data-testid="stage-editor" data-stage-id={stage.id}>
      <details open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
        <summary id={`${idPrefix}-stage-summary-${stage.id}`} className="ds-pb-summary">
          <span className="ds-pb-stage-number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="ds-pb-summary-text">{t('pbStageSummary', [String(index + 1), stageName])}</span>
          {problems > 0 ? (
            <span className="ds-pb-problem-badge">{t('pbProblemCount', String(problems))}</span>
          ) : null}
        </summary>
        {open ? (
          <div className="ds-pb-stage-body">
            <div className="ds-pb-actions">
              <button
                type="button"
                className="ds-pb-button"
                disabled={index === 0}
                onClick={() => {
                  edit((playbook) => moveStage(playbook, stage.id, -1));
                  focusLater(`${idPrefix}-stage-summary-${stage.id}`);
                }}
              >
                {t('pbStageEarlier')}
              </button>
              <button
                type="button"
                className="ds-pb-button"
                disabled={index === stages.length - 1}
                onClick={() => {
                  edit((playbook) => moveStage(playbook, stage.id, 1));
                  focusLater(`${idPrefix}-stage-summary-${stage.id}`);
                }}
              >
                {t('pbStageLater')}
              </button>
              <button
                type="button"
                className="ds-pb-button ds-pb-danger"
                aria-expanded={removing}
                disabled={others.length === 0}
                title={others.length === 0 ? t('pbStageLastOne') : undefined}
                data-testid="stage-remove"
                onClick={() => {
                  setRemoving(!removing);
                  focusLater(removeSelectId);
                }}
              >
                {t('pbStageRemove')}
              </button>
            </div>
            {removing ? (
              <div className="ds-pb-confirm" role="group" aria-labelledby={`${removeSelectId}-title`}>
                <p id={`${removeSelectId}-title`} className="ds-pb-confirm-title">
                  {t('pbStageRemoveTitle', stageName)}
                </p>
                <p className="ds-muted ds-small">{t('pbStageRemoveHint')}</p>
                <label htmlFor={removeSelectId} className="ds-label">
                  {t('pbStageRemoveTarget')}
                </label>
                <div className="ds-row">
                  <select
                    id={removeSelectId}
                    className="ds-select"
                    value={chosenTarget}
                    data-testid="stage-remove-target"
                    onChange={(event) => setTarget(event.target.value)}
                  >
                    {others.map((candidate) => (
                      <option key={candidate.id} value={candidate.id}>
                        {localized(candidate.name, locale) || candidate.id}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="ds-button ds-pb-danger-button"
                    data-testid="stage-remove-confirm"
                    onClick={confirmRemove}
                  >
                    {t('pbStageRemoveConfirm')}
                  </button>
                  <button type="button" className="ds-pb-button" onClick={() => setRemoving(false)}>
                    {t('pbCancel')}
                  </button>
                </div>
              </div>
            ) : null}

            <LocalizedField
              label={t('pbStageName')}
              value={stage.name}
              path={(language) => playbookPath.stageText(index, 'name', language)}
              errors={errors}
              idPrefix={idPrefix}
              testId="stage-name"
              onChange={(language, value) =>
                edit(
                  (playbook) => setStageText(playbook, stage.id, 'name', language, value),
                  `stage-name-${stage.id}-${language}`,
                )
              }
            />
            <LocalizedField
              label={t('pbStageGoal')}
              value={stage.goal}
              path={(language) => playbookPath.stageText(index, 'goal', language)}
              errors={errors}
              idPrefix={idPrefix}
              multiline
              onChange={(language, value) =>
                edit(
                  (playbook) => setStageText(playbook, stage.id, 'goal', language, value),
                  `stage-goal-${stage.id}-${language}`,
                )
              }
            />

            <div className="ds-pb-field ds-pb-probability">
              <Field
                id={fieldId(idPrefix, playbookPath.stageProbability(index))}
                label={t('pbStageProbability')}
                error={messagesText(errors.at(playbookPath.stageProbability(index)))}
                errorClassName={FIELD_ERROR_CLASS}
                describedBy={`${fieldId(idPrefix, playbookPath.stageProbability(index))}-hint`}
                quiet
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100}
                    step={1}
                    className="ds-input ds-pb-input"
                    data-testid="stage-probability"
                    placeholder={String(defaultStageProbability(index))}
                    value={
                      stage.probability === undefined || Number.isNaN(stage.probability)
                        ? ''
                        : stage.probability
                    }
                    onChange={(event) => {
                      const raw = event.target.value;
                      // Blank means "the usual figure for this position"; a browser's partial input
                      // ("1e") arrives as '' too, so only an empty field clears it.
                      const percent = raw.trim() === '' ? null : Number(raw);
                      edit(
                        (playbook) => setStageProbability(playbook, stage.id, percent),
                        `stage-probability-${stage.id}`,
                      );
                    }}
                  />
                )}
              </Field>
              <p
                id={`${fieldId(idPrefix, playbookPath.stageProbability(index))}-hint`}
                className="ds-muted ds-small"
              >
                {t('pbStageProbabilityHint', String(defaultStageProbability(index)))}
              </p>
            </div>

            <div className="ds-pb-field ds-pb-industry-choice">
              <label htmlFor={industrySelectId} className="ds-label">
                {t('pbStageIndustry')}
              </label>
              <select
                id={industrySelectId}
                className="ds-select"
                value={industry}
                data-testid="stage-industry"
                onChange={(event) => onIndustryChange(event.target.value)}
              >
                {[GENERAL_INDUSTRY, ...playbook.industries.map((candidate) => candidate.id)].map((id) => {
                  const own =
                    id !== GENERAL_INDUSTRY &&
                    (ownChecklist(stage, id) !== undefined ||
                      ownCadence(playbook, stage.id, id) !== undefined);
                  const count = variantProblems(playbook, errors, index, stage.id, id);
                  const name =
                    id === GENERAL_INDUSTRY ? t('pbAllIndustries') : industryName(playbook, id, locale);
                  const choice = own ? t('pbIndustryWithOwnProcess', name) : name;
                  return (
                    <option key={id} value={id}>
                      {count > 0 ? t('pbIndustryWithProblems', [choice, String(count)]) : choice}
                    </option>
                  );
                })}
              </select>
              <p className="ds-muted ds-small">{t('pbStageIndustryHint')}</p>
            </div>

            <h4 className="ds-pb-subheading">{t('pbChecklistHeading')}</h4>
            <ChecklistEditor
              stage={stage}
              stageIndex={index}
              industry={industry}
              industryName={shownIndustryName}
              errors={errors}
              idPrefix={idPrefix}
              editing={editing}
            />

            <TemplatesEditor
              stage={stage}
              index={index}
              errors={errors}
              idPrefix={idPrefix}
              editing={editing}
            />

            <h4 className="ds-pb-subheading">{t('pbCadenceHeading')}</h4>
            <p className="ds-muted ds-small">{t('pbCadenceHint')}</p>
            <CadenceEditor
              playbook={playbook}
              stage={stage}
              industry={industry}
              industryName={shownIndustryName}
              errors={errors}
              idPrefix={idPrefix}
              editing={editing}
            />
          </div>
        ) : null}
      </details>
    </li>
  );
}
