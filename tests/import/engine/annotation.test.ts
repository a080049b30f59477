import { entitySpans, parseAnnotation } from '../../../import/engine/annotation';

describe('the engine annotation', () => {
  const text = 'Iran armed Russia. Kim Jong Un left.';
  const sentences = [
    { start: 0, text: 'Iran armed Russia.' },
    { start: 19, text: 'Kim Jong Un left.' },
  ];
  const answer = [
    '0\t4\tiran\tNNP\tU-GPE\t2\tnsubj',
    '5\t10\tarm\tVBD\tO\t0\troot',
    '11\t17\trussia\tNNP\tU-GPE\t2\tdobj',
    '17\t18\t.\t.\tO\t2\tpunct',
    '',
    '0\t3\tkim\tNNP\tB-PERSON\t3\tcompound',
    '4\t8\tjong\tNNP\tI-PERSON\t3\tcompound',
    '9\t11\tun\tNNP\tL-PERSON\t4\tnsubj',
    '12\t16\tleave\tVBD\tO\t0\troot',
    '16\t17\t.\t.\tO\t4\tpunct',
    '',
    '',
  ].join('\n');

  it('places every token at its offset in the document, heads 0-based and -1 for the root', () => {
    const parsed = parseAnnotation(answer, sentences);
    expect(parsed).toHaveLength(2);
    expect(parsed[1].tokens[2]).toMatchObject({ text: 'Un', start: 28, end: 30, head: 3, label: 'nsubj' });
    expect(parsed[0].tokens[1]).toMatchObject({ lemma: 'arm', head: -1 });
  });

  it('groups BILOU tags into entity spans with their text', () => {
    const [first, second] = parseAnnotation(answer, sentences);
    expect(entitySpans(first, text).map((e) => `${e.type}:${e.text}`)).toEqual(['GPE:Iran', 'GPE:Russia']);
    expect(entitySpans(second, text).map((e) => `${e.type}:${e.text}`)).toEqual(['PERSON:Kim Jong Un']);
  });

  it('refuses an answer that does not fit the sentences sent', () => {
    expect(() => parseAnnotation('0\t4\tiran\tNNP\tU-GPE\t0\troot\n\n', sentences)).toThrow(
      /answered 1 sentences for 2/,
    );
    expect(() => parseAnnotation('0\t4\tiran\n\n\n', sentences)).toThrow(/line 1 is malformed/);
  });
});
