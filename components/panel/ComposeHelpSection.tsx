import { useId, useMemo, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import type { ComposeInsertResult } from '@/lib/messaging/protocol';
import type { TemplatePart } from '@/lib/playbook/placeholders';
import { localized } from '@/lib/playbook/text';
import { copyText } from '../shared/clipboard';
import { composeHelp, type ComposeItem } from './compose-help';
import { SPIN_TYPE_HINTS, SPIN_TYPE_LABELS, stagePlace } from './deal-view';
import type { AccountSectionProps } from './types';

const INSERT_FAILURES: Record<Extract<ComposeInsertResult, { ok: false }>['reason'], MessageKey> = {
  'no-caret': 'composeNoCaret',
  'no-compose': 'composeNoCompose',
  'no-page': 'composeUnreachable',
  unreachable: 'composeUnreachable',
};

/** A filled text with the placeholders that had no value marked, so the rep sees what to fill in. */
function FilledParts({ parts }: { parts: readonly TemplatePart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : part.value !== undefined ? (
          part.value
        ) : (
          <mark key={index} className="ds-compose-missing">{`{${part.name}}`}</mark>
        ),
      )}
    </>
  );
}

/**
 * While the rep writes a message: the working stage's email templates, filled from the customer and
 * the rep, and the next SPIN question, each to copy or to insert at the cursor in the message. Inserting
 * is plain text, done by the page's content script at the background's request.
 */
export function ComposeHelpSection({ state, deal, playbook, locale }: AccountSectionProps) {
  const id = useId();
  const [status, setStatus] = useState<{ key: string; text: string } | null>(null);
  const { stage, items } = useMemo(
    () => composeHelp(playbook, state, deal, locale),
    [playbook, state, deal, locale],
  );
  const stageName = stage ? localized(stage.name, locale) : '';
  const stageSet = stagePlace(playbook, deal).kind === 'known';

  async function copy(key: string, text: string) {
    setStatus({ key, text: t((await copyText(text)) ? 'composeCopied' : 'composeCopyFailed') });
  }

  async function insert(key: string, text: string) {
    let result: ComposeInsertResult;
    try {
      result = await sendMessage('insertIntoCompose', {
        text,
        ...(state.tabId === null ? {} : { tabId: state.tabId }),
      });
    } catch {
      result = { ok: false, reason: 'unreachable' };
    }
    setStatus({ key, text: t(result.ok ? 'composeInserted' : INSERT_FAILURES[result.reason]) });
  }

  function actions(item: ComposeItem, key: string) {
    return (
      <div className="ds-spin-actions">
        <button
          type="button"
          className="ds-spin-action"
          data-testid="template-insert"
          aria-describedby={`${id}-${key}`}
          onClick={() => void insert(key, item.body.text)}
        >
          {t('composeInsert')}
        </button>
        <button
          type="button"
          className="ds-spin-action"
          data-testid="template-copy"
          aria-describedby={`${id}-${key}`}
          onClick={() => void copy(key, item.body.text)}
        >
          {t('composeCopy')}
        </button>
        {item.kind === 'template' && item.subject ? (
          <button type="button" className="ds-spin-action" onClick={() => void copy(key, item.subject!.text)}>
            {t('composeCopySubject')}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <section className="ds-card ds-compose" aria-labelledby={`${id}-heading`} data-testid="compose-help">
      <h2 id={`${id}-heading`}>{t('composeHeading')}</h2>
      {stage ? (
        <p className="ds-spin-context ds-muted">
          {t(stageSet ? 'composeContext' : 'composeDefaultStage', stageName)}
        </p>
      ) : null}
      {items.some((item) => item.kind === 'template') ? null : (
        <p className="ds-spin-empty ds-muted">{t('composeNoTemplates')}</p>
      )}
      <ul className="ds-spin-list" aria-label={t('composeTemplatesLabel')}>
        {items.map((item) => {
          const key = `${item.kind}-${item.id}`;
          return (
            <li
              key={key}
              className="ds-spin-question ds-compose-item"
              data-testid="template-item"
              data-template-id={item.kind === 'template' ? item.id : undefined}
              data-question-id={item.kind === 'question' ? item.id : undefined}
            >
              {item.kind === 'template' ? (
                <>
                  <h3 className="ds-compose-name">{item.name}</h3>
                  {item.subject ? (
                    <p className="ds-compose-subject ds-muted">{t('composeSubject', item.subject.text)}</p>
                  ) : null}
                  <p id={`${id}-${key}`} className="ds-compose-body">
                    <FilledParts parts={item.body.parts} />
                  </p>
                  {item.missing.length > 0 ? (
                    <p className="ds-compose-hint ds-small">
                      {t('composeMissing', item.missing.map((name) => `{${name}}`).join(', '))}
                    </p>
                  ) : null}
                </>
              ) : (
                <>
                  <h3 className="ds-compose-name">{t('composeNextQuestion')}</h3>
                  <div className="ds-spin-line">
                    <span
                      className={`ds-spin-badge ds-spin-badge-${item.question.type}`}
                      title={t(SPIN_TYPE_HINTS[item.question.type])}
                    >
                      {t(SPIN_TYPE_LABELS[item.question.type])}
                    </span>
                    <p id={`${id}-${key}`} className="ds-spin-text">
                      {item.body.text}
                    </p>
                  </div>
                </>
              )}
              {actions(item, key)}
              <div className="ds-spin-status" role="status" aria-live="polite">
                {status?.key === key ? status.text : ''}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
