import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n';
import type { PipelineDeal } from '@/lib/messaging/protocol';
import { boardColumns } from '@/lib/pipeline/board';
import { filterDeals, parseStaleDays, PIPELINE_FILTERS, type PipelineFilter } from '@/lib/pipeline/filters';
import { sortDeals } from '@/lib/pipeline/sort';
import { localized } from '@/lib/playbook/text';
import { localDay } from '../panel/deal-format';
import { Field } from '../shared/Field';
import { LoadError, Loading } from '../shared/LoadError';
import { useBackgroundQuery } from '../shared/useBackgroundQuery';
import { CARDS_PER_COLUMN, PipelineBoard } from './PipelineBoard';
import { PipelineTable } from './PipelineTable';
import { stageName } from './pipeline-text';
import { useOpenAccount } from './useOpenAccount';
import { usePipelineSettings, type PipelineViewKind } from './usePipelineSettings';
import { useStageMoves } from './useStageMoves';
import '../panel/panel.css';
import './pipeline.css';

const FILTER_LABELS: Record<PipelineFilter, MessageKey> = {
  all: 'pipelineFilterAll',
  stale: 'pipelineFilterStale',
  'no-next-step': 'pipelineFilterNoNextStep',
  overdue: 'pipelineFilterOverdue',
  'closing-this-month': 'pipelineFilterClosingThisMonth',
};

/** The benchmark's mark (scripts/bench/pipeline-page.ts): the first render of the board with its data. */
export const PIPELINE_READY_MARK = 'dealside:pipeline-ready';
/** The benchmark's second mark: every deal is there (filters, the table, moves, "Show more"). */
export const PIPELINE_COMPLETE_MARK = 'dealside:pipeline-complete';

/** The days after which a deal is stale, as the rep types them; a bad number is explained, not applied. */
function StaleDaysInput({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  const [text, setText] = useState(String(days));
  const invalid = parseStaleDays(text) === null;
  return (
    <div className="ds-pipeline-control">
      <Field label={t('pipelineStaleDaysLabel')} error={invalid ? t('pipelineStaleDaysInvalid') : null}>
        {(control) => (
          <input
            {...control}
            className="ds-input ds-pipeline-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              const parsed = parseStaleDays(event.target.value);
              if (parsed !== null) onChange(parsed);
            }}
          />
        )}
      </Field>
    </div>
  );
}

/**
 * The pipeline page: every open deal as a board by stage or as a table, with filters for stale deals,
 * deals without a next step, overdue ones and those closing this month. Moving a card changes the
 * deal's stage exactly as the panel's stage picker does.
 */
export function PipelineApp() {
  const locale = uiLanguage();
  const hintId = useId();
  const [settings, change] = usePipelineSettings();
  // Thousands of deals take a while to cross from the background; each column's first cards, with
  // every column's count and totals, do not. The board is drawn from those, then every deal follows.
  const firstCards = useBackgroundQuery('getPipeline', { firstPerStage: CARDS_PER_COLUMN });
  const pipeline = useBackgroundQuery(
    'getPipeline',
    {},
    {
      // A burst of changes (an import, a playbook saved with stage moves) costs one reload.
      refreshOn: { dataChanged: (event) => !event.notesOnly, playbookChanged: true },
      settleMs: 250,
      skip: firstCards.result.status === 'loading',
    },
  );
  const playbook = useBackgroundQuery('getPlaybook', {}, { refreshOn: { playbookChanged: true } });
  // Only the board of all open deals can be drawn from the first cards; a filter or the table waits.
  const firstCardsServe = settings.view === 'board' && settings.filter === 'all';
  const view = pipeline.latest ?? (firstCardsServe ? firstCards.latest : undefined);
  const busy = view?.groups !== undefined;
  const moves = useStageMoves(view, locale, pipeline.reload);
  const { open: openAccount, problem: openProblem } = useOpenAccount();

  useEffect(() => {
    document.title = t('pipelinePageTitle');
  }, []);

  const stages = useMemo(
    () =>
      (playbook.latest?.stages ?? []).map((stage) => ({ id: stage.id, name: localized(stage.name, locale) })),
    [playbook.latest, locale],
  );
  const stageLabel = useCallback(
    (stageId: string | undefined) => (playbook.latest ? stageName(playbook.latest, stageId, locale) : ''),
    [playbook.latest, locale],
  );
  const now = view?.now ?? 0;
  const today = useMemo(() => localDay(now), [now]);

  const filtered = useMemo(
    () => filterDeals(moves.deals, settings.filter, { now, staleDays: settings.staleDays }),
    [moves.deals, settings.filter, settings.staleDays, now],
  );
  const columns = useMemo(
    () =>
      settings.view === 'board'
        ? boardColumns(
            filtered,
            stages.map((stage) => stage.id),
            view?.groups,
          )
        : [],
    [settings.view, filtered, stages, view?.groups],
  );
  const stageOrder = useMemo(() => new Map(stages.map((stage, index) => [stage.id, index])), [stages]);
  const rows = useMemo(
    () => (settings.view === 'table' ? sortDeals(filtered, settings.sort, stageOrder, locale) : []),
    [settings.view, filtered, settings.sort, stageOrder, locale],
  );

  const { move, setFocusDealId } = moves;
  const [edgeNotice, setEdgeNotice] = useState('');
  const onMove = useCallback(
    (deal: PipelineDeal, stageId: string, keepFocus: boolean) => {
      setEdgeNotice('');
      if (keepFocus) setFocusDealId(deal.id);
      move(deal, stageId, stageLabel);
    },
    [move, setFocusDealId, stageLabel],
  );
  const onNoFurther = useCallback((deal: PipelineDeal, step: 1 | -1) => {
    setEdgeNotice(t('pipelineMoveNoFurther', [deal.title, t(step === 1 ? 'pipelineLast' : 'pipelineFirst')]));
  }, []);
  const onFocused = useCallback(() => setFocusDealId(null), [setFocusDealId]);

  // The first cards without the rest would be a board that never finishes: a failure to read every
  // deal is shown as the failure it is.
  const allFailed = pipeline.result.status === 'error' && pipeline.latest === undefined;
  const ready = view !== undefined && playbook.latest !== undefined && !allFailed;
  const complete = ready && !busy;
  const markedReady = useRef(false);
  const markedComplete = useRef(false);
  useEffect(() => {
    if (ready && !markedReady.current) {
      markedReady.current = true;
      performance.mark(PIPELINE_READY_MARK);
    }
    if (complete && !markedComplete.current) {
      markedComplete.current = true;
      performance.mark(PIPELINE_COMPLETE_MARK);
    }
  }, [ready, complete]);

  const openDealCount = view?.groups
    ? view.groups.reduce((sum, group) => sum + group.count, 0)
    : moves.deals.length;

  let body;
  if (!ready) {
    const failed = pipeline.result.status === 'error' ? pipeline.result : playbook.result;
    body =
      failed.status === 'error' ? (
        <LoadError
          title={t('errorTitle')}
          message={failed.message}
          onRetry={() => {
            pipeline.reload();
            playbook.reload();
          }}
        />
      ) : (
        <Loading />
      );
  } else {
    const total = openDealCount;
    body = (
      <>
        {total === 0 ? <p className="ds-card ds-muted">{t('pipelineEmpty')}</p> : null}
        {total > 0 && filtered.length === 0 ? (
          <p className="ds-card ds-muted">{t('pipelineNoMatch')}</p>
        ) : null}
        {settings.view === 'board' ? (
          <PipelineBoard
            columns={columns}
            stages={stages}
            now={now}
            today={today}
            locale={locale}
            hintId={hintId}
            movedIds={moves.movedIds}
            focusDealId={moves.focusDealId}
            onFocused={onFocused}
            onMove={onMove}
            onNoFurther={onNoFurther}
            onOpenAccount={openAccount}
            busy={busy}
          />
        ) : (
          <PipelineTable
            deals={rows}
            sort={settings.sort}
            onSort={(sort) => change({ sort })}
            now={now}
            today={today}
            locale={locale}
            stageLabel={stageLabel}
            onOpenAccount={openAccount}
          />
        )}
      </>
    );
  }

  const viewButton = (view: PipelineViewKind, label: MessageKey) => (
    <button
      type="button"
      className="ds-pipeline-view-button"
      aria-pressed={settings.view === view}
      onClick={() => change({ view })}
    >
      {t(label)}
    </button>
  );

  return (
    <div className="ds-pipeline">
      <header className="ds-topbar">
        <h1 className="ds-brand">{t('pipelineTitle')}</h1>
        <button type="button" className="ds-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <main className="ds-pipeline-main">
        <div className="ds-pipeline-toolbar">
          <div className="ds-pipeline-views" role="group" aria-label={t('pipelineViewLabel')}>
            {viewButton('board', 'pipelineViewBoard')}
            {viewButton('table', 'pipelineViewTable')}
          </div>
          <div className="ds-pipeline-control">
            <Field label={t('pipelineFilterLabel')}>
              {(control) => (
                <select
                  {...control}
                  className="ds-stage-select"
                  data-testid="pipeline-filter"
                  value={settings.filter}
                  onChange={(event) => change({ filter: event.target.value as PipelineFilter })}
                >
                  {PIPELINE_FILTERS.map((filter) => (
                    <option key={filter} value={filter}>
                      {t(FILTER_LABELS[filter], String(settings.staleDays))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {settings.filter === 'stale' ? (
            <StaleDaysInput days={settings.staleDays} onChange={(staleDays) => change({ staleDays })} />
          ) : null}
          {ready ? (
            <p className="ds-muted ds-small ds-pipeline-count" data-testid="pipeline-count">
              {t('pipelineCount', [String(busy ? openDealCount : filtered.length), String(openDealCount)])}
            </p>
          ) : null}
        </div>
        {settings.view === 'board' ? (
          <p id={hintId} className="ds-muted ds-small ds-pipeline-hint">
            {t('pipelineMoveHint')}
          </p>
        ) : null}
        <p
          className="ds-visually-hidden"
          role="status"
          aria-live="polite"
          data-testid="pipeline-announcement"
        >
          {edgeNotice || moves.announcement}
        </p>
        {moves.failure ? (
          <p className="ds-write-error" role="alert" data-testid="pipeline-move-error">
            {moves.failure}
          </p>
        ) : null}
        {openProblem ? (
          <p className="ds-write-error" role="alert" data-testid="pipeline-open-problem">
            {openProblem}
          </p>
        ) : null}
        {body}
      </main>
    </div>
  );
}
