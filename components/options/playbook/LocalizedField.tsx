import type { FieldErrors } from '@/lib/playbook/field-errors';
import type { TextLanguage } from '@/lib/playbook/edit';
import type { LocalizedText } from '@/lib/playbook/schema';
import { t } from '@/lib/i18n';
import { validationText } from './validation-text';

const LANGUAGES: readonly TextLanguage[] = ['en', 'zh-CN'];

/** An id usable in `id`/`aria-describedby` for a playbook path such as `stages[2].name.en`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9-]+/g, '_')}`;
}

export function languageName(language: TextLanguage): string {
  return language === 'en' ? t('pbLanguageEn') : t('pbLanguageZh');
}

/** The messages for one field, announced with it (`aria-describedby`). */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="ds-error-text ds-pb-field-error">
      {messages.map(validationText).join(' · ')}
    </p>
  );
}

/**
 * One text of the playbook in both languages, side by side: every text exists in English and Simplified
 * Chinese, so the rep edits both where they can see them together.
 */
export function LocalizedField({
  label,
  value,
  path,
  errors,
  idPrefix,
  multiline = false,
  testId,
  onChange,
}: {
  label: string;
  value: LocalizedText;
  /** The path of the field in one language. */
  path: (language: TextLanguage) => string;
  errors: FieldErrors;
  idPrefix: string;
  multiline?: boolean;
  /** `data-testid` of the inputs: `<testId>-en` and `<testId>-zh`. */
  testId?: string;
  onChange: (language: TextLanguage, value: string) => void;
}) {
  return (
    <div className="ds-pb-localized">
      {LANGUAGES.map((language) => {
        const id = fieldId(idPrefix, path(language));
        const messages = errors.at(path(language));
        const props = {
          id,
          className: multiline ? 'ds-editor ds-pb-textarea' : 'ds-input ds-pb-input',
          value: value[language],
          lang: language,
          'aria-invalid': messages.length > 0 ? true : undefined,
          'aria-describedby': messages.length > 0 ? `${id}-error` : undefined,
          'data-testid': testId ? `${testId}-${language === 'en' ? 'en' : 'zh'}` : undefined,
          onChange: (event: { target: { value: string } }) => onChange(language, event.target.value),
        };
        return (
          <div className="ds-pb-field" key={language}>
            <label htmlFor={id} className="ds-label">
              {t('pbFieldInLanguage', [label, languageName(language)])}
            </label>
            {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} />}
            <FieldMessages id={`${id}-error`} messages={messages} />
          </div>
        );
      })}
    </div>
  );
}
