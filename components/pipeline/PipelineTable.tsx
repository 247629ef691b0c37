import { useState, type MouseEvent } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { PipelineDeal } from '@/lib/messaging/protocol';
import { daysInStage } from '@/lib/pipeline/filters';
import type { PipelineSort, PipelineSortColumn } from '@/lib/pipeline/sort';
import { formatRelativeDue } from '@/lib/dates/format';
import { formatCloseDate } from '../panel/deal-format';
import { dealValueText, lastTouchText } from './pipeline-text';

/** Rows shown before "Show more rows": thousands of table rows cost seconds of layout. */
export const ROWS_PER_PAGE = 200;

const HEADINGS: { column: PipelineSortColumn; label: MessageKey; numeric?: boolean }[] = [
  { column: 'account', label: 'pipelineColumnAccount' },
  { column: 'deal', label: 'pipelineColumnDeal' },
  { column: 'value', label: 'pipelineColumnValue', numeric: true },
  { column: 'stage', label: 'pipelineColumnStage' },
  { column: 'daysInStage', label: 'pipelineColumnDaysInStage', numeric: true },
  { column: 'lastTouch', label: 'pipelineColumnLastTouch' },
  { column: 'nextFollowUp', label: 'pipelineColumnNextFollowUp' },
  { column: 'closeDate', label: 'pipelineColumnCloseDate' },
];

interface PipelineTableProps {
  /** Already filtered and sorted. */
  deals: PipelineDeal[];
  sort: PipelineSort;
  onSort: (sort: PipelineSort) => void;
  now: number;
  today: string;
  locale: string;
  stageLabel: (stageId: string | undefined) => string;
  onOpenAccount: (deal: PipelineDeal) => void;
}

/**
 * The open deals as a table, sortable by every column (a heading's button; `aria-sort` says which and
 * how). A row opens the account's last page: its account button from the keyboard, anywhere on the row
 * with the mouse.
 */
export function PipelineTable({
  deals,
  sort,
  onSort,
  now,
  today,
  locale,
  stageLabel,
  onOpenAccount,
}: PipelineTableProps) {
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const rows = deals.slice(0, limit);
  const hidden = deals.length - rows.length;

  const sortBy = (column: PipelineSortColumn) =>
    onSort({
      column,
      direction: sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending',
    });

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, deal: PipelineDeal) => {
    // The account button opens the page itself; a click on a selected text is for copying.
    if ((event.target as HTMLElement).closest('button, a, select, input')) return;
    if (window.getSelection()?.toString()) return;
    onOpenAccount(deal);
  };

  return (
    <div className="ds-pipeline-table-wrap">
      <table className="ds-pipeline-table" data-testid="pipeline-table">
        <caption className="ds-muted ds-small">{t('pipelineTableCaption')}</caption>
        <thead>
          <tr>
            {HEADINGS.map((heading) => (
              <th
                key={heading.column}
                scope="col"
                className={heading.numeric ? 'ds-numeric' : undefined}
                aria-sort={sort.column === heading.column ? sort.direction : undefined}
              >
                <button
                  type="button"
                  className="ds-pipeline-sort"
                  data-sort-column={heading.column}
                  onClick={() => sortBy(heading.column)}
                >
                  {t(heading.label)}
                  <span aria-hidden="true" className="ds-pipeline-sort-mark">
                    {sort.column === heading.column ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((deal) => {
            const days = daysInStage(deal, now);
            const next = deal.nextFollowUp;
            const closePassed = deal.closeDate !== undefined && deal.closeDate < today;
            return (
              <tr
                key={deal.id}
                data-deal-id={deal.id}
                data-account-key={deal.accountKey}
                className={deal.hasPage ? 'ds-pipeline-row-openable' : undefined}
                onClick={(event) => onRowClick(event, deal)}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="ds-pipeline-account"
                    aria-label={t('pipelineOpenAccount', deal.accountLabel)}
                    onClick={() => onOpenAccount(deal)}
                  >
                    {deal.accountLabel}
                  </button>
                </th>
                <td>{deal.title}</td>
                <td className="ds-numeric">{dealValueText(deal, locale) ?? ''}</td>
                <td>{stageLabel(deal.stageId)}</td>
                <td className="ds-numeric">{days === undefined ? '' : t('pipelineDays', String(days))}</td>
                <td>{lastTouchText(deal, now, locale)}</td>
                <td className={next && next.due < now ? 'ds-pipeline-late' : undefined}>
                  {next
                    ? `${next.title} · ${formatRelativeDue(next.due, now, locale)}`
                    : t('pipelineNoNextStep')}
                </td>
                <td className={closePassed ? 'ds-pipeline-late' : undefined}>
                  {deal.closeDate ? formatCloseDate(deal.closeDate, locale) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden > 0 ? (
        <button
          type="button"
          className="ds-button ds-button-secondary ds-pipeline-more"
          onClick={() => setLimit((current) => current + ROWS_PER_PAGE)}
        >
          {t('pipelineShowMoreRows', String(Math.min(hidden, ROWS_PER_PAGE)))}
        </button>
      ) : null}
    </div>
  );
}
