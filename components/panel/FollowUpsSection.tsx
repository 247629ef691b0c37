import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  dueState,
  inThreeDaysMorning,
  nextMondayMorning,
  oneHourLater,
  parseDateTimeLocalValue,
  toDateTimeLocalValue,
  tomorrowMorning,
} from '@/lib/dates/due';
import { formatAbsoluteDue, formatRelativeDue } from '@/lib/dates/format';
import type { FollowUpRecord } from '@/lib/db/records';
import { followUpIcs, icsFileName } from '@/lib/follow-ups/ics';
import { t } from '@/lib/i18n';
import type { UpdateFollowUpRequest } from '@/lib/messaging/protocol';
import { panelActions, type AccountTarget } from '@/lib/panel-actions';
import { Field } from '../shared/Field';
import { saveBlob } from '../shared/save-blob';
import type { AccountSectionProps } from './types';
import { useAccountTarget, useAccountWrite } from './useAccountWrite';
import { useNow } from './useNow';
import { WriteError } from './WriteError';

/** Relative due texts ("in 5 minutes") are refreshed this often. */
const CLOCK_REFRESH_MS = 30_000;

/** How long "Undo" stays after a follow-up is deleted. */
export const UNDO_MS = 8_000;

/** The longest part of a title the delete and undo announcements read out. */
const ANNOUNCED_TITLE_MAX = 80;

const QUICK_PICKS = [
  { key: 'tomorrow', label: () => t('followUpPickTomorrow'), hint: undefined, at: tomorrowMorning },
  { key: 'three-days', label: () => t('followUpPickThreeDays'), hint: undefined, at: inThreeDaysMorning },
  {
    key: 'next-week',
    label: () => t('followUpPickNextWeek'),
    hint: () => t('followUpPickNextWeekHint'),
    at: nextMondayMorning,
  },
] as const;

const defaultDue = () => toDateTimeLocalValue(tomorrowMorning(new Date()));

function shortTitle(title: string): string {
  const characters = [...title];
  return characters.length > ANNOUNCED_TITLE_MAX
    ? `${characters.slice(0, ANNOUNCED_TITLE_MAX).join('')}…`
    : title;
}

/** The follow-up's contact as a calendar event names them: `Jane Cooper <jane@…>`, or the address. */
function contactText(state: AccountSectionProps['state'], email: string | undefined): string | undefined {
  if (!email) return undefined;
  const person =
    state.account.people.find((candidate) => candidate.email === email) ??
    (state.contact?.email === email ? state.contact : undefined);
  return person?.name ? `${person.name} <${email}>` : email;
}

/** Splits the account's follow-ups into what the section shows apart. */
export function groupFollowUps(followUps: readonly FollowUpRecord[]) {
  const byDue = (a: FollowUpRecord, b: FollowUpRecord) => a.due - b.due;
  return {
    open: followUps.filter((item) => item.status === 'open').sort(byDue),
    proposed: followUps.filter((item) => item.status === 'proposed').sort(byDue),
    done: followUps
      .filter((item) => item.status === 'done')
      .sort((a, b) => (b.doneAt ?? b.updatedAt) - (a.doneAt ?? a.updatedAt)),
  };
}

/** A follow-up's title and due time as the rep types them, with their checks. */
function useFollowUpFields(initialTitle: string, initialDue: () => string) {
  const [title, setTitleText] = useState(initialTitle);
  const [due, setDueText] = useState(initialDue);
  const [titleInvalid, setTitleInvalid] = useState(false);
  const [dueInvalid, setDueInvalid] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const dueInput = useRef<HTMLInputElement>(null);
  return {
    title,
    due,
    titleInvalid,
    dueInvalid,
    titleInput,
    dueInput,
    setTitle(value: string) {
      setTitleText(value);
      if (titleInvalid && value.trim() !== '') setTitleInvalid(false);
    },
    setDue(value: string) {
      setDueText(value);
      if (dueInvalid && parseDateTimeLocalValue(value) !== null) setDueInvalid(false);
    },
    /** The trimmed title and due instant, or null after marking (and focusing) the first bad field. */
    checked(): { title: string; due: number } | null {
      const trimmed = title.trim();
      const dueAt = parseDateTimeLocalValue(due);
      setTitleInvalid(trimmed === '');
      setDueInvalid(dueAt === null);
      if (trimmed === '') {
        titleInput.current?.focus();
        return null;
      }
      if (dueAt === null) {
        dueInput.current?.focus();
        return null;
      }
      return { title: trimmed, due: dueAt };
    },
  };
}

type FollowUpFieldsState = ReturnType<typeof useFollowUpFields>;

/** The title and due inputs, shared by the add form and a row's edit form. */
function FollowUpFields({
  fields,
  testIdPrefix,
  placeholder,
}: {
  fields: FollowUpFieldsState;
  testIdPrefix: 'followup' | 'followup-edit';
  placeholder?: string;
}) {
  return (
    <>
      <Field label={t('followUpTitleLabel')} error={fields.titleInvalid ? t('followUpTitleRequired') : null}>
        {(control) => (
          <input
            {...control}
            ref={fields.titleInput}
            data-testid={`${testIdPrefix}-title`}
            className="ds-input ds-followup-input"
            type="text"
            value={fields.title}
            maxLength={10_000}
            placeholder={placeholder}
            onChange={(event) => fields.setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('followUpDueLabel')}
        labelClassName="ds-label ds-followup-due-label"
        error={fields.dueInvalid ? t('followUpDueInvalid') : null}
      >
        {(control) => (
          <input
            {...control}
            ref={fields.dueInput}
            data-testid={`${testIdPrefix}-due`}
            className="ds-input ds-followup-input"
            type="datetime-local"
            value={fields.due}
            onChange={(event) => fields.setDue(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}

function AddFollowUpForm({ target }: { target: AccountTarget }) {
  const id = useId();
  const { errors, busy, run } = useAccountWrite();
  const fields = useFollowUpFields('', defaultDue);
  const addErrorId = `${id}-add-error`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const followUp = fields.checked();
    if (!followUp) return;
    const added = await run('add', () => panelActions.addFollowUp(target, followUp));
    if (added) {
      fields.setTitle('');
      fields.setDue(defaultDue());
      fields.titleInput.current?.focus();
    }
  }

  return (
    <form className="ds-followup-form" noValidate onSubmit={(event) => void submit(event)}>
      <FollowUpFields fields={fields} testIdPrefix="followup" placeholder={t('followUpTitlePlaceholder')} />
      <div className="ds-followup-picks" role="group" aria-label={t('followUpQuickPicks')}>
        {QUICK_PICKS.map((pick) => (
          <button
            key={pick.key}
            type="button"
            className="ds-followup-chip"
            data-testid={`followup-pick-${pick.key}`}
            title={pick.hint?.()}
            onClick={() => fields.setDue(toDateTimeLocalValue(pick.at(new Date())))}
          >
            {pick.label()}
          </button>
        ))}
      </div>
      <div className="ds-followup-submit">
        <button
          type="submit"
          className="ds-button"
          data-testid="followup-add"
          disabled={busy.has('add')}
          aria-describedby={errors.add ? addErrorId : undefined}
        >
          {t('followUpAdd')}
        </button>
      </div>
      <WriteError id={addErrorId} message={errors.add} />
    </form>
  );
}

interface ItemProps {
  followUp: FollowUpRecord;
  now: number;
  locale: string;
  busy: boolean;
  error: string | undefined;
  onAction: (request: UpdateFollowUpRequest, removesItem: boolean) => void;
  /** Saves an edit of the title and due time; resolves to true once saved. */
  onEdit: (edit: { title: string; due: number }) => Promise<boolean>;
  onDelete: () => void;
  onCalendar: () => void;
}

/** The title and due time of one follow-up, edited in its row. */
function EditFollowUpForm({
  followUp,
  busy,
  error,
  onSave,
  onCancel,
}: {
  followUp: FollowUpRecord;
  busy: boolean;
  error: string | undefined;
  onSave: (edit: { title: string; due: number }) => void;
  onCancel: () => void;
}) {
  const fields = useFollowUpFields(followUp.title, () => toDateTimeLocalValue(followUp.due));
  const { titleInput } = fields;

  useEffect(() => {
    titleInput.current?.focus();
  }, [titleInput]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const edit = fields.checked();
    if (edit) onSave(edit);
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  }

  return (
    <form
      className="ds-followup-form ds-followup-edit"
      data-testid="followup-edit-form"
      aria-label={t('followUpEditHeading')}
      noValidate
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
    >
      <FollowUpFields fields={fields} testIdPrefix="followup-edit" />
      <div className="ds-followup-edit-buttons">
        <button type="submit" className="ds-button" data-testid="followup-edit-save" disabled={busy}>
          {t('followUpEditSave')}
        </button>
        <button
          type="button"
          className="ds-followup-chip"
          data-testid="followup-edit-cancel"
          onClick={onCancel}
        >
          {t('followUpEditCancel')}
        </button>
      </div>
      <WriteError message={error} />
    </form>
  );
}

/**
 * Whether an item shows its edit form; closing it puts keyboard focus back on the item's edit button.
 */
function useInlineEdit() {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  return {
    editing,
    editButton,
    open: () => setEditing(true),
    close: () => {
      returnFocus.current = true;
      setEditing(false);
    },
  };
}

/** Edit, add to calendar and delete: what every pending follow-up offers besides its own actions. */
function FollowUpTools({
  describedBy,
  busy,
  editButton,
  onEdit,
  onCalendar,
  onDelete,
}: {
  describedBy: string;
  busy: boolean;
  editButton?: React.Ref<HTMLButtonElement>;
  onEdit?: () => void;
  onCalendar?: () => void;
  onDelete: () => void;
}) {
  return (
    <div className="ds-followup-actions ds-followup-tools">
      {onEdit ? (
        <button
          ref={editButton}
          type="button"
          className="ds-followup-chip"
          data-testid="followup-edit"
          disabled={busy}
          aria-describedby={describedBy}
          onClick={onEdit}
        >
          {t('followUpEdit')}
        </button>
      ) : null}
      {onCalendar ? (
        <ActionChip
          testId="followup-ics"
          label={t('followUpIcs')}
          describedBy={describedBy}
          disabled={false}
          onClick={onCalendar}
        />
      ) : null}
      <ActionChip
        testId="followup-delete"
        label={t('followUpDelete')}
        describedBy={describedBy}
        disabled={busy}
        onClick={onDelete}
      />
    </div>
  );
}

function DueText({ due, now, locale }: { due: number; now: number; locale: string }) {
  const state = dueState(due, now);
  const absolute = formatAbsoluteDue(due, now, locale);
  return (
    <span className={`ds-followup-due ds-followup-due-${state}`}>
      {state === 'overdue' ? (
        <strong className="ds-followup-overdue">{t('followUpOverdue')} · </strong>
      ) : null}
      <time dateTime={new Date(due).toISOString()} title={absolute}>
        {formatRelativeDue(due, now, locale)}
      </time>
      <span className="ds-followup-absolute"> · {absolute}</span>
    </span>
  );
}

function FollowUpTitle({ id, title }: { id: string; title: string }) {
  // Long titles are clamped by CSS; the whole text stays in the DOM and shows on hover.
  return (
    <span id={id} className="ds-followup-title" title={title}>
      {title}
    </span>
  );
}

interface ActionChipProps {
  testId: string;
  label: string;
  /** The id of the follow-up's title, so a screen reader says which follow-up the chip acts on. */
  describedBy: string;
  disabled: boolean;
  /** The action the item suggests first, e.g. accepting a proposal. */
  primary?: boolean;
  onClick: () => void;
}

function ActionChip({ testId, label, describedBy, disabled, primary = false, onClick }: ActionChipProps) {
  return (
    <button
      type="button"
      className={primary ? 'ds-followup-chip ds-followup-chip-primary' : 'ds-followup-chip'}
      data-testid={testId}
      disabled={disabled}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

function OpenItem({ followUp, now, locale, busy, error, onAction, onEdit, onDelete, onCalendar }: ItemProps) {
  const id = useId();
  const edit = useInlineEdit();
  // The new due time is taken when the chip is clicked, not when the item was rendered.
  const snoozeUntil = (later: (from: Date) => Date) => () =>
    onAction({ id: followUp.id, action: 'snooze', until: later(new Date()).getTime() }, false);
  return (
    <li
      className="ds-followup"
      data-due-state={dueState(followUp.due, now)}
      data-testid="followup-item"
      data-followup-id={followUp.id}
    >
      {edit.editing ? (
        <EditFollowUpForm
          followUp={followUp}
          busy={busy}
          error={error}
          onSave={(changes) => void onEdit(changes).then((saved) => saved && edit.close())}
          onCancel={edit.close}
        />
      ) : (
        <>
          <div className="ds-followup-row">
            <input
              type="checkbox"
              className="ds-followup-check"
              data-testid="followup-done"
              checked={false}
              disabled={busy}
              aria-label={t('followUpMarkDone')}
              aria-describedby={`${id}-title`}
              onChange={() => onAction({ id: followUp.id, action: 'done' }, true)}
            />
            <div className="ds-followup-main">
              <FollowUpTitle id={`${id}-title`} title={followUp.title} />
              <DueText due={followUp.due} now={now} locale={locale} />
            </div>
          </div>
          <div className="ds-followup-actions" role="group" aria-label={t('followUpSnooze')}>
            <span className="ds-small ds-muted" aria-hidden="true">
              {t('followUpSnooze')}:
            </span>
            <ActionChip
              testId="followup-snooze-hour"
              label={t('followUpSnoozeHour')}
              describedBy={`${id}-title`}
              disabled={busy}
              onClick={snoozeUntil(oneHourLater)}
            />
            <ActionChip
              testId="followup-snooze-tomorrow"
              label={t('followUpPickTomorrow')}
              describedBy={`${id}-title`}
              disabled={busy}
              onClick={snoozeUntil(tomorrowMorning)}
            />
          </div>
          <FollowUpTools
            describedBy={`${id}-title`}
            busy={busy}
            editButton={edit.editButton}
            onEdit={edit.open}
            onCalendar={onCalendar}
            onDelete={onDelete}
          />
          <WriteError message={error} />
        </>
      )}
    </li>
  );
}

function ProposedItem({
  followUp,
  now,
  locale,
  busy,
  error,
  onAction,
  onEdit,
  onDelete,
  onCalendar,
}: ItemProps) {
  const id = useId();
  const edit = useInlineEdit();
  return (
    <li
      className="ds-followup ds-followup-proposed"
      data-testid="followup-proposal"
      data-followup-id={followUp.id}
    >
      {edit.editing ? (
        <EditFollowUpForm
          followUp={followUp}
          busy={busy}
          error={error}
          onSave={(changes) => void onEdit(changes)}
          onCancel={edit.close}
        />
      ) : (
        <>
          <div className="ds-followup-main">
            <FollowUpTitle id={`${id}-title`} title={followUp.title} />
            <DueText due={followUp.due} now={now} locale={locale} />
          </div>
          <div className="ds-followup-actions">
            <ActionChip
              testId="followup-accept"
              label={t('followUpAccept')}
              describedBy={`${id}-title`}
              disabled={busy}
              primary
              onClick={() => onAction({ id: followUp.id, action: 'accept' }, true)}
            />
            <ActionChip
              testId="followup-dismiss"
              label={t('followUpDismiss')}
              describedBy={`${id}-title`}
              disabled={busy}
              onClick={() => onAction({ id: followUp.id, action: 'dismiss' }, true)}
            />
          </div>
          <FollowUpTools
            describedBy={`${id}-title`}
            busy={busy}
            editButton={edit.editButton}
            onEdit={edit.open}
            onCalendar={onCalendar}
            onDelete={onDelete}
          />
          <WriteError message={error} />
        </>
      )}
    </li>
  );
}

function DoneItem({ followUp, now, locale, busy, error, onAction, onDelete }: ItemProps) {
  const id = useId();
  const doneAt = followUp.doneAt ?? followUp.updatedAt;
  return (
    <li
      className="ds-followup ds-followup-completed"
      data-testid="followup-done-item"
      data-followup-id={followUp.id}
    >
      <div className="ds-followup-row">
        <div className="ds-followup-main">
          <FollowUpTitle id={`${id}-title`} title={followUp.title} />
          <span className="ds-small ds-muted">
            <time dateTime={new Date(doneAt).toISOString()}>
              {t('followUpDoneAt', formatAbsoluteDue(doneAt, now, locale))}
            </time>
          </span>
        </div>
        <ActionChip
          testId="followup-reopen"
          label={t('followUpReopen')}
          describedBy={`${id}-title`}
          disabled={busy}
          onClick={() => onAction({ id: followUp.id, action: 'reopen' }, true)}
        />
      </div>
      <FollowUpTools describedBy={`${id}-title`} busy={busy} onDelete={onDelete} />
      <WriteError message={error} />
    </li>
  );
}

/** "Next steps": the account's follow-ups, the playbook's proposals and a form to add one. */
export function FollowUpsSection({ state, deal, locale }: AccountSectionProps) {
  const id = useId();
  const target = useAccountTarget(state, deal);
  const { errors, busy, run } = useAccountWrite();
  const now = useNow(CLOCK_REFRESH_MS);
  const heading = useRef<HTMLHeadingElement>(null);
  const { open, proposed, done } = useMemo(() => groupFollowUps(state.followUps), [state.followUps]);
  const [undoRow, setUndoRow] = useState<FollowUpRecord | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcementTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(announcementTimer.current), []);

  /** Says `text` in the status region for a while; with a row, offers to bring it back meanwhile. */
  function announce(text: string, row: FollowUpRecord | null) {
    clearTimeout(announcementTimer.current);
    setAnnouncement(text);
    setUndoRow(row);
    announcementTimer.current = setTimeout(() => {
      setAnnouncement('');
      setUndoRow(null);
    }, UNDO_MS);
  }

  async function deleteItem(key: string, followUp: FollowUpRecord) {
    let deleted: FollowUpRecord | null = null;
    const ok = await run(key, async () => {
      deleted = await panelActions.deleteFollowUp(followUp.id);
    });
    if (!ok) return;
    heading.current?.focus();
    if (deleted) announce(t('followUpDeleted', shortTitle(followUp.title)), deleted);
  }

  async function undoDelete(row: FollowUpRecord) {
    if (await run('undo', () => panelActions.restoreFollowUp(row))) {
      announce(t('followUpRestored', shortTitle(row.title)), null);
    }
  }

  function downloadCalendar(followUp: FollowUpRecord) {
    const account = state.account.record?.displayName;
    const text = followUpIcs({
      followUp,
      account:
        account && account !== state.account.displayKey
          ? `${account} (${state.account.displayKey})`
          : state.account.displayKey,
      contact: contactText(state, followUp.contactEmail),
      now: Date.now(),
      labels: { account: t('followUpIcsAccount'), contact: t('followUpIcsContact') },
    });
    saveBlob(new Blob([text], { type: 'text/calendar;charset=utf-8' }), icsFileName(followUp.title));
  }

  const itemProps = (followUp: FollowUpRecord): ItemProps => {
    const key = `item:${followUp.id}`;
    return {
      followUp,
      now,
      locale,
      busy: busy.has(key),
      error: errors[key],
      onAction: (request, removesItem) => {
        void run(key, () => panelActions.updateFollowUp(request)).then((ok) => {
          // The control the rep used leaves the list: keep keyboard focus in the section.
          if (ok && removesItem) heading.current?.focus();
        });
      },
      onEdit: (edit) => run(key, () => panelActions.editFollowUp({ id: followUp.id, ...edit })),
      onDelete: () => void deleteItem(key, followUp),
      onCalendar: () => downloadCalendar(followUp),
    };
  };

  return (
    <section className="ds-card ds-followups" aria-labelledby={`${id}-heading`} data-testid="followups">
      <div className="ds-section-head">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {t('followUpsHeading')}
        </h2>
      </div>
      <div className="ds-followup-undo" role="status" data-testid="followup-undo-status">
        {announcement ? <span>{announcement}</span> : null}
        {undoRow ? (
          <button
            type="button"
            className="ds-followup-chip ds-followup-chip-primary"
            data-testid="followup-undo"
            disabled={busy.has('undo')}
            onClick={() => void undoDelete(undoRow)}
          >
            {t('followUpUndo')}
          </button>
        ) : null}
      </div>
      <WriteError message={errors.undo} />
      <AddFollowUpForm target={target} />

      {open.length === 0 ? (
        <p className="ds-muted ds-small">{t('followUpNoneOpen')}</p>
      ) : (
        <ul className="ds-followup-list" aria-labelledby={`${id}-heading`}>
          {open.map((followUp) => (
            <OpenItem key={followUp.id} {...itemProps(followUp)} />
          ))}
        </ul>
      )}

      {proposed.length > 0 ? (
        <div className="ds-followup-group ds-followup-proposals">
          <h3 className="ds-subheading" id={`${id}-proposed`}>
            {t('followUpProposedHeading')}
          </h3>
          <ul className="ds-followup-list" aria-labelledby={`${id}-proposed`}>
            {proposed.map((followUp) => (
              <ProposedItem key={followUp.id} {...itemProps(followUp)} />
            ))}
          </ul>
        </div>
      ) : null}

      {done.length > 0 ? (
        <details className="ds-followup-group ds-followup-done-group">
          <summary data-testid="followup-done-summary">{t('followUpDoneCount', String(done.length))}</summary>
          <ul className="ds-followup-list">
            {done.map((followUp) => (
              <DoneItem key={followUp.id} {...itemProps(followUp)} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
