import type { FieldErrors } from '@/lib/playbook/field-errors';
import type { TextLanguage } from '@/lib/playbook/edit';
import type { LocalizedText } from '@/lib/playbook/schema';
import { t } from '@/lib/i18n';
import { Field } from '../../shared/Field';
import { validationText } from './validation-text';

const LANGUAGES: readonly TextLanguage[] = ['en', 'zh-CN'];

/** An id usable in `id`/`aria-describedby` for a playbook path such as `stages[2].name.en`. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9-]+/g, '_')}`;
}

export function languageName(language: TextLanguage): string {
  return language === 'en' ? t('pbLanguageEn') : t('pbLanguageZh');
}

/** How a field's validation messages look under it. */
export const FIELD_ERROR_CLASS = 'ds-error-text ds-pb-field-error';

/** A field's validation messages as one text in the rep's language; empty when there are none. */
export function messagesText(messages: readonly string[]): string {
  return messages.map(validationText).join(' · ');
}

/** The messages for a group of controls (or a control laid out on its own), read with it by `id`. */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className={FIELD_ERROR_CLASS}>
      {messagesText(messages)}
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
        const className = multiline ? 'ds-editor ds-pb-textarea' : 'ds-input ds-pb-input';
        const testIdOf = testId ? `${testId}-${language === 'en' ? 'en' : 'zh'}` : undefined;
        const change = (event: { target: { value: string } }) => onChange(language, event.target.value);
        return (
          <div className="ds-pb-field" key={language}>
            <Field
              id={id}
              label={t('pbFieldInLanguage', [label, languageName(language)])}
              error={messagesText(errors.at(path(language)))}
              errorClassName={FIELD_ERROR_CLASS}
              quiet
            >
              {(control) =>
                multiline ? (
                  <textarea
                    rows={2}
                    {...control}
                    className={className}
                    value={value[language]}
                    lang={language}
                    data-testid={testIdOf}
                    onChange={change}
                  />
                ) : (
                  <input
                    type="text"
                    {...control}
                    className={className}
                    value={value[language]}
                    lang={language}
                    data-testid={testIdOf}
                    onChange={change}
                  />
                )
              }
            </Field>
          </div>
        );
      })}
    </div>
  );
}
