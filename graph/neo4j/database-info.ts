import type { Neo4jConnection } from './connection';
import { inSession } from './transaction';

export interface DatabaseInfo {
  version: string;
  edition: string;
  database: string;
  nodes: number;
  relationships: number;
}

/** Version, edition, database name and counts: what /api/health reports. */
export async function readDatabaseInfo(connection: Neo4jConnection): Promise<DatabaseInfo> {
  return inSession(connection, 'read', async (session) => {
    const components = await session.run(
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
    );
    const counts = await session.run(
      'CALL db.info() YIELD name CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN name, nodes, relationships',
    );
    const row = counts.records[0];
    return {
      version: components.records[0]?.get('version') ?? 'unknown',
      edition: components.records[0]?.get('edition') ?? 'unknown',
      database: row.get('name'),
      nodes: row.get('nodes').toNumber(),
      relationships: row.get('relationships').toNumber(),
    };
  });
}
