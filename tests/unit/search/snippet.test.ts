import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTerms } from '../../../lib/search/normalize';
import {
  boundaryAtOrAfter,
  boundaryAtOrBefore,
  buildSnippet,
  type Snippet,
} from '../../../lib/search/snippet';

const snippet = (text: string, query: string) => buildSnippet(text, queryTerms(query));
const marked = (result: Snippet) => result.parts.filter((part) => part.match).map((part) => part.text);
const plain = (result: Snippet) => result.parts.map((part) => part.text).join('');

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}

describe('snippets', () => {
  it('marks the match in the original text, accents and case as written', () => {
    const result = snippet('Lunch at the Café de Flore on Friday', 'cafe');
    expect(marked(result)).toEqual(['Café']);
    expect(plain(result)).toBe('Lunch at the Café de Flore on Friday');
    expect(result.cutBefore).toBe(false);
    expect(result.cutAfter).toBe(false);
  });

  it('marks a decomposed accent with its letter', () => {
    expect(marked(snippet('cafe\u0301 noir', 'cafe'))).toEqual(['cafe\u0301']);
  });

  it('marks a Chinese substring', () => {
    const result = snippet('客户说:请尽快发送报价单,下周开会。', '报价');
    expect(marked(result)).toEqual(['报价']);
    expect(plain(result)).toBe('客户说:请尽快发送报价单,下周开会。');
  });

  it('marks every occurrence of every term inside the window, merged where they touch', () => {
    const result = snippet('Pilot pricing: the pilot needs pricing approval', 'pricing pilot');
    expect(marked(result)).toEqual(['Pilot', 'pricing', 'pilot', 'pricing']);
  });

  it('cuts a long note around the first match, on a space when one is near', () => {
    const before = 'word '.repeat(100);
    const after = ' more'.repeat(100);
    const result = snippet(`${before}the budget is approved${after}`, 'budget');
    expect(result.cutBefore).toBe(true);
    expect(result.cutAfter).toBe(true);
    expect(marked(result)).toEqual(['budget']);
    const text = plain(result);
    expect(text.length).toBeLessThan(260);
    expect(text.startsWith('word') || text.startsWith('the')).toBe(true);
    expect(text.endsWith('more')).toBe(true);
  });

  it('shows the start of the note when nothing is searched for', () => {
    const result = buildSnippet('a'.repeat(500), []);
    expect(result.cutBefore).toBe(false);
    expect(result.cutAfter).toBe(true);
    expect(marked(result)).toEqual([]);
  });

  it('never splits a surrogate pair or an emoji sequence at the window edges or in a mark', () => {
    const emoji = '👩‍💻';
    const text = `${'😀'.repeat(80)} 报价 ${emoji} ${'🎉'.repeat(120)}`;
    const result = snippet(text, '报价');
    expect(marked(result)).toEqual(['报价']);
    const shown = plain(result);
    expect(isLowSurrogate(shown.charCodeAt(0))).toBe(false);
    expect(isHighSurrogate(shown.charCodeAt(shown.length - 1))).toBe(false);
    expect(shown).toContain(emoji);
  });

  it('never splits a surrogate pair, whatever the text and query (property)', () => {
    const pieces = fc.constantFrom('a', 'é', 'e\u0301', '😀', '👩‍💻', '报价', ' ', '𠀋', 'ß', '❤️', 'İ', 'ﬁ');
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 300 }),
        pieces,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        (chunks, needle, length, before) => {
          const text = chunks.join('');
          const result = buildSnippet(text, queryTerms(needle), { length, before });
          const shown = plain(result);
          expect(text.includes(shown)).toBe(true);
          for (const part of result.parts) {
            if (part.text === '') continue;
            expect(isLowSurrogate(part.text.charCodeAt(0)), JSON.stringify(part)).toBe(false);
            expect(isHighSurrogate(part.text.charCodeAt(part.text.length - 1)), JSON.stringify(part)).toBe(
              false,
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds the same grapheme boundaries as the segmenter alone, plain text or not (property)', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const pieces = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\r',
      '\n',
      '\r\n',
      '\u00ad',
      'é',
      '\u0301',
      '\u200d',
      '\ufe0f',
      '报',
      '价',
      '。',
      '😀',
      '👩',
      '🇨🇳',
      'ᄀ',
      '\u1161',
      '한',
      'ｶ',
      '\uff9e',
      'ก',
      '\u0e33',
      '\u0600',
      'x\u20e3',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (chunks) => {
        const text = chunks.join('');
        const boundaries = new Set([...segmenter.segment(text)].map((segment) => segment.index));
        boundaries.add(text.length);
        const sorted = [...boundaries].sort((a, b) => a - b);
        for (let index = 0; index <= text.length; index += 1) {
          const before = Math.max(...sorted.filter((boundary) => boundary <= index));
          const after = Math.min(...sorted.filter((boundary) => boundary >= index));
          expect(boundaryAtOrBefore(text, index), `${JSON.stringify(text)} at ${index}`).toBe(before);
          expect(boundaryAtOrAfter(text, index), `${JSON.stringify(text)} at ${index}`).toBe(after);
        }
      }),
      { numRuns: 500 },
    );
  });
});
