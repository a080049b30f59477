import { datesOfSentences, findDates, toIsoDate } from '../../../import/text/dates';
import { segment } from '../../../import/segment';

const iso = (text: string, reference?: string): Array<string | undefined> =>
  findDates(text, reference).map((d) => d.iso);

describe('dates', () => {
  it('normalises absolute dates to ISO, partial when the text is partial', () => {
    expect(iso('on July 27, 2023')).toEqual(['2023-07-27']);
    expect(iso('in February 2022')).toEqual(['2022-02']);
    expect(iso('its first nuclear test in 2006')).toEqual(['2006']);
  });

  it('resolves relative dates against the document date', () => {
    expect(iso('a speech on Tuesday', '2023-08-15')).toEqual(['2023-08-15']);
    expect(iso('a visit last month', '2023-08-15')).toEqual(['2023-07']);
    expect(iso('his statement on Sunday', '2023-01-30')).toEqual(['2023-01-29']);
  });

  it('reads a bare weekday in a report as the one on or before its date, unless the clause says the future', () => {
    // 2023-09-08 is a Friday: "on Monday" is September 4, not September 11
    expect(iso('the leaders met in Sochi on Monday', '2023-09-08')).toEqual(['2023-09-04']);
    expect(iso('the minister said on Friday', '2023-09-08')).toEqual(['2023-09-08']);
    expect(iso('the leaders will meet on Monday', '2023-09-08')).not.toEqual(['2023-09-04']);
  });

  it('never puts a past happening on a future day, but keeps a future the clause states', () => {
    expect(iso('their first summit in four years', '2023-09-14')).toEqual([undefined]);
    expect(iso('the leaders will meet in two weeks', '2023-09-14')).toEqual(['2023-09-28']);
  });

  it('leaves relative dates unresolved when the document date is unknown', () => {
    expect(iso('a visit last month')).toEqual([undefined]);
    expect(iso('published on January 27')).toEqual([undefined]);
  });

  it('gives a day without a year the year the narrative is in, and the document date otherwise', () => {
    const text =
      'By early 2015 the separatists were closing in. On February 11-12, the leaders met in Minsk.\n\n' +
      'On February 11 the talks began. Kim visited Russia in 2019. On Sept. 13, he arrived.';
    const days = datesOfSentences(segment(text, [[0, text.length]]), '2023-09-14').map((ds) => ds.map((d) => d.iso));
    expect(days).toEqual([[], ['2015-02-11'], ['2023-02-11'], ['2019'], ['2023-09-13']]);
    expect(iso('In July 1961, the treaty was signed on July 11', '2023-09-14')).toEqual(['1961-07', '1961-07-11']);
  });

  it('reads a part of a day alone as no date ("all-night talks")', () => {
    expect(iso('agreed after all-night talks', '2015-02-12')).toEqual([]);
    expect(iso('they met last night', '2015-02-12')).toEqual(['2015-02-11']);
  });

  it('reads metadata dates', () => {
    expect(toIsoDate('2024-06-18T09:00:00Z')).toBe('2024-06-18');
    expect(toIsoDate('June 18, 2024')).toBe('2024-06-18');
    expect(toIsoDate('not a date')).toBeUndefined();
  });
});
