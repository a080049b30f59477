/**
 * One helper for the repository's reads: a READ session, a bounded transaction, parameterised Cypher,
 * and "Neo4j is not there" turned into DatabaseUnavailableError (503) so the server never crashes and
 * recovers by itself when the database comes back (the driver reconnects on the next session).
 */
import neo4j, { type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Neo4jConnection } from './connection';
import { isUnavailable, toUnavailableError } from './connection';

const REPOSITORY_TIMEOUT_MS = 30_000;

export async function readQuery<T>(
  connection: Neo4jConnection,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = connection.readSession();
  try {
    return await session.executeRead(work, { timeout: REPOSITORY_TIMEOUT_MS });
  } catch (error) {
    if (isUnavailable(error) || isConnectionFailure(error)) throw toUnavailableError(error, connection.settings.uri);
    throw error;
  } finally {
    await session.close().catch(() => undefined);
  }
}

export function run<R extends RecordShape = RecordShape>(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<R>> {
  return tx.run<R>(query, params);
}

/** Errors raised before a connection exists (refused socket, DNS) carry no Neo4j code. */
function isConnectionFailure(error: unknown): boolean {
  const message = (error as { message?: string }).message ?? '';
  return /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|Connection was closed|Failed to connect|Pool is closed/i.test(
    message,
  );
}

/** A JS integer as a Neo4j integer parameter (LIMIT and SKIP refuse floats). */
export function int(value: number) {
  return neo4j.int(value);
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (neo4j.isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  return Number(value ?? 0);
}
