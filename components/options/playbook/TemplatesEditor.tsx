import { t } from '@/lib/i18n';
import { addTemplate, removeTemplate, setTemplateText, type TemplateField } from '@/lib/playbook/edit';
import { playbookPath, type FieldErrors } from '@/lib/playbook/field-errors';
import { MAX_TEMPLATES_PER_STAGE, stageTemplates, type Stage } from '@/lib/playbook/schema';
import { FieldMessages, fieldId, LocalizedField } from './LocalizedField';
import type { DraftEditing } from './types';

/** What a template added in the editor is called until the rep names it. */
const NEW_TEMPLATE_NAME = { en: 'New template', 'zh-CN': '新模板' };

/**
 * A stage's email templates: name, optional subject and plain-text body in both languages, with the
 * placeholders the panel fills. Unknown placeholders are reported under the field that has them.
 */
export function TemplatesEditor({
  stage,
  index,
  errors,
  idPrefix,
  editing,
}: {
  stage: Stage;
  index: number;
  errors: FieldErrors;
  idPrefix: string;
  editing: DraftEditing;
}) {
  const { edit, focusLater } = editing;
  const templates = stageTemplates(stage);

  function field(templateIndex: number, templateId: string, which: TemplateField, label: string) {
    const template = templates[templateIndex]!;
    return (
      <LocalizedField
        label={label}
        value={template[which] ?? { en: '', 'zh-CN': '' }}
        path={(language) => playbookPath.templateText(index, templateIndex, which, language)}
        errors={errors}
        idPrefix={idPrefix}
        multiline={which === 'body'}
        testId={`template-${which}`}
        onChange={(language, value) =>
          edit(
            (playbook) => setTemplateText(playbook, stage.id, templateId, which, language, value),
            `template-${which}-${stage.id}-${templateId}-${language}`,
          )
        }
      />
    );
  }

  return (
    <>
      <h4 className="ds-pb-subheading">{t('pbTemplatesHeading')}</h4>
      <p className="ds-muted ds-small">{t('pbTemplatesHint')}</p>
      <FieldMessages
        id={fieldId(idPrefix, playbookPath.templates(index))}
        messages={errors.at(playbookPath.templates(index))}
      />
      {templates.length === 0 ? <p className="ds-muted ds-small">{t('pbTemplatesEmpty')}</p> : null}
      <ol className="ds-pb-list">
        {templates.map((template, templateIndex) => (
          <li
            key={template.id}
            className="ds-pb-list-item ds-pb-template"
            data-testid="template-editor"
            data-template-id={template.id}
          >
            <div className="ds-pb-template-fields">
              {field(templateIndex, template.id, 'name', t('pbTemplateName', String(templateIndex + 1)))}
              {field(templateIndex, template.id, 'subject', t('pbTemplateSubject'))}
              {field(templateIndex, template.id, 'body', t('pbTemplateBody'))}
            </div>
            <div className="ds-pb-row-buttons">
              <button
                type="button"
                className="ds-icon-button ds-pb-remove"
                aria-label={t('pbTemplateRemove', String(templateIndex + 1))}
                title={t('pbTemplateRemove', String(templateIndex + 1))}
                data-testid="template-remove"
                onClick={() => edit((playbook) => removeTemplate(playbook, stage.id, template.id))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="ds-pb-button"
        data-testid="template-add"
        disabled={templates.length >= MAX_TEMPLATES_PER_STAGE}
        onClick={() => {
          edit((playbook) => addTemplate(playbook, stage.id, NEW_TEMPLATE_NAME).playbook);
          focusLater(fieldId(idPrefix, playbookPath.templateText(index, templates.length, 'name', 'en')));
        }}
      >
        {t('pbTemplateAdd')}
      </button>
    </>
  );
}
