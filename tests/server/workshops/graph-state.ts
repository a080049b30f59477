/** The whole curatable graph (every entity, every relationship with an id) in a comparable form. */
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { captureSnapshot, comparableSnapshot } from '../../../graph/neo4j/curation-snapshot';
import { inSession } from '../../../graph/neo4j/transaction';

export async function graphState(connection: Neo4jConnection): Promise<unknown> {
  return inSession(connection, 'read', async (session) => {
    return await session.executeRead(async (tx) => {
      const entities = await tx.run('MATCH (n:Entity) RETURN collect(n.id) AS ids');
      const relations = await tx.run('MATCH ()-[r]->() WHERE r.id IS NOT NULL RETURN collect(DISTINCT r.id) AS ids');
      return comparableSnapshot(
        await captureSnapshot(tx, {
          entityIds: entities.records[0].get('ids'),
          relationIds: relations.records[0].get('ids'),
        }),
      );
    });
  });
}
