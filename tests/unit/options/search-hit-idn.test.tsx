/** A search result about a person on an IDN domain names them in Unicode; the mail link keeps the address. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SearchHit } from '../../../components/options/search/SearchHit';
import type { NotesSearchHit } from '../../../lib/search/types';

const BAKERY = 'xn--bckerei-hoffmann-vnb.de';
const hit: NotesSearchHit = {
  noteId: 'n1',
  kind: 'note',
  accountKey: BAKERY,
  accountLabel: 'bäckerei-hoffmann.de',
  contactEmail: `anna@${BAKERY}`,
  contactName: 'Anna Hoffmann',
  mailTo: `anna@${BAKERY}`,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  snippet: { parts: [{ text: 'Angebot', match: true }], cutBefore: false, cutAfter: false },
};

describe('SearchHit with an IDN address', () => {
  it('shows the contact in Unicode', () => {
    render(
      <ul>
        <SearchHit hit={hit} locale="en" />
      </ul>,
    );
    const result = screen.getByTestId('notes-search-result');
    expect(result).toHaveTextContent('Anna Hoffmann <anna@bäckerei-hoffmann.de>');
    expect(result).not.toHaveTextContent('xn--');
    const write = screen.getByRole('link', { name: /anna@bäckerei-hoffmann\.de/ });
    expect(write.getAttribute('href')).toBe(`mailto:anna@${BAKERY}`);
  });
});
