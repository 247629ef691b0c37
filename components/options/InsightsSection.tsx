import { useId, useState, type ReactNode } from 'react';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { INSIGHTS_PERIODS, type InsightsPeriod } from '@/lib/insights/period';
import { INSIGHTS_SCOPES, type InsightsScope } from '@/lib/insights/scope';
import type { InsightsReport } from '@/lib/insights/report';
import { localized } from '@/lib/playbook/text';
import { SPIN_TYPES } from '@/lib/playbook/schema';
import { LoadError, Loading } from '../shared/LoadError';
import { useBackgroundQuery } from '../shared/useBackgroundQuery';
import { BarChart, type BarRow } from './insights/BarChart';
import { ForecastBlock } from './insights/ForecastBlock';
import { FunnelChart } from './insights/FunnelChart';
import { formatCount, formatDays } from './insights/format';
import { CountTable, DaysTable, FunnelTable, type CountRow } from './insights/InsightsTables';
import { OutcomesBlock } from './insights/OutcomesBlock';
import './insights.css';

const SCOPE_LABELS: Record<InsightsScope, MessageKey> = {
  mine: 'insightsScopeMine',
  team: 'insightsScopeTeam',
};

const PERIOD_LABELS: Record<InsightsPeriod, MessageKey> = {
  '30': 'insightsPeriod30',
  '90': 'insightsPeriod90',
  '365': 'insightsPeriod365',
  all: 'insightsPeriodAll',
};

/** Changes come in bursts (typing a note autosaves); the figures are recomputed once the burst is over. */
const RELOAD_SETTLE_MS = 1500;

const SPIN_LABELS = { S: 'spinTypeS', P: 'spinTypeP', I: 'spinTypeI', N: 'spinTypeN' } as const;

/**
 * Nothing recorded at all: no account, no stage change, no deal closed or forecast, no follow-up done or
 * due, no question asked.
 */
function isEmpty(report: InsightsReport): boolean {
  const { followUps, spin, outcomes, forecast } = report;
  return (
    report.totalAccounts === 0 &&
    report.accountsMoved === 0 &&
    outcomes.won + outcomes.lost === 0 &&
    forecast.overdue.deals + forecast.months.reduce((sum, month) => sum + month.deals, 0) === 0 &&
    followUps.onTime + followUps.late + followUps.overdueNow === 0 &&
    SPIN_TYPES.every((type) => spin[type] === 0)
  );
}

function share(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

/** One chart with its table beside it (below it on a narrow page). */
function ChartBlock({ heading, chart, table }: { heading: string; chart: ReactNode; table: ReactNode }) {
  const headingId = useId();
  return (
    <section className="ds-insights-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <div className="ds-insights-pair">
        <div className="ds-insights-chart">{chart}</div>
        <div className="ds-insights-numbers">{table}</div>
      </div>
    </section>
  );
}

function Figures({ report, locale }: { report: InsightsReport; locale: string }) {
  const daysRows: BarRow[] = [
    ...report.stages.map((stage) => ({
      key: stage.stageId,
      label: localized(stage.name, locale),
      value: stage.medianDays ?? 0,
      valueText: stage.medianDays === null ? t('insightsNoValue') : formatDays(stage.medianDays, locale),
    })),
    ...(report.other.stays > 0
      ? [
          {
            key: 'other',
            label: t('funnelOtherStage'),
            value: report.other.medianDays ?? 0,
            valueText: formatDays(report.other.medianDays ?? 0, locale),
            tone: 'muted' as const,
          },
        ]
      : []),
  ];

  const { onTime, late, overdueNow } = report.followUps;
  const done = onTime + late;
  const followUpRows: (CountRow & { tone: BarRow['tone'] })[] = [
    { key: 'on-time', label: t('followUpsOnTime'), count: onTime, share: share(onTime, done), tone: 'good' },
    { key: 'late', label: t('followUpsLate'), count: late, share: share(late, done), tone: 'warn' },
    { key: 'overdue', label: t('followUpsOverdueNow'), count: overdueNow, tone: 'danger' },
  ];

  const asked = SPIN_TYPES.reduce((sum, type) => sum + report.spin[type], 0);
  const spinRows: CountRow[] = SPIN_TYPES.map((type) => ({
    key: type,
    label: `${type} · ${t(SPIN_LABELS[type])}`,
    count: report.spin[type],
    share: share(report.spin[type], asked),
  }));
  const bars = (rows: (CountRow & { tone?: BarRow['tone'] })[]): BarRow[] =>
    rows.map((row) => ({
      key: row.key,
      label: row.label,
      value: row.count,
      valueText: formatCount(row.count, locale),
      ...(row.tone ? { tone: row.tone } : {}),
    }));

  return (
    <>
      <p className="ds-insights-summary">
        <span>{t('insightsAccountsMoved', formatCount(report.accountsMoved, locale))}</span>
        {report.accountsWithoutStage > 0 ? (
          <span>{t('insightsWithoutStage', formatCount(report.accountsWithoutStage, locale))}</span>
        ) : null}
      </p>
      <ChartBlock
        heading={t('funnelHeading')}
        chart={<FunnelChart report={report} locale={locale} />}
        table={<FunnelTable report={report} locale={locale} />}
      />
      <OutcomesBlock outcomes={report.outcomes} locale={locale} />
      <ForecastBlock forecast={report.forecast} locale={locale} />
      <ChartBlock
        heading={t('daysHeading')}
        chart={<BarChart label={t('daysChartLabel')} rows={daysRows} testId="days-chart" />}
        table={<DaysTable report={report} locale={locale} />}
      />
      <ChartBlock
        heading={t('followUpsInsightHeading')}
        chart={
          <BarChart label={t('followUpsChartLabel')} rows={bars(followUpRows)} testId="followups-chart" />
        }
        table={
          <CountTable
            caption={t('followUpsTableCaption')}
            labelHeading={t('followUpsInsightHeading')}
            rows={followUpRows}
            locale={locale}
            testId="followups-table"
          />
        }
      />
      <ChartBlock
        heading={t('spinAskedHeading')}
        chart={<BarChart label={t('spinChartLabel')} rows={bars(spinRows)} testId="spin-chart" />}
        table={
          <CountTable
            caption={t('spinTableCaption')}
            labelHeading={t('colSpinType')}
            rows={spinRows}
            locale={locale}
            testId="spin-table"
          />
        }
      />
    </>
  );
}

/** Radio buttons drawn as one segmented control. */
function Segmented<Option extends string>(props: {
  testId: string;
  legend: string;
  name: string;
  options: readonly Option[];
  labels: Record<Option, MessageKey>;
  value: Option;
  onChange: (option: Option) => void;
}) {
  return (
    <fieldset className="ds-segmented" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          <span>{t(props.labels[option])}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Options section: the sales funnel, outcomes and the weighted forecast, time in stage, follow-up
 * discipline and SPIN questioning.
 */
export function InsightsSection() {
  const [period, setPeriod] = useState<InsightsPeriod>('90');
  const [scope, setScope] = useState<InsightsScope>('mine');
  // Computed by the background; loaded again when the period or scope changes, when any account changes
  // and when the playbook is edited.
  const { result: insights, reload } = useBackgroundQuery(
    'getInsights',
    { period, scope },
    {
      // Notes count in no figure: an autosave costs nothing here.
      refreshOn: { dataChanged: (event) => !event.notesOnly, playbookChanged: true },
      settleMs: RELOAD_SETTLE_MS,
      showReloading: true,
    },
  );
  const headingId = useId();
  const locale = uiLanguage();

  return (
    <section
      className="ds-card ds-insights"
      aria-labelledby={headingId}
      aria-busy={insights.status === 'loading' || (insights.status === 'ready' && insights.refreshing)}
      data-testid="insights-section"
    >
      <div className="ds-insights-head">
        <div>
          <h2 id={headingId}>{t('insightsHeading')}</h2>
          <p className="ds-muted ds-insights-intro">{t('insightsIntro')}</p>
        </div>
        <div className="ds-insights-filters">
          {insights.status === 'ready' && insights.data.teamScope ? (
            <Segmented
              testId="insights-scope"
              legend={t('insightsScopeLabel')}
              name={`${headingId}-scope`}
              options={INSIGHTS_SCOPES}
              labels={SCOPE_LABELS}
              value={scope}
              onChange={setScope}
            />
          ) : null}
          <Segmented
            testId="insights-period"
            legend={t('insightsPeriodLabel')}
            name={`${headingId}-period`}
            options={INSIGHTS_PERIODS}
            labels={PERIOD_LABELS}
            value={period}
            onChange={setPeriod}
          />
        </div>
      </div>

      {insights.status === 'ready' && insights.data.teamScope ? (
        <p className="ds-muted ds-insights-scope-hint" data-testid="insights-scope-hint">
          {t(insights.data.scope === 'mine' ? 'insightsScopeMineHint' : 'insightsScopeTeamHint')}
        </p>
      ) : null}
      {insights.status === 'loading' ? <Loading /> : null}
      {insights.status === 'ready' && insights.refreshing ? (
        <p className="ds-muted ds-insights-updating" role="status">
          {t('insightsUpdating')}
        </p>
      ) : null}
      {insights.status === 'error' ? (
        <LoadError message={t('insightsLoadFailed', insights.message)} onRetry={reload} />
      ) : null}
      {insights.status === 'ready' && isEmpty(insights.data) ? (
        <div className="ds-insights-empty" data-testid="insights-empty">
          <h3>{t('insightsEmptyTitle')}</h3>
          <p>{t('insightsEmptyHint')}</p>
        </div>
      ) : null}
      {insights.status === 'ready' && !isEmpty(insights.data) ? (
        <Figures report={insights.data} locale={locale} />
      ) : null}
    </section>
  );
}
