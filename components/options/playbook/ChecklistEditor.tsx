import { t } from '@/lib/i18n';
import {
  addChecklistItem,
  moveChecklistItem,
  removeChecklistItem,
  setChecklistItemRole,
  setChecklistItemText,
} from '@/lib/playbook/edit';
import { addChecklistVariant, removeChecklistVariant } from '@/lib/playbook/edit-industries';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import { ownChecklist } from '@/lib/playbook/industries';
import { GENERAL_INDUSTRY, type IndustryId, type Stage } from '@/lib/playbook/schema';
import { FieldMessages, fieldId, LocalizedField } from './LocalizedField';
import { RowButtons } from './RowButtons';
import { Field } from '../../shared/Field';
import { BUYING_ROLES, isBuyingRole } from '@/lib/contact/buying-roles';
import { ROLE_LABELS } from '@/lib/contact/role-labels';
import type { DraftEditing } from './types';

const EMPTY_TEXT = { en: '', 'zh-CN': '' };

/**
 * A stage's exit checklist as the chosen industry sees it: the general list, or the industry's own. An
 * industry without its own follows the general list ("same as general") until the rep gives it one,
 * which starts as a copy of the general list.
 */
export function ChecklistEditor({
  stage,
  stageIndex,
  industry,
  industryName,
  errors,
  idPrefix,
  editing,
}: {
  stage: Stage;
  stageIndex: number;
  industry: IndustryId;
  /** The chosen industry's name in the rep's language. */
  industryName: string;
  errors: FieldErrors;
  idPrefix: string;
  editing: DraftEditing;
}) {
  const { edit, focusLater } = editing;
  const general = industry === GENERAL_INDUSTRY;
  const items = general ? stage.checklist : ownChecklist(stage, industry);
  const listPath = playbookPath.checklist(stageIndex, industry);

  if (!items) {
    return (
      <div className="ds-pb-variant" data-testid="checklist-variant-none">
        <p className="ds-muted ds-small">{t('pbChecklistSameAsGeneral', industryName)}</p>
        <button
          type="button"
          className="ds-pb-button"
          data-testid="checklist-variant-add"
          onClick={() => {
            edit((playbook) => addChecklistVariant(playbook, stage.id, industry));
            focusLater(fieldId(idPrefix, playbookPath.checklistText(stageIndex, 0, 'en', industry)));
          }}
        >
          {t('pbChecklistVariantAdd', industryName)}
        </button>
      </div>
    );
  }

  return (
    <>
      {general ? null : <p className="ds-muted ds-small">{t('pbChecklistOwnHint', industryName)}</p>}
      <FieldMessages id={fieldId(idPrefix, listPath)} messages={errors.at(listPath)} />
      {items.length === 0 ? <p className="ds-muted ds-small">{t('pbChecklistEmpty')}</p> : null}
      <ol className="ds-pb-list">
        {items.map((item, itemIndex) => (
          <li key={item.id} className="ds-pb-list-item" data-testid="checklist-item-editor">
            <LocalizedField
              label={t('pbChecklistItem', String(itemIndex + 1))}
              value={item.text}
              path={(language) => playbookPath.checklistText(stageIndex, itemIndex, language, industry)}
              errors={errors}
              idPrefix={idPrefix}
              testId="checklist-item-text"
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
              count={items.length}
              onMove={(offset) => edit((playbook) => moveChecklistItem(playbook, stage.id, item.id, offset))}
              onRemove={() => edit((playbook) => removeChecklistItem(playbook, stage.id, item.id))}
            />
          </li>
        ))}
      </ol>
      <div className="ds-pb-actions">
        <button
          type="button"
          className="ds-pb-button"
          data-testid="checklist-item-add"
          onClick={() => {
            edit((playbook) => addChecklistItem(playbook, stage.id, EMPTY_TEXT, industry).playbook);
            focusLater(
              fieldId(idPrefix, playbookPath.checklistText(stageIndex, items.length, 'en', industry)),
            );
          }}
        >
          {t('pbChecklistAdd')}
        </button>
        {general ? null : (
          <button
            type="button"
            className="ds-pb-button ds-pb-danger"
            data-testid="checklist-variant-remove"
            onClick={() => edit((playbook) => removeChecklistVariant(playbook, stage.id, industry))}
          >
            {t('pbChecklistVariantRemove', industryName)}
          </button>
        )}
      </div>
    </>
  );
}
