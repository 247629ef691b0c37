import { describe, expect, it } from 'vitest';
import { notePreview } from '../../../lib/notes/preview';

describe('note previews', () => {
  it('leaves short notes alone', () => {
    expect(notePreview('客户想在三个工厂试点 🏭')).toEqual({
      text: '客户想在三个工厂试点 🏭',
      truncated: false,
    });
  });

  it('shortens a 100 KB note to a prefix', () => {
    const body = '需求沟通：预算、时间表和决策人。'.repeat(7000);
    expect(body.length).toBeGreaterThan(100_000);
    const preview = notePreview(body, 1200);
    expect(preview.truncated).toBe(true);
    expect(preview.text.length).toBeLessThanOrEqual(1200);
    expect(body.startsWith(preview.text)).toBe(true);
  });

  it('never cuts inside a surrogate pair or an emoji sequence', () => {
    const family = '👩‍👩‍👧‍👦'; // 11 code units, one character on screen
    for (let pad = 0; pad < 12; pad += 1) {
      const body = 'x'.repeat(pad) + family.repeat(10);
      const preview = notePreview(body, 20);
      const rest = preview.text.slice(pad);
      expect(rest.length % family.length, `pad ${pad}`).toBe(0);
      expect(preview.text.length).toBeLessThanOrEqual(20);
    }
    const flags = '🇨🇳🇩🇪🇺🇸'.repeat(5);
    const cut = notePreview(flags, 7).text;
    expect(cut).toBe('🇨🇳');
  });
});
