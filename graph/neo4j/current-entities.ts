/**
 * What workshop data needs from the fact graph: which entities exist, and which entity an id written
 * earlier stands for now. Notes and hypotheses keep the entity ids they were written on; after a merge
 * the survivor remembers the merged ids in `mergedIds`, so they follow it without being rewritten.
 */
import type { Neo4jConnection } from './connection';
import { inRead } from './transaction';

/** For each id, the id of the entity that has it or has merged it; ids of no entity are left out. */
export async function currentEntityIds(connection: Neo4jConnection, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return inRead(connection, async (tx) => {
    const result = await tx.run(
      `UNWIND $ids AS id
         OPTIONAL MATCH (e:Entity {id: id})
         CALL (id, e) {
           WITH id, e WHERE e IS NULL
           MATCH (m:Entity) WHERE id IN m.mergedIds
           RETURN m.id AS survivor LIMIT 1
           UNION
           WITH e WHERE e IS NOT NULL
           RETURN e.id AS survivor
         }
         RETURN id, survivor`,
      { ids: [...new Set(ids)] },
    );
    return new Map(result.records.map((r) => [r.get('id') as string, r.get('survivor') as string]));
  });
}

/** The id itself and every id merged into that entity. */
export async function idsStandingFor(connection: Neo4jConnection, entityId: string): Promise<string[]> {
  return inRead(connection, async (tx) => {
    const result = await tx.run('OPTIONAL MATCH (e:Entity {id: $id}) RETURN coalesce(e.mergedIds, []) AS merged', {
      id: entityId,
    });
    return [entityId, ...((result.records[0]?.get('merged') as string[] | undefined) ?? [])];
  });
}
