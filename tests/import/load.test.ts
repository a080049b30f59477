import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentLoadError } from '../../import/errors';
import { loadDocument, MAX_FILE_BYTES, parseDocument } from '../../import/load';

const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', 'import', name);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-load-'));

function failure(fn: () => unknown): DocumentLoadError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentLoadError);
    return error as DocumentLoadError;
  }
  throw new Error('expected a DocumentLoadError');
}

describe('load', () => {
  it('reads Markdown front matter into title, date, source and url and keeps offsets into the file text', () => {
    const doc = loadDocument(fixture('other-region-with-front-matter.md'));
    expect(doc.format).toBe('md');
    expect(doc.title).toBe('Egypt and Ethiopia trade accusations over the Nile dam');
    expect(doc.published).toBe('2024-03-14');
    expect(doc.source).toBe('Example Wire');
    expect(doc.url).toBe('https://example.org/nile-dam');
    expect(doc.text).not.toContain('title:');
    expect(doc.text).not.toMatch(/^#/m);
    expect(doc.id).toMatch(/^doc-[0-9a-f]{16}$/);
  });

  it('keeps only the article text of an HTML page, with title and date from the head', () => {
    const doc = loadDocument(fixture('article-with-boilerplate.html'));
    expect(doc.title).toBe('Japan and the Philippines sign defense pact');
    expect(doc.published).toBe('2024-07-08');
    expect(doc.text).toContain('Reciprocal Access Agreement');
    expect(doc.text).not.toMatch(/tracking|cookies|Home|newsletter|color: black/);
  });

  it('takes the first line as the title of a text file', () => {
    const doc = parseDocument(Buffer.from('Poland warns Belarus\nBody.'), 'a.txt');
    expect(doc.title).toBe('Poland warns Belarus');
    expect(doc.fileName).toBe('a.txt');
  });

  it('gives the same id to the same content and another id to edited content', () => {
    const a = parseDocument(Buffer.from('Same text.'), 'x.txt');
    const b = parseDocument(Buffer.from('Same text.'), 'y.txt');
    const c = parseDocument(Buffer.from('Same text, edited.'), 'x.txt');
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
  });

  it('reads a text whose first bytes look like a magic number as text', () => {
    const doc = loadDocument(fixture('text-that-starts-like-a-magic-number.txt'));
    expect(doc.text.startsWith('%PDF-1.7')).toBe(true);
  });

  it('rejects an empty file', () => {
    expect(failure(() => loadDocument(fixture('empty.txt'))).reason).toBe('empty');
  });

  it('rejects a binary file', () => {
    const file = path.join(tmp, 'binary.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const error = failure(() => loadDocument(file));
    expect(error.reason).toBe('binary');
    expect(error.message).toContain('binary.txt');
  });

  it('rejects invalid UTF-8', () => {
    const file = path.join(tmp, 'latin1.txt');
    writeFileSync(file, Buffer.from('caf\xe9 au lait', 'latin1'));
    expect(failure(() => loadDocument(file)).reason).toBe('invalid-utf8');
  });

  it('rejects a file over 10 MB', () => {
    const file = path.join(tmp, 'huge.txt');
    writeFileSync(file, Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
    expect(failure(() => loadDocument(file)).reason).toBe('too-large');
  });

  it('rejects a path that cannot be read', () => {
    const error = failure(() => loadDocument(path.join(tmp, 'missing.txt')));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toContain('missing.txt');
  });

  it('rejects malformed front matter', () => {
    expect(failure(() => loadDocument(fixture('malformed-front-matter.md'))).reason).toBe('malformed-front-matter');
  });

  it('rejects HTML with no article text', () => {
    expect(failure(() => loadDocument(fixture('html-without-article-text.html'))).reason).toBe('no-article-text');
  });

  it('rejects an unsupported file type', () => {
    expect(failure(() => parseDocument(Buffer.from('x'), 'a.pdf')).reason).toBe('unsupported-format');
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
  ])('refuses front matter %j, naming the file and the field', (frontMatter, field, found) => {
    const error = failure(() => parseDocument(markdown(frontMatter), 'notes/bad-field.md'));
    expect(error.reason).toBe('malformed-front-matter');
    expect(error.message).toMatch(new RegExp(`^notes/bad-field\\.md: front matter field "${field}" must`));
    expect(error.message).toContain(`found ${found}`);
  });

  it('reads numbers, dates and unknown fields in front matter as they are meant', () => {
    const doc = parseDocument(
      markdown('title: 2024\nsource: Reuters\ndate: 2024-05-01\ntags: [a, b]\nauthor: {name: X}'),
      'ok.md',
    );
    expect(doc.title).toBe('2024');
    expect(doc.source).toBe('Reuters');
    expect(doc.published).toBe('2024-05-01');
    expect(parseDocument(markdown('title:\nurl: ~'), 'ok.md').title).toBe('Heading');
  });

  it('refuses a symbolic link, naming it', () => {
    const target = path.join(tmp, 'target.txt');
    writeFileSync(target, 'Sergei Shoigu visited Pyongyang.');
    const link = path.join(tmp, 'link.txt');
    symlinkSync(target, link);
    const error = failure(() => loadDocument(link));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toMatch(new RegExp(`^${link.replace(/[.]/g, '\\.')}: is a symbolic link`));
    expect(loadDocument(target).text).toContain('Shoigu');
  });
});
