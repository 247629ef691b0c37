import { memo, useId, type DragEvent, type KeyboardEvent } from 'react';
import { t } from '@/lib/i18n';
import type { PipelineDeal } from '@/lib/messaging/protocol';
import { daysInStage } from '@/lib/pipeline/filters';
import { formatCloseDate } from '../panel/deal-format';
import { dealValueText, nextStepText } from './pipeline-text';

/** The drag data type of a card: the deal's id. */
export const DEAL_DRAG_TYPE = 'application/x-dealside-deal';

export interface CardStage {
  id: string;
  name: string;
}

interface PipelineCardProps {
  deal: PipelineDeal;
  now: number;
  today: string;
  locale: string;
  /** The playbook's stages, in order: the card's "move to" choices. */
  stages: readonly CardStage[];
  /** Id of the text that says how to move cards (read with every card). */
  hintId: string;
  onMove: (deal: PipelineDeal, stageId: string, byKeyboard: boolean) => void;
  /** Alt+arrow: one stage on (+1) or back (−1). */
  onStep: (deal: PipelineDeal, step: 1 | -1) => void;
  onOpenAccount: (deal: PipelineDeal) => void;
  onDragStart: (deal: PipelineDeal) => void;
  onDragEnd: () => void;
  /** False while the page has only the first cards: moving waits for every deal to be there. */
  movable: boolean;
}

/** Up and down move the focus between the cards of a column. */
function focusSibling(card: HTMLElement, step: 1 | -1): void {
  const item = card.closest('li');
  const sibling = step === 1 ? item?.nextElementSibling : item?.previousElementSibling;
  sibling?.querySelector<HTMLElement>('[data-testid="pipeline-card"]')?.focus();
}

/**
 * One open deal on the board: its title, account (a button back to the account's last page), value,
 * days in stage, next step and close day. It is dragged to another column, moved one stage with Alt+→ /
 * Alt+← while focused, or sent to any stage with its "move to" list.
 */
export const PipelineCard = memo(function PipelineCard({
  deal,
  now,
  today,
  locale,
  stages,
  hintId,
  onMove,
  onStep,
  onOpenAccount,
  onDragStart,
  onDragEnd,
  movable,
}: PipelineCardProps) {
  const titleId = useId();
  const value = dealValueText(deal, locale);
  const days = daysInStage(deal, now);
  const overdueStep = deal.nextFollowUp !== undefined && deal.nextFollowUp.due < now;
  const closePassed = deal.closeDate !== undefined && deal.closeDate < today;
  const known = stages.some((stage) => stage.id === deal.stageId);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      if (movable) onStep(deal, event.key === 'ArrowRight' ? 1 : -1);
    } else if (!event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      focusSibling(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const dragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(DEAL_DRAG_TYPE, deal.id);
    event.dataTransfer.setData('text/plain', deal.title);
    event.dataTransfer.effectAllowed = 'move';
    onDragStart(deal);
  };

  return (
    <article
      className="ds-pipeline-card"
      data-testid="pipeline-card"
      data-deal-id={deal.id}
      data-account-key={deal.accountKey}
      tabIndex={0}
      draggable={movable}
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      onDragStart={dragStart}
      onDragEnd={onDragEnd}
    >
      <h3 id={titleId} className="ds-pipeline-card-title">
        {deal.title}
      </h3>
      {/* Without a page to return to, the button says so rather than doing nothing. */}
      <button
        type="button"
        className="ds-pipeline-account"
        aria-label={t('pipelineOpenAccount', deal.accountLabel)}
        onClick={() => onOpenAccount(deal)}
      >
        {deal.accountLabel}
      </button>
      <p className="ds-pipeline-facts">
        {value ? <span className="ds-pipeline-value">{value}</span> : null}
        {days !== undefined ? <span>{t('pipelineDaysInStage', String(days))}</span> : null}
      </p>
      <p className={overdueStep ? 'ds-pipeline-step ds-pipeline-late' : 'ds-pipeline-step'}>
        {nextStepText(deal, now, locale)}
      </p>
      {deal.closeDate ? (
        <p className={closePassed ? 'ds-pipeline-close ds-pipeline-late' : 'ds-pipeline-close'}>
          {t(
            closePassed ? 'pipelineCloseDatePassed' : 'pipelineClosesOn',
            formatCloseDate(deal.closeDate, locale),
          )}
        </p>
      ) : null}
      <select
        className="ds-stage-select ds-pipeline-move"
        aria-label={t('pipelineMoveLabel', deal.title)}
        value={known ? deal.stageId : ''}
        disabled={!movable}
        onChange={(event) => {
          if (event.target.value) onMove(deal, event.target.value, true);
        }}
      >
        {known ? null : (
          <option value="" disabled>
            {t('pipelineOtherStages')}
          </option>
        )}
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name}
          </option>
        ))}
      </select>
    </article>
  );
});
