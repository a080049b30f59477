import { inferDocumentDate } from '../../../import/text/document-date';

describe('the date a document carries in its text', () => {
  it('reads a masthead line of date, time and update note', () => {
    expect(
      inferDocumentDate(
        'Kim meets Putin\n\nBy A. Writer\nSept. 13, 2023 | 19:42 GMT | Updated Sept. 14, 2023\n\nText.',
      ),
    ).toBe('2023-09-13');
  });

  it('reads a by-line segment and a "Published" line', () => {
    expect(inferDocumentDate('Title\nBy Selin Aydin | The Strait Observer | 8 September 2023\nBody.')).toBe(
      '2023-09-08',
    );
    expect(inferDocumentDate('THE HAGUE | Published 26 January 2024, 19:10 CET\nThe court ruled.')).toBe('2024-01-26');
  });

  it('does not take the date of a photo caption or of a sentence of the story', () => {
    expect(
      inferDocumentDate(
        'The Hwasong-18 ICBM at a military parade in Pyongyang on July 27, 2023 | Image: KCNA\nNorth Korea said on Tuesday it would act.',
      ),
    ).toBeUndefined();
  });

  it('gives a wire dateline the year whose weekday the first sentence names', () => {
    // Nov 22 was a Wednesday in 2023, a Tuesday in 2022
    const text =
      'Deal closes\n\nPALO ALTO, Calif., Nov 22 (Ledger Newswire) - Broadcom said on Wednesday it had closed the deal it struck in May 2022.';
    expect(inferDocumentDate(text)).toBe('2023-11-22');
  });

  it('gives a dateline the latest year of the text when no weekday decides', () => {
    expect(inferDocumentDate('PARIS, Sept 17 (GPW) - France recalled its ambassadors over a 2021 pact.')).toBe(
      '2021-09-17',
    );
  });

  it('finds nothing in a text without a date', () => {
    expect(inferDocumentDate('A story about nothing in particular.\nIt has two lines.')).toBeUndefined();
  });
});
