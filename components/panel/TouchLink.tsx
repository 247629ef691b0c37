import { t } from '@/lib/i18n';
import type { TouchView } from '@/lib/messaging/protocol';

/**
 * A touch's subject or title, as a link back to its page when there is one. The page opens in a new
 * tab: the panel may sit in the very tab the rep is working in.
 */
export function TouchLink({ touch }: { touch: TouchView }) {
  const title = touch.title || t('touchUntitled');
  if (!touch.url) return <span className="ds-touch-title">{title}</span>;
  return (
    <a
      className="ds-touch-title"
      href={touch.url}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={t('touchOpenLabel', title)}
      title={title}
    >
      {title}
    </a>
  );
}
