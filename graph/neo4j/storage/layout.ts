/**
 * How Dossier's graph sits in Neo4j: labels, relationship types and the property names readers may rely
 * on. The codecs beside this file (evidence, mentions, documents, entities) are the only code that knows
 * how structured values are spread over those properties; everything else asks them.
 *
 * - `(:Document {id, contentHash, title, source, url, published, path, fileName, format, wordCount, text,
 *   keptRanges, pageStarts, importedAt})` — document-codec.ts.
 * - `(:Entity:<Type> {id, type, name, aliases, …attributes})` — entity-codec.ts.
 * - `(:Entity)-[:MENTIONED_IN {starts, ends, texts}]->(:Document)`, one per entity and document —
 *   mention-codec.ts.
 * - Facts `(:Entity)-[:<RELATION_TYPE> {id, confidence, …attributes, evidence…}]->(:Entity)` —
 *   evidence-codec.ts. Symmetric facts (COOPERATES_WITH, MET_WITH) are stored once, in the direction of
 *   `orientRelation`.
 * - `(:DocumentLog {id, action, documentId, title, fileName, at, byName, byParticipant, byWorkshop, jobId,
 *   replacedDocumentIds, …changes})`, one per import or removal; an import's changes — import-changes-codec.ts.
 */
export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';

/** The one relationship between an entity and a document. */
export const MENTIONED_IN = 'MENTIONED_IN';

/** Relationship types that link entities to documents rather than state a fact. */
export const DOCUMENT_LINK_TYPES: readonly string[] = [MENTIONED_IN];

/**
 * Properties whose values are integers: neo4j-driver sends a JavaScript number as a float, so writers
 * convert these (driver-values.ts), and a Cypher script writes them without a decimal point.
 */
export const INTEGER_PROPERTIES: ReadonlySet<string> = new Set([
  'wordCount',
  'keptRanges',
  'pageStarts',
  'starts',
  'ends',
  'evidenceStarts',
  'evidenceEnds',
  'evidenceAdded',
]);

/** Properties whose values are floats even when whole (a Cypher script writes `1.0`, not `1`). */
export const FLOAT_PROPERTIES: ReadonlySet<string> = new Set(['confidence', 'evidenceConfidences']);
