/**
 * Stage 1: load. Reads one file and turns it into a DocumentRecord: text with front matter or markup removed,
 * title, source, url, published date, content hash, and for a PDF where each page starts. The content decides
 * the format as much as the name: a PDF or a ZIP renamed to .txt is refused, naming what it really is. Word
 * documents go through the HTML path (`load/docx-html.ts`), PDFs through their text layer (`load/pdf-text.ts`).
 * Bad input fails with a DocumentLoadError naming the reason.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as cheerio from 'cheerio';
import { z } from 'zod';
import { documentId, sha256 } from '../graph/model/ids';
import type { DocumentRecord } from '../graph/model/types';
import { DocumentLoadError } from './errors';
import { toIsoDate } from './text/dates';
import { inferDocumentDate } from './text/document-date';
import { docxToHtml } from './load/docx-html';
import { markupDepth, outermostBlocks, textOf, type DomNode } from './load/html-blocks';
import { readPdfText } from './load/pdf-text';
import { sniffFormat, startsLikePdf } from './load/sniff-format';

/** A text file over 10 MB is no article; PDFs and Word files carry images and fonts besides their text. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_CONTAINER_BYTES = 50 * 1024 * 1024;
/** Far deeper than any article nests (news pages: 20–40); what is deeper is refused (`too-deep`). */
export const MAX_HTML_DEPTH = 256;
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

type Format = DocumentRecord['format'];

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

function maxBytes(format: Format | undefined): number {
  return format === 'pdf' || format === 'docx' ? MAX_CONTAINER_BYTES : MAX_FILE_BYTES;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type LoadedDocument = Omit<DocumentRecord, 'keptRanges' | 'wordCount'>;

/**
 * Reads a file from disk; every failure is a DocumentLoadError naming the file. A symbolic link is refused:
 * the importer reads only what it was given (`expandInputs` resolves links when asked to follow them).
 */
export async function loadDocument(
  filePath: string,
  displayPath: string = filePath,
  options: ParseOptions = {},
): Promise<LoadedDocument> {
  const unreadable = (error: unknown) =>
    new DocumentLoadError(displayPath, 'unreadable', `cannot read the file (${(error as Error).message})`, {
      cause: error,
    });
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    if (lstatSync(filePath).isSymbolicLink()) throw symlinkRefused(displayPath);
    // O_NOFOLLOW: a link put in the file's place after the check above is refused too. O_NONBLOCK: a FIFO
    // in its place does not hang the import (it fails the regular-file check below).
    fd = openSync(filePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw unreadable(new Error('not a regular file'));
    const limit = maxBytes(FORMAT_BY_EXTENSION[path.extname(displayPath).toLowerCase()]);
    if (stat.size > limit) {
      throw new DocumentLoadError(
        displayPath,
        'too-large',
        `file is ${megabytes(stat.size)}, over the ${megabytes(limit)} limit`,
      );
    }
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof DocumentLoadError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw symlinkRefused(displayPath);
    throw unreadable(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return parseDocument(bytes, displayPath, options);
}

function symlinkRefused(displayPath: string): DocumentLoadError {
  return new DocumentLoadError(
    displayPath,
    'unreadable',
    'is a symbolic link: the importer reads only the files it is given (pass --follow-symlinks to read what links point to)',
  );
}

export interface ParseOptions {
  /** A title given with the text (pasted text), used instead of the first line. */
  title?: string;
  /** The document's deadline: aborted, a PDF's reader is stopped. */
  signal?: AbortSignal;
}

/** Parses file bytes; the extension of `displayPath` names the format, and the content must agree. */
export async function parseDocument(
  bytes: Buffer,
  displayPath: string,
  options: ParseOptions = {},
): Promise<LoadedDocument> {
  const ext = path.extname(displayPath).toLowerCase();
  const format = FORMAT_BY_EXTENSION[ext];
  if (!format) {
    throw new DocumentLoadError(
      displayPath,
      'unsupported-format',
      `unsupported file type "${ext || '(none)'}": expected .txt, .md, .html, .pdf or .docx`,
    );
  }
  const limit = maxBytes(format);
  if (bytes.length > limit) {
    throw new DocumentLoadError(
      displayPath,
      'too-large',
      `file is ${megabytes(bytes.length)}, over the ${megabytes(limit)} limit`,
    );
  }
  if (bytes.length === 0) throw new DocumentLoadError(displayPath, 'empty', 'file is empty');
  checkContent(bytes, format, displayPath);

  const contentHash = sha256(bytes);
  const base = {
    id: documentId(contentHash),
    contentHash,
    path: displayPath,
    fileName: path.basename(displayPath),
    format,
  } as const;
  const parsed = await parseContent(bytes, format, displayPath, options);
  // Metadata first; a document without it takes the date its text carries (masthead, dateline).
  return { ...base, ...parsed, published: parsed.published ?? inferDocumentDate(parsed.text) };
}

/** The text and metadata of a checked file, by its format. */
async function parseContent(
  bytes: Buffer,
  format: Format,
  displayPath: string,
  options: ParseOptions,
): Promise<Parsed & { pageStarts?: number[] }> {
  if (format === 'pdf') {
    const { text, pageStarts, title } = await readPdfText(bytes, displayPath, options.signal);
    return { text, pageStarts, title: options.title ?? title ?? firstLine(text) };
  }
  if (format === 'docx') return parseHtml(await docxToHtml(bytes, displayPath), displayPath);

  if (looksBinary(bytes)) throw new DocumentLoadError(displayPath, 'binary', 'file is binary, not text');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DocumentLoadError(displayPath, 'invalid-utf8', 'file is not valid UTF-8 text', { cause: error });
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (raw.trim() === '') throw new DocumentLoadError(displayPath, 'empty', 'file has no text (only whitespace)');

  if (format === 'html') return parseHtml(raw, displayPath);
  if (format === 'md') return parseMarkdown(raw, displayPath);
  return { text: raw, title: options.title ?? firstLine(raw) };
}

/** The content must be what the name says: a PDF is a PDF, a .docx a ZIP archive, a text no known binary. */
function checkContent(bytes: Buffer, format: Format, file: string): void {
  const sniffed = sniffFormat(bytes);
  const mismatch = (message: string) => new DocumentLoadError(file, 'content-mismatch', message);
  if (format === 'pdf') {
    // A PDF cut off before its end marker still goes to the reader, which names the damage.
    if (sniffed.kind !== 'pdf' && !startsLikePdf(bytes))
      throw mismatch(`named .pdf, but the content is ${sniffed.kind === 'text' ? 'text' : sniffed.name}, not a PDF`);
    return;
  }
  if (format === 'docx') {
    if (sniffed.kind !== 'zip')
      throw mismatch(
        `named .docx, but the content is ${sniffed.kind === 'text' ? 'text' : sniffed.name}, not a Word document`,
      );
    return;
  }
  if (sniffed.kind !== 'text') {
    const fix = sniffed.extension
      ? `give it the ${sniffed.extension} extension`
      : (sniffed.save ?? 'Dossier reads only text, PDF and Word documents');
    throw mismatch(`named ${path.extname(file).toLowerCase()}, but the content is ${sniffed.name}: ${fix}`);
  }
}

/**
 * Binary files have NUL bytes or many control characters. A text that happens to start with "Blink" or
 * "%PDF-" is still text (magic numbers are checked by `sniffFormat`, which wants more than the first bytes).
 */
export function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) control++;
  }
  return control / Math.max(1, sample.length) > 0.1;
}

type Parsed = Pick<LoadedDocument, 'text' | 'title' | 'source' | 'url' | 'published'>;

function parseMarkdown(raw: string, file: string): Parsed {
  let body = raw;
  let meta: Record<string, unknown> = {};
  if (/^---[ \t]*\n/.test(raw)) {
    const end = raw.slice(4).search(/\n---[ \t]*(\n|$)/);
    if (end < 0)
      throw new DocumentLoadError(file, 'malformed-front-matter', 'front matter starts with "---" but is never closed');
    const yamlText = raw.slice(4, 4 + end);
    try {
      const parsed: unknown = parseYaml(yamlText);
      if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
        throw new Error('front matter is not a mapping of keys to values');
      }
      meta = (parsed ?? {}) as Record<string, unknown>;
    } catch (error) {
      throw new DocumentLoadError(
        file,
        'malformed-front-matter',
        `malformed YAML front matter (${(error as Error).message.split('\n')[0]})`,
        {
          cause: error,
        },
      );
    }
    // Blank the front matter instead of cutting it, so offsets stay offsets into the file's text.
    const fmEnd = 4 + end + raw.slice(4 + end).indexOf('---') + 3;
    body = raw.slice(0, fmEnd).replace(/[^\n]/g, ' ') + raw.slice(fmEnd);
  }
  const fields = frontMatterFields(meta, file);
  const text = stripMarkdown(body);
  if (text.trim() === '') throw new DocumentLoadError(file, 'empty', 'document has no text after its front matter');
  return {
    text,
    title: fields.title ?? firstLine(text).replace(/^#+\s*/, ''),
    source: fields.source,
    url: fields.url,
    published: toIsoDate(fields.date),
  };
}

/** YAML reads `title: 2024` as a number and `date: 2024-05-01` as a Date: both are fine as text. */
const textField = z
  .union([z.string(), z.number(), z.boolean()], { error: 'must be text, not a list or a mapping' })
  .nullish()
  .transform((value) => (value === null || value === undefined ? undefined : String(value).trim() || undefined));

const dateField = z
  .union([z.date(), z.string(), z.number()], { error: 'must be a date like 2024-05-01, not a list or a mapping' })
  .nullish()
  .transform((value) =>
    value === null || value === undefined
      ? undefined
      : value instanceof Date
        ? Number.isNaN(value.getTime())
          ? undefined
          : value.toISOString().slice(0, 10)
        : String(value),
  );

/** The front matter fields Dossier reads; others are left alone. */
const frontMatterSchema = z.looseObject({
  title: textField.pipe(z.string().max(1_000, 'must be at most 1,000 characters').optional()),
  source: textField.pipe(z.string().max(1_000, 'must be at most 1,000 characters').optional()),
  url: textField.pipe(z.string().max(4_000, 'must be at most 4,000 characters').optional()),
  date: dateField,
});

function frontMatterFields(meta: Record<string, unknown>, file: string): z.infer<typeof frontMatterSchema> {
  const parsed = frontMatterSchema.safeParse(meta);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DocumentLoadError(
    file,
    'malformed-front-matter',
    `front matter field "${issue.path.join('.')}" ${issue.message} (found ${describeValue(meta[String(issue.path[0])])})`,
    { cause: parsed.error },
  );
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return JSON.stringify(value)?.slice(0, 60) ?? String(value);
}

/**
 * Markdown markup becomes spaces of the same length so that offsets into the text keep their meaning.
 * The blanks go before the words they wrapped, never between a word and the punctuation after it, so that
 * a sentence quoted as evidence reads as the reader sees it ("**2 April 2015**:" -> "    2 April 2015:").
 */
export function stripMarkdown(body: string): string {
  return body
    .replace(/^(\s{0,3})(#{1,6})(\s)/gm, (_m, a: string, h: string, s: string) => a + ' '.repeat(h.length) + s)
    .replace(/^(\s{0,3})([>*+-]|\d+\.)(\s)/gm, (_m, a: string, h: string, s: string) => a + ' '.repeat(h.length) + s)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (m) => ' '.repeat(m.length))
    .replace(/\[([^\]]+)\]\(([^)]*)\)/g, (_m, label: string, url: string) => ' '.repeat(url.length + 4) + label)
    .replace(/(\*\*|__)(?=\S)([^*_\n]+?)\1/g, (_m, d: string, inner: string) => ' '.repeat(2 * d.length) + inner)
    .replace(
      /(^|[\s(])([*_])(?=\S)([^*_\n]+?)\2(?=[\s).,;:!?]|$)/g,
      (_m, pre: string, d: string, inner: string) => pre + ' '.repeat(2 * d.length) + inner,
    )
    .replace(/`([^`\n]+)`/g, (_m, inner: string) => `  ${inner}`);
}

const ARTICLE_SELECTORS = [
  'article',
  'main',
  '[role=main]',
  '.article-body',
  '.post-content',
  '.entry-content',
  '#content',
  'body',
];
const DROP_SELECTORS =
  'script, style, noscript, nav, header, footer, aside, form, iframe, svg, figure figcaption, .share, .social, .newsletter, .subscribe, .cookie, .related, .advertisement, .ad, [aria-hidden=true], button';

function parseHtml(raw: string, file: string): Parsed {
  // Depth first: both parsers cost the depth at every tag (html-blocks.ts), so what no article is never parsed.
  if (markupDepth(raw, MAX_HTML_DEPTH) > MAX_HTML_DEPTH)
    throw new DocumentLoadError(
      file,
      'too-deep',
      `HTML elements are nested more than ${MAX_HTML_DEPTH} deep: no article is; the page is malformed or built to stall a reader`,
    );
  // htmlparser2 (in HTML mode) rather than cheerio's default parse5: 3–5× faster on wide pages (5 MB of
  // <li>: 0.6 s against 2.8 s), and it closes what a tag implies (a <p> before a <div>) as parse5 does.
  const $ = cheerio.load(raw, { xml: { xmlMode: false, decodeEntities: true } });
  const meta = (names: string[]): string | undefined => {
    for (const n of names) {
      const v = $(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`).first().attr('content');
      if (v && v.trim()) return v.trim();
    }
    return undefined;
  };
  const firstText = (selector: string): string => {
    const node = $(selector).get(0);
    return node ? textOf(node).trim() : '';
  };
  const title = meta(['og:title', 'twitter:title']) ?? (firstText('title') || firstText('h1'));
  const published =
    meta(['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'DC.date.issued']) ??
    $('time[datetime]').first().attr('datetime');
  $(DROP_SELECTORS).remove();
  // A page without <body> (htmlparser2 adds none) is read from its root.
  const whole: DomNode = $('body').get(0) ?? $.root().get(0)!;
  const root =
    ARTICLE_SELECTORS.map((selector) => $(selector).get(0)).find(
      (found): found is NonNullable<typeof found> => found !== undefined && textOf(found).trim().length > 0,
    ) ?? whole;
  const blocks: string[] = [];
  const candidates = outermostBlocks(root);
  if (candidates.length) {
    for (const el of candidates) {
      const text = textOf(el).replace(/\s+/g, ' ').trim();
      if (text) blocks.push(text);
    }
  } else {
    const text = textOf(root)
      .replace(/[ \t]+/g, ' ')
      .trim();
    if (text)
      blocks.push(
        ...text
          .split(/\n\s*\n/)
          .map((b) => b.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      );
  }
  const text = blocks.join('\n\n');
  if (text.replace(/\W/g, '').length < 20)
    throw new DocumentLoadError(file, 'no-article-text', 'HTML has no article text');
  return {
    text,
    title: title || firstLine(text),
    source: meta(['og:site_name', 'publisher', 'author']),
    url: meta(['og:url']) ?? $('link[rel=canonical]').attr('href'),
    published: toIsoDate(published),
  };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 200);
}
