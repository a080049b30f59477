import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clean, keptText } from '../../import/clean';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'import', name), 'utf8');

describe('clean', () => {
  const text = fixture('nav-paywall-and-repeated-lead.txt');
  const ranges = clean(text);
  const kept = keptText(text, ranges);

  it('drops navigation lines, "More articles" and the paywall pitch', () => {
    expect(kept).not.toContain('Flashpoints');
    expect(kept).not.toContain('More articles');
    expect(kept).not.toMatch(/unlimited access|investigations|^analysis$/im);
  });

  it('drops a paragraph repeated verbatim but keeps its first occurrence', () => {
    expect(kept.match(/staging provocations/g)).toHaveLength(1);
    expect(kept).toContain('Warsaw has asked NATO allies for support.');
  });

  it('keeps every kept character at its offset in the text', () => {
    for (const [start, end] of ranges) expect(text.slice(start, end).trim()).toBe(text.slice(start, end));
    const i = text.indexOf('Warsaw');
    expect(ranges.some(([s, e]) => s <= i && e >= i + 6)).toBe(true);
  });

  it('cuts an image credit off a caption and keeps the caption', () => {
    const caption = 'A parade in Pyongyang on July 27, 2023 | Image: KCNA\nThe story.';
    const out = keptText(caption, clean(caption));
    expect(out).toContain('A parade in Pyongyang on July 27, 2023');
    expect(out).not.toContain('KCNA');
  });

  it('drops "scroll to top", share and cookie lines but keeps a source line', () => {
    const page =
      'The article.\nShare this article\nWe use cookies to improve the site.\nSource: Yonhap News Agency\nscroll to top';
    const out = keptText(page, clean(page));
    expect(out).toBe('The article.\nSource: Yonhap News Agency');
  });
});
