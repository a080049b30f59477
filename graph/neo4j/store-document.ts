/**
 * Stores extracted documents: many per write transaction, each one whole or not at all.
 *
 * Neo4j spends most of a small write on the transaction itself (the commit flushes the log and the
 * full-text index refreshes its searcher; measured about 20–35 ms each on a 2-core machine), so documents
 * go in batches (`batchSize`, default 500), a few statements per batch. Each statement costs Neo4j tens of
 * milliseconds whatever its rows on a busy 2-core machine (PROFILE of one batch at 3,000 documents: 40–150 ms
 * for each of its 22 statements), so fewer, larger batches win: 3,000 documents took 43–57 s in batches of
 * 100, 25 s in batches of 250 and 21 s in batches of 500 (about 30,000 relationships per transaction).
 * When a batch fails, for any reason, the transaction memory limit included, each of its documents is
 * written again in a transaction of its own: the good ones are stored and the bad one is reported by name
 * (DocumentNotStoredError) — "the whole document or nothing" holds per document either way.
 * A database that stops answering ends the run (DatabaseUnavailableError) instead of retrying each document.
 *
 * Re-importing identical content (same document id) changes nothing; a new version of a file (same path,
 * new content hash) replaces what the previous version contributed, in the same transaction. Uploads have
 * paths of their own, so for them (`replaceSameTitle`) a document with the title, source and published date
 * of a stored one is its new version too. With `audit`, what each document changes (import-changes.ts) is
 * kept with its document-log entry. Within a batch
 * the documents are written in order, as if stored one after the other: what the graph looks like never
 * depends on the batch size. How the graph is laid out in Neo4j: storage/layout.ts and its codecs.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { DatabaseUnavailableError, DocumentNotStoredError, DossierError, NotFoundError } from '../errors';
import type { Actor, ImportChanges } from '../model/api-types';
import type { ExtractedDocument } from '../model/types';
import { newId } from '../workshop/secrets';
import { recordDocumentLog } from './document-log';
import { absorb, changesOf, readStoredBefore, type StoredBefore } from './import-changes';
import type { Neo4jConnection } from './connection';
import { inWrite } from './transaction';
import { ENTITY_TYPES, RELATION_TYPES } from '../model/types';
import { documentRows, type DocumentRows } from './storage/document-rows';
import { endsToLookUp, segmentRows } from './storage/segment-rows';
import { uniteAliasesCypher } from './storage/entity-codec';
import {
  appendEvidenceCypher,
  setEvidenceCypher,
  entriesNotFromCypher,
  hasEvidenceFromCypher,
  keepEvidenceCypher,
  maxConfidenceCypher,
} from './storage/evidence-codec';

export type StoreOutcome = 'created' | 'replaced' | 'unchanged';

export interface StoreResult {
  outcome: StoreOutcome;
  documentId: string;
  replacedDocumentIds: string[];
  /** What storing it changed (with `audit` only; not for an unchanged document). */
  changes?: ImportChanges;
}

export interface StoreOptions {
  /** Documents per write transaction. */
  batchSize?: number;
  /** Called once per document stored (or found unchanged), in order. */
  onStored?: (result: StoreResult, document: ExtractedDocument) => void;
  /** Called once per document that could not be stored; the others still are. */
  onFailed?: (error: DocumentNotStoredError, document: ExtractedDocument) => void;
  /** Asked between batches: true stops before the next one (the documents left are in `notAttempted`). */
  stopped?: () => boolean;
  /** Who adds the documents: each one stored gets its document-log entry in the transaction that stores it. */
  audit?: Audit;
  /** A document with the title, source and published date of a stored one replaces it (see above). */
  replaceSameTitle?: boolean;
}

export interface Audit {
  by: Actor;
  jobId?: string;
}

export interface StoreReport {
  stored: StoreResult[];
  failed: DocumentNotStoredError[];
  notAttempted: ExtractedDocument[];
}

export const DEFAULT_BATCH_SIZE = 500;
const WRITE_TIMEOUT_MS = 120_000;

/** One document in its own transaction; throws DocumentNotStoredError (or DatabaseUnavailableError). */
export async function storeDocument(
  connection: Neo4jConnection,
  extracted: ExtractedDocument,
  options: { audit?: Audit } = {},
): Promise<StoreResult> {
  const report = await storeDocuments(connection, [extracted], { batchSize: 1, audit: options.audit });
  if (report.failed.length > 0) throw report.failed[0];
  return report.stored[0];
}

export async function storeDocuments(
  connection: Neo4jConnection,
  documents: readonly ExtractedDocument[],
  options: StoreOptions = {},
): Promise<StoreReport> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const report: StoreReport = { stored: [], failed: [], notAttempted: [] };
  const stored = (result: StoreResult, document: ExtractedDocument) => {
    report.stored.push(result);
    options.onStored?.(result, document);
  };
  const failed = (error: unknown, document: ExtractedDocument) => {
    const named = notStored(document, error);
    report.failed.push(named);
    options.onFailed?.(named, document);
  };
  for (let at = 0; at < documents.length; at += batchSize) {
    if (options.stopped?.()) {
      report.notAttempted.push(...documents.slice(at));
      break;
    }
    // Rows are built (and their labels checked) before anything is sent: a malformed document fails alone.
    const batch: Array<{ document: ExtractedDocument; rows: DocumentRows }> = [];
    for (const document of documents.slice(at, at + batchSize)) {
      try {
        batch.push({ document, rows: documentRows(document) });
      } catch (error) {
        failed(error, document);
      }
    }
    if (batch.length === 0) continue;
    try {
      const results = await inWrite(
        connection,
        (tx) =>
          writeLogged(
            tx,
            batch.map((b) => b.rows),
            batch.map((b) => b.document),
            options,
          ),
        { timeoutMs: WRITE_TIMEOUT_MS },
      );
      results.forEach((result, i) => stored(result, batch[i].document));
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      if (batch.length === 1) {
        failed(error, batch[0].document);
        continue;
      }
      // One bad document fails its whole batch: each is tried alone, so the bad one is named.
      for (const { document, rows } of batch) {
        try {
          const [result] = await inWrite(connection, (tx) => writeLogged(tx, [rows], [document], options), {
            timeoutMs: WRITE_TIMEOUT_MS,
          });
          stored(result, document);
        } catch (single) {
          if (single instanceof DatabaseUnavailableError) throw single;
          failed(single, document);
        }
      }
    }
  }
  return report;
}

function notStored(document: ExtractedDocument, error: unknown): DocumentNotStoredError {
  const { id, path } = document.document;
  const cause = error instanceof DossierError || error instanceof Error ? error.message : String(error);
  return new DocumentNotStoredError(`${path}: not stored (${cause})`, {
    cause: error,
    details: { documentId: id, path, code: (error as { code?: string }).code },
  });
}

/** Writes a batch and, with `audit`, the document-log entry of each document it adds, in the same transaction. */
async function writeLogged(
  tx: ManagedTransaction,
  rows: DocumentRows[],
  documents: ExtractedDocument[],
  options: Pick<StoreOptions, 'audit' | 'replaceSameTitle'>,
): Promise<StoreResult[]> {
  const { audit } = options;
  const results = await writeBatch(tx, rows, {
    changes: audit !== undefined,
    replaceSameTitle: options.replaceSameTitle,
  });
  if (!audit) return results;
  for (const [i, result] of results.entries()) {
    if (result.outcome === 'unchanged') continue;
    await recordDocumentLog(
      tx,
      {
        id: newId('doclog'),
        action: 'imported',
        documentId: result.documentId,
        title: documents[i].document.title,
        fileName: documents[i].document.fileName,
        at: new Date().toISOString(),
        by: audit.by,
        jobId: audit.jobId,
        replacedDocumentIds: result.replacedDocumentIds,
      },
      result.changes,
    );
  }
  return results;
}

/**
 * Removes a document and everything only it contributed, in one transaction; with `audit`, the removal is
 * in the document log in that transaction, and an unknown id is a NotFoundError.
 */
export async function removeStoredDocument(
  connection: Neo4jConnection,
  documentId: string,
  options: { audit?: Audit } = {},
): Promise<void> {
  await inWrite(
    connection,
    async (tx) => {
      const found = await tx.run('MATCH (d:Document {id: $id}) RETURN d.title AS title, d.fileName AS fileName', {
        id: documentId,
      });
      const stored = found.records[0];
      if (!stored && options.audit)
        throw new NotFoundError(`No document with id "${documentId}"`, { details: { id: documentId } });
      await removeDocument(tx, documentId);
      if (stored && options.audit)
        await recordDocumentLog(tx, {
          id: newId('doclog'),
          action: 'removed',
          documentId,
          title: String(stored.get('title') ?? ''),
          fileName: String(stored.get('fileName') ?? ''),
          at: new Date().toISOString(),
          by: options.audit.by,
        });
    },
    { timeoutMs: WRITE_TIMEOUT_MS },
  );
}

/**
 * A run of documents (segment-rows.ts) is written by a few statements sent together, in order, in one round
 * trip: document nodes, then entities, mentions and facts, each an `UNWIND` over its rows, every `MERGE` on
 * a uniqueness constraint. Labels and relationship types come from the model's fixed lists, one statement
 * each, so every MERGE names its type: with a dynamic type (`$(r.type)`) the planner has no type to narrow
 * its search for an existing relationship, and a batch of 50 documents was slower than 50 transactions of
 * one (300 documents: 24.8 s against 16.4 s). One statement holding all 22 parts took about 40 s the first
 * time (planning; 5 s once cached); 22 small statements are planned quickly and cached the same way.
 */
// The documents of a run are new (the look-up said so, and a duplicate in the batch is "unchanged"), and so is
// each of their links to an entity: CREATE spares Neo4j looking for what cannot be there yet; the uniqueness
// constraint still refuses a document stored in between by another import (the batch is then retried).
const WRITE_DOCUMENTS = `UNWIND $rows AS props
CREATE (d:Document)
SET d = props`;

const WRITE_ENTITIES: Record<string, string> = Object.fromEntries(
  ENTITY_TYPES.map((label) => [
    label,
    `UNWIND $rows AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n:${label}, n.name = e.name, n.type = e.type, n.aliases = [], n += e.attributes
ON MATCH SET n:${label}, n += e.attributes
SET ${uniteAliasesCypher('n', 'e')}`,
  ]),
);

const WRITE_MENTIONS = `UNWIND $rows AS m
MATCH (n:Entity {id: m.entity})
MATCH (d:Document {id: m.document})
CREATE (n)-[:MENTIONED_IN {starts: m.starts, ends: m.ends, texts: m.texts}]->(d)`;

// A new fact takes its lists as they come (one write per property); a known one appends to them.
const WRITE_FACTS: Record<string, string> = Object.fromEntries(
  RELATION_TYPES.map((type) => [
    type,
    `UNWIND $rows AS r
MATCH (s:Entity {id: r.source})
MATCH (t:Entity {id: r.target})
MERGE (s)-[x:${type} {id: r.id}]->(t)
ON CREATE SET x += r.attributes, ${setEvidenceCypher('x', 'r.evidence')}
ON MATCH SET x += r.attributes, ${appendEvidenceCypher('x', 'r.evidence')}
SET ${maxConfidenceCypher('x')}`,
  ]),
);

/** Writes one run of documents; fact ends that no document of the run holds are looked up first. */
async function writeRun(tx: ManagedTransaction, run: DocumentRows[]): Promise<void> {
  if (run.length === 0) return;
  const ends = endsToLookUp(run);
  const stored = new Set<string>();
  if (ends.length > 0) {
    const found = await tx.run('UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN collect(id) AS ids', { ids: ends });
    for (const id of found.records[0].get('ids') as string[]) stored.add(id);
  }
  const rows = segmentRows(run, stored);
  const statements: Array<[string, unknown[]]> = [
    [WRITE_DOCUMENTS, rows.documents],
    ...ENTITY_TYPES.map((label): [string, unknown[]] => [WRITE_ENTITIES[label], rows.entities[label]]),
    [WRITE_MENTIONS, rows.mentions],
    ...RELATION_TYPES.map((type): [string, unknown[]] => [WRITE_FACTS[type], rows.facts[type]]),
  ];
  // Sent without waiting for each answer: Neo4j runs them in order, and one round trip carries them all.
  await Promise.all(
    statements.filter(([, list]) => list.length > 0).map(([query, list]) => tx.run(query, { rows: list })),
  );
}

/**
 * What is stored already: documents with these ids, and other documents at these paths (earlier versions);
 * with `$byTitle`, also other documents with the same title, source and published date.
 */
const LOOK_UP = `UNWIND $documents AS doc
RETURN doc.id AS id,
       EXISTS { MATCH (:Document {id: doc.id}) } AS stored,
       COLLECT { MATCH (d:Document {path: doc.path}) WHERE d.id <> doc.id RETURN d.id } AS previous,
       CASE WHEN $byTitle THEN COLLECT {
         MATCH (d:Document {title: doc.title})
         WHERE d.id <> doc.id AND coalesce(d.source, '') = doc.source AND coalesce(d.published, '') = doc.published
         RETURN d.id
       } ELSE [] END AS sameTitle`;

/** Within a batch, which earlier document a later one is a version of: its path, or its title, source and date. */
function versionKeys(rows: DocumentRows, byTitle: boolean): string[] {
  const keys = [`path:${rows.path}`];
  const d = rows.document;
  if (byTitle && d.title) keys.push(`title:${JSON.stringify([d.title, d.source ?? '', d.published ?? ''])}`);
  return keys;
}

/**
 * Decides each document's outcome as if they were stored one by one (a document whose id is stored, or
 * came earlier in the batch, is unchanged; one whose path holds another document replaces it), then
 * writes runs of documents with one statement each, removing earlier versions between runs.
 */
async function writeBatch(
  tx: ManagedTransaction,
  batch: DocumentRows[],
  options: { changes: boolean; replaceSameTitle?: boolean },
): Promise<StoreResult[]> {
  const byTitle = options.replaceSameTitle === true;
  const lookup = await tx.run(LOOK_UP, {
    byTitle,
    documents: batch.map((rows) => ({
      id: rows.documentId,
      path: rows.path,
      title: rows.document.title ?? '',
      source: rows.document.source ?? '',
      published: rows.document.published ?? '',
    })),
  });
  const storedIds = new Set<string>();
  const idsOfVersion = new Map<string, Set<string>>();
  lookup.records.forEach((record, i) => {
    if (record.get('stored') === true) storedIds.add(batch[i].documentId);
    const [pathKey, titleKey] = versionKeys(batch[i], byTitle);
    const previous = (record.get('previous') as unknown[]).map(String);
    if (previous.length) idsOfVersion.set(pathKey, new Set(previous));
    const sameTitle = (record.get('sameTitle') as unknown[]).map(String);
    if (titleKey && sameTitle.length) idsOfVersion.set(titleKey, new Set(sameTitle));
  });
  // What each document changes is worked out against what is stored before it (import-changes.ts).
  let before: StoredBefore | null = options.changes ? await readStoredBefore(tx, batch) : null;
  const results: StoreResult[] = [];
  const removed = new Set<string>();
  let run: DocumentRows[] = [];
  const flush = async () => {
    await writeRun(tx, run);
    run = [];
  };
  for (const [i, rows] of batch.entries()) {
    const { documentId } = rows;
    if (storedIds.has(documentId)) {
      results.push({ outcome: 'unchanged', documentId, replacedDocumentIds: [] });
      continue;
    }
    const keys = versionKeys(rows, byTitle);
    const replaced = [...new Set(keys.flatMap((key) => [...(idsOfVersion.get(key) ?? [])]))].filter(
      (id) => id !== documentId && !removed.has(id),
    );
    // A new version's changes are against the graph with its old version still in: what the edit brought.
    const changes = before ? changesOf(rows, before) : undefined;
    if (replaced.length > 0) {
      await flush();
      for (const old of replaced) {
        await removeDocument(tx, old);
        storedIds.delete(old);
        removed.add(old);
      }
      // The removal may have taken entities and facts that later documents of the batch would have found.
      if (before) before = await readStoredBefore(tx, batch.slice(i));
    }
    if (before) absorb(rows, before);
    run.push(rows);
    storedIds.add(documentId);
    for (const key of keys) idsOfVersion.set(key, new Set([documentId]));
    results.push({
      outcome: replaced.length ? 'replaced' : 'created',
      documentId,
      replacedDocumentIds: replaced,
      ...(changes ? { changes } : {}),
    });
  }
  await flush();
  return results;
}

/**
 * Removes one document's contributions: its evidence entries on facts (facts left without evidence are
 * deleted), its mentions, the document node, and entities left with neither mentions nor facts.
 */
export async function removeDocument(tx: ManagedTransaction, documentId: string): Promise<void> {
  // Every relationship is found before any is changed: deleting one while Neo4j still walks the chain of
  // relationships it sits in skipped its neighbour (a fact written earlier in the same transaction kept
  // the removed document's evidence).
  const touched = await tx.run(
    `MATCH (s:Entity)-[r]->(t:Entity)
     WHERE ${hasEvidenceFromCypher('r', '$doc')}
     WITH collect({r: r, s: s.id, t: t.id}) AS found
     UNWIND found AS f
     WITH f.r AS r, f.s AS s, f.t AS t
     WITH r, s, t, ${entriesNotFromCypher('r', '$doc')} AS keep
     SET ${keepEvidenceCypher('r', 'keep')}
     SET ${maxConfidenceCypher('r')}
     WITH r, s, t, size(keep) AS left
     CALL (r, left) { WITH r, left WHERE left = 0 DELETE r }
     RETURN collect(DISTINCT s) + collect(DISTINCT t) AS ids`,
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
