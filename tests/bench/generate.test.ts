import { countWords, generateCorpus, PERSON_POOL_SIZE } from '../../bench/corpus/generate';

describe('the benchmark corpus generator', () => {
  const corpus = generateCorpus({ count: 400, seed: 42 });

  it('gives the same documents for the same seed', () => {
    const again = generateCorpus({ count: 20, seed: 42 });
    expect(again.map((d) => d.text)).toEqual(corpus.slice(0, 20).map((d) => d.text));
    expect(again.map((d) => d.fileName)).toEqual(corpus.slice(0, 20).map((d) => d.fileName));
  });

  it('gives different documents for another seed', () => {
    const other = generateCorpus({ count: 20, seed: 43 });
    const shared = other.filter((d, i) => d.text === corpus[i].text);
    expect(shared).toHaveLength(0);
  });

  it('makes exactly the number of documents asked for, with unique file names', () => {
    expect(corpus).toHaveLength(400);
    expect(new Set(corpus.map((d) => d.fileName)).size).toBe(400);
    expect(generateCorpus({ count: 0 })).toEqual([]);
  });

  it('keeps every document within the promised length, around the seed corpus average', () => {
    for (const document of corpus) {
      expect(document.wordCount).toBe(countWords(document.text));
      expect(document.wordCount).toBeGreaterThanOrEqual(350);
      expect(document.wordCount).toBeLessThanOrEqual(1100);
    }
    const mean = corpus.reduce((sum, d) => sum + d.wordCount, 0) / corpus.length;
    expect(mean).toBeGreaterThan(600);
    expect(mean).toBeLessThan(850);
  });

  it('honours other length bounds', () => {
    for (const document of generateCorpus({ count: 30, seed: 1, minWords: 100, maxWords: 150 })) {
      expect(document.wordCount).toBeGreaterThanOrEqual(100);
      expect(document.wordCount).toBeLessThanOrEqual(150);
    }
  });

  it('draws people, states and organisations from large pools, not only the seed names', () => {
    const people = new Set(corpus.flatMap((d) => d.cast.people));
    const states = new Set(corpus.flatMap((d) => d.cast.states));
    const organisations = new Set(corpus.flatMap((d) => d.cast.organisations));
    expect(PERSON_POOL_SIZE).toBeGreaterThan(20_000);
    expect(people.size).toBeGreaterThan(1000);
    expect(states.size).toBeGreaterThan(100);
    expect(organisations.size).toBeGreaterThan(400);
    // Prominent names recur across documents, as in real news.
    const counts = new Map<string, number>();
    for (const name of corpus.flatMap((d) => d.cast.people)) counts.set(name, (counts.get(name) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(3);
  });

  it('names every member of a document’s cast of people and states in its text', () => {
    for (const document of corpus.slice(0, 50)) {
      const named = [...document.cast.people, ...document.cast.states].filter((name) => document.text.includes(name));
      // Long documents use the whole cast; short ones may leave one or two out.
      expect(named.length).toBeGreaterThanOrEqual(
        Math.min(4, document.cast.people.length + document.cast.states.length),
      );
    }
  });

  it('varies the sentences within a document and across the corpus', () => {
    for (const document of corpus.slice(0, 50)) {
      const sentences = document.text.split(/(?<=[.”?])\s+/).filter((s) => countWords(s) > 5);
      expect(new Set(sentences).size / sentences.length).toBeGreaterThan(0.9);
    }
    const openings = new Set(
      corpus.flatMap((d) => d.text.split(/(?<=[.”?])\s+/).map((s) => s.split(' ').slice(1, 4).join(' '))),
    );
    expect(openings.size).toBeGreaterThan(500);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => generateCorpus({ count: -1 })).toThrow(RangeError);
    expect(() => generateCorpus({ count: 1.5 })).toThrow(RangeError);
  });
});
