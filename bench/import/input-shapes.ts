/**
 * Inputs of pathological shapes, made to a given size: what broke the importer before (one huge paragraph,
 * `<li>` × 100,000, deeply nested tags) and what else a malformed or hostile file can look like (very long
 * lines without a stop, many tiny paragraphs, no space after full stops, long runs of capitalised words, huge
 * tables). The prose is the synthetic corpus's (seeded), so the rules find entities and facts in it as they
 * would in an article. Used by the import-scaling benchmark and by the importer's tests.
 */
import { generateDocuments } from '../corpus/generate';
import { BOILERPLATE } from '../corpus/pools';

export const INPUT_SHAPES = [
  'one-paragraph',
  'no-space-after-stop',
  'long-line-no-stops',
  'tiny-paragraphs',
  'capitalised-run',
  'html-list',
  'html-deep',
  'html-table',
] as const;
export type InputShape = (typeof INPUT_SHAPES)[number];

export interface ShapedInput {
  /** `one-paragraph-1mb.txt` */
  fileName: string;
  content: string;
}

/**
 * Sentences of the synthetic corpus, in order, as many as asked for. Its boilerplate lines (a paywall pitch)
 * are left out: joined into one paragraph, one of them would make the cleaner drop the whole paragraph.
 */
function* sentences(seed: number): Generator<string> {
  const boilerplate = new Set(BOILERPLATE);
  for (;;) {
    for (const doc of generateDocuments({ count: 1_000_000, seed })) {
      for (const paragraph of doc.text.split('\n').slice(1)) {
        if (boilerplate.has(paragraph.trim())) continue;
        for (const sentence of paragraph.split(/(?<=[.!?”])\s+(?=[A-Z“])/)) if (sentence.trim()) yield sentence.trim();
      }
    }
  }
}

/** Pieces until `bytes` (UTF-8) are reached; the last piece is cut at a character, never inside one. */
function fill(bytes: number, head: string, tail: string, piece: (i: number) => string): string {
  const parts: string[] = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; size < bytes; i++) {
    const p = piece(i);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  const body = Buffer.from(parts.join('')).subarray(0, bytes - Buffer.byteLength(tail));
  return body.toString('utf8').replace(/\uFFFD+$/, '') + tail;
}

const CAPITALISED = [
  'Kim',
  'Jong',
  'Un',
  'Vladimir',
  'Putin',
  'Minister',
  'Defence',
  'Foreign',
  'Affairs',
  'Korean',
  'People',
  'Army',
  'Russian',
  'Federation',
  'Security',
  'Council',
  'Supreme',
  'Commander',
  'General',
  'Staff',
];

/** A document of `shape` whose file is `bytes` long (UTF-8), the same for the same seed. */
export function shapedInput(shape: InputShape, bytes: number, seed = 7): ShapedInput {
  const next = sentences(seed);
  const sentence = (): string => next.next().value as string;
  const megabytes = Math.round((bytes / 1_000_000) * 10) / 10;
  const name = (ext: string) => `${shape}-${megabytes}mb.${ext}`;
  switch (shape) {
    case 'one-paragraph':
      // The shape that made sentence splitting quadratic: every sentence in one line.
      return { fileName: name('txt'), content: fill(bytes, 'Report\n\n', '\n', () => `${sentence()} `) };
    case 'no-space-after-stop':
      // Text that lost its spaces ("…on Monday.The ministry said"): the glued-sentence rule at every stop.
      return { fileName: name('txt'), content: fill(bytes, 'Report\n\n', '\n', () => sentence()) };
    case 'long-line-no-stops':
      // Nothing ends a sentence: one "sentence" as long as the file unless something cuts it.
      return {
        fileName: name('txt'),
        content: fill(bytes, 'Report\n\n', '\n', () => `${sentence().replace(/[.!?…]/g, '')}, `),
      };
    case 'tiny-paragraphs':
      // Hundreds of thousands of paragraphs of a few words: per-paragraph work and the repeat check.
      return {
        fileName: name('txt'),
        content: fill(bytes, 'Report\n\n', '\n', (i) => `${sentence().split(' ').slice(0, 4).join(' ')} ${i}.\n\n`),
      };
    case 'capitalised-run':
      // A name that never ends: title and name rules that extend a run of capitalised words.
      return {
        fileName: name('txt'),
        content: fill(bytes, 'Report\n\n', '.\n', (i) => `${CAPITALISED[(i * 7) % CAPITALISED.length]} `),
      };
    case 'html-list':
      return {
        fileName: name('html'),
        content: fill(
          bytes,
          '<html><head><title>List</title></head><body><ul>\n',
          '</ul></body></html>\n',
          () => `<li>${sentence()}</li>\n`,
        ),
      };
    case 'html-deep':
      // Tags nested as deep as the size allows, text at every level: recursion depth and ancestor look-ups.
      return deepHtml(bytes, sentence, name('html'));
    case 'html-table':
      return {
        fileName: name('html'),
        content: fill(
          bytes,
          '<html><body><table>\n',
          '</table></body></html>\n',
          (i) => `<tr><td>${i}</td><td>${sentence()}</td><td>${CAPITALISED[i % CAPITALISED.length]}</td></tr>\n`,
        ),
      };
  }
}

/**
 * Subtrees of `HTML_DEPTH` nested tags, one after another until the size is reached, text at every tenth
 * level: as deep as the importer reads (deeper is refused, `too-deep`), as wide as the file allows.
 */
export const HTML_DEPTH = 200;

function deepHtml(bytes: number, sentence: () => string, fileName: string): ShapedInput {
  const tail = '</body></html>\n';
  return {
    fileName,
    content: fill(bytes, '<html><body>', tail, () => {
      const opens: string[] = [];
      const closes: string[] = [];
      for (let depth = 0; depth < HTML_DEPTH; depth++) {
        const tag = depth % 3 === 0 ? 'div' : depth % 3 === 1 ? 'section' : 'blockquote';
        opens.push(`<${tag}>${depth % 10 === 0 ? sentence() : ''}`);
        closes.push(`</${tag}>`);
      }
      return opens.join('') + closes.reverse().join('') + '\n';
    }),
  };
}

/** One chain of nested tags as deep as `bytes` allows: beyond what the importer reads. */
export function nestedBeyondReason(bytes: number): string {
  const pair = '<div>x'.length + '</div>'.length;
  const depth = Math.floor((bytes - 40) / pair);
  return `<html><body>${'<div>x'.repeat(depth)}${'</div>'.repeat(depth)}</body></html>\n`;
}
