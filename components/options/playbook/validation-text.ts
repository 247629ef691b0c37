/**
 * Validation messages in the rep's language. `parsePlaybook` speaks English (its messages also go into
 * logs and files); the editor translates the ones a rep meets while typing and shows any other as it is.
 */
import { t } from '@/lib/i18n';

const PATTERNS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^(Must not be empty|Required)$/, () => t('pbErrorEmpty')],
  [/^Must be at most (\d+) characters$/, (m) => t('pbErrorTooLong', m[1] ?? '')],
  [/^Expected a number of days$/, () => t('pbErrorDays')],
  [/^Must be a whole number of days$/, () => t('pbErrorWholeDays')],
  [/^Must be 0 or more days$/, () => t('pbErrorDaysMin')],
  [/^Must be at most (\d+) days$/, (m) => t('pbErrorDaysMax', m[1] ?? '')],
  [/^Expected a percentage$/, () => t('pbErrorPercent')],
  [/^Must be a whole percentage$/, () => t('pbErrorWholePercent')],
  [/^(Must be 0 % or more|Must be at most 100 %)$/, () => t('pbErrorPercentRange')],
  [/^A question needs at least one stage$/, () => t('pbErrorNoStage')],
  [/^A playbook needs at least one stage$/, () => t('pbErrorNoStages')],
  [/^Invalid input: expected (\w+), received (\w+)$/, (m) => t('pbErrorType', [m[1] ?? '', m[2] ?? ''])],
  [/^Not a Dealside playbook/, () => t('pbErrorFormat')],
  [/^(Unsupported playbook version|"version" must be)/, () => t('pbErrorVersion')],
  [/^Expected an object with "en" and "zh-CN" texts$/, () => t('pbErrorLocalized')],
  [/^Expected a playbook object$/, () => t('pbErrorNotPlaybook')],
  [/^Unknown stage "(.*)"$/, (m) => t('pbErrorUnknownStage', m[1] ?? '')],
  [/^Duplicate [a-z ]*id "([^"]*)"/, (m) => t('pbErrorDuplicateId', m[1] ?? '')],
  [/^Must be 1–\d+ characters: lower-case letters, digits and hyphens$/, () => t('pbErrorId')],
  [/^Not a JSON file: (.*)$/s, (m) => t('pbErrorNotJson', m[1] ?? '')],
  [/^Unknown placeholder (\{[^}]*\}):/, (m) => t('pbErrorPlaceholder', m[1] ?? '')],
];

export function validationText(message: string): string {
  for (const [pattern, text] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return text(match);
  }
  return message;
}
