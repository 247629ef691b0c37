import { t } from '@/lib/i18n';
import { displayEmail } from '@/lib/contact/email';
import type { NotesSearchHit } from '@/lib/search/types';
import { formatTimestamp } from '@/lib/dates/format';

function mailtoHref(email: string): string {
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`;
}

/**
 * One note found: account, contact, date, the matching piece of the note with each match marked, and a
 * way back to the customer. The snippet is React text and <mark> elements: note text is never parsed
 * as HTML.
 */
export function SearchHit({ hit, locale }: { hit: NotesSearchHit; locale: string }) {
  const contactEmail = hit.contactEmail === undefined ? undefined : displayEmail(hit.contactEmail);
  const mailTo = hit.mailTo === undefined ? undefined : displayEmail(hit.mailTo);
  const who = hit.contactName ?? contactEmail ?? mailTo ?? hit.accountLabel;
  const { snippet } = hit;
  return (
    <li className="ds-search-hit" data-testid="notes-search-result" data-note-id={hit.noteId}>
      <div className="ds-search-hit-head">
        <span className="ds-search-account" data-testid="notes-search-account">
          {hit.accountLabel}
        </span>
        <span className="ds-search-contact">
          {hit.contactName && contactEmail
            ? `${hit.contactName} <${contactEmail}>`
            : (contactEmail ?? t('searchNoContact'))}
        </span>
        {hit.kind === 'call' ? <span className="ds-call-badge">{t('callBadge')}</span> : null}
        <time className="ds-search-date" dateTime={new Date(hit.updatedAt).toISOString()}>
          {t('searchEdited', formatTimestamp(hit.updatedAt, locale))}
        </time>
      </div>
      <p className="ds-search-snippet" data-testid="notes-search-snippet">
        {snippet.cutBefore ? '… ' : null}
        {snippet.parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
        {snippet.cutAfter ? ' …' : null}
      </p>
      <div className="ds-search-actions">
        {hit.openUrl ? (
          <a
            className="ds-search-open"
            href={hit.openUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('searchOpenPageLabel', who)}
            data-testid="notes-search-open"
          >
            {t('searchOpenPage')}
          </a>
        ) : hit.mailTo ? (
          <a
            className="ds-search-open"
            href={mailtoHref(hit.mailTo)}
            aria-label={t('searchWriteEmailLabel', displayEmail(hit.mailTo))}
            data-testid="notes-search-mail"
          >
            {t('searchWriteEmail')}
          </a>
        ) : null}
      </div>
    </li>
  );
}
