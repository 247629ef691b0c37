import { useState } from 'react';
import type { ExportKind } from '@/lib/data-transfer/types';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { errorText } from '@/lib/error-text';
import { downloadExport } from './transfer-client';
import { formatBytes, formatCount } from './text';

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; exportKind: ExportKind }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; reason: string };

const CSV_BUTTONS: { kind: ExportKind; label: MessageKey; testId: string }[] = [
  { kind: 'accounts-csv', label: 'dataExportAccountsCsv', testId: 'export-accounts-csv' },
  { kind: 'notes-csv', label: 'dataExportNotesCsv', testId: 'export-notes-csv' },
  { kind: 'deals-csv', label: 'dataExportDealsCsv', testId: 'export-deals-csv' },
  { kind: 'follow-ups-csv', label: 'dataExportFollowUpsCsv', testId: 'export-follow-ups-csv' },
];

/** Downloads everything as one JSON file, or CSV files for a CRM. */
export function ExportCard() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const locale = uiLanguage();
  const busy = status.kind === 'working';

  const run = async (exportKind: ExportKind) => {
    setStatus({ kind: 'working', exportKind });
    try {
      const saved = await downloadExport(exportKind, locale);
      const parts = [
        t('dataExported', [
          saved.fileName,
          formatBytes(saved.bytes, locale),
          formatCount(saved.rows, locale),
        ]),
      ];
      if (saved.skippedRows > 0) parts.push(t('dataExportSkipped', formatCount(saved.skippedRows, locale)));
      setStatus({ kind: 'done', text: parts.join(' ') });
    } catch (error) {
      setStatus({ kind: 'failed', reason: errorText(error) });
    }
  };

  return (
    <section className="ds-card ds-data-card" aria-labelledby="ds-data-export-heading">
      <h3 id="ds-data-export-heading">{t('dataExportHeading')}</h3>
      <p className="ds-data-hint">{t('dataExportHint')}</p>
      <div className="ds-row">
        <button
          type="button"
          className="ds-button"
          data-testid="export-json"
          disabled={busy}
          onClick={() => void run('json')}
        >
          {t('dataExportJson')}
        </button>
      </div>
      <p className="ds-data-hint">{t('dataCsvHint')}</p>
      <div className="ds-row">
        {CSV_BUTTONS.map((button) => (
          <button
            key={button.kind}
            type="button"
            className="ds-data-secondary"
            data-testid={button.testId}
            disabled={busy}
            onClick={() => void run(button.kind)}
          >
            {t(button.label)}
          </button>
        ))}
      </div>
      <p className="ds-status" role="status" data-testid="export-status">
        {status.kind === 'working' ? t('dataExporting') : status.kind === 'done' ? status.text : ''}
      </p>
      {status.kind === 'failed' && (
        <p className="ds-error-text" role="alert">
          {t('dataExportFailed', status.reason)}
        </p>
      )}
    </section>
  );
}
