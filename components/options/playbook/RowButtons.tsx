import { t } from '@/lib/i18n';

/** Up, down and remove for one row of a list, each named for screen readers. */
export function RowButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  return (
    <div className="ds-pb-row-buttons">
      <button
        type="button"
        className="ds-icon-button"
        aria-label={t('pbMoveUpNamed', what)}
        title={t('pbMoveUp')}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="ds-icon-button"
        aria-label={t('pbMoveDownNamed', what)}
        title={t('pbMoveDown')}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="ds-icon-button ds-pb-remove"
        aria-label={t('pbRemoveNamed', what)}
        title={t('pbRemove')}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}
