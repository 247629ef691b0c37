/** Words and numbers of the data section in the rep's language. */
import type { StoreName } from '@/lib/db/schema';
import type { ImportProblem } from '@/lib/data-transfer/types';
import { t, type MessageKey } from '@/lib/i18n';

export const STORE_LABELS: Record<StoreName, MessageKey> = {
  accounts: 'dataStoreAccounts',
  deals: 'dataStoreDeals',
  contacts: 'dataStoreContacts',
  notes: 'dataStoreNotes',
  followUps: 'dataStoreFollowUps',
  stageEvents: 'dataStoreStageEvents',
  questionLog: 'dataStoreQuestionLog',
  touches: 'dataStoreTouches',
};

export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** `1.4 MB`, `820 kB`: the unit that keeps the number short. */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function formatDateTime(instant: number | string, locale: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The one-line reason a file was refused (row-level issues are listed separately). */
export function problemSummary(problem: ImportProblem, locale: string): string {
  switch (problem.kind) {
    case 'too-large':
      return t('dataProblemTooLarge', formatBytes(problem.limitBytes, locale));
    case 'truncated':
      return t('dataProblemTruncated', problem.detail);
    case 'not-json':
      return t('dataProblemNotJson', problem.detail);
    case 'playbook-file':
      return t('dataProblemPlaybookFile');
    case 'not-export':
      return t('dataProblemNotExport');
    case 'unsupported-version':
      return t('dataProblemVersion', [problem.version, String(problem.supported)]);
    case 'newer-schema':
      return t('dataProblemNewerSchema', [String(problem.schemaVersion), String(problem.supported)]);
    case 'too-many-rows':
      return t('dataProblemTooManyRows', [
        formatCount(problem.count, locale),
        t(STORE_LABELS[problem.store]),
        formatCount(problem.limit, locale),
      ]);
    case 'too-deep':
      return t('dataProblemTooDeep', String(problem.limit));
    case 'invalid':
      return t('dataProblemInvalid');
    case 'upload-expired':
      return t('dataProblemExpired');
    case 'write-failed':
      return t('dataProblemWriteFailed', problem.detail);
    case 'stages-need-a-home':
      return t('dataProblemStagesNeedAHome', problem.stageIds.join(', '));
  }
}
