/**
 * Integration tests talk to the real Neo4j started by global setup. Test files run one at a time
 * (maxWorkers 1), so a file may empty the database in its beforeAll.
 */
import { connectNeo4j, type Neo4jConnection, type Neo4jSettings } from '../../graph/neo4j/connection';
import { inSession } from '../../graph/neo4j/transaction';

export function testNeo4jSettings(): Neo4jSettings {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: integration tests must run under jest with the global setup.');
  return {
    uri,
    user: process.env.TEST_NEO4J_USER,
    password: process.env.TEST_NEO4J_PASSWORD,
    database: process.env.TEST_NEO4J_DATABASE,
  };
}

export function connectTestNeo4j(): Neo4jConnection {
  return connectNeo4j(testNeo4jSettings());
}

/** Deletes every node and relationship (the schema stays). */
export async function emptyDatabase(connection: Neo4jConnection): Promise<void> {
  await inSession(connection, 'write', async (session) => {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  });
}

export async function countAll(connection: Neo4jConnection): Promise<{ nodes: number; relationships: number }> {
  return inSession(connection, 'read', async (session) => {
    const nodes = await session.run('MATCH (n) RETURN count(n) AS c');
    const rels = await session.run('MATCH ()-[r]->() RETURN count(r) AS c');
    return { nodes: nodes.records[0].get('c').toNumber(), relationships: rels.records[0].get('c').toNumber() };
  });
}

/** Runs a read query and returns its records as plain objects. */
export async function rows<T = Record<string, unknown>>(
  connection: Neo4jConnection,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  return inSession(connection, 'read', async (session) => {
    const result = await session.run(cypher, params);
    return result.records.map((r) => r.toObject() as T);
  });
}

/** Points the import CLI (which reads NEO4J_* like `npm run import`) at the test Neo4j; returns the undo. */
export function pointImporterAtTestNeo4j(): () => void {
  const names = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD'] as const;
  const saved = names.map((name) => process.env[name]);
  const settings = testNeo4jSettings();
  const values = [settings.uri, settings.user, settings.password];
  names.forEach((name, i) => setOrDelete(name, values[i]));
  return () => names.forEach((name, i) => setOrDelete(name, saved[i]));
}

function setOrDelete(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
