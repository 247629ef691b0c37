/**
 * Moving cards between stages. A moved card shows in its new column at once; the move is sent as the
 * panel's `setStage` (same message, same handler: the stage event and the cadence's proposals follow),
 * and a failed move puts the card back and says why. Every move and failure is announced for screen
 * readers (`announcement`), and the card keeps the keyboard focus in its new column (`focusDealId`).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText } from '@/lib/error-text';
import { t } from '@/lib/i18n';
import type { PipelineDeal, PipelineView } from '@/lib/messaging/protocol';
import { panelActions } from '@/lib/panel-actions';

interface Override {
  stageId: string;
  /** Saved: the next answer of the reload sent after the save already shows it. */
  saved: boolean;
}

export interface StageMoves {
  /** The deals with every move not yet reloaded applied. */
  deals: PipelineDeal[];
  move: (deal: PipelineDeal, stageId: string, stageLabel: (stageId: string | undefined) => string) => void;
  /** Polite announcements of moves; failures go to `failure`, which is shown and read at once. */
  announcement: string;
  failure: string | null;
  /** The card to keep focused after it moved column (set by keyboard moves). */
  focusDealId: string | null;
  setFocusDealId: (id: string | null) => void;
  /** Deals moved on this page: their columns show them even beyond the first cards. */
  movedIds: ReadonlySet<string>;
}

export function useStageMoves(
  view: PipelineView | undefined,
  locale: string,
  reload: () => void,
): StageMoves {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Override>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [focusDealId, setFocusDealId] = useState<string | null>(null);
  const [movedIds, setMovedIds] = useState<ReadonlySet<string>>(new Set());

  // A reload's answer arriving after a save holds that save: its override has done its work.
  useEffect(() => {
    setOverrides((current) => {
      if (![...current.values()].some((override) => override.saved)) return current;
      return new Map([...current].filter(([, override]) => !override.saved));
    });
  }, [view]);

  const deals = useMemo(() => {
    if (!view) return [];
    if (overrides.size === 0) return view.deals;
    return view.deals.map((deal) => {
      const override = overrides.get(deal.id);
      // Moved just now: no days in its new stage yet.
      return override && override.stageId !== deal.stageId
        ? { ...deal, stageId: override.stageId, stageEnteredAt: view.now }
        : deal;
    });
  }, [view, overrides]);

  const move = useCallback<StageMoves['move']>(
    (deal, stageId, stageLabel) => {
      if (deal.stageId === stageId) return;
      const from = deal.stageId;
      const forget = (map: ReadonlyMap<string, Override>) => {
        const next = new Map(map);
        next.delete(deal.id);
        return next;
      };
      setFailure(null);
      setOverrides((current) => new Map(current).set(deal.id, { stageId, saved: false }));
      setMovedIds((current) => new Set(current).add(deal.id));
      setAnnouncement(t('pipelineMoving', [deal.title, stageLabel(stageId)]));
      panelActions.setStage({ accountKey: deal.accountKey, dealId: deal.id }, stageId, locale).then(
        () => {
          setOverrides((current) =>
            current.get(deal.id)?.stageId === stageId
              ? new Map(current).set(deal.id, { stageId, saved: true })
              : current,
          );
          setAnnouncement(t('pipelineMoved', [deal.title, stageLabel(stageId)]));
          reload();
        },
        (error: unknown) => {
          // The card goes back to where the database still has it.
          setOverrides((current) => (current.get(deal.id)?.stageId === stageId ? forget(current) : current));
          setAnnouncement('');
          setFailure(t('pipelineMoveFailed', [deal.title, errorText(error), stageLabel(from)]));
          reload();
        },
      );
    },
    [locale, reload],
  );

  return { deals, move, announcement, failure, focusDealId, setFocusDealId, movedIds };
}
