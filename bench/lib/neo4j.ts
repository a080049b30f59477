/**
 * A throwaway embedded Neo4j for a suite: temporary data directory, any free port, schema applied.
 * `stop()` closes the driver, stops the JVM and deletes the data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectNeo4j, type Neo4jConnection } from '../../graph/neo4j/connection';
import { startEmbeddedNeo4j, type Neo4jCredentials } from '../../graph/neo4j/embedded-neo4j';
import { applySchema } from '../../graph/neo4j/schema';

export interface BenchNeo4j {
  uri: string;
  /** What Bolt asks for (the embedded Neo4j always does). */
  credentials: Neo4jCredentials;
  connection: Neo4jConnection;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(log: (line: string) => void, heap = '2g'): Promise<BenchNeo4j> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-neo4j-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heap, log: (line) => log(`neo4j: ${line}`) });
  const connection = connectNeo4j({ uri: neo4j.uri, ...neo4j.credentials });
  try {
    await applySchema(connection);
  } catch (error) {
    await connection.close();
    await neo4j.stop();
    throw error;
  }
  return {
    uri: neo4j.uri,
    credentials: neo4j.credentials,
    connection,
    dataDir,
    stop: async () => {
      await connection.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
