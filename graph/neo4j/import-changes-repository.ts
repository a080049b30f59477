/**
 * What past imports changed, read back from their document-log entries (import-changes-codec.ts) and told
 * against the graph as it is now: every entity and fact with its current name and whether it is still
 * there (a later removal or a curation may have taken it), so that the explorer can show each one or say
 * why not. Several imports (one job's documents) are told as one: what one of them created and another
 * then added to is new, once.
 */
import type { ChangedEntity, ChangedRelation, ImportChanges, ImportChangesResponse } from '../model/api-types';
import { NotFoundError } from '../errors';
import type { Neo4jConnection } from './connection';
import { toDocumentLogEntry } from './document-log';
import { inRead } from './transaction';
import { decodeImportChanges } from './storage/import-changes-codec';

interface LoggedImport {
  entry: ReturnType<typeof toDocumentLogEntry>;
  changes: ImportChanges;
}

/** The changes of the latest import of a document. */
export async function readDocumentChanges(
  connection: Neo4jConnection,
  documentId: string,
): Promise<ImportChangesResponse> {
  const imports = await readLoggedImports(
    connection,
    `MATCH (l:DocumentLog {documentId: $id, action: 'imported'}) RETURN properties(l) AS l ORDER BY l.at DESC, l.id DESC LIMIT 1`,
    documentId,
  );
  if (!imports.length)
    throw new NotFoundError(`No import of a document with id "${documentId}" is in the document log`, {
      details: { id: documentId },
    });
  return describe(connection, imports);
}

/** The changes of every document an import job stored, together. */
export async function readJobChanges(connection: Neo4jConnection, jobId: string): Promise<ImportChangesResponse> {
  const imports = await readLoggedImports(
    connection,
    `MATCH (l:DocumentLog {jobId: $id, action: 'imported'}) RETURN properties(l) AS l ORDER BY l.at, l.id`,
    jobId,
  );
  return describe(connection, imports);
}

async function readLoggedImports(connection: Neo4jConnection, query: string, id: string): Promise<LoggedImport[]> {
  return inRead(connection, async (tx) => {
    const result = await tx.run(query, { id });
    return result.records.map((record) => {
      const props = record.get('l') as Record<string, unknown>;
      return { entry: toDocumentLogEntry(props), changes: decodeImportChanges(props) };
    });
  });
}

/** Several imports as one, in order: a thing new in one and added to by a later one is new. */
export function combineChanges(all: readonly ImportChanges[]): ImportChanges {
  const newEntities = new Map<string, ImportChanges['newEntities'][number]>();
  const newRelations = new Map<string, ImportChanges['newRelations'][number]>();
  const gainedEvidence = new Map<string, ImportChanges['gainedEvidence'][number]>();
  const gainedAliases = new Map<string, ImportChanges['gainedAliases'][number]>();
  for (const changes of all) {
    for (const e of changes.newEntities) newEntities.set(e.id, e);
    for (const r of changes.newRelations) newRelations.set(r.id, r);
    for (const r of changes.gainedEvidence) {
      if (newRelations.has(r.id)) continue;
      const seen = gainedEvidence.get(r.id);
      gainedEvidence.set(r.id, seen ? { ...seen, added: seen.added + r.added } : r);
    }
    for (const e of changes.gainedAliases) {
      if (newEntities.has(e.id)) continue;
      const seen = gainedAliases.get(e.id);
      gainedAliases.set(e.id, seen ? { ...seen, aliases: [...new Set([...seen.aliases, ...e.aliases])] } : e);
    }
  }
  return {
    newEntities: [...newEntities.values()],
    newRelations: [...newRelations.values()],
    gainedEvidence: [...gainedEvidence.values()],
    gainedAliases: [...gainedAliases.values()],
  };
}

async function describe(connection: Neo4jConnection, imports: LoggedImport[]): Promise<ImportChangesResponse> {
  const changes = combineChanges(imports.map((i) => i.changes));
  const relations = [...changes.newRelations, ...changes.gainedEvidence];
  const entityIds = [
    ...new Set([
      ...changes.newEntities.map((e) => e.id),
      ...changes.gainedAliases.map((e) => e.id),
      ...relations.flatMap((r) => [r.source, r.target]),
    ]),
  ];
  const now = await inRead(connection, async (tx) => {
    const entities = await tx.run(
      'UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.name AS name, e.type AS type',
      { ids: entityIds },
    );
    const facts = await tx.run(
      `UNWIND $facts AS f
       MATCH (:Entity {id: f.source})-[r]->(:Entity {id: f.target}) WHERE r.id = f.id
       RETURN collect(DISTINCT r.id) AS ids`,
      { facts: relations.map((r) => ({ id: r.id, source: r.source, target: r.target })) },
    );
    return {
      entities: new Map(
        entities.records.map((r) => [
          String(r.get('id')),
          { name: String(r.get('name')), type: String(r.get('type')) },
        ]),
      ),
      facts: new Set(((facts.records[0]?.get('ids') as unknown[] | undefined) ?? []).map(String)),
    };
  });
  // Names as the import knew them, for what is gone since.
  const namedAtImport = new Map<string, { name: string; type: string }>();
  for (const e of [...changes.newEntities, ...changes.gainedAliases]) namedAtImport.set(e.id, e);
  const entity = (id: string): ChangedEntity => {
    const current = now.entities.get(id);
    const known = current ?? namedAtImport.get(id);
    return { id, name: known?.name ?? id, type: known?.type ?? '', inGraph: current !== undefined };
  };
  const relation = (r: { id: string; type: string; source: string; target: string }): ChangedRelation => ({
    id: r.id,
    type: r.type,
    source: entity(r.source),
    target: entity(r.target),
    inGraph: now.facts.has(r.id),
  });
  return {
    imports: imports.map(({ entry }) => ({
      documentId: entry.documentId,
      title: entry.title,
      at: entry.at,
      by: entry.by,
      ...(entry.jobId ? { jobId: entry.jobId } : {}),
      replacedDocumentIds: entry.replacedDocumentIds ?? [],
    })),
    newEntities: changes.newEntities.map((e) => entity(e.id)),
    newRelations: changes.newRelations.map(relation),
    gainedEvidence: changes.gainedEvidence.map((r) => ({ ...relation(r), added: r.added })),
    gainedAliases: changes.gainedAliases.map((e) => ({ ...entity(e.id), aliases: e.aliases })),
  };
}
