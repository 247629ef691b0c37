import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldWithOrigins, queryTerms } from '../../../lib/search/normalize';
import { matchesAllTerms } from '../../../lib/search/snippet';

const finds = (text: string, query: string) => matchesAllTerms(foldForSearch(text), queryTerms(query));

describe('folding for search', () => {
  it('ignores case and Latin accents, both ways', () => {
    expect(finds('Meeting at the Café de Flore', 'cafe')).toBe(true);
    expect(finds('Meeting at the cafe', 'CAFÉ')).toBe(true);
    expect(finds('Señor Müller, Zürich', 'muller zurich')).toBe(true);
    expect(finds('Crème brûlée', 'creme brulee')).toBe(true);
    expect(finds('Straße', 'strasse')).toBe(true);
    expect(finds('Ærø Øresund', 'aero oresund')).toBe(true);
    expect(finds('Łódź office', 'lodz')).toBe(true);
    expect(finds('Nguyễn Văn Thắng', 'nguyen van thang')).toBe(true);
  });

  it('treats precomposed and decomposed accents alike', () => {
    expect(foldForSearch('caf\u00e9')).toBe('cafe');
    expect(foldForSearch('cafe\u0301')).toBe('cafe');
    expect(finds('cafe\u0301', 'café')).toBe(true);
  });

  it('unifies full-width and ligature forms', () => {
    expect(finds('ＡＢＣ Ｃｏｒｐ', 'abc corp')).toBe(true);
    expect(finds('ﬁnance', 'finance')).toBe(true);
    expect(finds('报价：１２０万', '120万')).toBe(true);
  });

  it('finds Chinese by any substring, with no word boundaries', () => {
    expect(finds('请尽快发送报价单给采购部', '报价')).toBe(true);
    expect(finds('请尽快发送报价单给采购部', '发送报价单')).toBe(true);
    expect(finds('请尽快发送报价单给采购部', '报价 采购')).toBe(true);
    expect(finds('请尽快发送报价单给采购部', '合同')).toBe(false);
  });

  it('keeps marks on scripts where they make a different letter', () => {
    expect(finds('が', 'か')).toBe(false);
    expect(finds('がんばって', 'が')).toBe(true);
    // Korean typed or pasted decomposed (as some systems store it) is found by composed syllables.
    expect(finds('\u1112\u1161\u11ab\u1100\u116e\u11a8 office', '한국')).toBe(true);
    expect(finds('한국', '하')).toBe(false);
  });

  it('finds emoji with or without a variation selector', () => {
    expect(finds('Deal closed ❤️ 🎉', '❤')).toBe(true);
    expect(finds('Deal closed ❤ 🎉', '❤️')).toBe(true);
    expect(finds('Team 👩‍💻 on it', '👩‍💻')).toBe(true);
  });

  it('requires every term, and drops terms contained in longer ones', () => {
    expect(finds('pricing for the pilot', 'pilot pricing')).toBe(true);
    expect(finds('pricing for the pilot', 'pilot budget')).toBe(false);
    expect(queryTerms('  Pilot   pilot pil  ')).toEqual(['pilot']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('folds cluster by cluster exactly as it folds a whole text', () => {
    const samples = [
      'Σίσυφος ΟΔΟΣ',
      'İstanbul',
      'e\u0301\u0302x',
      '\u0301start',
      'ﷺ x',
      'Ǆ ǅ',
      'a\u00adb\u200bc',
      '\u1112\u1161\u11ab\u1100\u116e\u11a8',
      '\ud55c\u11a8',
      'か\u3099',
    ];
    for (const sample of samples) expect(foldWithOrigins(sample).folded).toBe(foldForSearch(sample));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(foldWithOrigins(text).folded).toBe(foldForSearch(text));
      }),
      { numRuns: 500 },
    );
    const pieces = fc.constantFrom(
      'a',
      'E',
      '\u0301',
      '\u0308',
      'ß',
      '\u1112',
      '\u1161',
      '\u11ab',
      '한',
      'か',
      '\u3099',
      'ﬁ',
      'Σ',
      ' ',
      '报',
      '❤',
      '\ufe0f',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (chunks) => {
        const text = chunks.join('');
        expect(foldWithOrigins(text).folded).toBe(foldForSearch(text));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const { folded, start, end } = foldWithOrigins(text);
        expect(folded).toBe(foldForSearch(text));
        expect(start.length).toBe(folded.length);
        for (let index = 0; index < folded.length; index += 1) {
          expect(start[index]).toBeLessThan(end[index]!);
          expect(end[index]).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
