import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { t } from '@/lib/i18n';
import type { PipelineDeal } from '@/lib/messaging/protocol';
import { OTHER_STAGES_COLUMN, type BoardColumn } from '@/lib/pipeline/board';
import { DEAL_DRAG_TYPE, PipelineCard, type CardStage } from './PipelineCard';
import { totalsText } from './pipeline-text';

/**
 * Cards shown per column before "Show more": a column of thousands would take the browser seconds to lay
 * out and nobody reads that far down a board. Measured with 10,000 open deals (BENCHMARKS.md).
 */
export const CARDS_PER_COLUMN = 50;

interface PipelineBoardProps {
  columns: BoardColumn[];
  stages: readonly CardStage[];
  now: number;
  today: string;
  locale: string;
  hintId: string;
  /** Deals moved on this page: shown in their new column even beyond the first cards. */
  movedIds: ReadonlySet<string>;
  focusDealId: string | null;
  onFocused: () => void;
  onMove: (deal: PipelineDeal, stageId: string, keepFocus: boolean) => void;
  /** Alt+arrow past the first or the last stage. */
  onNoFurther: (deal: PipelineDeal, step: 1 | -1) => void;
  onOpenAccount: (deal: PipelineDeal) => void;
  /**
   * True while the page has only each column's first cards: the columns' counts and totals are whole,
   * but moving cards and "Show more" wait for the rest.
   */
  busy: boolean;
}

/** The cards a column shows: the first `limit`, and any deal moved here on this page. */
function shownCards(column: BoardColumn, limit: number, movedIds: ReadonlySet<string>): PipelineDeal[] {
  if (column.deals.length <= limit) return column.deals;
  const first = column.deals.slice(0, limit);
  const moved = column.deals.slice(limit).filter((deal) => movedIds.has(deal.id));
  return moved.length > 0 ? [...moved, ...first] : first;
}

/** The open deals as columns by stage; cards move between columns by drag and drop or from the keyboard. */
export function PipelineBoard({
  columns,
  stages,
  now,
  today,
  locale,
  hintId,
  movedIds,
  focusDealId,
  onFocused,
  onMove,
  onNoFurther,
  onOpenAccount,
  busy,
}: PipelineBoardProps) {
  const boardRef = useRef<HTMLDivElement>(null);
  const [limits, setLimits] = useState<ReadonlyMap<string, number>>(new Map());
  const [dragged, setDragged] = useState<PipelineDeal | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const stageIds = useMemo(() => stages.map((stage) => stage.id), [stages]);

  // A card moved from the keyboard keeps the focus in its new column.
  useEffect(() => {
    if (!focusDealId) return;
    const card = boardRef.current?.querySelector<HTMLElement>(
      `[data-testid="pipeline-card"][data-deal-id="${CSS.escape(focusDealId)}"]`,
    );
    if (card) {
      card.focus();
      onFocused();
    }
  }, [focusDealId, columns, onFocused]);

  const onStep = useCallback(
    (deal: PipelineDeal, step: 1 | -1) => {
      const index = deal.stageId === undefined ? -1 : stageIds.indexOf(deal.stageId);
      // A deal outside the playbook's stages steps into its first stage.
      const target = index === -1 ? stageIds[0] : stageIds[index + step];
      if (target) onMove(deal, target, true);
      else onNoFurther(deal, step);
    },
    [stageIds, onMove, onNoFurther],
  );
  const onCardMove = useCallback(
    (deal: PipelineDeal, stageId: string, keepFocus: boolean) => onMove(deal, stageId, keepFocus),
    [onMove],
  );
  const onDragEnd = useCallback(() => {
    setDragged(null);
    setDropTarget(null);
  }, []);

  const dropHandlers = (stageId: string) =>
    stageId === OTHER_STAGES_COLUMN
      ? {}
      : {
          onDragOver(event: DragEvent<HTMLElement>) {
            if (!event.dataTransfer.types.includes(DEAL_DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            if (dropTarget !== stageId) setDropTarget(stageId);
          },
          onDragLeave(event: DragEvent<HTMLElement>) {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
          },
          onDrop(event: DragEvent<HTMLElement>) {
            event.preventDefault();
            const id = event.dataTransfer.getData(DEAL_DRAG_TYPE) || dragged?.id;
            const deal =
              dragged?.id === id
                ? dragged
                : columns.flatMap((column) => column.deals).find((candidate) => candidate.id === id);
            setDragged(null);
            setDropTarget(null);
            if (deal) onMove(deal, stageId, false);
          },
        };

  return (
    <div
      ref={boardRef}
      className="ds-pipeline-board"
      data-testid="pipeline-board"
      role="region"
      aria-label={t('pipelineBoardLabel')}
      aria-busy={busy}
    >
      {columns.map((column) => {
        const stage = stages.find((candidate) => candidate.id === column.stageId);
        const name = stage?.name ?? t('pipelineOtherStages');
        const limit = limits.get(column.stageId) ?? CARDS_PER_COLUMN;
        const cards = shownCards(column, limit, movedIds);
        const hidden = column.count - cards.length;
        const headingId = `pipeline-column-${column.stageId || 'other'}`;
        const totals = totalsText(column, locale);
        return (
          <section
            key={column.stageId}
            className={
              dropTarget === column.stageId ? 'ds-pipeline-column ds-pipeline-drop' : 'ds-pipeline-column'
            }
            data-testid="pipeline-column"
            data-stage-id={column.stageId}
            aria-labelledby={headingId}
            {...dropHandlers(column.stageId)}
          >
            <header className="ds-pipeline-column-head">
              <h2 id={headingId}>{name}</h2>
              <p className="ds-pipeline-column-figures">
                <span className="ds-count">{t('pipelineColumnCount', String(column.count))}</span>
                {totals ? <span className="ds-pipeline-totals">{totals}</span> : null}
              </p>
            </header>
            {cards.length === 0 ? (
              <p className="ds-muted ds-small ds-pipeline-column-empty">{t('pipelineColumnEmpty')}</p>
            ) : (
              <ol className="ds-pipeline-cards">
                {cards.map((deal) => (
                  <li key={deal.id}>
                    <PipelineCard
                      deal={deal}
                      now={now}
                      today={today}
                      locale={locale}
                      stages={stages}
                      hintId={hintId}
                      onMove={onCardMove}
                      onStep={onStep}
                      onOpenAccount={onOpenAccount}
                      onDragStart={setDragged}
                      onDragEnd={onDragEnd}
                      movable={!busy}
                    />
                  </li>
                ))}
              </ol>
            )}
            {hidden > 0 ? (
              <button
                type="button"
                className="ds-button ds-button-secondary ds-pipeline-more"
                disabled={busy}
                onClick={() =>
                  setLimits((current) => new Map(current).set(column.stageId, limit + CARDS_PER_COLUMN))
                }
              >
                {t('pipelineShowMore', String(Math.min(hidden, CARDS_PER_COLUMN)))}
              </button>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
