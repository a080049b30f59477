/**
 * The Neo4j schema, applied idempotently at start-up and before tests: uniqueness constraints on ids,
 * lookup indexes, and the full-text index that search uses over names and aliases.
 */
import type { Neo4jConnection } from './connection';
import { CURATION_SCHEMA_STATEMENTS } from './curation-schema';
import { inSession } from './transaction';

export const FULLTEXT_INDEX = 'entity_names';

export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX document_path IF NOT EXISTS FOR (n:Document) ON (n.path)',
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]`,
  ...CURATION_SCHEMA_STATEMENTS,
];

export async function applySchema(connection: Neo4jConnection): Promise<void> {
  // Schema commands cannot share a transaction with anything else: each is an auto-commit statement.
  await inSession(connection, 'write', async (session) => {
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(60)');
  });
}
