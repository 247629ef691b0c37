import { useState } from 'react';
import { t } from '@/lib/i18n';
import type { PopupFollowUp } from '@/lib/messaging/protocol';
import { popupRowText } from './row-text';
import { SnoozeChoices } from './SnoozeChoices';

export interface RowActions {
  done: (row: PopupFollowUp) => void;
  snooze: (row: PopupFollowUp, until: number) => void;
  open: (row: PopupFollowUp) => void;
  openInSidePanel: (row: PopupFollowUp) => void;
}

export function FollowUpRow({
  row,
  now,
  locale,
  overdue,
  focusable,
  actions,
  onFocusRow,
}: {
  row: PopupFollowUp;
  now: number;
  locale: string;
  overdue: boolean;
  /** The one row in the tab order (roving focus); arrow keys move between the others. */
  focusable: boolean;
  actions: RowActions;
  onFocusRow: (id: string) => void;
}) {
  const [snoozing, setSnoozing] = useState(false);
  // The first paint (./first-paint.ts) draws the same row from the same text, before React loads.
  const { shownTitle, who, whoTitle, due, dueDateTime, label } = popupRowText(row, now, locale);

  return (
    <li
      className="ds-popup-row"
      data-testid="popup-followup"
      data-followup-id={row.id}
      data-from-cadence={row.fromCadence ? 'true' : 'false'}
      tabIndex={focusable ? 0 : -1}
      aria-label={label}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(row.id);
      }}
    >
      <div className="ds-popup-row-head">
        <span className="ds-popup-title" title={row.title} data-testid="popup-followup-title">
          {shownTitle}
        </span>
        {row.fromCadence ? (
          <span className="ds-tag" title={t('popupFromCadenceHint')}>
            {t('popupFromCadence')}
          </span>
        ) : null}
      </div>
      <div className="ds-popup-meta">
        <span className="ds-popup-who" title={whoTitle}>
          {who}
        </span>
        <time
          className={overdue ? 'ds-popup-due ds-popup-due-overdue' : 'ds-popup-due'}
          dateTime={dueDateTime}
          title={due.absolute}
        >
          {due.relative} · {due.absolute}
        </time>
      </div>
      <div className="ds-row ds-popup-actions">
        <button type="button" className="ds-chip" data-testid="popup-done" onClick={() => actions.done(row)}>
          {t('popupDone')}
        </button>
        <button
          type="button"
          className="ds-chip"
          data-testid="popup-snooze"
          aria-expanded={snoozing}
          onClick={() => setSnoozing((open) => !open)}
        >
          {t('popupSnooze')}
        </button>
        <button
          type="button"
          className="ds-chip"
          data-testid="popup-open"
          title={t('popupOpenHint')}
          onClick={() => actions.open(row)}
        >
          {t('popupOpen')}
        </button>
        <button
          type="button"
          className="ds-chip"
          data-testid="popup-sidepanel"
          title={t('popupSidePanelHint')}
          onClick={() => actions.openInSidePanel(row)}
        >
          {t('popupSidePanel')}
        </button>
      </div>
      {snoozing ? (
        <SnoozeChoices
          followUpId={row.id}
          onClose={() => setSnoozing(false)}
          onSnooze={(until) => {
            setSnoozing(false);
            actions.snooze(row, until);
          }}
        />
      ) : null}
    </li>
  );
}
