/**
 * The one owner of how a fact's evidence is stored. Neo4j properties cannot hold maps, so evidence is
 * kept as parallel lists — entry i of each list is one evidence entry — plus `evidence`, the same entries
 * as JSON strings `{"document","text","start","end"}` for user Cypher that wants objects:
 *
 *   evidence, evidenceDocs, evidenceTexts, evidenceStarts, evidenceEnds, evidenceConfidences
 *
 * `evidenceDocs` holds document ids, so a document's entries can be removed in Cypher
 * (`keepEvidenceCypher`); `confidence` is the highest entry's (`maxConfidenceCypher`). Pure: values read
 * back may be driver integers, which are kept as they are when lists are united.
 */
import type { Evidence } from '../../model/types';

/** Evidence with the confidence of the extraction that found it. */
export interface StoredEvidence extends Evidence {
  confidence: number;
}

export interface EvidenceProperties {
  evidence: string[];
  evidenceDocs: string[];
  evidenceTexts: string[];
  evidenceStarts: number[];
  evidenceEnds: number[];
  evidenceConfidences: number[];
}

/** The parallel lists, `evidence` first; every one of them is rewritten whenever one is. */
export const EVIDENCE_LISTS = [
  'evidence',
  'evidenceDocs',
  'evidenceTexts',
  'evidenceStarts',
  'evidenceEnds',
  'evidenceConfidences',
] as const satisfies ReadonlyArray<keyof EvidenceProperties>;

const EVIDENCE_LIST_SET: ReadonlySet<string> = new Set(EVIDENCE_LISTS);

/** True for the properties this codec owns (they are not a fact's attributes). */
export function isEvidenceProperty(key: string): boolean {
  return EVIDENCE_LIST_SET.has(key);
}

export function encodeEvidence(entries: readonly StoredEvidence[]): EvidenceProperties {
  return {
    evidence: entries.map((e) => JSON.stringify({ document: e.document, text: e.text, start: e.start, end: e.end })),
    evidenceDocs: entries.map((e) => e.document),
    evidenceTexts: entries.map((e) => e.text),
    evidenceStarts: entries.map((e) => e.start),
    evidenceEnds: entries.map((e) => e.end),
    evidenceConfidences: entries.map((e) => e.confidence),
  };
}

function plainNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber();
  return Number(value);
}

function listOf(props: Record<string, unknown>, key: string): unknown[] {
  const value = props[key];
  return Array.isArray(value) ? value : [];
}

/** The entries stored on a relationship, in order; a relationship without evidence (a curated one) has none. */
export function decodeEvidence(props: Record<string, unknown>): StoredEvidence[] {
  const docs = listOf(props, 'evidenceDocs');
  const texts = listOf(props, 'evidenceTexts');
  const starts = listOf(props, 'evidenceStarts');
  const ends = listOf(props, 'evidenceEnds');
  const confidences = listOf(props, 'evidenceConfidences');
  return docs.map((document, i) => ({
    document: String(document),
    text: String(texts[i] ?? ''),
    start: plainNumber(starts[i]),
    end: plainNumber(ends[i]),
    confidence: plainNumber(confidences[i]),
  }));
}

export function hasEvidence(props: Record<string, unknown>): boolean {
  return Array.isArray(props.evidenceDocs);
}

export function evidenceCount(props: Record<string, unknown>): number {
  return listOf(props, 'evidenceDocs').length;
}

/** One entry per document span: the same sentence found twice is one piece of evidence. */
function entryKey(props: Record<string, unknown>, i: number): string {
  const at = (key: string) => String(listOf(props, key)[i] ?? '');
  return `${at('evidenceDocs')}|${at('evidenceStarts')}|${at('evidenceEnds')}`;
}

/**
 * The lists of a relationship that absorbs another (a merge of two entities): the existing entries first,
 * then the incoming ones it does not hold yet, all lists together so they stay aligned. Raw values are
 * kept (driver integers stay integers); uniting twice changes nothing. Null when either side has no
 * evidence, so the caller keeps what it has.
 */
export function uniteEvidence(
  existing: Record<string, unknown>,
  incoming: Record<string, unknown>,
): Record<string, unknown[]> | null {
  if (!hasEvidence(existing) || !hasEvidence(incoming)) return null;
  const united: Record<string, unknown[]> = Object.fromEntries(
    EVIDENCE_LISTS.map((key) => [key, [...listOf(existing, key)]]),
  );
  const seen = new Set(listOf(existing, 'evidenceDocs').map((_, i) => entryKey(existing, i)));
  listOf(incoming, 'evidenceDocs').forEach((_, i) => {
    const key = entryKey(incoming, i);
    if (seen.has(key)) return;
    seen.add(key);
    for (const list of EVIDENCE_LISTS) united[list].push(listOf(incoming, list)[i]);
  });
  return united;
}

/** Cypher: a new fact's lists, a row's (`row.evidence` holds an EvidenceProperties). */
export function setEvidenceCypher(x: string, row: string): string {
  return EVIDENCE_LISTS.map((key) => `${x}.${key} = ${row}.${key}`).join(', ');
}

/** Cypher: appends a row's lists (`row.evidence` holds an EvidenceProperties) to relationship `x`. */
export function appendEvidenceCypher(x: string, row: string): string {
  return EVIDENCE_LISTS.map((key) => `${x}.${key} = ${x}.${key} + ${row}.${key}`).join(', ');
}

/** Cypher: keeps only the entries at the indexes in list `keep` on relationship `r`. */
export function keepEvidenceCypher(r: string, keep: string): string {
  return EVIDENCE_LISTS.map((key) => `${r}.${key} = [i IN ${keep} | ${r}.${key}[i]]`).join(',\n         ');
}

/** Cypher: the indexes of `r`'s entries that do not come from document `$doc`-like expression `document`. */
export function entriesNotFromCypher(r: string, document: string): string {
  return `[i IN range(0, size(${r}.evidenceDocs) - 1) WHERE ${r}.evidenceDocs[i] <> ${document}]`;
}

/** Cypher: whether relationship `r` holds evidence from `document`. */
export function hasEvidenceFromCypher(r: string, document: string): string {
  return `${r}.evidenceDocs IS NOT NULL AND ${document} IN ${r}.evidenceDocs`;
}

/** Cypher: a fact's confidence, the highest of its entries'. */
export function maxConfidenceCypher(x: string): string {
  return `${x}.confidence = reduce(m = 0.0, c IN ${x}.evidenceConfidences | CASE WHEN c > m THEN c ELSE m END)`;
}

/** Cypher: how many evidence entries relationship `x` holds (0 for links without evidence). */
export function evidenceCountCypher(x: string): string {
  return `coalesce(size(${x}.evidenceDocs), 0)`;
}
