import { useId, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import type { CurrencyForecast, ForecastBucket, ForecastFigures } from '@/lib/insights/forecast';
import { formatDealValue } from '../../panel/deal-format';
import { formatCount, formatMonth } from './format';

/** One amount per currency, one per line: amounts in different currencies are never added together. */
function PerCurrency({
  bucket,
  amount,
  locale,
}: {
  bucket: ForecastBucket;
  amount: (row: CurrencyForecast) => number;
  locale: string;
}) {
  if (bucket.currencies.length === 0) return <>{t('insightsNoValue')}</>;
  return (
    <ul className="ds-insights-amounts">
      {bucket.currencies.map((row) => (
        <li key={row.currency ?? ''} data-currency={row.currency ?? ''}>
          {formatDealValue(amount(row), row.currency ?? undefined, locale)}
        </li>
      ))}
    </ul>
  );
}

function BucketCells({ bucket, locale }: { bucket: ForecastBucket; locale: string }) {
  return (
    <>
      <td data-column="deals">{formatCount(bucket.deals, locale)}</td>
      <td data-column="pipeline">
        <PerCurrency bucket={bucket} amount={(row) => row.pipeline} locale={locale} />
      </td>
      <td data-column="weighted">
        <PerCurrency bucket={bucket} amount={(row) => row.weighted} locale={locale} />
      </td>
    </>
  );
}

/** The open deals' weighted forecast by close month, with the deals whose close date has passed first. */
export function ForecastBlock({ forecast, locale }: { forecast: ForecastFigures; locale: string }) {
  const headingId = useId();
  let overdueRow: ReactNode = null;
  if (forecast.overdue.deals > 0) {
    overdueRow = (
      <tr data-testid="forecast-overdue" className="ds-insights-overdue">
        <th scope="row">
          {t('forecastOverdue')}
          <span className="ds-insights-detail">{t('forecastOverdueHint')}</span>
        </th>
        <BucketCells bucket={forecast.overdue} locale={locale} />
      </tr>
    );
  }
  return (
    <section className="ds-insights-block" aria-labelledby={headingId} data-testid="insights-forecast">
      <h3 id={headingId}>{t('forecastHeading')}</h3>
      <p className="ds-muted ds-insights-intro">{t('forecastIntro')}</p>
      <table className="ds-insights-table ds-insights-forecast" data-testid="forecast-table">
        <caption>{t('forecastTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colCloseMonth')}</th>
            <th scope="col">{t('colDeals')}</th>
            <th scope="col">{t('colPipeline')}</th>
            <th scope="col">{t('colWeighted')}</th>
          </tr>
        </thead>
        <tbody>
          {overdueRow}
          {forecast.months.map((month) => (
            <tr key={month.month} data-testid="forecast-month" data-month={month.month}>
              <th scope="row">{formatMonth(month.month, locale)}</th>
              <BucketCells bucket={month} locale={locale} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
