/**
 * Transactions for the workshop and curation repositories: a session in the asked mode, a bounded
 * transaction, and "Neo4j is not there" turned into DatabaseUnavailableError (503).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConnection } from './connection';
import { isUnavailable, toUnavailableError } from './connection';

const TIMEOUT_MS = 30_000;

export async function writeQuery<T>(
  connection: Neo4jConnection,
  work: (tx: ManagedTransaction) => Promise<T>,
  mode: 'write' | 'read' = 'write',
): Promise<T> {
  const session = mode === 'write' ? connection.writeSession() : connection.readSession();
  try {
    return mode === 'write'
      ? await session.executeWrite(work, { timeout: TIMEOUT_MS })
      : await session.executeRead(work, { timeout: TIMEOUT_MS });
  } catch (error) {
    if (isUnavailable(error) || /ECONNREFUSED|Pool is closed|Failed to connect/i.test((error as Error).message ?? '')) {
      throw toUnavailableError(error, connection.settings.uri);
    }
    throw error;
  } finally {
    await session.close().catch(() => undefined);
  }
}
