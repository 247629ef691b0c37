import { useId } from 'react';
import { t } from '@/lib/i18n';
import type { InsightsReport } from '@/lib/insights/report';
import { localized } from '@/lib/playbook/text';
import { fitLabel, formatCount, formatPercent } from './format';

/** Chart geometry, in viewBox units (the SVG scales to its column). */
const WIDTH = 640;
const LABEL_RIGHT = 178;
const BAR_LEFT = 190;
const BAR_AREA = 380;
const AXIS = BAR_LEFT + BAR_AREA / 2;
const COUNT_LEFT = BAR_LEFT + BAR_AREA + 10;
const BAR_HEIGHT = 28;
const GAP = 24;
const MIN_BAR = 4;
const LABEL_UNITS = 26;
export const OTHER_STAGE_ID = 'other';

interface Row {
  id: string;
  name: string;
  accounts: number;
}

function barWidth(accounts: number, largest: number): number {
  if (largest === 0) return MIN_BAR;
  return Math.max(MIN_BAR, (accounts / largest) * BAR_AREA);
}

/**
 * Accounts in each stage now, as centred bars narrowing (or not) like a funnel, with the period's
 * conversion between consecutive stages written in the neck between them. The exact figures are in the
 * table beside it; the SVG is one image to assistive technology, with a text description.
 */
export function FunnelChart({ report, locale }: { report: InsightsReport; locale: string }) {
  const titleId = useId();
  const descriptionId = useId();
  const rows: Row[] = report.stages.map((stage) => ({
    id: stage.stageId,
    name: localized(stage.name, locale),
    accounts: stage.accounts,
  }));
  const other = report.other.accounts > 0 ? report.other : null;
  const largest = Math.max(0, ...rows.map((row) => row.accounts), other?.accounts ?? 0);
  const rowTop = (index: number) => index * (BAR_HEIGHT + GAP);
  const stagesHeight = rows.length * BAR_HEIGHT + (rows.length - 1) * GAP;
  const otherTop = stagesHeight + GAP * 1.5;
  const height = other ? otherTop + BAR_HEIGHT + 2 : stagesHeight + 2;
  const description = [
    ...rows.map((row) => t('funnelStageTitle', [row.name, formatCount(row.accounts, locale)])),
    ...(other ? [t('funnelStageTitle', [t('funnelOtherStage'), formatCount(other.accounts, locale)])] : []),
  ].join('; ');

  return (
    <svg
      className="ds-chart ds-funnel"
      data-testid="funnel-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descriptionId}`}
    >
      <title id={titleId}>{t('funnelChartLabel')}</title>
      <desc id={descriptionId}>{description}</desc>
      {rows.map((row, index) => {
        const next = rows[index + 1];
        const conversion = report.stages[index]?.toNext;
        if (!next) return null;
        const top = rowTop(index) + BAR_HEIGHT;
        const bottom = rowTop(index + 1);
        const upper = barWidth(row.accounts, largest) / 2;
        const lower = barWidth(next.accounts, largest) / 2;
        return (
          <g key={`neck-${row.id}`} className="ds-funnel-neck">
            <polygon
              points={`${AXIS - upper},${top} ${AXIS + upper},${top} ${AXIS + lower},${bottom} ${AXIS - lower},${bottom}`}
            />
            {conversion ? (
              <text x={COUNT_LEFT} y={top + GAP / 2} dominantBaseline="central" className="ds-chart-note">
                <title>
                  {t('funnelConversionTitle', [
                    row.name,
                    next.name,
                    formatPercent(conversion.rate, locale),
                    formatCount(conversion.reached, locale),
                    formatCount(conversion.of, locale),
                  ])}
                </title>
                {`↓ ${formatPercent(conversion.rate, locale)}`}
              </text>
            ) : null}
          </g>
        );
      })}
      {rows.map((row, index) => (
        <FunnelBar
          key={row.id}
          row={row}
          top={rowTop(index)}
          width={barWidth(row.accounts, largest)}
          locale={locale}
          testId="funnel-stage"
        />
      ))}
      {other ? (
        <FunnelBar
          row={{ id: OTHER_STAGE_ID, name: t('funnelOtherStage'), accounts: other.accounts }}
          top={otherTop}
          width={barWidth(other.accounts, largest)}
          locale={locale}
          testId="funnel-other-stage"
          removed
        />
      ) : null}
    </svg>
  );
}

function FunnelBar({
  row,
  top,
  width,
  locale,
  testId,
  removed = false,
}: {
  row: Row;
  top: number;
  width: number;
  locale: string;
  testId: string;
  removed?: boolean;
}) {
  const count = formatCount(row.accounts, locale);
  return (
    <g
      data-testid={testId}
      data-stage-id={row.id}
      data-count={row.accounts}
      className={removed ? 'ds-funnel-stage ds-funnel-stage-removed' : 'ds-funnel-stage'}
    >
      <title>{t('funnelStageTitle', [row.name, count])}</title>
      <text x={LABEL_RIGHT} y={top + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="central">
        {fitLabel(row.name, LABEL_UNITS)}
      </text>
      <rect x={AXIS - width / 2} y={top} width={width} height={BAR_HEIGHT} rx={4} className="ds-chart-bar" />
      <text x={COUNT_LEFT} y={top + BAR_HEIGHT / 2} dominantBaseline="central" className="ds-chart-value">
        {count}
      </text>
    </g>
  );
}
