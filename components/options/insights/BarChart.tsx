import { useId } from 'react';
import { t } from '@/lib/i18n';
import { fitLabel } from './format';

export interface BarRow {
  key: string;
  label: string;
  value: number;
  /** The value as shown ("3", "2.5 days"). */
  valueText: string;
  tone?: 'accent' | 'good' | 'warn' | 'danger' | 'muted';
}

const WIDTH = 640;
const LABEL_RIGHT = 178;
const BAR_LEFT = 190;
const BAR_AREA = 340;
const BAR_HEIGHT = 22;
const GAP = 10;
const LABEL_UNITS = 26;

/** Horizontal bars from a common baseline; one image to assistive technology, described in text. */
export function BarChart({ label, rows, testId }: { label: string; rows: BarRow[]; testId: string }) {
  const titleId = useId();
  const descriptionId = useId();
  const largest = Math.max(0, ...rows.map((row) => row.value));
  const height = rows.length * (BAR_HEIGHT + GAP) - GAP + 2;
  return (
    <svg
      className="ds-chart"
      data-testid={testId}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descriptionId}`}
    >
      <title id={titleId}>{label}</title>
      <desc id={descriptionId}>
        {rows.map((row) => t('chartBarTitle', [row.label, row.valueText])).join('; ')}
      </desc>
      {rows.map((row, index) => {
        const top = index * (BAR_HEIGHT + GAP);
        const width = largest === 0 || row.value === 0 ? 0 : Math.max(2, (row.value / largest) * BAR_AREA);
        return (
          <g
            key={row.key}
            data-testid={`${testId}-bar`}
            data-key={row.key}
            className={`ds-chart-row ds-tone-${row.tone ?? 'accent'}`}
          >
            <title>{t('chartBarTitle', [row.label, row.valueText])}</title>
            <text x={LABEL_RIGHT} y={top + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="central">
              {fitLabel(row.label, LABEL_UNITS)}
            </text>
            <rect x={BAR_LEFT} y={top} width={width} height={BAR_HEIGHT} rx={3} className="ds-chart-bar" />
            <text
              x={BAR_LEFT + width + 8}
              y={top + BAR_HEIGHT / 2}
              dominantBaseline="central"
              className="ds-chart-value"
            >
              {row.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
