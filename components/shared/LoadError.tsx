import { t } from '@/lib/i18n';

/** The line a screen or a section shows while its data is on its way. */
export function Loading() {
  return <p className="ds-muted">{t('loading')}</p>;
}

/**
 * Why a screen's data could not be loaded, with the button that tries again. Announced as it appears.
 * With a `title` it is a card of its own (a whole screen failed); without, it sits inside its section.
 */
export function LoadError({
  title,
  message,
  onRetry,
}: {
  title?: string;
  message: string;
  onRetry: () => void;
}) {
  const body = (
    <>
      {title ? <h2>{title}</h2> : null}
      <p>{message}</p>
      <button type="button" className="ds-button" onClick={onRetry}>
        {t('retry')}
      </button>
    </>
  );
  return title ? (
    <section className="ds-card ds-error" role="alert">
      {body}
    </section>
  ) : (
    <div className="ds-error" role="alert">
      {body}
    </div>
  );
}
