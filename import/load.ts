/**
 * Stage 1: load. Reads one file and turns it into a DocumentRecord: text with front matter or markup removed,
 * title, source, url, published date, content hash. Bad input fails with a DocumentLoadError naming the reason.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as cheerio from 'cheerio';
import { documentId, sha256 } from '../graph/model/ids';
import type { DocumentRecord } from '../graph/model/types';
import { DocumentLoadError } from './errors';
import { toIsoDate } from './text/dates';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

export type LoadedDocument = Omit<DocumentRecord, 'keptRanges' | 'wordCount'>;

/** Reads a file from disk; every failure is a DocumentLoadError naming the file. */
export function loadDocument(filePath: string, displayPath: string = filePath): LoadedDocument {
  let size: number;
  try {
    const stat = statSync(filePath);
    if (!stat.isFile()) throw new Error('not a regular file');
    size = stat.size;
  } catch (error) {
    throw new DocumentLoadError(displayPath, 'unreadable', `cannot read the file (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (size > MAX_FILE_BYTES) {
    throw new DocumentLoadError(
      displayPath,
      'too-large',
      `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    throw new DocumentLoadError(displayPath, 'unreadable', `cannot read the file (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseDocument(bytes, displayPath);
}

/** Parses file bytes; `displayPath` decides the format by its extension. */
export function parseDocument(bytes: Buffer, displayPath: string): LoadedDocument {
  const ext = path.extname(displayPath).toLowerCase();
  const format =
    ext === '.md' || ext === '.markdown'
      ? 'md'
      : ext === '.html' || ext === '.htm'
        ? 'html'
        : ext === '.txt'
          ? 'txt'
          : null;
  if (!format) {
    throw new DocumentLoadError(
      displayPath,
      'unsupported-format',
      `unsupported file type "${ext || '(none)'}": expected .txt, .md or .html`,
    );
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DocumentLoadError(displayPath, 'too-large', `file is over the 10 MB limit`);
  }
  if (bytes.length === 0) throw new DocumentLoadError(displayPath, 'empty', 'file is empty');
  if (looksBinary(bytes)) throw new DocumentLoadError(displayPath, 'binary', 'file is binary, not text');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DocumentLoadError(displayPath, 'invalid-utf8', 'file is not valid UTF-8 text', { cause: error });
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (raw.trim() === '') throw new DocumentLoadError(displayPath, 'empty', 'file has no text (only whitespace)');

  const contentHash = sha256(bytes);
  const base = {
    id: documentId(contentHash),
    contentHash,
    path: displayPath,
    fileName: path.basename(displayPath),
    format,
  } as const;
  if (format === 'html') return { ...base, ...parseHtml(raw, displayPath) };
  if (format === 'md') return { ...base, ...parseMarkdown(raw, displayPath) };
  return { ...base, text: raw, title: firstLine(raw) };
}

/**
 * Binary files have NUL bytes or many control characters. Magic numbers are not checked on purpose: a text
 * that happens to start with "Blink" or "PK" is still text.
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
  const text = stripMarkdown(body);
  if (text.trim() === '') throw new DocumentLoadError(file, 'empty', 'document has no text after its front matter');
  const str = (v: unknown): string | undefined =>
    v === undefined || v === null ? undefined : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return {
    text,
    title: str(meta.title) ?? firstLine(text).replace(/^#+\s*/, ''),
    source: str(meta.source),
    url: str(meta.url),
    published: toIsoDate(str(meta.date)),
  };
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
  const $ = cheerio.load(raw);
  const meta = (names: string[]): string | undefined => {
    for (const n of names) {
      const v = $(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`).first().attr('content');
      if (v && v.trim()) return v.trim();
    }
    return undefined;
  };
  const title =
    meta(['og:title', 'twitter:title']) ?? ($('title').first().text().trim() || $('h1').first().text().trim());
  const published =
    meta(['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'DC.date.issued']) ??
    $('time[datetime]').first().attr('datetime');
  $(DROP_SELECTORS).remove();
  const root =
    ARTICLE_SELECTORS.map((selector) => $(selector).first()).find(
      (found) => found.length > 0 && found.text().trim().length > 0,
    ) ?? $('body');
  const blocks: string[] = [];
  const blockTags = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption';
  const candidates = root.find(blockTags);
  if (candidates.length) {
    candidates.each((_i, el) => {
      if ($(el).parents(blockTags).length) return; // nested block: its parent already holds its text
      const text = $(el).text().replace(/\s+/g, ' ').trim();
      if (text) blocks.push(text);
    });
  } else {
    const text = root
      .text()
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
