import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentLoadError } from '../../import/errors';
import { loadDocument, MAX_FILE_BYTES, parseDocument } from '../../import/load';
import { pageAt } from '../../graph/model/pages';
import { makeCorruptDocx, makeDocx, makeEncryptedPdf, makePdf, makePdfWithoutText } from '../support/make-documents';

const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', 'import', name);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-load-'));

async function failure(fn: () => Promise<unknown>): Promise<DocumentLoadError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentLoadError);
    return error as DocumentLoadError;
  }
  throw new Error('expected a DocumentLoadError');
}

describe('load', () => {
  it('reads Markdown front matter into title, date, source and url and keeps offsets into the file text', async () => {
    const doc = await loadDocument(fixture('other-region-with-front-matter.md'));
    expect(doc.format).toBe('md');
    expect(doc.title).toBe('Egypt and Ethiopia trade accusations over the Nile dam');
    expect(doc.published).toBe('2024-03-14');
    expect(doc.source).toBe('Example Wire');
    expect(doc.url).toBe('https://example.org/nile-dam');
    expect(doc.text).not.toContain('title:');
    expect(doc.text).not.toMatch(/^#/m);
    expect(doc.id).toMatch(/^doc-[0-9a-f]{16}$/);
  });

  it('keeps only the article text of an HTML page, with title and date from the head', async () => {
    const doc = await loadDocument(fixture('article-with-boilerplate.html'));
    expect(doc.title).toBe('Japan and the Philippines sign defense pact');
    expect(doc.published).toBe('2024-07-08');
    expect(doc.text).toContain('Reciprocal Access Agreement');
    expect(doc.text).not.toMatch(/tracking|cookies|Home|newsletter|color: black/);
  });

  it('refuses HTML nested beyond any article, naming the file, before a parser sees it', async () => {
    const deep = `<html><body>${'<div>x'.repeat(500_000)}${'</div>'.repeat(500_000)}</body></html>`;
    const refused = await failure(() => parseDocument(Buffer.from(deep), 'deep.html'));
    expect(refused.reason).toBe('too-deep');
    expect(refused.message).toMatch(/^deep\.html: HTML elements are nested more than 256 deep/);
    // As deep as the limit still reads.
    const nested = `<html><body>${'<div>'.repeat(250)}<p>Kim Jong Un met Vladimir Putin.</p>${'</div>'.repeat(250)}</body></html>`;
    expect((await parseDocument(Buffer.from(nested), 'nested.html')).text).toBe('Kim Jong Un met Vladimir Putin.');
  });

  it('reads a list of 100,000 items, one paragraph each', async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `<li>Item ${i} of the list.</li>`).join('\n');
    const doc = await parseDocument(Buffer.from(`<html><body><ul>${items}</ul></body></html>`), 'list.html');
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs).toHaveLength(100_000);
    expect(paragraphs[99_999]).toBe('Item 99999 of the list.');
  });

  it('takes the first line as the title of a text file', async () => {
    const doc = await parseDocument(Buffer.from('Poland warns Belarus\nBody.'), 'a.txt');
    expect(doc.title).toBe('Poland warns Belarus');
    expect(doc.fileName).toBe('a.txt');
  });

  it('gives the same id to the same content and another id to edited content', async () => {
    const a = await parseDocument(Buffer.from('Same text.'), 'x.txt');
    const b = await parseDocument(Buffer.from('Same text.'), 'y.txt');
    const c = await parseDocument(Buffer.from('Same text, edited.'), 'x.txt');
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });

  it('reads a text whose first bytes look like a magic number as text', async () => {
    const doc = await loadDocument(fixture('text-that-starts-like-a-magic-number.txt'));
    expect(doc.text.startsWith('%PDF-1.7')).toBe(true);
  });

  it('rejects an empty file', async () => {
    expect((await failure(() => loadDocument(fixture('empty.txt')))).reason).toBe('empty');
  });

  it('rejects a binary file', async () => {
    const file = path.join(tmp, 'binary.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const error = await failure(() => loadDocument(file));
    expect(error.reason).toBe('binary');
    expect(error.message).toContain('binary.txt');
  });

  it('rejects invalid UTF-8', async () => {
    const file = path.join(tmp, 'latin1.txt');
    writeFileSync(file, Buffer.from('caf\xe9 au lait', 'latin1'));
    expect((await failure(() => loadDocument(file))).reason).toBe('invalid-utf8');
  });

  it('rejects a file over 10 MB', async () => {
    const file = path.join(tmp, 'huge.txt');
    writeFileSync(file, Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    expect((await failure(() => loadDocument(file))).reason).toBe('too-large');
  });

  it('rejects a path that cannot be read', async () => {
    const error = await failure(() => loadDocument(path.join(tmp, 'missing.txt')));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toContain('missing.txt');
  });

  it('rejects malformed front matter', async () => {
    expect((await failure(() => loadDocument(fixture('malformed-front-matter.md')))).reason).toBe(
      'malformed-front-matter',
    );
  });

  it('rejects HTML with no article text', async () => {
    expect((await failure(() => loadDocument(fixture('html-without-article-text.html')))).reason).toBe(
      'no-article-text',
    );
  });

  it('rejects an unsupported file type', async () => {
    expect((await failure(() => parseDocument(Buffer.from('x'), 'a.odt'))).reason).toBe('unsupported-format');
  });

  const markdown = (frontMatter: string) =>
    Buffer.from(`---\n${frontMatter}\n---\n# Heading\n\nSergei Shoigu visited Pyongyang in June.\n`);

  it.each([
    ['title: {a: 1}', 'title', 'a mapping'],
    ['title: [a, b]', 'title', 'a list'],
    ['source: {name: Reuters}', 'source', 'a mapping'],
    ['url: [https://a.example]', 'url', 'a list'],
    ['date: {year: 2024}', 'date', 'a mapping'],
    [`title: ${'x'.repeat(1001)}`, 'title', '"xxx'],
  ])('refuses front matter %j, naming the file and the field', async (frontMatter, field, found) => {
    const error = await failure(() => parseDocument(markdown(frontMatter), 'notes/bad-field.md'));
    expect(error.reason).toBe('malformed-front-matter');
    expect(error.message).toMatch(new RegExp(`^notes/bad-field\\.md: front matter field "${field}" must`));
    expect(error.message).toContain(`found ${found}`);
  });

  it('reads numbers, dates and unknown fields in front matter as they are meant', async () => {
    const doc = await parseDocument(
      markdown('title: 2024\nsource: Reuters\ndate: 2024-05-01\ntags: [a, b]\nauthor: {name: X}'),
      'ok.md',
    );
    expect(doc.title).toBe('2024');
    expect(doc.source).toBe('Reuters');
    expect(doc.published).toBe('2024-05-01');
    expect((await parseDocument(markdown('title:\nurl: ~'), 'ok.md')).title).toBe('Heading');
  });

  it('refuses a symbolic link, naming it', async () => {
    const target = path.join(tmp, 'target.txt');
    writeFileSync(target, 'Sergei Shoigu visited Pyongyang.');
    const link = path.join(tmp, 'link.txt');
    symlinkSync(target, link);
    const error = await failure(() => loadDocument(link));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toMatch(new RegExp(`^${link.replace(/[.]/g, '\\.')}: is a symbolic link`));
    expect((await loadDocument(target)).text).toContain('Shoigu');
  });

  it('reads the text layer of a PDF, a paragraph per block, and knows where each page starts', async () => {
    const pdf = makePdf([
      ['North Korea sent artillery shells to Russia,', 'the ministry said on Monday.', '', 'A second paragraph.'],
      ['Sergei Shoigu visited Pyongyang in July.'],
    ]);
    const doc = await parseDocument(pdf, 'reports/shells.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe(
      'North Korea sent artillery shells to Russia, the ministry said on Monday.\n\nA second paragraph.\n\n' +
        'Sergei Shoigu visited Pyongyang in July.',
    );
    expect(doc.pageStarts).toEqual([0, doc.text.indexOf('Sergei')]);
    expect(pageAt(doc.pageStarts, doc.text.indexOf('Shoigu'))).toBe(2);
    expect(pageAt(doc.pageStarts, doc.text.indexOf('ministry'))).toBe(1);
    expect(doc.title).toBe('North Korea sent artillery shells to Russia, the ministry said on Monday.');
  });

  it('takes the title of a PDF from its metadata when it has one', async () => {
    const pdf = makePdf([['CONFIDENTIAL', '', 'North Korea sent artillery shells to Russia.']], {
      title: 'Shells for Russia (briefing)',
    });
    const doc = await parseDocument(pdf, 'briefing.pdf');
    expect(doc.title).toBe('Shells for Russia (briefing)');
  });

  it('refuses a PDF without a text layer as scanned', async () => {
    const error = await failure(() => parseDocument(makePdfWithoutText(), 'scan.pdf'));
    expect(error.reason).toBe('no-text-layer');
    expect(error.message).toMatch(/^scan\.pdf: .*no text layer \(scanned\?\)/);
  });

  it('refuses a PDF encrypted with a password', async () => {
    const error = await failure(() => parseDocument(makeEncryptedPdf(), 'locked.pdf'));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toContain('locked.pdf');
  });

  it('refuses a file named .pdf whose content is no PDF', async () => {
    expect((await failure(() => parseDocument(Buffer.from('Just a note.'), 'note.pdf'))).reason).toBe(
      'content-mismatch',
    );
  });

  it('reads a Word document through the HTML path, its heading as the title', async () => {
    const docx = await makeDocx('Pyongyang and Moscow sign a pact', [
      'Kim Jong Un and Vladimir Putin signed the treaty in Pyongyang.',
      'The pact includes a mutual defence clause.',
    ]);
    const doc = await parseDocument(docx, 'pact.docx');
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('Pyongyang and Moscow sign a pact');
    expect(doc.text).toContain('Kim Jong Un and Vladimir Putin signed the treaty in Pyongyang.\n\nThe pact');
  });

  it('refuses a cut-off Word document as corrupt', async () => {
    const error = await failure(async () => parseDocument(await makeCorruptDocx(), 'broken.docx'));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toMatch(/^broken\.docx: not a readable \.docx/);
  });

  it('refuses a PDF or a Word document renamed to .txt, naming what it is', async () => {
    const pdf = await failure(() => parseDocument(makePdf([['Text of a real PDF file here.']]), 'renamed.txt'));
    expect(pdf.reason).toBe('content-mismatch');
    expect(pdf.message).toContain('a PDF document: give it the .pdf extension');
    const docx = await failure(async () => parseDocument(await makeDocx('T', ['Body.']), 'renamed.txt'));
    expect(docx.reason).toBe('content-mismatch');
  });
});
