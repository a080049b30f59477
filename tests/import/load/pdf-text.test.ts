import { assemblePages, usableTitle } from '../../../import/load/pdf-text';

/** A text item as pdfjs-dist gives it: `y` grows upwards, `h` is the text height. */
const line = (str: string, y: number, eol = true) => ({ str, eol, y, h: 10 });

describe('PDF text assembly', () => {
  it('joins the lines of a paragraph with spaces and separates paragraphs at a large gap', () => {
    const { text } = assemblePages([
      [line('North Korea sent shells', 700), line('to Russia in 2023.', 688), line('A new paragraph.', 650)],
    ]);
    expect(text).toBe('North Korea sent shells to Russia in 2023.\n\nA new paragraph.');
  });

  it('starts a paragraph when the next line is higher up: the top of the next column', () => {
    const { text } = assemblePages([[line('End of column one.', 100), line('Start of column two.', 700)]]);
    expect(text).toBe('End of column one.\n\nStart of column two.');
  });

  it('joins a word broken at a line end, keeping its hyphen', () => {
    const { text } = assemblePages([[line('the North-', 700), line('Korean delegation', 688)]]);
    expect(text).toBe('the North-Korean delegation');
  });

  it('concatenates the items of one line and records where every page starts, an empty page included', () => {
    const { text, pageStarts } = assemblePages([
      [line('Page ', 700, false), line('one.', 700)],
      [],
      [line('Page three.', 700)],
    ]);
    expect(text).toBe('Page one.\n\nPage three.');
    expect(pageStarts).toEqual([0, 9, 11]);
  });

  it('leaves out paragraphs that are only a page number', () => {
    const { text } = assemblePages([
      [line('Kim Jong Un met Vladimir Putin.', 700), line('3', 60)],
      [line('- 4 -', 760), line('Page 4 of 12', 740), line('The talks went on.', 700)],
    ]);
    expect(text).toBe('Kim Jong Un met Vladimir Putin.\n\nThe talks went on.');
  });

  it.each([
    ['Russia and North Korea: a treaty', 'Russia and North Korea: a treaty'],
    ['Microsoft Word - draft 3.docx', undefined],
    ['Untitled', undefined],
    ['report-final.pdf', undefined],
    ['  ', undefined],
  ])('takes the metadata title %j as %j', (title, expected) => {
    expect(usableTitle(title)).toBe(expected);
  });
});
