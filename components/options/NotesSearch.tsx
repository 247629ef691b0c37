import { useId, useState } from 'react';
import { t, uiLanguage } from '@/lib/i18n';
import { SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/types';
import { formatCount } from './insights/format';
import { SearchHit } from './search/SearchHit';
import { useNotesSearch, type SearchState } from './search/useNotesSearch';
import './notes-search.css';

function statusText(state: SearchState, locale: string): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'searching':
      return t('searchSearching');
    case 'error':
      return t('searchFailed', state.message);
    case 'ready':
      if (state.total === 0) return t('searchNone', state.query.trim());
      return state.hits.length < state.total
        ? t('searchShowing', [formatCount(state.hits.length, locale), formatCount(state.total, locale)])
        : t('searchCount', formatCount(state.total, locale));
  }
}

/** Options section: find any note by words in it, and go back to that customer. */
export function NotesSearch() {
  const [query, setQuery] = useState('');
  const { state, more, prepare } = useNotesSearch(query);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const locale = uiLanguage();
  const hits = state.status === 'ready' ? state.hits : [];

  return (
    <section className="ds-card ds-search" aria-labelledby={headingId} data-testid="notes-search-section">
      <h2 id={headingId}>{t('searchHeading')}</h2>
      <label className="ds-label" htmlFor={inputId}>
        {t('searchLabel')}
      </label>
      <input
        id={inputId}
        className="ds-input ds-search-input"
        type="search"
        data-testid="notes-search"
        value={query}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        placeholder={t('searchPlaceholder')}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        onFocus={prepare}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p id={hintId} className="ds-muted ds-search-hint">
        {t('searchHint')}
      </p>
      <p
        className={state.status === 'error' ? 'ds-error-text' : 'ds-muted ds-search-status'}
        role="status"
        data-testid="notes-search-status"
      >
        {statusText(state, locale)}
      </p>
      {hits.length > 0 ? (
        <ol className="ds-search-results" aria-label={t('searchResultsLabel')}>
          {hits.map((hit) => (
            <SearchHit key={hit.noteId} hit={hit} locale={locale} />
          ))}
        </ol>
      ) : null}
      {state.status === 'ready' && state.hits.length < state.total ? (
        <button
          type="button"
          className="ds-button ds-search-more"
          onClick={more}
          disabled={state.loadingMore}
          data-testid="notes-search-more"
        >
          {state.loadingMore ? t('searchSearching') : t('searchMore')}
        </button>
      ) : null}
    </section>
  );
}
