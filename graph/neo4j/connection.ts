/**
 * The one place that opens a neo4j-driver Driver. One driver per process, closed on shutdown.
 * Connection failures become DatabaseUnavailableError with a message that names the fix.
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';
import { disableNagleForClientSockets } from './tcp-no-delay';

export interface Neo4jSettings {
  uri: string;
  user?: string;
  password?: string;
  database?: string; // undefined = the server's default database
}

export interface Neo4jConnection {
  driver: Driver;
  settings: Neo4jSettings;
  /** `fetchSize`: records asked for per batch (what arrives before a consumer that stops early can say so). */
  readSession(options?: { fetchSize?: number }): Session;
  writeSession(): Session;
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
  const database = settings.database;
  return {
    driver,
    settings,
    readSession: (options) =>
      driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: options?.fetchSize }),
    writeSession: () => driver.session({ database, defaultAccessMode: neo4j.session.WRITE }),
    close: () => driver.close(),
  };
}

/** Checks that Neo4j answers; throws DatabaseUnavailableError naming the cause and the fix. */
export async function verifyConnection(connection: Neo4jConnection): Promise<void> {
  try {
    await connection.driver.verifyConnectivity({ database: connection.settings.database });
  } catch (error) {
    throw toUnavailableError(error, connection.settings.uri);
  }
}

export function toUnavailableError(error: unknown, uri: string): DatabaseUnavailableError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseUnavailableError(
      `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.`,
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new DatabaseUnavailableError(`Neo4j at ${uri} has no such database: check NEO4J_DATABASE.`, {
      cause: error,
    });
  }
  return new DatabaseUnavailableError(
    `Neo4j is unreachable at ${uri}: is it running? Check NEO4J_URI (or unset it to use the embedded Neo4j).`,
    {
      cause: error,
    },
  );
}

/** True for driver errors that mean "the database is not there right now". */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable')
  );
}
