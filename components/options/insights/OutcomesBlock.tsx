import { useId } from 'react';
import { t } from '@/lib/i18n';
import type { InsightsLostReason, InsightsOutcomes } from '@/lib/insights/report';
import { localized } from '@/lib/playbook/text';
import { formatDealValue } from '../../panel/deal-format';
import { BarChart } from './BarChart';
import { formatCount, formatDays, formatRate } from './format';
import { CountTable, type CountRow } from './InsightsTables';

function reasonLabel(reason: InsightsLostReason, locale: string): string {
  if (reason.reasonId === null) return t('lostReasonNone');
  return reason.name ? localized(reason.name, locale) : t('lostReasonUnknown', reason.reasonId);
}

/** Win rate and sales cycle: the two headline figures of the period's outcomes. */
function HeadlineFigures({ outcomes, locale }: { outcomes: InsightsOutcomes; locale: string }) {
  const closed = outcomes.won + outcomes.lost;
  const { cycle } = outcomes;
  return (
    <dl className="ds-insights-figures">
      <div className="ds-insights-figure">
        <dt>{t('winRateLabel')}</dt>
        <dd data-testid="win-rate">
          {outcomes.winRate === null ? (
            <span className="ds-muted">{t('winRateNone')}</span>
          ) : (
            <>
              <strong className="ds-insights-figure-value">{formatRate(outcomes.winRate, locale)}</strong>{' '}
              <span className="ds-insights-figure-detail">
                {t('winRateOf', [formatCount(outcomes.won, locale), formatCount(closed, locale)])}
              </span>
            </>
          )}
        </dd>
      </div>
      <div className="ds-insights-figure">
        <dt>{t('cycleLabel')}</dt>
        <dd data-testid="sales-cycle">
          {cycle.medianDays === null || cycle.meanDays === null ? (
            <span className="ds-muted">{t('cycleNone')}</span>
          ) : (
            <>
              <strong className="ds-insights-figure-value">
                {t('cycleValue', [formatDays(cycle.medianDays, locale), formatDays(cycle.meanDays, locale)])}
              </strong>{' '}
              <span className="ds-insights-figure-detail">
                {t('cycleOver', formatCount(cycle.deals, locale))}
              </span>
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** The average won deal per currency: amounts in different currencies are never added together. */
function AverageSizeTable({ outcomes, locale }: { outcomes: InsightsOutcomes; locale: string }) {
  if (outcomes.averageWonSize.length === 0) {
    return <p className="ds-muted">{t('averageSizeEmpty')}</p>;
  }
  return (
    <table className="ds-insights-table" data-testid="average-deal-size">
      <caption>{t('averageSizeCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colCurrency')}</th>
          <th scope="col">{t('colAverage')}</th>
          <th scope="col">{t('colWonWithValue')}</th>
        </tr>
      </thead>
      <tbody>
        {outcomes.averageWonSize.map((size) => (
          <tr key={size.currency ?? ''} data-currency={size.currency ?? ''}>
            <th scope="row">{size.currency ?? t('noCurrency')}</th>
            <td>{formatDealValue(size.average, size.currency ?? undefined, locale)}</td>
            <td>{formatCount(size.deals, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How the period's closed deals ended: win rate, sales cycle, lost reasons and average won deal. */
export function OutcomesBlock({ outcomes, locale }: { outcomes: InsightsOutcomes; locale: string }) {
  const headingId = useId();
  const reasonRows: CountRow[] = outcomes.lostReasons.map((reason) => ({
    key: reason.reasonId ?? '',
    label: reasonLabel(reason, locale),
    count: reason.count,
    share: outcomes.lost > 0 ? reason.count / outcomes.lost : undefined,
  }));
  return (
    <section className="ds-insights-block" aria-labelledby={headingId} data-testid="insights-outcomes">
      <h3 id={headingId}>{t('outcomesHeading')}</h3>
      <p className="ds-muted ds-insights-intro">{t('outcomesIntro')}</p>
      <HeadlineFigures outcomes={outcomes} locale={locale} />
      <div className="ds-insights-pair">
        <div>
          <h4 className="ds-insights-subheading">{t('lostReasonsHeading')}</h4>
          {reasonRows.length === 0 ? (
            <p className="ds-muted">{t('lostReasonsEmpty')}</p>
          ) : (
            <>
              <BarChart
                label={t('lostReasonsChartLabel')}
                testId="lost-reasons-chart"
                rows={reasonRows.map((row) => ({
                  key: row.key,
                  label: row.label,
                  value: row.count,
                  valueText: formatCount(row.count, locale),
                  tone: 'danger',
                }))}
              />
              <CountTable
                caption={t('lostReasonsTableCaption')}
                labelHeading={t('colLostReason')}
                rows={reasonRows}
                locale={locale}
                testId="lost-reasons-table"
              />
            </>
          )}
        </div>
        <div>
          <h4 className="ds-insights-subheading">{t('averageSizeHeading')}</h4>
          <AverageSizeTable outcomes={outcomes} locale={locale} />
        </div>
      </div>
    </section>
  );
}
