/**
 * The one owner of how a document node's properties are written and read: scalars as they are,
 * `keptRanges` (what cleaning kept) as one flat integer list [s0, e0, s1, e1, …], since Neo4j cannot
 * store a list of pairs, and `pageStarts` (PDFs only) as the offset where each page starts.
 */
import type { DocumentRecord } from '../../model/types';

export interface DocumentProperties {
  id: string;
  contentHash: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  path: string;
  fileName: string;
  format: string;
  wordCount: number;
  text: string;
  keptRanges: number[];
  pageStarts: number[] | null;
  importedAt: string;
}

export function encodeDocument(document: DocumentRecord, importedAt = new Date().toISOString()): DocumentProperties {
  return {
    id: document.id,
    contentHash: document.contentHash,
    title: document.title,
    source: document.source ?? null,
    url: document.url ?? null,
    published: document.published ?? null,
    path: document.path,
    fileName: document.fileName,
    format: document.format,
    wordCount: document.wordCount,
    text: document.text,
    keptRanges: document.keptRanges.flat(),
    pageStarts: document.pageStarts?.length ? document.pageStarts : null,
    importedAt: document.importedAt ?? importedAt,
  };
}

/** keptRanges as stored; absent means the whole text was kept. */
export function decodeKeptRanges(value: unknown, textLength: number): Array<[number, number]> {
  if (!Array.isArray(value)) return [[0, textLength]];
  const flat = value.map((n) => (typeof n === 'number' ? n : Number(String(n))));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) ranges.push([flat[i], flat[i + 1]]);
  return ranges;
}

/** `pageStarts` as stored: a list of integers for a PDF, absent for every other format. */
export function decodePageStarts(value: unknown): number[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((n) => (typeof n === 'number' ? n : Number(String(n))));
}
