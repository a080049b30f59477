/**
 * Ends a user query at its deadline, whatever Neo4j does. The driver's transaction timeout and
 * `TERMINATE TRANSACTION` only mark a transaction; Neo4j 5.26 notices between rows or when the query touches
 * the store, never inside one expression (a `reduce` over ten million items kept a core busy for minutes
 * after both). So at the deadline the caller gets QueryTimeoutError at once, the tagged transactions are
 * terminated through a session of their own, and if one still runs after a grace period the owner of the
 * database is told (`onRunaway`): for the embedded Neo4j that restarts the JVM, the only way left to stop it.
 */
import { randomUUID } from 'node:crypto';
import { QueryTimeoutError } from '../errors';
import type { Neo4jConnection } from './connection';
import { inSession } from './transaction';

export interface RunawayQuery {
  queryId: string;
  transactionIds: string[];
  elapsedMs: number;
}

export interface DeadlineOptions {
  timeoutMs: number;
  /** Told when a query still runs `runawayGraceMs` after it was terminated. */
  onRunaway?: (query: RunawayQuery) => void;
  runawayGraceMs?: number;
}

/** Long enough for a terminated query to reach its next check (store access, next row), short for a stuck core. */
const RUNAWAY_GRACE_MS = 5_000;
const ADMIN_TIMEOUT_MS = 5_000;

/** Transaction metadata that lets the watchdog find the transactions of one request in SHOW TRANSACTIONS. */
export function newQueryTag(): { app: string; kind: string; dossierQueryId: string } {
  return { app: 'dossier', kind: 'user-cypher', dossierQueryId: randomUUID() };
}

/** Runs `work`, which tags its transactions with `queryId`, and ends it at the deadline as described above. */
export function withDeadline<T>(
  connection: Neo4jConnection,
  queryId: string,
  options: DeadlineOptions,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const running = work();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      running.catch(() => undefined); // it fails later, once terminated: nobody waits for it any more
      reject(queryTimeoutError(options.timeoutMs));
      void stopQuery(connection, queryId, options, started);
    }, options.timeoutMs);
  });
  return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
}

async function stopQuery(
  connection: Neo4jConnection,
  queryId: string,
  options: DeadlineOptions,
  started: number,
): Promise<void> {
  try {
    const terminated = await terminateTagged(connection, queryId);
    if (terminated.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, options.runawayGraceMs ?? RUNAWAY_GRACE_MS));
    const still = await findTagged(connection, queryId);
    if (still.length > 0)
      options.onRunaway?.({ queryId, transactionIds: still, elapsedMs: Math.round(performance.now() - started) });
  } catch {
    // Neo4j is unreachable or restarting: there is nothing left to stop.
  }
}

// SHOW and TERMINATE TRANSACTIONS are administration commands: auto-commit statements, not transaction work.
function findTagged(connection: Neo4jConnection, queryId: string): Promise<string[]> {
  return inSession(connection, 'read', async (session) => {
    const result = await session.run(
      'SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.dossierQueryId = $queryId RETURN transactionId',
      { queryId },
      { timeout: ADMIN_TIMEOUT_MS },
    );
    return result.records.map((record) => record.get('transactionId') as string);
  });
}

async function terminateTagged(connection: Neo4jConnection, queryId: string): Promise<string[]> {
  const ids = await findTagged(connection, queryId);
  if (ids.length === 0) return [];
  await inSession(connection, 'read', (session) =>
    session.run('TERMINATE TRANSACTIONS $ids', { ids }, { timeout: ADMIN_TIMEOUT_MS }),
  );
  return ids;
}

/** The one answer to a user query past its deadline, whoever noticed first: the server's timer or Neo4j. */
export function queryTimeoutError(timeoutMs: number, cause?: unknown): QueryTimeoutError {
  return new QueryTimeoutError(
    `Cypher: the query ran longer than ${timeoutMs} ms and was stopped; add a LIMIT or narrow the MATCH`,
    { cause, details: { timeoutMs } },
  );
}
