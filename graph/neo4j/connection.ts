/**
 * The one place that opens a neo4j-driver Driver. One driver per process, closed on shutdown. Sessions are
 * opened by transaction.ts alone; connection failures become DatabaseUnavailableError with a message that
 * names the fix.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { disableNagleForClientSockets } from './tcp-no-delay';
import { unavailableError } from './transaction';

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string; // undefined = the server's default database
}

export interface Neo4jConnection {
  driver: Driver;
  settings: Neo4jSettings;
  close(): Promise<void>;
}

export function connectNeo4j(settings: Neo4jSettings): Neo4jConnection {
  disableNagleForClientSockets();
  const auth = settings.user ? neo4j.auth.basic(settings.user, settings.password ?? '') : undefined;
  const driver = neo4j.driver(settings.uri, auth, {
    // Fail fast when the database is gone; the server answers 503 instead of hanging.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: false,
    userAgent: 'dossier/0.1',
  });
  return { driver, settings, close: () => driver.close() };
}

/** Checks that Neo4j answers; throws DatabaseUnavailableError naming the cause and the fix. */
export async function verifyConnection(connection: Neo4jConnection): Promise<void> {
  try {
    await connection.driver.verifyConnectivity({ database: connection.settings.database });
  } catch (error) {
    throw unavailableError(error, connection.settings.uri);
  }
}
