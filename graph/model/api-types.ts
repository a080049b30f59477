/**
 * Shapes of the HTTP API's JSON answers, shared by the server (which produces them) and the client
 * (which consumes them). Pure types: no runtime code.
 */
import type { AttributeValue, Evidence, EntityType, Span } from './types';

export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

export interface HealthResponse {
  status: 'ok';
  neo4j: { version: string; edition: string; database: string; uri: string; embedded: boolean };
  counts: { nodes: number; relationships: number };
}

export interface StatsResponse {
  labels: Record<string, number>;
  relationshipTypes: Record<string, number>;
  documents: number;
  lastImport: string | null;
}

/** A node as drawn by the client: entity or document. */
export interface GraphNode {
  id: string;
  type: EntityType | 'Document' | string;
  name: string;
  aliases?: string[];
  degree?: number;
  /** How many documents mention it (entities, in graph answers). */
  sources?: number;
  /** When it was reported: the published dates of the documents that mention it ("YYYY[-MM[-DD]]", sorted). */
  reported?: string[];
  attributes: Record<string, AttributeValue | null>;
}

export interface GraphEdge {
  id: string;
  type: string; // a RelationType, CO_OCCURS, HYPOTHESIS, or any type a user query returned
  source: string;
  target: string;
  confidence?: number;
  evidenceCount?: number;
  attributes: Record<string, AttributeValue | null>;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface OverviewResponse extends Subgraph {
  truncated: boolean;
  totalEntities: number;
}

export interface SearchHit {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  score: number;
}
export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

export interface DocumentSummary {
  id: string;
  title: string;
  source?: string | null;
  url?: string | null;
  published?: string | null;
  path: string;
  wordCount: number;
  /** `txt`, `md`, `html`, `pdf`, `docx`. */
  format?: string;
  /** A PDF's pages; absent for other formats. */
  pages?: number;
  importedAt?: string | null;
}

/** One row of GET /api/documents: a document with what it contributes to the graph now. */
export interface DocumentListItem extends DocumentSummary {
  /** Entities it mentions. */
  entityCount: number;
  /** Facts that hold its evidence. */
  relationCount: number;
}

/** GET /api/documents: newest first; `total` counts every document whatever `limit` and `offset`. */
export interface DocumentListResponse {
  documents: DocumentListItem[];
  total: number;
}

export interface EvidenceWithDocument extends Evidence {
  documentTitle: string;
  documentPublished?: string | null;
  /** The page of a PDF the evidence starts on ("p. 3"); absent for documents without pages. */
  page?: number;
}

export interface MentionWithDocument extends Span {
  text: string;
  documentTitle: string;
  documentPublished?: string | null;
  sentence?: string; // the sentence around the mention
  page?: number; // the page of a PDF the mention is on
}

export interface NodeDetails {
  node: GraphNode;
  relationCounts: Record<string, number>; // by relationship type, both directions
  relations: Array<{
    id: string;
    type: string;
    direction: 'out' | 'in';
    other: { id: string; type: string; name: string };
    evidenceCount: number;
  }>;
  mentions: MentionWithDocument[];
}

export interface NeighborsResponse extends Subgraph {
  center: string;
  total: number; // every neighbour, whatever the limit
  returned: number;
  truncated: boolean;
  countsByType: Record<string, number>; // neighbours by node type, before the limit
}

export interface PathsResponse extends Subgraph {
  paths: Array<{ nodes: string[]; edges: string[] }>;
}

export interface EdgeDetails {
  edge: GraphEdge;
  source: GraphNode;
  target: GraphNode;
  evidence: EvidenceWithDocument[];
}

export interface DocumentDetails extends DocumentSummary {
  text: string; // as loaded; offsets refer to it
  keptRanges: Array<[number, number]>; // what cleaning kept: the reader shows these
  pageStarts?: number[]; // a PDF's pages: page i + 1 starts at offset pageStarts[i] of `text`
  mentions: Array<{
    start: number;
    end: number;
    text: string;
    entityId: string;
    entityType: string;
    entityName: string;
  }>;
}

export type TruncatedReason = 'ROWS' | 'BYTES';

export interface CypherResponse {
  columns: string[];
  rows: unknown[][]; // Neo4j values converted to JSON (integers exact, temporal and spatial as strings)
  graph: Subgraph; // every node, relationship and path found anywhere in the records
  truncated: boolean;
  /** Why the answer stopped early: the row cap, or the byte cap (a row that would pass it is left out whole). */
  truncatedReason?: TruncatedReason;
  rowCount: number;
  elapsedMs: number;
  /** A query sent as `EXPLAIN …`: the planner's operators, and no rows (the query is not run). */
  plan?: CypherPlanOperator;
}

/** One operator of an EXPLAIN plan, as Neo4j Browser's plan view shows it. */
export interface CypherPlanOperator {
  operator: string; // e.g. NodeByLabelScan, Expand(All), ProduceResults
  details?: string; // e.g. "p:Person"
  estimatedRows?: number;
  identifiers: string[];
  children: CypherPlanOperator[];
}

/** Where in the query a Cypher error is (1-based line and column; offset from the query's start). */
export interface CypherErrorPosition {
  offset: number;
  line: number;
  column: number;
}

/** GET /api/schema: what the console completes (secret property keys left out). */
export interface CypherSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

/** How graph values appear in CypherResponse.rows (other values: JSON scalars, lists and maps). */
export interface CypherNodeValue {
  kind: 'node';
  id: string; // the `id` property when there is one, else the element id
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface CypherRelationshipValue {
  kind: 'relationship';
  id: string;
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface CypherPathValue {
  kind: 'path';
  nodes: CypherNodeValue[];
  relationships: CypherRelationshipValue[];
}

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Who did something to the shared graph outside a curation: a workshop participant, the token holder, or the local user. */
export interface Actor {
  name: string;
  participantId?: string;
  workshopId?: string;
}

/** GET /api/documents/log: one document added or removed, by whom and when. */
export interface DocumentLogEntry {
  id: string;
  action: 'imported' | 'removed';
  documentId: string;
  title: string;
  fileName: string;
  at: string; // ISO time
  by: Actor;
  jobId?: string;
  /** Earlier versions of the document that this import replaced (same path, or same title, source and date). */
  replacedDocumentIds?: string[];
}

/**
 * What one import changed in the graph, as the store found it: entities and facts it created, facts that
 * were there and gained its evidence, entities that were there and gained its names. Kept with the import's
 * document-log entry, so it can be asked for any past import.
 */
export interface ImportChanges {
  newEntities: Array<{ id: string; name: string; type: string }>;
  newRelations: Array<{ id: string; type: string; source: string; target: string }>;
  gainedEvidence: Array<{ id: string; type: string; source: string; target: string; added: number }>;
  gainedAliases: Array<{ id: string; name: string; type: string; aliases: string[] }>;
}

/** An entity of a diff as the graph holds it now: `inGraph` false once removed or merged away since. */
export interface ChangedEntity {
  id: string;
  name: string;
  type: string;
  inGraph: boolean;
}

export interface ChangedRelation {
  id: string;
  type: string;
  source: ChangedEntity;
  target: ChangedEntity;
  inGraph: boolean;
}

/** GET /api/documents/:id/changes and GET /api/jobs/:id/changes. */
export interface ImportChangesResponse {
  /** The imports the answer covers (one for a document, one per document for a job), oldest first. */
  imports: Array<{
    documentId: string;
    title: string;
    at: string;
    by: Actor;
    jobId?: string;
    replacedDocumentIds: string[];
  }>;
  newEntities: ChangedEntity[];
  newRelations: ChangedRelation[];
  gainedEvidence: Array<ChangedRelation & { added: number }>;
  gainedAliases: Array<ChangedEntity & { aliases: string[] }>;
}

/** A change of the stored documents, told to every open page over GET /api/documents/events. */
export interface DocumentsChangedEvent {
  action: 'imported' | 'removed';
  documentIds: string[];
  /** The import job, for an import from the browser. */
  jobId?: string;
  by: Actor;
  at: string;
}

/** Where one file of an import job is; the last three states are final. */
export const IMPORT_FILE_STATES = [
  'queued',
  'reading',
  'extracting',
  'storing',
  'done',
  'duplicate',
  'failed',
] as const;
export type ImportFileState = (typeof IMPORT_FILE_STATES)[number];
export const FINAL_FILE_STATES: ReadonlySet<ImportFileState> = new Set(IMPORT_FILE_STATES.slice(-3));

export interface ImportJobFile {
  name: string;
  state: ImportFileState;
  /** Why it failed ("scan.pdf: PDF has no text layer (scanned?) …"), or which stored document it duplicates. */
  reason?: string;
  /** A stable code for `reason` ("no-text-layer", "too-large", …). */
  code?: string;
  documentId?: string;
}

/** POST /api/documents answers `{id, state: "queued", files}` at once; GET /api/jobs/:id the same, as it goes. */
export interface ImportJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  createdAt: string;
  finishedAt?: string;
  by: Actor;
  files: ImportJobFile[];
  /** Set when the whole job failed (the engine did not start, the server restarted). */
  reason?: string;
}

/** How the explorer drew a node, sent with an export: position as laid out, colour, size. */
export interface NodeView {
  x: number;
  y: number;
  color?: string;
  size?: number;
}
