/**
 * TEMPORARY until the importer's programmatic API lands: seeds the small treaty fixture through the
 * Cypher export script. Will import data/corpus/*.txt with the real importer.
 */
import { MultiDirectedGraph } from 'graphology';
import { writeCypherScript } from '../../graph/export/cypher-script';
import { splitStatements } from '../../graph/neo4j/cypher-guard';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import fixture from '../fixtures/server/treaty-subgraph.json';
import { emptyDatabase } from './neo4j';

export async function seedCorpus(connection: Neo4jConnection): Promise<void> {
  await emptyDatabase(connection);
  const graph = new MultiDirectedGraph();
  graph.import(fixture as never);
  const session = connection.writeSession();
  try {
    for (const statement of splitStatements(writeCypherScript(graph))) await session.run(statement);
  } finally {
    await session.close();
  }
}
