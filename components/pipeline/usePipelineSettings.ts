/**
 * What the rep chose on the pipeline page — board or table, the filter, the days after which a deal is
 * stale, the table's order — kept in the page's address (`?view=table&filter=stale&days=21`), so a reload,
 * a bookmark or a second tab opens the same view. A damaged parameter reads as its default.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_STALE_DAYS,
  isPipelineFilter,
  parseStaleDays,
  type PipelineFilter,
} from '@/lib/pipeline/filters';
import { DEFAULT_PIPELINE_SORT, isPipelineSortColumn, type PipelineSort } from '@/lib/pipeline/sort';

export type PipelineViewKind = 'board' | 'table';

export interface PipelineSettings {
  view: PipelineViewKind;
  filter: PipelineFilter;
  staleDays: number;
  sort: PipelineSort;
}

export function settingsFromSearch(search: string): PipelineSettings {
  const params = new URLSearchParams(search);
  const filter = params.get('filter');
  const column = params.get('sort');
  const direction = params.get('dir');
  return {
    view: params.get('view') === 'table' ? 'table' : 'board',
    filter: isPipelineFilter(filter) ? filter : 'all',
    staleDays: parseStaleDays(params.get('days') ?? '') ?? DEFAULT_STALE_DAYS,
    sort: isPipelineSortColumn(column)
      ? { column, direction: direction === 'descending' ? 'descending' : 'ascending' }
      : DEFAULT_PIPELINE_SORT,
  };
}

export function searchFromSettings(settings: PipelineSettings): string {
  const params = new URLSearchParams();
  if (settings.view !== 'board') params.set('view', settings.view);
  if (settings.filter !== 'all') params.set('filter', settings.filter);
  if (settings.staleDays !== DEFAULT_STALE_DAYS) params.set('days', String(settings.staleDays));
  if (
    settings.sort.column !== DEFAULT_PIPELINE_SORT.column ||
    settings.sort.direction !== DEFAULT_PIPELINE_SORT.direction
  ) {
    params.set('sort', settings.sort.column);
    params.set('dir', settings.sort.direction);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function usePipelineSettings(): [PipelineSettings, (change: Partial<PipelineSettings>) => void] {
  const [settings, setSettings] = useState(() => settingsFromSearch(location.search));
  useEffect(() => {
    const search = searchFromSettings(settings);
    // Replaced, not pushed: Back leaves the page rather than stepping through every filter tried.
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`);
  }, [settings]);
  const change = useCallback(
    (patch: Partial<PipelineSettings>) => setSettings((current) => ({ ...current, ...patch })),
    [],
  );
  return [settings, change];
}
