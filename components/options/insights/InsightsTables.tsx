import { t } from '@/lib/i18n';
import type { InsightsReport } from '@/lib/insights/report';
import { localized } from '@/lib/playbook/text';
import { formatCount, formatDays, formatPercent } from './format';

const none = () => t('insightsNoValue');

/** The funnel's exact figures: accounts now, reached in the period and conversion to the next stage. */
export function FunnelTable({ report, locale }: { report: InsightsReport; locale: string }) {
  return (
    <table className="ds-insights-table" data-testid="funnel-table">
      <caption>{t('funnelTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colStage')}</th>
          <th scope="col">{t('colAccountsNow')}</th>
          <th scope="col">{t('colReached')}</th>
          <th scope="col">{t('colConversion')}</th>
        </tr>
      </thead>
      <tbody>
        {report.stages.map((stage) => (
          <tr key={stage.stageId} data-stage-id={stage.stageId}>
            <th scope="row">{localized(stage.name, locale)}</th>
            <td>{formatCount(stage.accounts, locale)}</td>
            <td>{formatCount(stage.reached, locale)}</td>
            <td>
              {stage.toNext
                ? t('conversionCell', [
                    formatPercent(stage.toNext.rate, locale),
                    formatCount(stage.toNext.reached, locale),
                    formatCount(stage.toNext.of, locale),
                  ])
                : none()}
            </td>
          </tr>
        ))}
        {report.other.accounts > 0 ? (
          <tr data-stage-id="other">
            <th scope="row">
              {t('funnelOtherStage')}
              <span className="ds-insights-detail">
                {t('funnelOtherStageIds', report.other.stageIds.join(', '))}
              </span>
            </th>
            <td>{formatCount(report.other.accounts, locale)}</td>
            <td>{none()}</td>
            <td>{none()}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

/** Median days in each stage and how many stays the median is taken over. */
export function DaysTable({ report, locale }: { report: InsightsReport; locale: string }) {
  const rows = [
    ...report.stages.map((stage) => ({
      key: stage.stageId,
      name: localized(stage.name, locale),
      medianDays: stage.medianDays,
      stays: stage.stays,
    })),
    ...(report.other.stays > 0
      ? [
          {
            key: 'other',
            name: t('funnelOtherStage'),
            medianDays: report.other.medianDays,
            stays: report.other.stays,
          },
        ]
      : []),
  ];
  return (
    <table className="ds-insights-table" data-testid="days-table">
      <caption>{t('daysTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colStage')}</th>
          <th scope="col">{t('colMedianDays')}</th>
          <th scope="col">{t('colStays')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-stage-id={row.key}>
            <th scope="row">{row.name}</th>
            <td>{row.medianDays === null ? none() : formatDays(row.medianDays, locale)}</td>
            <td>{formatCount(row.stays, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
  /** The share shown beside the count, when the rows are parts of one whole. */
  share?: number;
}

/** A list of counts (follow-ups, SPIN questions) with their share of the whole where that means something. */
export function CountTable({
  caption,
  labelHeading,
  rows,
  locale,
  testId,
}: {
  caption: string;
  labelHeading: string;
  rows: CountRow[];
  locale: string;
  testId: string;
}) {
  return (
    <table className="ds-insights-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeading}</th>
          <th scope="col">{t('colCount')}</th>
          <th scope="col">{t('colShare')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{formatCount(row.count, locale)}</td>
            <td>{row.share === undefined ? none() : formatPercent(row.share, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
