import { useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { panelActions } from '@/lib/panel-actions';
import type { Stage } from '@/lib/playbook/schema';
import { checklistFor, ownChecklist } from '@/lib/playbook/industries';
import { localized } from '@/lib/playbook/text';
import { industryName } from '../shared/industry-name';
import { ChecklistRoleHint } from './ChecklistRoleHint';
import { accountIndustry, stagePlace } from './deal-view';
import type { AccountSectionProps } from './types';
import { useAccountTarget, useAccountWrite } from './useAccountWrite';
import { WriteError } from './WriteError';

/**
 * The current stage's exit checklist for the account's industry: what must be true before the deal
 * moves on. When every item is ticked the section offers the move to the next stage. Ticks are stored
 * per stage by item id, so the ticks of another industry's checklist stay stored while this one shows.
 */
/** A tick the rep made that the panel's state may not show yet; `settled` once its save finished. */
interface PendingTick {
  checked: boolean;
  settled: boolean;
}

export function ChecklistSection({ state, deal, playbook, locale }: AccountSectionProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const target = useAccountTarget(state, deal);
  const { errors, busy, run } = useAccountWrite();
  const checklist = deal?.checklist;
  // A tick shows at once and stays until the background's state agrees with it or its save has
  // finished: a refresh caused by an earlier tick must not flip back an untick still being saved. A
  // failed save takes the tick back.
  const [pendingTicks, setPendingTicks] = useState<Readonly<Record<string, PendingTick>>>({});
  const place = stagePlace(playbook, deal);
  const stageId = place.kind === 'known' ? place.stage.id : undefined;
  useEffect(() => {
    const saved = new Set(stageId === undefined ? [] : (checklist?.[stageId] ?? []));
    setPendingTicks((previous) => {
      const kept = Object.entries(previous).filter(
        ([itemId, tick]) => !tick.settled && saved.has(itemId) !== tick.checked,
      );
      return kept.length === Object.keys(previous).length ? previous : Object.fromEntries(kept);
    });
  }, [checklist, stageId]);

  async function moveTo(stage: Stage) {
    if (busy.has('advance')) return;
    const moved = await run('advance', () => panelActions.setStage(target, stage.id, locale));
    // The button goes away with the old stage's checklist: keep keyboard focus in this section.
    if (moved) heading.current?.focus();
  }

  const head = (
    <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
      {t('checklistHeading')}
    </h2>
  );

  if (place.kind !== 'known') {
    const first = playbook.stages[0];
    return (
      <section className="ds-card ds-checklist" aria-labelledby={`${id}-heading`}>
        {head}
        <p className="ds-muted">
          {place.kind === 'none' ? t('checklistNoStage') : t('checklistRemovedStage')}
        </p>
        {place.kind === 'none' && first ? (
          <>
            <button type="button" className="ds-button" onClick={() => void moveTo(first)}>
              {t('checklistStartAt', localized(first.name, locale))}
            </button>
            <WriteError message={errors.advance ? t('checklistSaveFailed', errors.advance) : undefined} />
          </>
        ) : null}
      </section>
    );
  }

  const { stage, next } = place;
  // The industry is the account's; the ticks are the deal's.
  const industry = accountIndustry(playbook, state.account.record);
  const items = checklistFor(stage, industry);
  const saved = new Set(checklist?.[stage.id] ?? []);
  const isTicked = (itemId: string) => pendingTicks[itemId]?.checked ?? saved.has(itemId);
  const total = items.length;
  // Ids ticked for items of another industry's list, or that the playbook has since dropped, do not count.
  const done = items.filter((item) => isTicked(item.id)).length;
  const complete = done === total;
  const progressText = t('checklistProgress', [String(done), String(total)]);

  return (
    <section className="ds-card ds-checklist" aria-labelledby={`${id}-heading`}>
      {head}
      <p className="ds-checklist-intro ds-muted">
        {ownChecklist(stage, industry)
          ? t('checklistIntroIndustry', [
              localized(stage.name, locale),
              industryName(playbook, industry, locale),
            ])
          : t('checklistIntro', localized(stage.name, locale))}
      </p>
      {total === 0 ? (
        <p className="ds-muted">{t('checklistEmpty')}</p>
      ) : (
        <>
          <div className="ds-checklist-progress">
            <progress
              max={total}
              value={done}
              aria-label={t('checklistProgressLabel')}
              aria-valuetext={progressText}
            />
            <span className="ds-checklist-count" aria-hidden="true">
              {progressText}
            </span>
          </div>
          <ul className="ds-checklist-items">
            {items.map((item) => {
              const errorKey = `item:${item.id}`;
              const errorId = `${id}-${item.id}-error`;
              const roleHintId = `${id}-${item.id}-role`;
              const describedBy = [item.role ? roleHintId : '', errors[errorKey] ? errorId : '']
                .filter(Boolean)
                .join(' ');
              return (
                <li
                  key={item.id}
                  className="ds-checklist-item"
                  data-testid="checklist-item"
                  data-item-id={item.id}
                >
                  <label className="ds-checklist-label">
                    <input
                      type="checkbox"
                      checked={isTicked(item.id)}
                      onChange={(event) => {
                        const tick: PendingTick = { checked: event.target.checked, settled: false };
                        setPendingTicks((previous) => ({ ...previous, [item.id]: tick }));
                        void run(errorKey, () =>
                          panelActions.setChecklistItem(target, stage.id, item.id, tick.checked),
                        ).then((saved) => {
                          setPendingTicks((previous) => {
                            // A later click on the same item owns it now.
                            if (previous[item.id] !== tick) return previous;
                            const next = { ...previous };
                            if (saved) next[item.id] = { ...tick, settled: true };
                            else delete next[item.id];
                            return next;
                          });
                        });
                      }}
                      aria-invalid={errors[errorKey] ? true : undefined}
                      aria-describedby={describedBy || undefined}
                    />
                    <span>{localized(item.text, locale)}</span>
                  </label>
                  {item.role ? (
                    <ChecklistRoleHint id={roleHintId} role={item.role} state={state} locale={locale} />
                  ) : null}
                  <WriteError
                    id={errorId}
                    message={errors[errorKey] ? t('checklistSaveFailed', errors[errorKey]) : undefined}
                  />
                </li>
              );
            })}
          </ul>
        </>
      )}
      {complete && next ? (
        <div className="ds-checklist-advance">
          <p className="ds-checklist-done">{t('checklistAllDone')}</p>
          <button type="button" className="ds-button" onClick={() => void moveTo(next)}>
            {t('checklistAdvance', localized(next.name, locale))}
          </button>
        </div>
      ) : null}
      {complete && !next && total > 0 ? (
        <p className="ds-checklist-done">{t('checklistLastStageDone')}</p>
      ) : null}
      {complete && next ? (
        <WriteError message={errors.advance ? t('checklistSaveFailed', errors.advance) : undefined} />
      ) : null}
    </section>
  );
}
