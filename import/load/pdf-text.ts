/**
 * A PDF's text layer as one text with the offset where each page starts, so that evidence can say "p. 3".
 * pdfjs-dist reads the file in a worker thread (`pdf-text-worker.mjs`); here its text items become lines,
 * lines become paragraphs (a line break inside a paragraph is a space, because the segmenter never lets a
 * sentence cross a line), and paragraphs and pages are separated by a blank line.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { DocumentLoadError } from '../errors';

export interface PdfText {
  text: string;
  /** `pageStarts[i]` is the offset in `text` where page i + 1 begins. */
  pageStarts: number[];
  /** The title the file's metadata gives, when it is one (not "Untitled", not a file name). */
  title?: string;
}

const itemSchema = z.object({ str: z.string(), eol: z.boolean(), y: z.number(), h: z.number() });
const answerSchema = z.union([
  z.object({ pages: z.array(z.array(itemSchema)), title: z.string().optional() }),
  z.object({ error: z.object({ name: z.string(), message: z.string() }) }),
]);
type TextItem = z.infer<typeof itemSchema>;

const WORKER = path.join(__dirname, 'pdf-text-worker.mjs');
/** A PDF of a few hundred pages reads in a few seconds; one that takes longer is most likely built to. */
const READ_TIMEOUT_MS = 60_000;
/** pdfjs-dist keeps decoded pages in memory; the worker's heap is bounded so one PDF cannot exhaust the process. */
const WORKER_HEAP_MB = 512;
/** Fewer letters than this over the whole file is no text layer: page numbers or a stray caption on scans. */
const MIN_LETTERS = 20;

export async function readPdfText(bytes: Buffer, file: string, signal?: AbortSignal): Promise<PdfText> {
  const answer = await runWorker(bytes, file, signal);
  if ('error' in answer) throw pdfError(answer.error, file);
  const result = { ...assemblePages(answer.pages), title: usableTitle(answer.title) };
  if ((result.text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) {
    throw new DocumentLoadError(file, 'no-text-layer', 'PDF has no text layer (scanned?): run OCR on it first');
  }
  return result;
}

function runWorker(bytes: Buffer, file: string, signal?: AbortSignal): Promise<z.infer<typeof answerSchema>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DocumentLoadError(file, 'corrupt', 'PDF reading was stopped'));
    const worker = new Worker(WORKER, {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new DocumentLoadError(file, 'corrupt', `PDF could not be read within ${READ_TIMEOUT_MS / 1000} s`));
    }, READ_TIMEOUT_MS);
    // The document's deadline passed: the caller reports it; the worker's work is for nobody now.
    const onAbort = (): void => {
      done();
      reject(new DocumentLoadError(file, 'corrupt', 'PDF reading was stopped'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    worker.once('message', (message: unknown) => {
      done();
      const parsed = answerSchema.safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new DocumentLoadError(file, 'corrupt', 'PDF reader answered something unexpected'));
    });
    worker.once('error', (error) => {
      done();
      reject(new DocumentLoadError(file, 'corrupt', `PDF could not be read (${error.message})`, { cause: error }));
    });
  });
}

function pdfError(error: { name: string; message: string }, file: string): DocumentLoadError {
  if (error.name === 'PasswordException')
    return new DocumentLoadError(file, 'encrypted', 'PDF is encrypted with a password: save an unprotected copy');
  return new DocumentLoadError(file, 'corrupt', `PDF is damaged or not a PDF (${error.message})`);
}

/**
 * Word processors fill in the title field with the file name or a placeholder ("Microsoft Word - draft.docx",
 * "Untitled"): such a title says less than the document's first line.
 */
export function usableTitle(title: string | undefined): string | undefined {
  const t = title?.replace(/\s+/g, ' ').trim();
  if (!t || t.length < 3 || t.length > 300) return undefined;
  if (/^(untitled|document\d*|microsoft (word|powerpoint) - )/i.test(t) || /\.(docx?|pdf|txt|odt|rtf)$/i.test(t))
    return undefined;
  return t;
}

/** A paragraph that is only a page number ("3", "Page 3", "3 of 12", "- 3 -") is the page's furniture. */
const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** A gap between two lines larger than this many text heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.8;

/** Pages of text items (as pdfjs-dist gives them, in reading order) to one text with page start offsets. */
export function assemblePages(pages: TextItem[][]): PdfText {
  let text = '';
  const pageStarts: number[] = [];
  for (const items of pages) {
    const paragraphs = pageParagraphs(items);
    if (text && paragraphs.length) text += '\n\n';
    pageStarts.push(text.length);
    text += paragraphs.join('\n\n');
  }
  return { text, pageStarts };
}

interface Line {
  text: string;
  y: number;
  h: number;
}

function pageParagraphs(items: TextItem[]): string[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    if (!current) current = { text: '', y: item.y, h: item.h };
    current.text += item.str;
    current.h = Math.max(current.h, item.h);
    if (item.eol) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  const paragraphs: string[] = [];
  let paragraph = '';
  let previous: Line | undefined;
  for (const line of lines) {
    const words = line.text.replace(/\s+/g, ' ').trim();
    const gap = previous ? previous.y - line.y : 0;
    // A large step down, or a step up (the next column), ends the paragraph.
    const breaks = previous && (gap > PARAGRAPH_GAP * Math.max(previous.h, 1) || gap < 0);
    if (breaks || !words) {
      if (paragraph) paragraphs.push(paragraph);
      paragraph = '';
    }
    // A word broken at the end of a line ("North-" / "Korean") is joined again, its hyphen kept: dropping
    // it would glue real compounds together, and a space would split the word in two.
    const glue = /\p{L}-$/u.test(paragraph) && /^\p{L}/u.test(words) ? '' : ' ';
    if (words) paragraph = paragraph ? `${paragraph}${glue}${words}` : words;
    previous = line;
  }
  if (paragraph) paragraphs.push(paragraph);
  return paragraphs.filter((p) => !PAGE_NUMBER.test(p));
}
