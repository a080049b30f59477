/**
 * Databases written before workshop data left Neo4j still hold (:Workshop), (:Participant), (:SavedView)
 * and (:Annotation) nodes and (:Entity)-[:HYPOTHESIS]->(:Entity) relationships, readable by user Cypher.
 * At start-up they are copied into the workshop store (what is already there by id is kept) and then
 * deleted, so every workshop, code and token keeps working and nothing of it stays in the graph.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { WorkshopStore } from '../workshop-store/workshop-store';
import type { AnnotationTarget } from '../workshop/schemas';
import type { Neo4jConnection } from './connection';
import { inWrite } from './transaction';

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
function json<T>(value: unknown, fallback: T): T {
  try {
    return typeof value === 'string' ? (JSON.parse(value) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Answers how many nodes and relationships were moved (0 on every start after the first). */
export async function moveWorkshopDataOutOfNeo4j(connection: Neo4jConnection, store: WorkshopStore): Promise<number> {
  return inWrite(connection, async (tx) => {
    const nodes = await tx.run(
      'MATCH (n) WHERE n:Workshop OR n:Participant OR n:SavedView OR n:Annotation RETURN n, labels(n) AS labels',
    );
    const hypotheses = await tx.run('MATCH (a:Entity)-[h:HYPOTHESIS]->(b:Entity) RETURN h, a.id AS s, b.id AS t');
    const known = (kind: Parameters<WorkshopStore['get']>[0], id: string) => store.get(kind, id) !== undefined;
    for (const record of nodes.records) {
      const p = (record.get('n') as Node).properties;
      const labels = record.get('labels') as string[];
      const id = str(p.id);
      if (labels.includes('Workshop') && !known('workshops', id))
        store.put('workshops', {
          id,
          name: str(p.name),
          createdAt: str(p.createdAt),
          createdBy: str(p.createdBy),
          presentation: list(p.presentation),
          editorCodeHash: str(p.editorCodeHash),
          viewerCodeHash: str(p.viewerCodeHash),
        });
      else if (labels.includes('Participant') && !known('participants', id))
        store.put('participants', {
          id,
          workshopId: str(p.workshop),
          displayName: str(p.displayName),
          role: p.role === 'editor' ? 'editor' : 'viewer',
          joinedAt: str(p.joinedAt),
          tokenHash: str(p.tokenHash),
        });
      else if (labels.includes('SavedView') && !known('views', id))
        store.put('views', {
          id,
          workshopId: str(p.workshop),
          name: str(p.name),
          description: str(p.description),
          nodeIds: list(p.nodeIds),
          positions: json(p.positionsJson, {}),
          camera: json(p.cameraJson, null),
          filters: json(p.filtersJson, {}),
          styling: json(p.stylingJson, {}),
          notes: str(p.notes),
          author: str(p.author),
          authorId: str(p.authorId),
          createdAt: str(p.createdAt),
          updatedAt: str(p.updatedAt),
        });
      else if (labels.includes('Annotation') && !known('annotations', id))
        store.put('annotations', {
          id,
          workshopId: str(p.workshop),
          targetKind: str(p.targetKind) as AnnotationTarget,
          targetId: str(p.targetId),
          text: str(p.text),
          author: str(p.author),
          authorId: str(p.authorId),
          createdAt: str(p.createdAt),
        });
    }
    for (const record of hypotheses.records) {
      const p = (record.get('h') as Relationship).properties;
      if (!known('hypotheses', str(p.id)))
        store.put('hypotheses', {
          id: str(p.id),
          workshopId: str(p.workshop),
          sourceId: str(record.get('s')),
          targetId: str(record.get('t')),
          label: str(p.label),
          note: str(p.note),
          author: str(p.author),
          authorId: str(p.authorId),
          createdAt: str(p.createdAt),
        });
    }
    // Deleted only now, in the same transaction: a store that failed to write leaves the graph as it was.
    await tx.run('MATCH ()-[h:HYPOTHESIS]->() DELETE h');
    await tx.run('MATCH (n) WHERE n:Workshop OR n:Participant OR n:SavedView OR n:Annotation DETACH DELETE n');
    return nodes.records.length + hypotheses.records.length;
  });
}
