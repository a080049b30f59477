import { isHeadline, MAX_SENTENCE_CHARS, segment } from '../../import/segment';

const whole = (text: string): Array<[number, number]> => [[0, text.length]];

describe('segment', () => {
  it('splits sentences with their offsets into the text', () => {
    const text = 'Kim said it. Putin agreed! Was it true? Yes.';
    const sentences = segment(text, whole(text));
    expect(sentences.map((s) => s.text)).toEqual(['Kim said it.', 'Putin agreed!', 'Was it true?', 'Yes.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not end a sentence at abbreviations such as U.S., Mr. and Apr.', () => {
    const text = 'U.S. Secretary of State Antony Blinken met Mr. Kim on Apr. 25, 2019 in N. Korea. Then he left.';
    expect(segment(text, whole(text)).map((s) => s.text)).toEqual([
      'U.S. Secretary of State Antony Blinken met Mr. Kim on Apr. 25, 2019 in N. Korea.',
      'Then he left.',
    ]);
  });

  it('splits sentences that lost the space after their full stop, but not abbreviations', () => {
    const text = 'Talks ended on Monday.The ministry said little.Mr.Kim left for Washington.';
    expect(segment(text, whole(text)).map((s) => s.text)).toEqual([
      'Talks ended on Monday.',
      'The ministry said little.',
      'Mr.Kim left for Washington.',
    ]);
  });

  it('cuts a run without a stop at the last space before the longest sentence, keeping every offset', () => {
    const words = Array.from({ length: 200_000 }, (_, i) => `word${i % 1000}`);
    const text = `${words.join(' ')}.`;
    const sentences = segment(text, whole(text));
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    // Cut at spaces: no word is split, and together the pieces are the whole text.
    expect(sentences.map((s) => s.text).join(' ')).toBe(text);
    expect(sentences.length).toBeGreaterThan(text.length / MAX_SENTENCE_CHARS);
  });

  it('cuts a run with no space at all at the longest sentence, never inside a surrogate pair', () => {
    // After the "a", the limit falls between the halves of a pair.
    const text = `a${'😀'.repeat(5_000)}`;
    const sentences = segment(text, whole(text));
    expect(sentences.length).toBeGreaterThan(5);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
    const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(s.text).not.toMatch(loneHalf);
    }
  });

  it('never joins two kept ranges into one sentence', () => {
    const text = 'A title\nThe first paragraph.';
    const sentences = segment(text, [
      [0, 7],
      [8, text.length],
    ]);
    expect(sentences.map((s) => s.text)).toEqual(['A title', 'The first paragraph.']);
    expect(sentences[1].paragraph).toBe(1);
  });

  it('recognises title-case headlines', () => {
    expect(isHeadline('Why Is North Korea Supporting Russia on Ukraine?')).toBe(true);
    expect(isHeadline('North Korea’s defense minister accused the U.S. of escalating tensions.')).toBe(false);
  });
});
