/**
 * Stores one ExtractedDocument in ONE write transaction with batched, parameterised `UNWIND … MERGE`.
 * An interrupted import therefore leaves either the whole document or nothing of it.
 *
 * Storage model (what readers can rely on):
 * - `(:Document {id, contentHash, title, source, url, published, path, fileName, format, wordCount, text,
 *   keptRanges, pageStarts, importedAt})` — `keptRanges` is a flat integer list [s0, e0, s1, e1, …]; `pageStarts`
 *   (PDFs only) the offset where each page starts.
 * - `(:Entity:<Type> {id, type, name, aliases, …attributes})`, Type one of Person, State, Organization,
 *   Place, Treaty, Event. Attributes are scalars or lists of scalars (role, date, year, place, parties, …).
 * - `(:Entity)-[:MENTIONED_IN {starts, ends, texts}]->(:Document)` — parallel lists, one entry per mention.
 * - Facts: `(:Entity)-[:<RELATION_TYPE> {id, confidence, …attributes, evidence, evidenceDocs,
 *   evidenceTexts, evidenceStarts, evidenceEnds, evidenceConfidences}]->(:Entity)`. Neo4j cannot store maps,
 *   so evidence is kept as parallel lists (entry i of each list is one evidence entry) plus `evidence`, the
 *   same entries as a list of JSON strings `{"document","text","start","end"}` for readers that want objects.
 *   `evidenceDocs` holds document ids: removing a document removes its entries, and a fact left without
 *   evidence is deleted, as is an entity left without mentions and facts. Symmetric facts (COOPERATES_WITH,
 *   MET_WITH) are stored once, in the direction of `relationId`.
 *
 * Re-importing identical content (same document id) changes nothing; a new version of a file (same path,
 * new content hash) replaces what the previous version contributed, in the same transaction.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  type EntityType,
  type ExtractedDocument,
  type RelationType,
} from '../model/types';
import { orientRelation } from '../model/ids';
import { NotFoundError } from '../errors';
import type { Actor } from '../model/api-types';
import { newId } from '../workshop/secrets';
import type { Neo4jConnection } from './connection';
import { isUnavailable, toUnavailableError } from './connection';
import { recordDocumentLog } from './document-log';

export type StoreOutcome = 'created' | 'replaced' | 'unchanged';

export interface StoreResult {
  outcome: StoreOutcome;
  documentId: string;
  replacedDocumentIds: string[];
}

const WRITE_TIMEOUT_MS = 120_000;

export interface StoreOptions {
  /** Who adds the document: recorded in the document log in the same transaction. */
  audit?: { by: Actor; jobId?: string };
}

export async function storeDocument(
  connection: Neo4jConnection,
  extracted: ExtractedDocument,
  options: StoreOptions = {},
): Promise<StoreResult> {
  const session = connection.writeSession();
  try {
    return await session.executeWrite(
      async (tx) => {
        const result = await storeInTransaction(tx, extracted);
        if (options.audit && result.outcome !== 'unchanged') {
          await recordDocumentLog(tx, {
            id: newId('doclog'),
            action: 'imported',
            documentId: result.documentId,
            title: extracted.document.title,
            fileName: extracted.document.fileName,
            at: new Date().toISOString(),
            by: options.audit.by,
            jobId: options.audit.jobId,
          });
        }
        return result;
      },
      { timeout: WRITE_TIMEOUT_MS },
    );
  } catch (error) {
    if (isUnavailable(error)) throw toUnavailableError(error, connection.settings.uri);
    throw error;
  } finally {
    await session.close().catch(() => undefined);
  }
}

/**
 * Removes a document and everything only it contributed, in one transaction; with `audit`, the removal is
 * in the document log in that transaction, and an unknown id is a NotFoundError.
 */
export async function removeStoredDocument(
  connection: Neo4jConnection,
  documentId: string,
  options: StoreOptions = {},
): Promise<void> {
  const session = connection.writeSession();
  try {
    await session.executeWrite(
      async (tx) => {
        const found = await tx.run('MATCH (d:Document {id: $id}) RETURN d.title AS title, d.fileName AS fileName', {
          id: documentId,
        });
        const stored = found.records[0];
        if (!stored && options.audit)
          throw new NotFoundError(`No document with id "${documentId}"`, { details: { id: documentId } });
        await removeDocument(tx, documentId);
        if (stored && options.audit) {
          await recordDocumentLog(tx, {
            id: newId('doclog'),
            action: 'removed',
            documentId,
            title: String(stored.get('title') ?? ''),
            fileName: String(stored.get('fileName') ?? ''),
            at: new Date().toISOString(),
            by: options.audit.by,
          });
        }
      },
      { timeout: WRITE_TIMEOUT_MS },
    );
  } catch (error) {
    if (isUnavailable(error)) throw toUnavailableError(error, connection.settings.uri);
    throw error;
  } finally {
    await session.close().catch(() => undefined);
  }
}

/**
 * Writes a whole document with one statement: each round trip to Neo4j costs more than the rows it carries,
 * so the document node, its entities, mentions and facts travel together (unit subqueries that run in
 * order, each an `UNWIND` over all of its rows, every `MERGE` on a uniqueness constraint). It writes nothing
 * while a document with the same id (same content) or the same path (an earlier version) is stored, so that
 * it can be sent together with the statement that looks for them.
 */
const WRITE_DOCUMENT = `WITH $doc AS props
WHERE NOT EXISTS { MATCH (:Document {id: props.id}) } AND NOT EXISTS { MATCH (:Document {path: props.path}) }
MERGE (d:Document {id: props.id})
SET d += props
WITH d
CALL (d) {
  UNWIND $entities AS e
  MERGE (n:Entity {id: e.id})
  ON CREATE SET n.name = e.name, n.type = e.type, n.aliases = []
  SET n:$(e.type)
  SET n += e.attributes
  SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN e.aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END)
}
CALL (d) {
  UNWIND $mentions AS m
  MATCH (n:Entity {id: m.entity})
  MERGE (n)-[r:MENTIONED_IN]->(d)
  SET r.starts = m.starts, r.ends = m.ends, r.texts = m.texts
}
CALL () {
  UNWIND $facts AS r
  MATCH (s:Entity {id: r.source}), (t:Entity {id: r.target})
  MERGE (s)-[x:$(r.type) {id: r.id}]->(t)
  ON CREATE SET x.evidence = [], x.evidenceDocs = [], x.evidenceTexts = [], x.evidenceStarts = [], x.evidenceEnds = [], x.evidenceConfidences = []
  SET x += r.attributes
  SET x.evidence = x.evidence + r.evidence,
      x.evidenceDocs = x.evidenceDocs + r.docs,
      x.evidenceTexts = x.evidenceTexts + r.texts,
      x.evidenceStarts = x.evidenceStarts + r.starts,
      x.evidenceEnds = x.evidenceEnds + r.ends,
      x.evidenceConfidences = x.evidenceConfidences + r.confidences
  SET x.confidence = reduce(m = 0.0, c IN x.evidenceConfidences | CASE WHEN c > m THEN c ELSE m END)
}`;

export async function storeInTransaction(tx: ManagedTransaction, extracted: ExtractedDocument): Promise<StoreResult> {
  const { document } = extracted;
  // Rows are built (and their types checked) before anything is sent.
  const parameters = writeParameters(extracted);

  // The look-up and the guarded write go out together: one round trip.
  const lookup = tx.run(
    `RETURN EXISTS { MATCH (d:Document {id: $id}) } AS stored,
            COLLECT { MATCH (d:Document {path: $path}) WHERE d.id <> $id RETURN d.id } AS previous`,
    { id: document.id, path: document.path },
  );
  const write = tx.run(WRITE_DOCUMENT, parameters);
  const [found] = (await Promise.all([lookup, write]))[0].records;
  if (found.get('stored') === true) return { outcome: 'unchanged', documentId: document.id, replacedDocumentIds: [] };

  // Earlier versions of the same file held the write back: their contributions go, then the write, all in
  // this transaction.
  const replaced = (found.get('previous') as unknown[]).map(String);
  if (replaced.length > 0) {
    for (const old of replaced) await removeDocument(tx, old);
    await tx.run(WRITE_DOCUMENT, parameters);
  }
  return { outcome: replaced.length ? 'replaced' : 'created', documentId: document.id, replacedDocumentIds: replaced };
}

/** The parameters of WRITE_DOCUMENT; labels and relationship types are dynamic, so they are checked here. */
function writeParameters({ document, entities, relations }: ExtractedDocument): Record<string, unknown> {
  const doc = {
    id: document.id,
    contentHash: document.contentHash,
    title: document.title,
    source: document.source ?? null,
    url: document.url ?? null,
    published: document.published ?? null,
    path: document.path,
    fileName: document.fileName,
    format: document.format,
    wordCount: neo4j.int(document.wordCount),
    text: document.text,
    keptRanges: document.keptRanges.flat().map((n) => neo4j.int(n)),
    pageStarts: document.pageStarts ? document.pageStarts.map((n) => neo4j.int(n)) : null,
    importedAt: document.importedAt ?? new Date().toISOString(),
  };
  const entityRows = entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: label(e.type),
    aliases: e.aliases,
    attributes: scalarAttributes(e.attributes),
  }));
  const mentions = [];
  for (const e of entities) {
    const own = e.mentions.filter((m) => m.document === document.id);
    if (own.length === 0) continue;
    mentions.push({
      entity: e.id,
      starts: own.map((x) => neo4j.int(x.start)),
      ends: own.map((x) => neo4j.int(x.end)),
      texts: own.map((x) => x.text),
    });
  }
  const facts = relations.map((r) => {
    const own = r.evidence.filter((e) => e.document === document.id);
    const [source, target] = orientRelation(r.type, r.source, r.target);
    return {
      id: r.id,
      type: relationshipType(r.type),
      source,
      target,
      attributes: scalarAttributes(r.attributes),
      evidence: own.map((e) => JSON.stringify({ document: e.document, text: e.text, start: e.start, end: e.end })),
      docs: own.map((e) => e.document),
      texts: own.map((e) => e.text),
      starts: own.map((e) => neo4j.int(e.start)),
      ends: own.map((e) => neo4j.int(e.end)),
      confidences: own.map(() => r.confidence),
    };
  });
  return { doc, entities: entityRows, mentions, facts };
}

/**
 * Removes one document's contributions: its evidence entries on facts (facts left without evidence are
 * deleted), its mentions, the document node, and entities left with neither mentions nor facts.
 */
export async function removeDocument(tx: ManagedTransaction, documentId: string): Promise<void> {
  const touched = await tx.run(
    `MATCH (s:Entity)-[r]->(t:Entity)
     WHERE r.evidenceDocs IS NOT NULL AND $doc IN r.evidenceDocs
     WITH r, s, t, [i IN range(0, size(r.evidenceDocs) - 1) WHERE r.evidenceDocs[i] <> $doc] AS keep
     SET r.evidence = [i IN keep | r.evidence[i]],
         r.evidenceTexts = [i IN keep | r.evidenceTexts[i]],
         r.evidenceStarts = [i IN keep | r.evidenceStarts[i]],
         r.evidenceEnds = [i IN keep | r.evidenceEnds[i]],
         r.evidenceConfidences = [i IN keep | r.evidenceConfidences[i]],
         r.evidenceDocs = [i IN keep | r.evidenceDocs[i]]
     SET r.confidence = reduce(m = 0.0, c IN r.evidenceConfidences | CASE WHEN c > m THEN c ELSE m END)
     WITH r, s, t, size(keep) AS left
     CALL (r, left) { WITH r, left WHERE left = 0 DELETE r }
     RETURN collect(DISTINCT s.id) + collect(DISTINCT t.id) AS ids`,
    { doc: documentId },
  );
  const mentioned = await tx.run(
    `MATCH (d:Document {id: $doc})
     OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d)
     WITH d, collect(e.id) AS ids
     DETACH DELETE d
     RETURN ids`,
    { doc: documentId },
  );
  const ids = new Set<string>();
  for (const rec of [...touched.records, ...mentioned.records])
    for (const id of rec.get('ids') as string[]) if (id) ids.add(id);
  if (ids.size) {
    await tx.run(
      `MATCH (e:Entity) WHERE e.id IN $ids AND NOT (e)--()
       DELETE e`,
      { ids: [...ids] },
    );
  }
}

function label(type: EntityType): string {
  if (!(ENTITY_TYPES as readonly string[]).includes(type))
    throw new Error(`storeDocument: unknown entity type "${type}"`);
  return type;
}

function relationshipType(type: RelationType): string {
  if (!(RELATION_TYPES as readonly string[]).includes(type))
    throw new Error(`storeDocument: unknown relation type "${type}"`);
  return type;
}

/** Neo4j properties are scalars or lists of scalars; anything else is dropped. Reserved keys are kept apart. */
function scalarAttributes(attributes: Record<string, unknown>): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string | number | boolean | string[]> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (['id', 'name', 'type', 'aliases', 'evidence', 'confidence'].includes(key) || key.startsWith('evidence'))
      continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
  }
  return out;
}
