/**
 * The one way into Neo4j: every session the code base opens is opened here, and every driver error is
 * classified here, by its code, so the same failure is the same named error whatever asked (a read, a write,
 * a curation, user Cypher, the importer). `inRead` / `inWrite` run a managed transaction (the driver retries
 * what it calls retriable for `maxTransactionRetryTime`); `inSession` hands out the session itself for what a
 * managed transaction cannot do: auto-commit statements (schema, `CALL … IN TRANSACTIONS`, `SHOW` and
 * `TERMINATE TRANSACTIONS`) and a streaming read that may stop early.
 *
 * Whatever the work throws, "Neo4j is not there" becomes DatabaseUnavailableError (503) and a transient
 * failure left after the driver's retries becomes DatabaseBusyError (503): the server never crashes on either
 * and recovers by itself once Neo4j answers (the driver reconnects on the next session). Everything else is
 * left as it was for the caller to name (user Cypher turns client errors into 400 and 403, say); a driver
 * error nobody named is a bug and answers 500.
 */
import neo4j, { type ManagedTransaction, type Session } from 'neo4j-driver';
import { DatabaseBusyError, DatabaseUnavailableError } from '../errors';
import type { Neo4jConnection } from './connection';

/**
 * What a driver error means for its caller:
 * - `unavailable`: Neo4j is not there for us (refused or lost connection, expired session, a closed driver,
 *   wrong credentials or database name, a database that is starting or stopping);
 * - `terminated`: the transaction was ended by its timeout or by `TERMINATE TRANSACTION`;
 * - `memory`: the transaction needed more memory than Neo4j lets it use;
 * - `transient`: any other failure Neo4j says may pass if tried again (a deadlock, a lock wait);
 * - `forbidden`: refused by the access mode or security (a write in a READ transaction);
 * - `client`: the statement itself is wrong (syntax, types, a constraint);
 * - `database`: Neo4j failed on its side;
 * - `other`: not a driver error, or one without a code.
 */
export type DriverFailure =
  'unavailable' | 'terminated' | 'memory' | 'transient' | 'forbidden' | 'client' | 'database' | 'other';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Classifies by `code` (Neo4j's status code, or the driver's own for connection failures). */
export function classifyDriverError(error: unknown): DriverFailure {
  const code = codeOf(error);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return 'unavailable';
  }
  // The one connection failure the driver raises without a code ('N/A'): a session of a driver already closed.
  if (error instanceof neo4j.Neo4jError && /^Pool is closed/.test(error.message)) return 'unavailable';
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionTerminated/.test(code)) return 'terminated';
  if (/OutOfMemory|MemoryLimit/i.test(code)) return 'memory';
  if (code.startsWith('Neo.TransientError.')) return 'transient';
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return 'forbidden';
  }
  if (code.startsWith('Neo.ClientError.')) return 'client';
  if (code.startsWith('Neo.DatabaseError.')) return 'database';
  return 'other';
}

/** The Neo4j status code of a driver error, '' for anything else. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** The named error for a failure every caller answers alike (unavailable, transient), else the error itself. */
export function namedDatabaseError(error: unknown, uri: string): unknown {
  switch (classifyDriverError(error)) {
    case 'unavailable':
      return unavailableError(error, uri);
    case 'transient':
      return new DatabaseBusyError(
        `Neo4j could not finish the transaction after retrying (${codeOf(error)}): try again in a moment.`,
        { cause: error, details: { neo4jCode: codeOf(error) } },
      );
    default:
      return error;
  }
}

/** DatabaseUnavailableError whose message names the likely fix for this failure. */
export function unavailableError(error: unknown, uri: string): DatabaseUnavailableError {
  const code = codeOf(error);
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
    { cause: error },
  );
}

export type AccessMode = 'read' | 'write';

export interface TransactionOptions {
  /** Server-side transaction timeout. */
  timeoutMs?: number;
  /** Transaction metadata, seen in `SHOW TRANSACTIONS`. */
  metadata?: Record<string, string>;
}

/** Bounds every repository transaction; user Cypher has its own, shorter deadline. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Runs `work` in a managed READ transaction. */
export function inRead<T>(
  connection: Neo4jConnection,
  work: (tx: ManagedTransaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return inSession(connection, 'read', (session) => session.executeRead(work, transactionConfig(options)));
}

/** Runs `work` in a managed WRITE transaction: committed when it resolves, rolled back when it throws. */
export function inWrite<T>(
  connection: Neo4jConnection,
  work: (tx: ManagedTransaction) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  return inSession(connection, 'write', (session) => session.executeWrite(work, transactionConfig(options)));
}

export interface SessionOptions {
  /** Records asked for per batch: what arrives before a consumer that stops early can say so. */
  fetchSize?: number;
  /**
   * True for a failure after which closing the session must not be waited for: it waits for Neo4j to give up
   * a terminated query, which a query stuck inside one expression may never do (query-deadline.ts).
   */
  abandonOn?: (error: unknown) => boolean;
}

/** Runs `work` with a session of its own, closed afterwards, its driver errors named as described above. */
export async function inSession<T>(
  connection: Neo4jConnection,
  mode: AccessMode,
  work: (session: Session) => Promise<T>,
  options: SessionOptions = {},
): Promise<T> {
  const session = connection.driver.session({
    database: connection.settings.database,
    defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    fetchSize: options.fetchSize,
  });
  let abandon = false;
  try {
    return await work(session);
  } catch (error) {
    abandon = options.abandonOn?.(error) ?? false;
    throw namedDatabaseError(error, connection.settings.uri);
  } finally {
    // A close that fails has nothing left to release: the work's own answer or error is what counts.
    const closing = session.close().catch(() => undefined);
    if (!abandon) await closing;
  }
}

function transactionConfig(options: TransactionOptions): { timeout: number; metadata?: Record<string, string> } {
  return { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, metadata: options.metadata };
}
