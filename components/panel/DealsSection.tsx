import { useId, useRef, useState, type FormEvent } from 'react';
import type { DealRecord } from '@/lib/db/records';
import { t } from '@/lib/i18n';
import { panelActions } from '@/lib/panel-actions';
import { localized } from '@/lib/playbook/text';
import { Field } from '../shared/Field';
import { COMMON_CURRENCIES, defaultCurrency, formatCloseDate, formatDealValue } from './deal-format';
import { stagePlace } from './deal-view';
import type { AccountSectionProps } from './types';
import { useAccountTarget, useAccountWrite } from './useAccountWrite';
import { WriteError } from './WriteError';

interface DealsSectionProps extends AccountSectionProps {
  /** Shows another deal in the panel's sections. */
  onSelect: (dealId: string) => void;
}

/** A deal's typed fields as the inputs hold them. */
interface DealDraft {
  title: string;
  value: string;
  currency: string;
  closeDate: string;
}

function draftOf(deal: DealRecord): DealDraft {
  return {
    title: deal.title,
    value: deal.value === undefined ? '' : String(deal.value),
    currency: deal.currency ?? '',
    closeDate: deal.closeDate ?? '',
  };
}

/** The draft as a request's fields, or which field is wrong. Empty optional fields clear the value. */
function checkedDraft(draft: DealDraft):
  | {
      ok: true;
      fields: { title: string; value: number | null; currency: string | null; closeDate: string | null };
    }
  | { ok: false; field: 'title' | 'value' } {
  const title = draft.title.trim();
  if (!title) return { ok: false, field: 'title' };
  const valueText = draft.value.trim();
  const value = valueText === '' ? null : Number(valueText);
  if (value !== null && (!Number.isFinite(value) || value < 0 || value > 1e12))
    return { ok: false, field: 'value' };
  return {
    ok: true,
    fields: {
      title,
      value,
      currency: value === null ? null : draft.currency || null,
      closeDate: draft.closeDate || null,
    },
  };
}

/** Title, value with currency and close date: the add form and the edit form share them. */
function DealFields({
  draft,
  onChange,
  invalid,
  testIdPrefix,
}: {
  draft: DealDraft;
  onChange: (draft: DealDraft) => void;
  invalid: 'title' | 'value' | null;
  testIdPrefix: 'deal' | 'deal-edit';
}) {
  const currencies = [...new Set([...COMMON_CURRENCIES, ...(draft.currency ? [draft.currency] : [])])];
  return (
    <div className="ds-deal-fields">
      <div className="ds-deal-field">
        <Field label={t('dealTitleLabel')} error={invalid === 'title' ? t('dealTitleRequired') : null}>
          {(control) => (
            <input
              {...control}
              className="ds-input"
              data-testid={`${testIdPrefix}-title`}
              type="text"
              maxLength={200}
              value={draft.title}
              placeholder={t('dealTitlePlaceholder')}
              onChange={(event) => onChange({ ...draft, title: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="ds-deal-money">
        <div className="ds-deal-field">
          <Field label={t('dealValueLabel')} error={invalid === 'value' ? t('dealValueInvalid') : null}>
            {(control) => (
              <input
                {...control}
                className="ds-input"
                data-testid={`${testIdPrefix}-value`}
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={draft.value}
                onChange={(event) => onChange({ ...draft, value: event.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="ds-deal-field">
          <Field label={t('dealCurrencyLabel')}>
            {(control) => (
              <select
                {...control}
                className="ds-stage-select"
                data-testid={`${testIdPrefix}-currency`}
                value={draft.currency}
                onChange={(event) => onChange({ ...draft, currency: event.target.value })}
              >
                {currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
      <div className="ds-deal-field">
        <Field label={t('dealCloseDateLabel')}>
          {(control) => (
            <input
              {...control}
              className="ds-input"
              data-testid={`${testIdPrefix}-close-date`}
              type="date"
              value={draft.closeDate}
              onChange={(event) => onChange({ ...draft, closeDate: event.target.value })}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

/** One deal in the list: a button that shows it in the panel. */
function DealItem({
  deal,
  selected,
  stageName,
  locale,
  onSelect,
}: {
  deal: DealRecord;
  selected: boolean;
  stageName: string;
  locale: string;
  onSelect: () => void;
}) {
  const facts = [
    deal.value === undefined ? null : formatDealValue(deal.value, deal.currency, locale),
    stageName || null,
    deal.closeDate ? t('dealClosesOn', formatCloseDate(deal.closeDate, locale)) : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <li>
      <button
        type="button"
        className="ds-deal-item"
        data-testid="deal-item"
        data-deal-id={deal.id}
        data-outcome={deal.outcome}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="ds-deal-title">{deal.title}</span>
        <span className="ds-deal-facts ds-muted">{facts.join(' · ')}</span>
      </button>
    </li>
  );
}

/**
 * The account's deals: the open ones to switch between, a form to add one, and for the deal shown its
 * outcome — close it as won, or as lost with the reason — and an edit form. Closed deals stay listed
 * below, to look back at or reopen.
 */
export function DealsSection({ state, deal, playbook, locale, onSelect }: DealsSectionProps) {
  const id = useId();
  const target = useAccountTarget(state);
  const { errors, busy, run } = useAccountWrite();
  const deals = state.account.deals;
  const open = deals.filter((candidate) => candidate.outcome === 'open');
  const closed = deals.filter((candidate) => candidate.outcome !== 'open');

  const emptyDraft = (): DealDraft => ({
    title: '',
    value: '',
    currency: defaultCurrency(deals, locale),
    closeDate: '',
  });
  const [draft, setDraft] = useState<DealDraft>(emptyDraft);
  const [draftInvalid, setDraftInvalid] = useState<'title' | 'value' | null>(null);
  const [editing, setEditing] = useState<DealDraft | null>(null);
  const [editInvalid, setEditInvalid] = useState<'title' | 'value' | null>(null);
  const [lostReason, setLostReason] = useState('');
  const [askingReason, setAskingReason] = useState(false);
  const reasonSelect = useRef<HTMLSelectElement>(null);

  const stageName = (candidate: DealRecord) => {
    const place = stagePlace(playbook, candidate);
    if (place.kind === 'known') return localized(place.stage.name, locale);
    return place.kind === 'removed' ? t('stageRemovedName', place.stageId) : '';
  };
  const reasonName = (reasonId: string | undefined) => {
    const reason = playbook.lostReasons.find((candidate) => candidate.id === reasonId);
    return reason ? localized(reason.name, locale) : (reasonId ?? '');
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = checkedDraft(draft);
    setDraftInvalid(checked.ok ? null : checked.field);
    if (!checked.ok) return;
    let added: DealRecord | undefined;
    const saved = await run('add', async () => {
      const { value, currency, closeDate, title } = checked.fields;
      added = await panelActions.addDeal(target, {
        title,
        ...(value === null ? {} : { value, ...(currency ? { currency } : {}) }),
        ...(closeDate ? { closeDate } : {}),
        locale,
      });
    });
    if (saved && added) {
      setDraft(emptyDraft());
      onSelect(added.id);
    }
  }

  async function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!deal || !editing) return;
    const checked = checkedDraft(editing);
    setEditInvalid(checked.ok ? null : checked.field);
    if (!checked.ok) return;
    const saved = await run('edit', () => panelActions.editDeal({ id: deal.id, ...checked.fields }));
    if (saved) setEditing(null);
  }

  function closeAsLost(reason: string) {
    if (!deal) return;
    setAskingReason(false);
    void run('outcome', () => panelActions.closeDeal({ id: deal.id, outcome: 'lost', lostReason: reason }));
  }

  function lost() {
    // The reason first: a lost deal without one teaches the team nothing.
    if (lostReason) closeAsLost(lostReason);
    else {
      setAskingReason(true);
      reasonSelect.current?.focus();
    }
  }

  const outcomeText = !deal
    ? ''
    : deal.outcome === 'won'
      ? t('dealOutcomeWon')
      : deal.outcome === 'lost'
        ? t('dealOutcomeLost', reasonName(deal.lostReason))
        : t('dealOutcomeOpen');

  return (
    <section className="ds-card ds-deals" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dealsHeading')}</h2>
      {open.length === 0 ? <p className="ds-muted">{t('dealsNoneOpen')}</p> : null}
      {open.length > 0 ? (
        <ul className="ds-deal-list" aria-label={t('dealsOpenLabel')}>
          {open.map((candidate) => (
            <DealItem
              key={candidate.id}
              deal={candidate}
              selected={candidate.id === deal?.id}
              stageName={stageName(candidate)}
              locale={locale}
              onSelect={() => onSelect(candidate.id)}
            />
          ))}
        </ul>
      ) : null}

      {deal ? (
        <div className="ds-deal-current">
          <p className="ds-deal-outcome" data-testid="deal-outcome" data-outcome={deal.outcome}>
            <strong>{deal.title}</strong> — {outcomeText}
          </p>
          {deal.outcome === 'open' ? (
            <div className="ds-deal-close">
              <button
                type="button"
                className="ds-button"
                data-testid="deal-won"
                disabled={busy.has('outcome')}
                onClick={() =>
                  void run('outcome', () => panelActions.closeDeal({ id: deal.id, outcome: 'won' }))
                }
              >
                {t('dealWon')}
              </button>
              <div className="ds-deal-reason">
                <Field
                  label={t('dealLostReasonLabel')}
                  error={askingReason ? t('dealLostReasonRequired') : null}
                >
                  {(control) => (
                    <select
                      {...control}
                      ref={reasonSelect}
                      className="ds-stage-select"
                      data-testid="deal-lost-reason"
                      value={lostReason}
                      onChange={(event) => {
                        setLostReason(event.target.value);
                        // Asked for after "Lost": choosing the reason finishes the close.
                        if (askingReason && event.target.value) closeAsLost(event.target.value);
                      }}
                    >
                      <option value="">{t('dealLostReasonPlaceholder')}</option>
                      {playbook.lostReasons.map((reason) => (
                        <option key={reason.id} value={reason.id}>
                          {localized(reason.name, locale)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <button
                type="button"
                className="ds-button ds-button-secondary"
                data-testid="deal-lost"
                disabled={busy.has('outcome')}
                onClick={lost}
              >
                {t('dealLost')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="ds-link"
              onClick={() =>
                void run('outcome', () => panelActions.closeDeal({ id: deal.id, outcome: 'open' }))
              }
            >
              {t('dealReopen')}
            </button>
          )}
          <WriteError message={errors.outcome ? t('dealSaveFailed', errors.outcome) : undefined} />
          {editing ? (
            <form className="ds-deal-form" onSubmit={(event) => void saveEdit(event)} noValidate>
              <DealFields
                draft={editing}
                onChange={setEditing}
                invalid={editInvalid}
                testIdPrefix="deal-edit"
              />
              <div className="ds-row">
                <button type="submit" className="ds-button" data-testid="deal-edit-save">
                  {t('dealEditSave')}
                </button>
                <button type="button" className="ds-link" onClick={() => setEditing(null)}>
                  {t('followUpEditCancel')}
                </button>
              </div>
              <WriteError message={errors.edit ? t('dealSaveFailed', errors.edit) : undefined} />
            </form>
          ) : (
            <button
              type="button"
              className="ds-link"
              data-testid="deal-edit"
              onClick={() => {
                setEditInvalid(null);
                setEditing(draftOf(deal));
              }}
            >
              {t('dealEdit')}
            </button>
          )}
        </div>
      ) : null}

      <form className="ds-deal-form" onSubmit={(event) => void add(event)} noValidate>
        <h3 className="ds-subheading">{t('dealAddHeading')}</h3>
        <DealFields draft={draft} onChange={setDraft} invalid={draftInvalid} testIdPrefix="deal" />
        <button type="submit" className="ds-button" data-testid="deal-add" disabled={busy.has('add')}>
          {t('dealAdd')}
        </button>
        <WriteError message={errors.add ? t('dealSaveFailed', errors.add) : undefined} />
      </form>

      {closed.length > 0 ? (
        <details className="ds-deal-closed">
          <summary>{t('dealsClosed', String(closed.length))}</summary>
          <ul className="ds-deal-list">
            {closed.map((candidate) => (
              <DealItem
                key={candidate.id}
                deal={candidate}
                selected={candidate.id === deal?.id}
                stageName={
                  candidate.outcome === 'won'
                    ? t('dealOutcomeWon')
                    : t('dealOutcomeLost', reasonName(candidate.lostReason))
                }
                locale={locale}
                onSelect={() => onSelect(candidate.id)}
              />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
