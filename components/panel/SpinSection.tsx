import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { panelActions } from '@/lib/panel-actions';
import { GENERAL_INDUSTRY, type SpinQuestion } from '@/lib/playbook/schema';
import { rankSpinQuestions, suggestSpinQuestions } from '@/lib/playbook/spin';
import { localized } from '@/lib/playbook/text';
import { industryName } from '../shared/industry-name';
import { accountIndustry, SPIN_TYPE_HINTS, SPIN_TYPE_LABELS, stagePlace, workingStage } from './deal-view';
import { requestInsertIntoNote } from './events';
import type { AccountSectionProps } from './types';
import { useAccountTarget, useAccountWrite } from './useAccountWrite';
import { WriteError } from './WriteError';

/** Suggestions shown at a time. */
export const SPIN_PAGE_SIZE = 4;

/** A write whose effect on the asked list is awaited, and where keyboard focus goes once it lands. */
interface FocusAfter {
  questionId: string;
  asked: boolean;
  list: 'suggestions' | 'asked';
  index: number;
}

function SpinBadge({ question }: { question: SpinQuestion }) {
  return (
    <span
      className={`ds-spin-badge ds-spin-badge-${question.type}`}
      title={t(SPIN_TYPE_HINTS[question.type])}
    >
      {t(SPIN_TYPE_LABELS[question.type])}
    </span>
  );
}

/**
 * What to ask next: a few SPIN questions for the account's stage and industry, never one already asked.
 * Early stages lead with Situation and Problem questions, later ones with Implication and Need-payoff.
 * The rep marks a question asked (it leaves the suggestions), drops it into the note being written, or
 * pages on to more.
 */
export function SpinSection({ state, deal, playbook, locale }: AccountSectionProps) {
  const id = useId();
  const target = useAccountTarget(state, deal);
  const { errors, busy, run } = useAccountWrite();
  const heading = useRef<HTMLHeadingElement>(null);
  const suggestionList = useRef<HTMLUListElement>(null);
  const askedList = useRef<HTMLDetailsElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);
  const [insertStatus, setInsertStatus] = useState<string>('');

  const record = state.account.record;
  const place = stagePlace(playbook, deal);
  const stage = workingStage(playbook, deal);
  const industry = accountIndustry(playbook, record);
  const askedIds = state.askedQuestionIds;

  const ranked = useMemo(
    () => (stage ? rankSpinQuestions(playbook, { stageId: stage.id, industry, askedIds }) : []),
    [playbook, stage, industry, askedIds],
  );
  const stageHasQuestions = useMemo(
    () =>
      stage !== undefined &&
      playbook.questions.some(
        (question) =>
          question.stages.includes(stage.id) &&
          (question.industry === GENERAL_INDUSTRY || question.industry === industry),
      ),
    [playbook, stage, industry],
  );

  // Paging starts over whenever the account, stage or industry changes.
  const pagingBasis = [state.account.key, stage?.id ?? '', industry].join('\u0000');
  const [paging, setPaging] = useState({ basis: pagingBasis, offset: 0 });
  const requested = paging.basis === pagingBasis ? paging.offset : 0;
  // Asking questions shrinks the ranking: past its end, start again from the top.
  const offset = requested < ranked.length ? requested : 0;

  const suggestions = useMemo(
    () =>
      stage
        ? suggestSpinQuestions(playbook, {
            stageId: stage.id,
            industry,
            askedIds,
            count: SPIN_PAGE_SIZE,
            offset,
          })
        : [],
    [playbook, stage, industry, askedIds, offset],
  );

  const askedQuestions = useMemo(() => {
    const byId = new Map(playbook.questions.map((question) => [question.id, question]));
    return askedIds.flatMap((questionId) => {
      const question = byId.get(questionId);
      return question ? [question] : [];
    });
  }, [playbook, askedIds]);

  // Marking asked or undoing removes the button that was pressed once the panel refreshes: put keyboard
  // focus on the next question instead of letting it fall to the page.
  useEffect(() => {
    const pending = focusAfter.current;
    if (!pending || askedIds.includes(pending.questionId) !== pending.asked) return;
    focusAfter.current = null;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const container = pending.list === 'suggestions' ? suggestionList.current : askedList.current;
    const buttons = container?.querySelectorAll<HTMLButtonElement>('[data-spin-primary]') ?? [];
    const next = buttons[Math.min(pending.index, buttons.length - 1)];
    if (next) next.focus();
    else if (pending.list === 'asked' && askedList.current)
      askedList.current.querySelector('summary')?.focus();
    else heading.current?.focus();
  }, [askedIds]);

  function markAsked(question: SpinQuestion, index: number) {
    const key = `ask:${question.id}`;
    if (busy.has(key)) return;
    setInsertStatus('');
    focusAfter.current = { questionId: question.id, asked: true, list: 'suggestions', index };
    void run(key, () => panelActions.logQuestion(target, question.id, question.type, true));
  }

  function undoAsked(question: SpinQuestion, index: number) {
    const key = `undo:${question.id}`;
    if (busy.has(key)) return;
    focusAfter.current = { questionId: question.id, asked: false, list: 'asked', index };
    void run(key, () => panelActions.logQuestion(target, question.id, question.type, false));
  }

  function insert(question: SpinQuestion) {
    const inserted = requestInsertIntoNote(localized(question.text, locale));
    setInsertStatus(inserted ? t('spinInserted') : t('spinInsertUnavailable'));
  }

  function more() {
    const nextOffset = offset + SPIN_PAGE_SIZE;
    setPaging({ basis: pagingBasis, offset: nextOffset < ranked.length ? nextOffset : 0 });
    setInsertStatus('');
  }

  const stageName = stage ? localized(stage.name, locale) : '';
  const rangeEnd = Math.min(offset + suggestions.length, ranked.length);

  return (
    <section className="ds-card ds-spin" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('spinHeading')}
      </h2>
      <p className="ds-spin-context ds-muted">
        {place.kind === 'known'
          ? t('spinContext', [stageName, industryName(playbook, industry, locale)])
          : t('spinDefaultStage', [stageName, industryName(playbook, industry, locale)])}
      </p>

      {suggestions.length > 0 ? (
        <ul className="ds-spin-list" ref={suggestionList} aria-label={t('spinSuggestionsLabel')}>
          {suggestions.map((question, index) => (
            <SpinQuestionItem
              key={question.id}
              question={question}
              locale={locale}
              textId={`${id}-q-${question.id}`}
              testId="spin-question"
              error={errors[`ask:${question.id}`]}
            >
              <button
                type="button"
                className="ds-spin-action"
                data-spin-primary=""
                aria-describedby={`${id}-q-${question.id}`}
                onClick={() => markAsked(question, index)}
              >
                {t('spinMarkAsked')}
              </button>
              <button
                type="button"
                className="ds-spin-action"
                aria-describedby={`${id}-q-${question.id}`}
                onClick={() => insert(question)}
              >
                {t('spinInsert')}
              </button>
            </SpinQuestionItem>
          ))}
        </ul>
      ) : (
        <p className="ds-spin-empty ds-muted">
          {stageHasQuestions ? t('spinAllAsked') : t('spinNoQuestions')}
        </p>
      )}

      <div className="ds-spin-status" role="status" aria-live="polite">
        {insertStatus}
      </div>

      {ranked.length > SPIN_PAGE_SIZE ? (
        <div className="ds-spin-paging">
          <span className="ds-muted">
            {t('spinRange', [String(offset + 1), String(rangeEnd), String(ranked.length)])}
          </span>
          <button type="button" className="ds-spin-action" onClick={more}>
            {t('spinMore')}
          </button>
        </div>
      ) : null}

      {askedQuestions.length > 0 ? (
        <details className="ds-spin-asked" ref={askedList}>
          <summary>{t('spinAskedList', String(askedQuestions.length))}</summary>
          <ul className="ds-spin-list">
            {askedQuestions.map((question, index) => (
              <SpinQuestionItem
                key={question.id}
                question={question}
                locale={locale}
                textId={`${id}-asked-${question.id}`}
                testId="spin-asked"
                error={errors[`undo:${question.id}`]}
                asked
              >
                <button
                  type="button"
                  className="ds-spin-action"
                  data-spin-primary=""
                  aria-describedby={`${id}-asked-${question.id}`}
                  onClick={() => undoAsked(question, index)}
                >
                  {t('spinUndo')}
                </button>
              </SpinQuestionItem>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** One question with its type badge and its actions (suggested, or already asked). */
function SpinQuestionItem({
  question,
  locale,
  textId,
  testId,
  error,
  asked = false,
  children,
}: {
  question: SpinQuestion;
  locale: string;
  textId: string;
  testId: 'spin-question' | 'spin-asked';
  error: string | undefined;
  asked?: boolean;
  children: ReactNode;
}) {
  return (
    <li
      className={asked ? 'ds-spin-question ds-spin-question-asked' : 'ds-spin-question'}
      data-testid={testId}
      data-spin-type={question.type}
      data-question-id={question.id}
    >
      <div className="ds-spin-line">
        <SpinBadge question={question} />
        <p id={textId} className="ds-spin-text">
          {localized(question.text, locale)}
        </p>
      </div>
      <div className="ds-spin-actions">{children}</div>
      <WriteError message={error ? t('spinSaveFailed', error) : undefined} />
    </li>
  );
}
