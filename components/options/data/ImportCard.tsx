import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { DATA_STORES } from '@/lib/data-transfer/format';
import type { ImportOutcome, ImportPreview, ImportProblem } from '@/lib/data-transfer/types';
import { t, uiLanguage } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging/messenger';
import { errorText } from '@/lib/error-text';
import { ImportFileError, readImportFile, uploadImportText } from './transfer-client';
import { formatCount, formatDateTime, problemSummary, STORE_LABELS } from './text';

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'checking' }
  | {
      kind: 'preview';
      uploadId: string;
      preview: ImportPreview;
      replacePlaybook: boolean;
      replaceSettings: boolean;
    }
  | {
      kind: 'importing';
      uploadId: string;
      preview: ImportPreview;
      replacePlaybook: boolean;
      replaceSettings: boolean;
    }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'refused'; problem: ImportProblem }
  | { kind: 'failed'; reason: string };

function problemOf(error: unknown): ImportProblem | undefined {
  return error instanceof ImportFileError ? error.problem : undefined;
}

function ProblemReport({ problem }: { problem: ImportProblem }) {
  const locale = uiLanguage();
  return (
    <div className="ds-data-problem" role="alert" data-testid="import-problem">
      <p className="ds-data-problem-title">{t('dataImportRefused')}</p>
      <p>{problemSummary(problem, locale)}</p>
      {problem.kind === 'invalid' && (
        <ul className="ds-data-issues">
          {problem.issues.map((issue, index) => (
            <li key={index}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
          {problem.moreIssues > 0 && <li>{t('dataProblemMoreIssues')}</li>}
        </ul>
      )}
    </div>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const locale = uiLanguage();
  const count = (value: number) => formatCount(value, locale);
  return (
    <table className="ds-data-table">
      <thead>
        <tr>
          <th scope="col">{t('dataImportColStore')}</th>
          <th scope="col">{t('dataImportColInFile')}</th>
          <th scope="col">{t('dataImportColAdded')}</th>
          <th scope="col">{t('dataImportColUpdated')}</th>
          <th scope="col">{t('dataImportColUnchanged')}</th>
          <th scope="col">{t('dataImportColKept')}</th>
        </tr>
      </thead>
      <tbody>
        {DATA_STORES.map((store) => {
          const counts = preview.stores[store];
          return (
            <tr key={store} data-store={store}>
              <th scope="row">{t(STORE_LABELS[store])}</th>
              <td>{count(counts.inFile)}</td>
              <td data-column="added">{count(counts.added)}</td>
              <td data-column="updated">{count(counts.updated)}</td>
              <td>{count(counts.unchanged)}</td>
              <td>{count(counts.keptLocal)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function outcomeText(outcome: ImportOutcome, locale: string): string {
  let added = 0;
  let updated = 0;
  for (const store of DATA_STORES) {
    added += outcome.stores[store].added;
    updated += outcome.stores[store].updated;
  }
  const parts = [
    added + updated === 0
      ? t('dataImportDoneNothing')
      : t('dataImportDone', [formatCount(added, locale), formatCount(updated, locale)]),
  ];
  if (outcome.playbookReplaced) parts.push(t('dataImportPlaybookReplaced'));
  if (outcome.settingsReplaced) parts.push(t('dataImportSettingsReplaced'));
  return parts.join(' ');
}

/**
 * Choose a file → the background checks it and says what it would add and update → the rep confirms →
 * one transaction merges it. A refused file names the reason and the place, and nothing is written.
 */
export function ImportCard() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  /** The file's text, kept to send again if the background restarted between preview and import. */
  const fileText = useRef<string | null>(null);
  const locale = uiLanguage();

  useEffect(() => {
    if (step.kind === 'preview') previewHeading.current?.focus();
  }, [step.kind]);

  const finish = (next: Step) => {
    // The same file can be chosen again (a file input fires no change for an unchanged choice).
    if (fileInput.current) fileInput.current.value = '';
    if (next.kind !== 'preview') fileText.current = null;
    setStep(next);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStep({ kind: 'reading' });
    try {
      const text = await readImportFile(file);
      fileText.current = text;
      setStep({ kind: 'checking' });
      let uploadId = await uploadImportText(text);
      let result = await sendMessage('previewImport', { uploadId });
      if (!result.ok && result.problem.kind === 'upload-expired') {
        uploadId = await uploadImportText(text);
        result = await sendMessage('previewImport', { uploadId });
      }
      if (!result.ok) {
        finish({ kind: 'refused', problem: result.problem });
        return;
      }
      const { preview } = result;
      setStep({
        kind: 'preview',
        uploadId,
        preview,
        // Replacing costs nothing while the rep still has the defaults; otherwise they choose.
        replacePlaybook: preview.playbook === 'different' && preview.playbookIsDefault,
        replaceSettings: preview.settings === 'different' && preview.settingsAreDefault,
      });
    } catch (error) {
      const problem = problemOf(error);
      finish(problem ? { kind: 'refused', problem } : { kind: 'failed', reason: errorText(error) });
    }
  };

  const confirm = async () => {
    if (step.kind !== 'preview') return;
    const { replacePlaybook, replaceSettings } = step;
    setStep({ ...step, kind: 'importing' });
    try {
      let result = await sendMessage('applyImport', {
        uploadId: step.uploadId,
        replacePlaybook,
        replaceSettings,
      });
      if (!result.ok && result.problem.kind === 'upload-expired' && fileText.current !== null) {
        const uploadId = await uploadImportText(fileText.current);
        result = await sendMessage('applyImport', { uploadId, replacePlaybook, replaceSettings });
      }
      finish(
        result.ok ? { kind: 'done', outcome: result.outcome } : { kind: 'refused', problem: result.problem },
      );
    } catch (error) {
      const problem = problemOf(error);
      finish(problem ? { kind: 'refused', problem } : { kind: 'failed', reason: errorText(error) });
    }
  };

  const busy = step.kind === 'reading' || step.kind === 'checking' || step.kind === 'importing';
  const shown = step.kind === 'preview' || step.kind === 'importing' ? step : null;

  return (
    <section className="ds-card ds-data-card" aria-labelledby="ds-data-import-heading">
      <h3 id="ds-data-import-heading">{t('dataImportHeading')}</h3>
      <p className="ds-data-hint">{t('dataImportHint')}</p>
      <label className="ds-label" htmlFor="ds-data-import-file">
        {t('dataImportFileLabel')}
      </label>
      <input
        ref={fileInput}
        id="ds-data-import-file"
        className="ds-data-file"
        type="file"
        accept=".json,application/json"
        data-testid="import-json"
        disabled={busy}
        onChange={(event) => void onFile(event)}
      />
      <p className="ds-status" role="status" data-testid="import-status">
        {step.kind === 'reading'
          ? t('dataImportReading')
          : step.kind === 'checking'
            ? t('dataImportChecking')
            : step.kind === 'importing'
              ? t('dataImporting')
              : step.kind === 'done'
                ? outcomeText(step.outcome, locale)
                : ''}
      </p>
      {step.kind === 'refused' && <ProblemReport problem={step.problem} />}
      {step.kind === 'failed' && (
        <p className="ds-error-text" role="alert" data-testid="import-problem">
          {t('dataProblemReadFailed', step.reason)}
        </p>
      )}
      {shown && (
        <div className="ds-data-preview" data-testid="import-preview">
          <h4 ref={previewHeading} tabIndex={-1}>
            {t('dataImportPreviewHeading')}
          </h4>
          <p className="ds-data-hint">
            {t('dataImportExportedAt', formatDateTime(shown.preview.exportedAt, locale))}
          </p>
          {shown.preview.nothingNew && (
            <p className="ds-data-nothing-new" data-testid="import-nothing-new">
              {t('dataImportNothingNew')}
            </p>
          )}
          <PreviewTable preview={shown.preview} />
          {shown.preview.playbook === 'different' && (
            <label className="ds-data-check">
              <input
                type="checkbox"
                checked={shown.replacePlaybook}
                disabled={busy}
                onChange={(event) =>
                  step.kind === 'preview' && setStep({ ...step, replacePlaybook: event.target.checked })
                }
              />
              <span>{t('dataImportReplacePlaybook')}</span>
            </label>
          )}
          {shown.preview.settings === 'different' && (
            <label className="ds-data-check">
              <input
                type="checkbox"
                checked={shown.replaceSettings}
                disabled={busy}
                onChange={(event) =>
                  step.kind === 'preview' && setStep({ ...step, replaceSettings: event.target.checked })
                }
              />
              <span>{t('dataImportReplaceSettings')}</span>
            </label>
          )}
          <div className="ds-row">
            <button
              type="button"
              className="ds-button"
              data-testid="import-confirm"
              disabled={busy}
              onClick={() => void confirm()}
            >
              {t('dataImportConfirm')}
            </button>
            <button
              type="button"
              className="ds-data-secondary"
              disabled={busy}
              onClick={() => finish({ kind: 'idle' })}
            >
              {t('dataCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
