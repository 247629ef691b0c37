import { useState } from 'react';
import { BUYING_ROLES, isBuyingRole } from '@/lib/contact/buying-roles';
import { t } from '@/lib/i18n';
import {
  addCadenceStep,
  addChecklistItem,
  moveCadenceStep,
  moveChecklistItem,
  moveStage,
  removeCadenceStep,
  removeChecklistItem,
  removeStage,
  setCadenceStepDays,
  setCadenceStepTitle,
  setChecklistItemRole,
  setChecklistItemText,
  setStageText,
} from '@/lib/playbook/edit';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import type { Cadence, Stage } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { Field } from '../../shared/Field';
import { ROLE_LABELS } from '@/lib/contact/role-labels';
import { FIELD_ERROR_CLASS, FieldMessages, fieldId, LocalizedField, messagesText } from './LocalizedField';
import type { DraftEditing } from './types';

const EMPTY_TEXT = { en: '', 'zh-CN': '' };

/** Up, down and remove for one row of a list, each named for screen readers. */
function RowButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  return (
    <div className="ds-pb-row-buttons">
      <button
        type="button"
        className="ds-icon-button"
        aria-label={t('pbMoveUpNamed', what)}
        title={t('pbMoveUp')}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="ds-icon-button"
        aria-label={t('pbMoveDownNamed', what)}
        title={t('pbMoveDown')}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="ds-icon-button ds-pb-remove"
        aria-label={t('pbRemoveNamed', what)}
        title={t('pbRemove')}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}

/**
 * One stage: its names and goal, its exit checklist and the follow-up cadence entering it proposes.
 * Removing a stage asks where its accounts go; nothing is removed until the rep has said.
 */
export function StageEditor({
  stage,
  index,
  stages,
  cadence,
  cadenceIndex,
  cadenceCount,
  errors,
  idPrefix,
  locale,
  open,
  onToggle,
  editing,
}: {
  stage: Stage;
  index: number;
  stages: readonly Stage[];
  cadence: Cadence | undefined;
  /** Its place in `cadences`, or -1 when the stage has none. */
  cadenceIndex: number;
  /** How many cadences the playbook has (a new one goes last). */
  cadenceCount: number;
  errors: FieldErrors;
  idPrefix: string;
  locale: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  editing: DraftEditing;
}) {
  const { change, edit, focusLater } = editing;
  const [removing, setRemoving] = useState(false);
  const others = stages.filter((candidate) => candidate.id !== stage.id);
  const [target, setTarget] = useState('');
  const stageName = localized(stage.name, locale).trim() || t('pbUnnamedStage');
  const problems =
    errors.countWithin(playbookPath.stage(index)) +
    (cadence ? errors.countWithin(playbookPath.cadence(cadenceIndex)) : 0);
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

            <h4 className="ds-pb-subheading">{t('pbChecklistHeading')}</h4>
            <FieldMessages
              id={fieldId(idPrefix, playbookPath.checklist(index))}
              messages={errors.at(playbookPath.checklist(index))}
            />
            {stage.checklist.length === 0 ? (
              <p className="ds-muted ds-small">{t('pbChecklistEmpty')}</p>
            ) : null}
            <ol className="ds-pb-list">
              {stage.checklist.map((item, itemIndex) => (
                <li key={item.id} className="ds-pb-list-item" data-testid="checklist-item-editor">
                  <LocalizedField
                    label={t('pbChecklistItem', String(itemIndex + 1))}
                    value={item.text}
                    path={(language) => playbookPath.checklistText(index, itemIndex, language)}
                    errors={errors}
                    idPrefix={idPrefix}
                    onChange={(language, value) =>
                      edit(
                        (playbook) => setChecklistItemText(playbook, stage.id, item.id, language, value),
                        `item-${stage.id}-${item.id}-${language}`,
                      )
                    }
                  />
                  <div className="ds-pb-field ds-pb-role">
                    <Field label={t('pbChecklistRole')}>
                      {(control) => (
                        <select
                          {...control}
                          className="ds-select"
                          data-testid="checklist-item-role"
                          value={item.role ?? ''}
                          onChange={(event) => {
                            const role = event.target.value;
                            edit((playbook) =>
                              setChecklistItemRole(
                                playbook,
                                stage.id,
                                item.id,
                                isBuyingRole(role) ? role : undefined,
                              ),
                            );
                          }}
                        >
                          <option value="">{t('pbChecklistRoleNone')}</option>
                          {BUYING_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(ROLE_LABELS[role])}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </div>
                  <RowButtons
                    what={t('pbChecklistItem', String(itemIndex + 1))}
                    index={itemIndex}
                    count={stage.checklist.length}
                    onMove={(offset) =>
                      edit((playbook) => moveChecklistItem(playbook, stage.id, item.id, offset))
                    }
                    onRemove={() => edit((playbook) => removeChecklistItem(playbook, stage.id, item.id))}
                  />
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="ds-pb-button"
              onClick={() => {
                edit((playbook) => addChecklistItem(playbook, stage.id, EMPTY_TEXT).playbook);
                focusLater(
                  fieldId(idPrefix, playbookPath.checklistText(index, stage.checklist.length, 'en')),
                );
              }}
            >
              {t('pbChecklistAdd')}
            </button>

            <h4 className="ds-pb-subheading">{t('pbCadenceHeading')}</h4>
            <p className="ds-muted ds-small">{t('pbCadenceHint')}</p>
            {cadence ? (
              <ol className="ds-pb-list">
                {cadence.steps.map((step, stepIndex) => {
                  const daysPath = playbookPath.stepDays(cadenceIndex, stepIndex);
                  return (
                    <li
                      key={step.id}
                      className="ds-pb-list-item ds-pb-step"
                      data-testid="cadence-step-editor"
                    >
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
                              max={365}
                              step={1}
                              className="ds-input ds-pb-input"
                              value={Number.isNaN(step.offsetDays) ? '' : step.offsetDays}
                              onChange={(event) => {
                                const raw = event.target.value;
                                const days = raw.trim() === '' ? Number.NaN : Number(raw);
                                edit(
                                  (playbook) => setCadenceStepDays(playbook, stage.id, step.id, days),
                                  `step-days-${stage.id}-${step.id}`,
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
                            (playbook) => setCadenceStepTitle(playbook, stage.id, step.id, language, value),
                            `step-title-${stage.id}-${step.id}-${language}`,
                          )
                        }
                      />
                      <RowButtons
                        what={t('pbStepTitle', String(stepIndex + 1))}
                        index={stepIndex}
                        count={cadence.steps.length}
                        onMove={(offset) =>
                          edit((playbook) => moveCadenceStep(playbook, stage.id, step.id, offset))
                        }
                        onRemove={() => edit((playbook) => removeCadenceStep(playbook, stage.id, step.id))}
                      />
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="ds-muted ds-small">{t('pbCadenceEmpty')}</p>
            )}
            <button
              type="button"
              className="ds-pb-button"
              onClick={() => {
                const lastDays = cadence?.steps.at(-1)?.offsetDays;
                const offsetDays =
                  typeof lastDays === 'number' && Number.isFinite(lastDays) ? Math.min(365, lastDays + 7) : 1;
                edit(
                  (playbook) =>
                    addCadenceStep(playbook, stage.id, { offsetDays, title: EMPTY_TEXT }).playbook,
                );
                const c = cadence ? cadenceIndex : cadenceCount;
                focusLater(fieldId(idPrefix, playbookPath.stepTitle(c, cadence?.steps.length ?? 0, 'en')));
              }}
            >
              {t('pbCadenceAdd')}
            </button>
          </div>
        ) : null}
      </details>
    </li>
  );
}
