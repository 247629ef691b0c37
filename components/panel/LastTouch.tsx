import { formatRelativeDue, formatTimestamp } from '@/lib/dates/format';
import { t } from '@/lib/i18n';
import type { TouchView } from '@/lib/messaging/protocol';
import { TouchLink } from './TouchLink';

/** "Last touch: 3 days ago · Gmail · Re: Pilot scope", or that there is none yet. */
export function LastTouch({
  touch,
  now,
  locale,
}: {
  touch: TouchView | undefined;
  now: number;
  locale: string;
}) {
  if (!touch) {
    return (
      <p className="ds-small ds-muted ds-last-touch" data-testid="last-touch">
        {t('lastTouchNone')}
      </p>
    );
  }
  return (
    <p className="ds-small ds-last-touch" data-testid="last-touch">
      <span className="ds-muted">{t('lastTouchLabel')}</span>{' '}
      <time dateTime={new Date(touch.at).toISOString()} title={formatTimestamp(touch.at, locale)}>
        {formatRelativeDue(touch.at, now, locale)}
      </time>
      <span className="ds-muted"> · {touch.siteName} · </span>
      <TouchLink touch={touch} />
    </p>
  );
}
