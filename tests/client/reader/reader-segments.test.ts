import { locateSentence, readerSegments } from '../../../client/reader/reader-segments';

const text = 'Header junk\nSergei Shoigu met Kang Sun Nam in Moscow. They talked.';
const start = text.indexOf('Sergei');
const sentenceEnd = text.indexOf('They') - 1;
const doc = {
  text,
  keptRanges: [[start, text.length]] as Array<[number, number]>,
  mentions: [
    {
      start,
      end: start + 13,
      text: 'Sergei Shoigu',
      entityId: 'person:sergei-shoigu',
      entityType: 'Person',
      entityName: 'Sergei Shoigu',
    },
    {
      start: text.indexOf('Moscow'),
      end: text.indexOf('Moscow') + 6,
      text: 'Moscow',
      entityId: 'place:moscow',
      entityType: 'Place',
      entityName: 'Moscow',
    },
  ],
};

describe('the reader segments', () => {
  it('shows only what cleaning kept, and all of it', () => {
    const segments = readerSegments(doc, null);
    expect(segments.map((s) => s.text).join('')).toBe(text.slice(start));
  });

  it('marks each mention with its entity', () => {
    const mentions = readerSegments(doc, null).filter((s) => s.mention);
    expect(mentions.map((s) => [s.text, s.mention!.entityId])).toEqual([
      ['Sergei Shoigu', 'person:sergei-shoigu'],
      ['Moscow', 'place:moscow'],
    ]);
  });

  it('highlights exactly the evidence sentence, mentions inside it included', () => {
    const segments = readerSegments(doc, { start, end: sentenceEnd });
    const highlighted = segments
      .filter((s) => s.highlighted)
      .map((s) => s.text)
      .join('');
    expect(highlighted).toBe('Sergei Shoigu met Kang Sun Nam in Moscow.');
    expect(segments.find((s) => s.mention?.entityId === 'place:moscow')!.highlighted).toBe(true);
  });

  it('drops overlapping mentions after the first and marks gaps between kept ranges', () => {
    const segments = readerSegments(
      {
        text: 'abcdefghij',
        keptRanges: [
          [0, 3],
          [5, 10],
        ],
        mentions: [
          { start: 5, end: 8, text: 'fgh', entityId: 'x', entityType: 'Place', entityName: 'X' },
          { start: 6, end: 9, text: 'ghi', entityId: 'y', entityType: 'Place', entityName: 'Y' },
        ],
      },
      null,
    );
    expect(segments.filter((s) => s.mention).map((s) => s.mention!.entityId)).toEqual(['x']);
    expect(segments.find((s) => s.start === 5)!.paragraphBreak).toBe(true);
  });
});

describe('locating a sentence', () => {
  it('finds the occurrence that contains the mention', () => {
    const body = 'Shoigu spoke. Kang listened. Shoigu spoke.';
    expect(locateSentence(body, 'Shoigu spoke.', 32)).toEqual({ start: 29, end: 42 });
    expect(locateSentence(body, 'Shoigu spoke.', 2)).toEqual({ start: 0, end: 13 });
  });

  it('answers null when the sentence is not in the text', () => {
    expect(locateSentence('abc', 'xyz', 0)).toBeNull();
  });
});
