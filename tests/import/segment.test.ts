import { isHeadline, segment } from '../../import/segment';

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
