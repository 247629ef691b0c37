import { useState } from 'react';
import { t } from '@/lib/i18n';
import { slugify, uniqueId } from '@/lib/playbook/edit';
import {
  addIndustry,
  industryUses,
  removeIndustry,
  setIndustryName,
  type AddIndustryResult,
} from '@/lib/playbook/edit-industries';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import { GENERAL_INDUSTRY, type Industry, type Playbook } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { Field } from '../../shared/Field';
import { industryName } from '../../shared/industry-name';
import { useBackgroundQuery } from '../../shared/useBackgroundQuery';
import { FieldMessages, fieldId, LocalizedField } from './LocalizedField';
import type { DraftEditing } from './types';

type AddProblem = Extract<AddIndustryResult, { ok: false }>['problem'];

function addProblemText(problem: AddProblem, typedId: string): string {
  if (problem === 'name-missing') return t('pbIndustryNameMissing');
  if (problem === 'id-taken') return t('pbIndustryIdTaken', typedId);
  return t('pbErrorId');
}

function stageNames(stages: readonly { name: Playbook['name'] }[], locale: string): string {
  return stages.map((stage) => localized(stage.name, locale)).join(t('pbListSeparator'));
}

/**
 * What removing an industry would do, said before it happens. Checklists and cadences of the industry's
 * own are the rep's work and only make sense for it, so they block the removal until the rep sets those
 * stages back to the general process; questions become questions for every industry; accounts keep the
 * industry they store and follow the general process.
 */
function RemoveIndustry({
  playbook,
  industry,
  accounts,
  locale,
  onConfirm,
  onCancel,
}: {
  playbook: Playbook;
  industry: Industry;
  /** Accounts storing this industry; undefined while the count loads or when it failed. */
  accounts: number | undefined;
  locale: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const name = industryName(playbook, industry.id, locale);
  const uses = industryUses(playbook, industry.id);
  const titleId = `industry-remove-${industry.id}-title`;

  if (uses.checklistStages.length > 0 || uses.cadenceStages.length > 0) {
    return (
      <div className="ds-pb-confirm" role="alert" data-testid="industry-remove-blocked">
        <p className="ds-pb-confirm-title">{t('pbIndustryRemoveBlocked', name)}</p>
        <ul className="ds-pb-uses">
          {uses.checklistStages.length > 0 ? (
            <li>{t('pbIndustryOwnChecklistsIn', stageNames(uses.checklistStages, locale))}</li>
          ) : null}
          {uses.cadenceStages.length > 0 ? (
            <li>{t('pbIndustryOwnCadencesIn', stageNames(uses.cadenceStages, locale))}</li>
          ) : null}
        </ul>
        <p className="ds-muted ds-small">{t('pbIndustryRemoveBlockedHint', name)}</p>
        <div className="ds-row">
          <button type="button" className="ds-pb-button" onClick={onCancel}>
            {t('pbDismiss')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div
      className="ds-pb-confirm"
      role="group"
      aria-labelledby={titleId}
      data-testid="industry-remove-confirm-box"
    >
      <p id={titleId} className="ds-pb-confirm-title">
        {t('pbIndustryRemoveTitle', name)}
      </p>
      <ul className="ds-pb-uses">
        <li>
          {uses.questions > 0
            ? t('pbIndustryRemoveQuestions', [String(uses.questions), name])
            : t('pbIndustryRemoveNoQuestions')}
        </li>
        <li>
          {accounts === undefined
            ? t('pbIndustryRemoveAccountsUnknown', industry.id)
            : accounts > 0
              ? t('pbIndustryRemoveAccounts', [String(accounts), industry.id])
              : t('pbIndustryRemoveNoAccounts')}
        </li>
      </ul>
      <div className="ds-row">
        <button
          type="button"
          className="ds-button ds-pb-danger-button"
          data-testid="industry-remove-confirm"
          onClick={onConfirm}
        >
          {t('pbIndustryRemoveConfirm')}
        </button>
        <button type="button" className="ds-pb-button" onClick={onCancel}>
          {t('pbCancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * The playbook's industries: add one (names in both languages; the id is made from the English name
 * unless the rep types one), rename, remove. `general` is not in the list: it is every industry.
 */
export function IndustriesEditor({
  playbook,
  errors,
  idPrefix,
  locale,
  editing,
}: {
  playbook: Playbook;
  errors: FieldErrors;
  idPrefix: string;
  locale: string;
  editing: DraftEditing;
}) {
  const { edit, focusLater } = editing;
  const accountCounts = useBackgroundQuery(
    'countAccountsByIndustry',
    {},
    { refreshOn: { dataChanged: (event) => !event.notesOnly } },
  );
  const counts = accountCounts.result.status === 'ready' ? accountCounts.result.data : undefined;
  const [removing, setRemoving] = useState<string | null>(null);
  const [newName, setNewName] = useState({ en: '', 'zh-CN': '' });
  const [newId, setNewId] = useState('');
  const [addProblem, setAddProblem] = useState<string | null>(null);
  const taken = [GENERAL_INDUSTRY, ...playbook.industries.map((industry) => industry.id)];
  const suggestedId = uniqueId(slugify(newName.en, 'industry'), taken);
  const addId = `${idPrefix}-industry-new`;

  function add() {
    const result = addIndustry(playbook, newName, newId);
    if (!result.ok) {
      setAddProblem(addProblemText(result.problem, newId.trim()));
      return;
    }
    edit(() => result.playbook);
    setNewName({ en: '', 'zh-CN': '' });
    setNewId('');
    setAddProblem(null);
    focusLater(fieldId(idPrefix, playbookPath.industryName(playbook.industries.length, 'en')));
  }

  return (
    <>
      <FieldMessages
        id={fieldId(idPrefix, playbookPath.industries)}
        messages={errors.at(playbookPath.industries)}
      />
      <ol className="ds-pb-list ds-pb-industries">
        {playbook.industries.map((industry, index) => (
          <li
            key={industry.id}
            className="ds-pb-industry"
            data-testid="industry-editor"
            data-industry-id={industry.id}
          >
            <div className="ds-pb-industry-row">
              <LocalizedField
                label={t('pbIndustryName')}
                value={industry.name}
                path={(language) => playbookPath.industryName(index, language)}
                errors={errors}
                idPrefix={idPrefix}
                testId="industry-name"
                onChange={(language, value) =>
                  edit(
                    (current) => setIndustryName(current, industry.id, language, value),
                    `industry-name-${industry.id}-${language}`,
                  )
                }
              />
              <div className="ds-pb-industry-side">
                <span className="ds-muted ds-small">
                  {t('pbIndustryId')} <code className="ds-pb-path">{industry.id}</code>
                </span>
                <button
                  type="button"
                  className="ds-pb-button ds-pb-danger"
                  aria-expanded={removing === industry.id}
                  data-testid="industry-remove"
                  onClick={() => setRemoving(removing === industry.id ? null : industry.id)}
                >
                  {t('pbIndustryRemove')}
                </button>
              </div>
            </div>
            <FieldMessages
              id={fieldId(idPrefix, playbookPath.industry(index))}
              messages={errors.at(`${playbookPath.industry(index)}.id`)}
            />
            {removing === industry.id ? (
              <RemoveIndustry
                playbook={playbook}
                industry={industry}
                accounts={counts === undefined ? undefined : (counts[industry.id] ?? 0)}
                locale={locale}
                onCancel={() => setRemoving(null)}
                onConfirm={() => {
                  edit((current) => removeIndustry(current, industry.id));
                  setRemoving(null);
                }}
              />
            ) : null}
          </li>
        ))}
      </ol>

      <fieldset className="ds-pb-fieldset ds-pb-industry-add" data-testid="industry-add-form">
        <legend>{t('pbIndustryAddHeading')}</legend>
        <div className="ds-pb-industry-add-fields">
          <div className="ds-pb-field">
            <Field label={t('pbFieldInLanguage', [t('pbIndustryName'), t('pbLanguageEn')])}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang="en"
                  className="ds-input ds-pb-input"
                  data-testid="industry-new-en"
                  value={newName.en}
                  onChange={(event) => setNewName({ ...newName, en: event.target.value })}
                />
              )}
            </Field>
          </div>
          <div className="ds-pb-field">
            <Field label={t('pbFieldInLanguage', [t('pbIndustryName'), t('pbLanguageZh')])}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang="zh-CN"
                  className="ds-input ds-pb-input"
                  data-testid="industry-new-zh"
                  value={newName['zh-CN']}
                  onChange={(event) => setNewName({ ...newName, 'zh-CN': event.target.value })}
                />
              )}
            </Field>
          </div>
          <div className="ds-pb-field">
            <Field label={t('pbIndustryNewId')} describedBy={`${addId}-id-hint`}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="ds-input ds-pb-input"
                  data-testid="industry-new-id"
                  placeholder={suggestedId}
                  value={newId}
                  onChange={(event) => setNewId(event.target.value)}
                />
              )}
            </Field>
            <p id={`${addId}-id-hint`} className="ds-muted ds-small">
              {t('pbIndustryNewIdHint')}
            </p>
          </div>
        </div>
        <div className="ds-pb-actions">
          <button type="button" className="ds-pb-button" data-testid="industry-add" onClick={add}>
            {t('pbIndustryAdd')}
          </button>
          {addProblem ? (
            <p className="ds-error-text" role="alert" data-testid="industry-add-error">
              {addProblem}
            </p>
          ) : null}
        </div>
      </fieldset>
    </>
  );
}
