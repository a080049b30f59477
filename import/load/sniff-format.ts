/**
 * What a file's content says it is, before its name is believed: a PDF, a ZIP archive (every .docx is one),
 * another known binary kind, or text. A text that merely starts like a magic number ("%PDF-1.7 became the
 * standard…") is still text: a PDF must also end like one (`%%EOF` near its end), and the other kinds carry
 * bytes no text has.
 */
import magicNumbers from './magic-numbers.json';

export type SniffedKind = 'text' | (typeof magicNumbers.kinds)[number]['kind'];

export interface Sniffed {
  kind: SniffedKind;
  /** In words, for messages: "a PDF document". */
  name: string;
  /** The extension such a file should have, when Dossier reads that kind. */
  extension?: string;
  /** What to do with a kind Dossier does not read ("save it as .docx"). */
  save?: string;
}

const KINDS = magicNumbers.kinds.map((k) => ({ ...k, bytes: Buffer.from(k.hex, 'hex') }));

/** PDF readers look for the header in the first 1024 bytes and the end marker in the last 1024. */
const PDF_WINDOW = 1024;

export function sniffFormat(bytes: Buffer): Sniffed {
  const pdfAt = bytes.subarray(0, PDF_WINDOW).indexOf('%PDF-');
  if (pdfAt >= 0 && bytes.subarray(Math.max(0, bytes.length - PDF_WINDOW)).includes('%%EOF')) return describe('pdf');
  for (const k of KINDS) {
    if (k.kind === 'pdf') continue;
    if (bytes.length >= k.bytes.length && bytes.subarray(0, k.bytes.length).equals(k.bytes)) return describe(k.kind);
  }
  return { kind: 'text', name: 'text' };
}

/** True when the first bytes are a PDF header, whether or not the file ends like one (a cut-off PDF). */
export function startsLikePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, PDF_WINDOW).indexOf('%PDF-') >= 0;
}

function describe(kind: SniffedKind): Sniffed {
  const k = KINDS.find((entry) => entry.kind === kind)!;
  return {
    kind,
    name: k.name,
    extension: 'extension' in k ? k.extension : undefined,
    save: 'save' in k ? k.save : undefined,
  };
}
