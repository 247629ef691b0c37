import { useMemo, useState } from 'react';
import { t } from '@/lib/i18n';
import {
  addQuestion,
  removeQuestion,
  setQuestionFields,
  setQuestionStage,
  setQuestionText,
} from '@/lib/playbook/edit';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import { filterQuestions, type FilteredQuestion } from '@/lib/playbook/question-filter';
import { GENERAL_INDUSTRY, SPIN_TYPES, type Playbook, type SpinType } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { industryName } from '../../shared/industry-name';
import { SPIN_TYPE_NAMES } from './labels';
import { FieldMessages, fieldId, LocalizedField } from './LocalizedField';
import type { DraftEditing } from './types';

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

/**
 * The industries a question may be for: every industry, then the playbook's; a value the playbook does
 * not list (from an imported file) stays choosable so the select shows what the question says.
 */
function industryChoices(playbook: Playbook, current?: string): string[] {
  const listed = [GENERAL_INDUSTRY, ...playbook.industries.map((industry) => industry.id)];
  return current === undefined || listed.includes(current) ? listed : [...listed, current];
}

function QuestionEditor({
  entry,
  playbook,
  errors,
  idPrefix,
  locale,
  open,
  onToggle,
  editing,
}: {
  entry: FilteredQuestion;
  playbook: Playbook;
  errors: FieldErrors;
  idPrefix: string;
  locale: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  editing: DraftEditing;
}) {
  const { question, index } = entry;
  const { edit } = editing;
  const problems = errors.countWithin(playbookPath.question(index));
  const text = localized(question.text, locale).trim();
  const base = fieldId(idPrefix, playbookPath.question(index));
  const stagesPath = playbookPath.questionStages(index);
  const industryPath = playbookPath.questionIndustry(index);
  const stageMessages = errors.at(stagesPath);

  return (
    <li className="ds-pb-question" data-testid="question-editor" data-question-id={question.id}>
      <details open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
        <summary className="ds-pb-summary">
          <span
            className={`ds-pb-type ds-pb-type-${question.type}`}
            title={t(SPIN_TYPE_NAMES[question.type])}
          >
            {question.type}
          </span>
          <span className="ds-pb-summary-text">{text || t('pbQuestionNoText')}</span>
          {question.industry !== GENERAL_INDUSTRY ? (
            <span className="ds-pb-tag">{industryName(playbook, question.industry, locale)}</span>
          ) : null}
          {problems > 0 ? (
            <span className="ds-pb-problem-badge">{t('pbProblemCount', String(problems))}</span>
          ) : null}
        </summary>
        {open ? (
          <div className="ds-pb-question-body">
            <div className="ds-pb-question-fields">
              <div className="ds-pb-field">
                <label htmlFor={`${base}-type`} className="ds-label">
                  {t('pbQuestionType')}
                </label>
                <select
                  id={`${base}-type`}
                  className="ds-select"
                  value={question.type}
                  onChange={(event) =>
                    edit((playbook) =>
                      setQuestionFields(playbook, question.id, { type: event.target.value as SpinType }),
                    )
                  }
                >
                  {SPIN_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t('pbTypeOption', [type, t(SPIN_TYPE_NAMES[type])])}
                    </option>
                  ))}
                </select>
              </div>
              <div className="ds-pb-field">
                <label htmlFor={`${base}-industry`} className="ds-label">
                  {t('industryLabel')}
                </label>
                <select
                  id={`${base}-industry`}
                  className="ds-select"
                  value={question.industry}
                  aria-invalid={errors.at(industryPath).length > 0 ? true : undefined}
                  onChange={(event) =>
                    edit((playbook) =>
                      setQuestionFields(playbook, question.id, { industry: event.target.value }),
                    )
                  }
                >
                  {industryChoices(playbook, question.industry).map((industry) => (
                    <option key={industry} value={industry}>
                      {industryName(playbook, industry, locale)}
                    </option>
                  ))}
                </select>
                <FieldMessages id={`${base}-industry-error`} messages={errors.at(industryPath)} />
              </div>
            </div>
            <fieldset
              className="ds-pb-stages"
              aria-invalid={stageMessages.length > 0 ? true : undefined}
              aria-describedby={
                stageMessages.length > 0 ? `${fieldId(idPrefix, stagesPath)}-error` : undefined
              }
            >
              <legend className="ds-label">{t('pbQuestionStages')}</legend>
              {playbook.stages.map((stage) => (
                <label key={stage.id} className="ds-pb-check">
                  <input
                    type="checkbox"
                    checked={question.stages.includes(stage.id)}
                    onChange={(event) =>
                      edit((playbook) =>
                        setQuestionStage(playbook, question.id, stage.id, event.target.checked),
                      )
                    }
                  />
                  <span>{localized(stage.name, locale) || stage.id}</span>
                </label>
              ))}
              <FieldMessages id={`${fieldId(idPrefix, stagesPath)}-error`} messages={stageMessages} />
            </fieldset>
            <LocalizedField
              label={t('pbQuestionText')}
              value={question.text}
              path={(language) => playbookPath.questionText(index, language)}
              errors={errors}
              idPrefix={idPrefix}
              multiline
              testId="question-text"
              onChange={(language, value) =>
                edit(
                  (playbook) => setQuestionText(playbook, question.id, language, value),
                  `question-${question.id}-${language}`,
                )
              }
            />
            <button
              type="button"
              className="ds-pb-button ds-pb-danger"
              onClick={() => edit((playbook) => removeQuestion(playbook, question.id))}
            >
              {t('pbQuestionRemove')}
            </button>
          </div>
        ) : null}
      </details>
    </li>
  );
}

/**
 * The SPIN question bank: filtered by stage, type, industry and words, grouped by SPIN type, every group
 * and question collapsed until opened, so a bank of hundreds stays quick to scan and to edit.
 */
export function QuestionBank({
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
  const [stageId, setStageId] = useState('');
  const [type, setType] = useState<SpinType | ''>('');
  const [industry, setIndustry] = useState('');
  const [words, setWords] = useState('');
  const [openGroups, setOpenGroups] = useState<ReadonlySet<SpinType>>(new Set());
  const [openQuestions, setOpenQuestions] = useState<ReadonlySet<string>>(new Set());

  const filtered = useMemo(
    () =>
      filterQuestions(playbook.questions, {
        ...(stageId ? { stageId } : {}),
        ...(type ? { type } : {}),
        ...(industry ? { industry } : {}),
        text: words,
      }),
    [playbook.questions, stageId, type, industry, words],
  );
  const groups = SPIN_TYPES.map((spinType) => ({
    type: spinType,
    entries: filtered.filter((entry) => entry.question.type === spinType),
  })).filter((group) => group.entries.length > 0);

  function add() {
    const stage = stageId || playbook.stages[0]?.id;
    const spinType = type || 'S';
    const result = addQuestion(playbook, {
      type: spinType,
      industry: industry || GENERAL_INDUSTRY,
      stages: stage ? [stage] : [],
      text: { en: '', 'zh-CN': '' },
    });
    editing.edit(() => result.playbook);
    setWords('');
    setOpenGroups((open) => toggled(open, spinType, true));
    setOpenQuestions((open) => toggled(open, result.questionId, true));
    editing.focusLater(fieldId(idPrefix, playbookPath.questionText(playbook.questions.length, 'en')));
  }

  const filterId = `${idPrefix}-filter`;
  return (
    <div className="ds-pb-questions">
      <div className="ds-pb-filters" role="search" aria-label={t('pbQuestionFilters')}>
        <div className="ds-pb-field">
          <label htmlFor={`${filterId}-stage`} className="ds-label">
            {t('pbFilterStage')}
          </label>
          <select
            id={`${filterId}-stage`}
            className="ds-select"
            value={stageId}
            data-testid="question-filter-stage"
            onChange={(event) => setStageId(event.target.value)}
          >
            <option value="">{t('pbFilterAllStages')}</option>
            {playbook.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {localized(stage.name, locale) || stage.id}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-pb-field">
          <label htmlFor={`${filterId}-type`} className="ds-label">
            {t('pbFilterType')}
          </label>
          <select
            id={`${filterId}-type`}
            className="ds-select"
            value={type}
            data-testid="question-filter-type"
            onChange={(event) => setType(event.target.value as SpinType | '')}
          >
            <option value="">{t('pbFilterAllTypes')}</option>
            {SPIN_TYPES.map((spinType) => (
              <option key={spinType} value={spinType}>
                {t('pbTypeOption', [spinType, t(SPIN_TYPE_NAMES[spinType])])}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-pb-field">
          <label htmlFor={`${filterId}-industry`} className="ds-label">
            {t('pbFilterIndustry')}
          </label>
          <select
            id={`${filterId}-industry`}
            className="ds-select"
            value={industry}
            data-testid="question-filter-industry"
            onChange={(event) => setIndustry(event.target.value)}
          >
            <option value="">{t('pbFilterAllIndustries')}</option>
            {industryChoices(playbook).map((candidate) => (
              <option key={candidate} value={candidate}>
                {industryName(playbook, candidate, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-pb-field ds-pb-filter-words">
          <label htmlFor={`${filterId}-words`} className="ds-label">
            {t('pbFilterWords')}
          </label>
          <input
            id={`${filterId}-words`}
            type="search"
            className="ds-input"
            value={words}
            data-testid="question-filter-words"
            onChange={(event) => setWords(event.target.value)}
          />
        </div>
      </div>
      <div className="ds-pb-actions">
        <p className="ds-muted ds-small" role="status" data-testid="question-count">
          {t('pbQuestionCount', [String(filtered.length), String(playbook.questions.length)])}
        </p>
        <button
          type="button"
          className="ds-pb-button"
          onClick={() => setOpenGroups(new Set(groups.map((group) => group.type)))}
        >
          {t('pbExpandAll')}
        </button>
        <button
          type="button"
          className="ds-pb-button"
          onClick={() => {
            setOpenGroups(new Set());
            setOpenQuestions(new Set());
          }}
        >
          {t('pbCollapseAll')}
        </button>
        <button type="button" className="ds-pb-button" data-testid="question-add" onClick={add}>
          {t('pbQuestionAdd')}
        </button>
      </div>
      {errors.at(playbookPath.questions).length > 0 ? (
        <FieldMessages id={`${idPrefix}-questions-error`} messages={errors.at(playbookPath.questions)} />
      ) : null}
      {groups.length === 0 ? <p className="ds-muted">{t('pbQuestionNone')}</p> : null}
      {groups.map((group) => {
        const problems = group.entries.reduce(
          (sum, entry) => sum + errors.countWithin(playbookPath.question(entry.index)),
          0,
        );
        return (
          <details
            key={group.type}
            className="ds-pb-group"
            data-testid="question-group"
            data-spin-type={group.type}
            open={openGroups.has(group.type)}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              setOpenGroups((open) =>
                open.has(group.type) === isOpen ? open : toggled(open, group.type, isOpen),
              );
            }}
          >
            <summary className="ds-pb-summary ds-pb-group-summary">
              <span className={`ds-pb-type ds-pb-type-${group.type}`} aria-hidden="true">
                {group.type}
              </span>
              <span className="ds-pb-summary-text">
                {t('pbGroupSummary', [t(SPIN_TYPE_NAMES[group.type]), String(group.entries.length)])}
              </span>
              {problems > 0 ? (
                <span className="ds-pb-problem-badge">{t('pbProblemCount', String(problems))}</span>
              ) : null}
            </summary>
            {openGroups.has(group.type) ? (
              <ul className="ds-pb-list">
                {group.entries.map((entry) => (
                  <QuestionEditor
                    key={entry.question.id}
                    entry={entry}
                    playbook={playbook}
                    errors={errors}
                    idPrefix={idPrefix}
                    locale={locale}
                    open={openQuestions.has(entry.question.id)}
                    onToggle={(isOpen) =>
                      setOpenQuestions((open) =>
                        open.has(entry.question.id) === isOpen
                          ? open
                          : toggled(open, entry.question.id, isOpen),
                      )
                    }
                    editing={editing}
                  />
                ))}
              </ul>
            ) : null}
          </details>
        );
      })}
    </div>
  );
}
