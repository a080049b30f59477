/**
 * What each stored document changes in the graph, worked out while the batch is written (store-document.ts):
 * the entities and facts already stored are looked up once per batch, then each document is compared with
 * them in order and its own entities and facts join them, as if the documents were stored one by one. So
 * the second of two documents in one batch sees the entities the first created as already there.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { ImportChanges } from '../model/api-types';
import type { DocumentRows } from './storage/document-rows';

/** The entities (with every name they go by) and the facts stored before a document is written. */
export interface StoredBefore {
  entities: Map<string, Set<string>>;
  facts: Set<string>;
}

/** One look-up of what the batch's entities and facts find stored. */
export async function readStoredBefore(tx: ManagedTransaction, batch: readonly DocumentRows[]): Promise<StoredBefore> {
  const entityIds = [...new Set(batch.flatMap((rows) => rows.entities.map((e) => String(e.id))))];
  const facts = [...new Map(batch.flatMap((rows) => rows.facts.map((f) => [f.id, f] as const))).values()].map((f) => ({
    id: f.id,
    source: f.source,
    target: f.target,
  }));
  const [entityRows, factRows] = await Promise.all([
    tx.run(
      `UNWIND $ids AS id MATCH (e:Entity {id: id})
       RETURN e.id AS id, [e.name] + coalesce(e.aliases, []) AS names`,
      { ids: entityIds },
    ),
    tx.run(
      `UNWIND $facts AS f
       MATCH (:Entity {id: f.source})-[r]->(:Entity {id: f.target}) WHERE r.id = f.id
       RETURN collect(DISTINCT r.id) AS ids`,
      { facts },
    ),
  ]);
  return {
    entities: new Map(
      entityRows.records.map((r) => [String(r.get('id')), new Set((r.get('names') as unknown[]).map(String))]),
    ),
    facts: new Set(((factRows.records[0]?.get('ids') as unknown[] | undefined) ?? []).map(String)),
  };
}

function evidenceEntries(evidence: Record<string, unknown>): number {
  const docs = evidence.evidenceDocs;
  return Array.isArray(docs) ? docs.length : 0;
}

/**
 * What writing `rows` onto `before` changes. A fact whose ends are neither stored nor the document's own is
 * left out, as the write leaves it out (segment-rows.ts).
 */
export function changesOf(rows: DocumentRows, before: StoredBefore): ImportChanges {
  const changes: ImportChanges = { newEntities: [], newRelations: [], gainedEvidence: [], gainedAliases: [] };
  const own = new Map(rows.entities.map((e) => [String(e.id), e]));
  for (const [id, e] of own) {
    const names = before.entities.get(id);
    if (!names) {
      changes.newEntities.push({ id, name: String(e.name), type: String(e.type) });
      continue;
    }
    const aliases = [...new Set((e.aliases as string[]).filter((a) => !names.has(a)))];
    if (aliases.length) changes.gainedAliases.push({ id, name: String(e.name), type: String(e.type), aliases });
  }
  const seen = new Set<string>();
  for (const f of rows.facts) {
    if (seen.has(f.id)) continue;
    const reachable = (end: string) => own.has(end) || before.entities.has(end);
    if (!reachable(f.source) || !reachable(f.target)) continue;
    seen.add(f.id);
    const fact = { id: f.id, type: f.type, source: f.source, target: f.target };
    if (!before.facts.has(f.id)) changes.newRelations.push(fact);
    else {
      const added = evidenceEntries(f.evidence);
      if (added > 0) changes.gainedEvidence.push({ ...fact, added });
    }
  }
  return changes;
}

/** `before` once `rows` are written: the next document of the batch finds them stored. */
export function absorb(rows: DocumentRows, before: StoredBefore): void {
  for (const e of rows.entities) {
    const id = String(e.id);
    const names = before.entities.get(id) ?? new Set<string>([String(e.name)]);
    for (const alias of e.aliases as string[]) names.add(alias);
    before.entities.set(id, names);
  }
  for (const f of rows.facts)
    if (before.entities.has(f.source) && before.entities.has(f.target)) before.facts.add(f.id);
}
