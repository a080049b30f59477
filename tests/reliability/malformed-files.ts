/**
 * Malformed documents of every supported format, generated: empty and blank files, binary junk of many
 * sizes, content of another kind under each name (a PDF named .docx, a ZIP named .pdf, an executable named
 * .txt), invalid UTF-8, NUL bytes, PDFs and Word documents cut at many points, ZIP bombs, files over the size
 * limit, broken and hostile front matter (a YAML alias bomb), HTML without article text, unsupported names.
 * Seeded, so every run makes the same files.
 */
import { zipSync } from 'fflate';
import { MAX_FILE_BYTES } from '../../import/load';
import { makeDocx, makePdf } from '../support/make-documents';

export interface MalformedFile {
  name: string;
  bytes: Buffer;
}

const TEXT_EXTS = ['txt', 'md', 'html'] as const;
const ALL_EXTS = [...TEXT_EXTS, 'pdf', 'docx'] as const;

/** A small linear congruential generator: the same junk on every machine. */
function junk(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  // Binary for certain: a NUL early, as real binary files have.
  if (size > 0) bytes[0] = 0;
  return bytes;
}

const MAGICS: Array<[string, Buffer]> = [
  ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
  ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3])],
  ['elf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
  ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])],
  ['zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
  ['pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')],
  ['ole2', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['rtf', Buffer.from('{\\rtf1\\ansi\\deff0 ')],
];

const FRONT_MATTER = [
  'title: [unclosed',
  'title: {a: 1}',
  'date: [2024, 5]',
  'url: {href: x}',
  'source: [a, b]',
  '\ttitle: tabbed',
  'title: "unterminated',
  'title: ][',
  'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntitle: *e',
  `title: ${'x'.repeat(5000)}`,
  'title: !!binary aGVsbG8=',
  'date: !!js/function "function () {}"',
];

export async function malformedFiles(): Promise<MalformedFile[]> {
  const files: MalformedFile[] = [];
  const add = (name: string, bytes: Buffer) => files.push({ name, bytes });
  const pdf = makePdf([['North Korea sent artillery shells to Russia, the ministry said on Monday.']]);
  const docx = await makeDocx('Pyongyang and Moscow sign a pact', ['Kim Jong Un and Vladimir Putin met in Pyongyang.']);

  for (const ext of ALL_EXTS) {
    add(`empty.${ext}`, Buffer.alloc(0));
    add(`blank.${ext}`, Buffer.from(' \n\t\r\n  \n'));
    for (const [i, size] of [1, 7, 64, 512, 4096, 65_536].entries())
      for (const seed of [1, 2, 3, 4]) add(`junk-${size}-${seed}.${ext}`, junk(size, seed * 10 + i));
    for (const [kind, magic] of MAGICS)
      if (kind !== ext && !(kind === 'zip' && ext === 'docx'))
        add(`a-${kind}-named.${ext}`, Buffer.concat([magic, junk(256, 7)]));
  }
  add('real-pdf-named.txt', pdf);
  add('real-pdf-named.docx', pdf);
  add('real-docx-named.pdf', docx);
  add('real-docx-named.md', docx);
  add('real-docx-named.html', docx);

  for (const ext of TEXT_EXTS) {
    add(`latin1.${ext}`, Buffer.from('Caf\xe9 et cr\xe8me: la d\xe9l\xe9gation est arriv\xe9e.', 'latin1'));
    add(`lone-continuation.${ext}`, Buffer.from([0x41, 0x80, 0x42, 0x43]));
    add(`cut-sequence.${ext}`, Buffer.concat([Buffer.from('Seoul '), Buffer.from([0xe2, 0x82])]));
    add(`overlong-slash.${ext}`, Buffer.concat([Buffer.from('a'), Buffer.from([0xc0, 0xaf]), Buffer.from('b')]));
    add(`surrogate.${ext}`, Buffer.concat([Buffer.from('a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('b')]));
    add(`utf16.${ext}`, Buffer.from('\ufeffNorth Korea sent shells.', 'utf16le'));
    add(`nul-bytes.${ext}`, Buffer.from('North Korea\u0000sent\u0000shells.\u0000'));
    add(`too-large.${ext}`, Buffer.alloc(MAX_FILE_BYTES + 1, 'a'));
  }

  // Cut at forty points each: the header alone, mid-object, before the cross-reference table.
  for (let i = 1; i <= 40; i++) {
    add(`cut-${i}.pdf`, pdf.subarray(0, Math.floor((pdf.length * i) / 42)));
    add(`cut-${i}.docx`, docx.subarray(0, Math.floor((docx.length * i) / 42)));
  }
  add('header-only.pdf', Buffer.from('%PDF-1.4\n'));
  add('no-eof.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'));
  add('empty-zip.docx', Buffer.from(zipSync({})));
  add('zip-without-document.docx', Buffer.from(zipSync({ 'readme.txt': new TextEncoder().encode('hello') })));
  add('zip-of-junk-xml.docx', Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(junk(4096, 3)) })));
  // ZIP bombs: a few tens of kilobytes that inflate to hundreds of megabytes.
  add('zip-bomb.docx', Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(120_000_000) }, { level: 9 })));
  add(
    'zip-bomb-many.docx',
    Buffer.from(
      zipSync(
        Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`word/part${i}.xml`, new Uint8Array(5_000_000)])),
      ),
    ),
  );

  for (const [i, yaml] of FRONT_MATTER.entries()) {
    add(`front-matter-${i}.md`, Buffer.from(`---\n${yaml}\n---\n# Heading\n\nSergei Shoigu visited Pyongyang.\n`));
  }
  add('front-matter-unclosed.md', Buffer.from('---\ntitle: Open\n\nSergei Shoigu visited Pyongyang.\n'));
  add('only-front-matter.md', Buffer.from('---\ntitle: Nothing after\n---\n'));

  add('no-article.html', Buffer.from('<html><head><title>x</title></head><body><nav>Home</nav></body></html>'));
  add('only-scripts.html', Buffer.from(`<html><body>${'<script>var a = 1;</script>'.repeat(200)}</body></html>`));
  add('only-comments.html', Buffer.from(`<html><body><!-- ${'x'.repeat(10_000)} --></body></html>`));
  add('tags-only.html', Buffer.from('<div><span></span></div>'.repeat(5000)));

  for (const name of ['notes.odt', 'slides.pptx', 'program.exe', 'archive.tar.gz', 'no-extension', 'sheet.xlsx'])
    add(name, Buffer.from('North Korea sent artillery shells to Russia.'));
  return files;
}
