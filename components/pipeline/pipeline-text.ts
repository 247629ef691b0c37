/** How the pipeline page words a deal's stage, next step, last touch and a column's totals. */
import { formatRelativeDue } from '@/lib/dates/format';
import { t } from '@/lib/i18n';
import type { PipelineDeal } from '@/lib/messaging/protocol';
import { OTHER_STAGES_COLUMN, type BoardColumn } from '@/lib/pipeline/board';
import type { Playbook } from '@/lib/playbook/schema';
import { localized } from '@/lib/playbook/text';
import { formatDealValue } from '../panel/deal-format';

/** A stage id's name in the rep's language; a removed stage says so, no stage reads as such. */
export function stageName(playbook: Playbook, stageId: string | undefined, locale: string): string {
  if (stageId === undefined) return t('pipelineNoStage');
  if (stageId === OTHER_STAGES_COLUMN) return t('pipelineOtherStages');
  const stage = playbook.stages.find((candidate) => candidate.id === stageId);
  return stage ? localized(stage.name, locale) : t('stageRemovedName', stageId);
}

export function dealValueText(deal: PipelineDeal, locale: string): string | null {
  return deal.value === undefined ? null : formatDealValue(deal.value, deal.currency, locale);
}

/** "Next: Send the quote (in 3 days)", or "No next step". */
export function nextStepText(deal: PipelineDeal, now: number, locale: string): string {
  const next = deal.nextFollowUp;
  if (!next) return t('pipelineNoNextStep');
  const due = formatRelativeDue(next.due, now, locale);
  return t(next.due < now ? 'pipelineNextStepOverdue' : 'pipelineNextStep', [next.title, due]);
}

export function lastTouchText(deal: PipelineDeal, now: number, locale: string): string {
  return deal.lastTouchAt === undefined
    ? t('pipelineNeverTouched')
    : formatRelativeDue(deal.lastTouchAt, now, locale);
}

/** "¥1,200,000.00 · $40,000.00": a column's values, one sum per currency. */
export function totalsText(column: BoardColumn, locale: string): string {
  return column.totals
    .map((total) => formatDealValue(total.value, total.currency || undefined, locale))
    .join(' · ');
}
