/**
 * The graph model shared by the importer, the Neo4j repository, the server and the client.
 * Pure types and constants only: importing this file never pulls in a database driver.
 */

export const ENTITY_TYPES = ['Person', 'State', 'Organization', 'Place', 'Treaty', 'Event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Fact relations, directed as in the annotation schema (source -> target). */
export const RELATION_TYPES = [
  'AFFILIATED_WITH',
  'PARTY_TO',
  'SUPERSEDES',
  'PARTICIPATED_IN',
  'LOCATED_IN',
  'SUPPORTS',
  'OPPOSES',
  'SUPPLIES',
  'COOPERATES_WITH',
  'MET_WITH',
  'VISITED',
  'SIGNED',
  'ATTACKED',
  'SUCCESSOR_OF',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations whose direction carries no meaning; stored once, read both ways. */
export const SYMMETRIC_RELATION_TYPES: ReadonlySet<RelationType> = new Set(['COOPERATES_WITH', 'MET_WITH']);

/** Co-occurrence is kept apart from facts so that it is never mistaken for one. */
export const CO_OCCURS = 'CO_OCCURS';

/** The type of a workshop hypothesis drawn as an edge in a view; hypotheses live in the workshop store, never in Neo4j. */
export const HYPOTHESIS = 'HYPOTHESIS';

/**
 * Where a fact or mention stands in a document. Offsets are UTF-16 code-unit offsets into the
 * document's `text` (as loaded, before cleaning), so `text.slice(start, end)` is the quoted text.
 */
export interface Span {
  document: string; // Document id
  start: number;
  end: number;
}

export interface Evidence extends Span {
  text: string; // the exact sentence or clause, verbatim
}

export interface Mention extends Span {
  text: string; // the surface form as written
}

export type AttributeValue = string | number | boolean | string[];

export interface EntityRecord {
  id: string; // stable: derived from type and canonical name (see ids.ts)
  type: EntityType;
  name: string;
  aliases: string[];
  attributes: Record<string, AttributeValue>; // e.g. role, date, year, place, parties, fullName, clause
  mentions: Mention[];
}

export interface RelationRecord {
  id: string; // stable: derived from type, source and target (see ids.ts)
  type: RelationType;
  source: string; // entity id
  target: string; // entity id
  attributes: Record<string, AttributeValue>; // e.g. role for AFFILIATED_WITH
  evidence: Evidence[];
  confidence: number; // 0..1
}

export interface DocumentRecord {
  id: string; // "doc-" + content hash prefix
  contentHash: string; // sha256 of the raw file bytes
  title: string;
  source?: string;
  url?: string;
  published?: string; // ISO date, partial allowed
  path: string; // as given on import, relative when possible
  fileName: string;
  format: 'txt' | 'md' | 'html' | 'pdf' | 'docx';
  wordCount: number;
  text: string; // the document's text as loaded (front matter / markup removed), offsets refer to it
  keptRanges: Array<[number, number]>; // what cleaning kept, as [start, end) ranges of `text`
  pageStarts?: number[]; // a PDF's pages: page i + 1 starts at offset pageStarts[i] of `text`
  importedAt?: string;
}

/** Everything one document contributes to the graph: stored in one transaction. */
export interface ExtractedDocument {
  document: DocumentRecord;
  entities: EntityRecord[];
  relations: RelationRecord[];
}
