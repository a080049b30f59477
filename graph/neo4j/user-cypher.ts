/**
 * Runs user Cypher read-only, in three layers: the lexical guard (cypher-guard.ts), the planner
 * (EXPLAIN must classify the query as read-only, `queryType === 'r'`), and a READ transaction with a
 * server-side timeout, backed by a watchdog that ends the request at its deadline (query-deadline.ts).
 * Rows are streamed and capped; the answer holds a table and a graph.
 */
import neo4j, { type Node, type Plan, type Session } from 'neo4j-driver';
import type { CypherPlanOperator, CypherResponse, TruncatedReason } from '../model/api-types';
import { DossierError, InvalidInputError, QueryRejectedError, QueryTimeoutError } from '../errors';
import type { Neo4jConnection } from './connection';
import { checkReadOnlyCypher, splitPlanPrefix } from './cypher-guard';
import { toPlanJson } from './cypher-plan';
import { neo4jErrorOffset, positionAt, withoutNeo4jPosition } from './cypher-position';
import { GraphCollector, toJson } from './cypher-values';
import { newQueryTag, queryTimeoutError, withDeadline, type DeadlineOptions } from './query-deadline';
import { classifyDriverError, codeOf, inSession } from './transaction';
import { approximateJsonSize } from './value-size';

export interface UserCypherOptions extends DeadlineOptions {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number; // about this many bytes of JSON at most, rows and graph together
  /** Tests only: skip the lexical rules to show that the planner layer holds on its own. */
  skipLexicalCheck?: boolean;
  /** Plan the statement and answer the plan, without running it (a console query sent as EXPLAIN …). */
  explainOnly?: boolean;
}

const EXPLAIN_PREFIX = 'EXPLAIN ';
/** Driver errors raised by the planner check, whose positions count the EXPLAIN_PREFIX in front. */
const plannerErrors = new WeakSet<object>();

/** JSON parameters to driver values: integral numbers become Neo4j integers (else `LIMIT $n` fails on 10.0). */
export function toDriverParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toDriverParams(item)]),
    );
  }
  return value;
}

/** Throws QueryRejectedError unless the planner classifies the statement as read-only; answers the plan. */
export async function checkPlannerReadOnly(
  session: Session,
  statement: string,
  params: Record<string, unknown>,
  timeoutMs = 10_000,
  metadata?: Record<string, string>,
): Promise<Plan | false> {
  const result = await session
    .run(`${EXPLAIN_PREFIX}${statement}`, params, { timeout: timeoutMs, metadata })
    .catch((error: unknown) => {
      if (error !== null && typeof error === 'object') plannerErrors.add(error);
      throw error;
    });
  const queryType = result.summary.queryType;
  if (queryType !== 'r') {
    const meaning: Record<string, string> = { w: 'writes', rw: 'reads and writes', s: 'is a schema or admin command' };
    throw new QueryRejectedError(
      `Read-only Cypher: the planner says this query ${meaning[queryType] ?? `is of type '${queryType}'`}`,
      {
        details: { rule: 'PLANNER', queryType },
      },
    );
  }
  return result.summary.plan;
}

/**
 * The console's query: a leading EXPLAIN answers the plan instead of rows. An error that Neo4j or the
 * guard places in the query carries `details.position` (line and column in the text as sent).
 */
export async function runUserCypher(
  connection: Neo4jConnection,
  query: string,
  rawParams: Record<string, unknown>,
  options: UserCypherOptions,
): Promise<CypherResponse> {
  const started = performance.now();
  const { prefix, body, bodyStart } = splitPlanPrefix(query);
  if (prefix === 'PROFILE')
    throw new InvalidInputError(
      'Cypher: PROFILE is not run here (it would run the query without its row and byte caps); EXPLAIN shows the plan',
      { details: { position: positionAt(query, 0) } },
    );
  let result: UserCypherResult;
  try {
    result = await executeUserCypher(connection, body, rawParams, { ...options, explainOnly: prefix === 'EXPLAIN' });
  } catch (error) {
    throw locateError(error, query, bodyStart);
  }
  const { columns, rows, collector, truncatedReason, plan } = result;
  return {
    columns,
    rows: rows.map((values) => values.map(toJson)),
    graph: collector.toSubgraph(),
    truncated: truncatedReason !== undefined,
    ...(truncatedReason ? { truncatedReason } : {}),
    rowCount: rows.length,
    elapsedMs: Math.round(performance.now() - started),
    ...(plan ? { plan } : {}),
  };
}

export interface UserCypherResult {
  columns: string[];
  rows: unknown[][]; // driver values
  collector: GraphCollector; // every node and relationship in the rows, plus the endpoints of those relationships
  truncated: boolean;
  truncatedReason?: TruncatedReason;
  plan?: CypherPlanOperator; // only when asked for with explainOnly
}

/** Records per batch: at most this many arrive beyond the one that reaches a cap. */
const USER_FETCH_SIZE = 100;

/** The three layers and the streaming with a row cap; the raw values are left to the caller to shape. */
export async function executeUserCypher(
  connection: Neo4jConnection,
  query: string,
  rawParams: Record<string, unknown>,
  options: UserCypherOptions,
): Promise<UserCypherResult> {
  let statement = query;
  const params = toDriverParams(rawParams) as Record<string, unknown>;
  const tag = newQueryTag();
  try {
    if (!options.skipLexicalCheck) statement = checkReadOnlyCypher(query);
    return await inSession(
      connection,
      'read',
      (session) =>
        withDeadline(connection, tag.dossierQueryId, options, () =>
          streamRows(session, statement, params, options, tag),
        ),
      // After the deadline the session waits for Neo4j to give up the terminated query: never wait with it.
      { fetchSize: USER_FETCH_SIZE, abandonOn: (error) => error instanceof QueryTimeoutError },
    );
  } catch (error) {
    // Offsets so far count from the statement, which the guard trimmed out of the query.
    throw shiftOffset(translateError(error, options.timeoutMs), Math.max(0, query.indexOf(statement)));
  }
}

async function streamRows(
  session: Session,
  statement: string,
  params: Record<string, unknown>,
  options: UserCypherOptions,
  metadata: Record<string, string>,
): Promise<UserCypherResult> {
  const timeout = options.timeoutMs;
  const plan = await checkPlannerReadOnly(session, statement, params, timeout, metadata);
  if (options.explainOnly)
    return {
      columns: [],
      rows: [],
      collector: new GraphCollector(),
      truncated: false,
      ...(plan ? { plan: toPlanJson(plan) } : {}),
    };
  const tx = session.beginTransaction({ timeout, metadata });
  const collector = new GraphCollector();
  const rows: unknown[][] = [];
  let columns: string[] = [];
  let truncatedReason: TruncatedReason | undefined;
  // Bytes are counted as records arrive, rows and the graph's new nodes and relationships alike; the row
  // that would pass the cap is left out whole, even the first one (a cut value would look like a real one).
  let bytes = 0;
  try {
    const result = tx.run(statement, params);
    columns = [...(await result.keys())];
    for await (const record of result) {
      if (rows.length >= options.maxRows) {
        truncatedReason = 'ROWS';
        break;
      }
      const values = columns.map((column) => record.get(column));
      const rowGraph = new GraphCollector();
      for (const value of values) rowGraph.add(value);
      const remaining = options.maxBytes - bytes;
      const size = approximateJsonSize(values, remaining) + newElementsSize(collector, rowGraph, remaining);
      if (size > remaining) {
        truncatedReason = 'BYTES';
        break;
      }
      bytes += size;
      for (const element of [...rowGraph.nodes.values(), ...rowGraph.relationships.values()]) collector.add(element);
      rows.push(values);
    }
  } finally {
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
  }
  const missing = collector.missingEndpoints();
  if (missing.length > 0) {
    const endpoints = await session.executeRead(
      (work) => work.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing }),
      { timeout, metadata },
    );
    for (const record of endpoints.records) {
      const node = record.get('n') as Node;
      const size = approximateJsonSize(node, options.maxBytes - bytes);
      if (bytes + size > options.maxBytes) {
        truncatedReason = 'BYTES'; // the graph then leaves out the relationships whose ends did not fit
        break;
      }
      bytes += size;
      collector.add(node);
    }
  }
  return { columns, rows, collector, truncated: truncatedReason !== undefined, truncatedReason };
}

/** What the graph half of the answer grows by: the row's nodes and relationships not seen before. */
function newElementsSize(collector: GraphCollector, rowGraph: GraphCollector, budget: number): number {
  let size = 0;
  for (const [id, node] of rowGraph.nodes)
    if (!collector.nodes.has(id)) size += approximateJsonSize(node, budget - size);
  for (const [id, rel] of rowGraph.relationships)
    if (!collector.relationships.has(id)) size += approximateJsonSize(rel, budget - size);
  return size;
}

/** User Cypher's own answers to driver errors; Neo4j being unavailable or busy arrives named by inSession. */
function translateError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof DossierError) return error;
  const code = codeOf(error);
  const message = (error as { message?: string }).message ?? String(error);
  switch (classifyDriverError(error)) {
    case 'terminated':
      return queryTimeoutError(timeoutMs, error);
    case 'memory':
      return new QueryRejectedError(
        'Read-only Cypher: the query needed more memory than one query may use; aggregate less or add a LIMIT',
        { cause: error, details: { rule: 'MEMORY', neo4jCode: code } },
      );
    case 'forbidden':
      return new QueryRejectedError(
        `Read-only Cypher: the database refused a write in a read transaction (${firstLine(message)})`,
        { cause: error, details: { rule: 'READ_TRANSACTION', neo4jCode: code } },
      );
    case 'client': {
      const line = firstLine(message);
      const sent = neo4jErrorOffset(line);
      const offset =
        sent === undefined
          ? undefined
          : Math.max(0, sent - (plannerErrors.has(error as object) ? EXPLAIN_PREFIX.length : 0));
      return new InvalidInputError(`Cypher: ${withoutNeo4jPosition(line)}`, {
        cause: error,
        details: { neo4jCode: code, ...(offset === undefined ? {} : { offset }) },
      });
    }
    default:
      return error;
  }
}

type ErrorDetails = Record<string, unknown> & { offset?: unknown };
type DossierErrorClass = new (message: string, options: { cause?: unknown; details?: unknown }) => DossierError;

/** The same error with its details changed (details are read-only: a copy of the same class). */
function withDetails(error: DossierError, details: ErrorDetails): DossierError {
  return new (error.constructor as DossierErrorClass)(error.message, { cause: error.cause, details });
}

function offsetOf(error: unknown): number | undefined {
  if (!(error instanceof DossierError)) return undefined;
  const offset = (error.details as ErrorDetails | undefined)?.offset;
  return typeof offset === 'number' ? offset : undefined;
}

function shiftOffset(error: unknown, by: number): unknown {
  const offset = offsetOf(error);
  if (offset === undefined || by === 0) return error;
  const dossierError = error as DossierError;
  return withDetails(dossierError, { ...(dossierError.details as ErrorDetails), offset: offset + by });
}

/** Adds the line and column of an error's offset in the text the user sent. */
function locateError(error: unknown, query: string, bodyStart: number): unknown {
  const offset = offsetOf(error);
  if (offset === undefined) return error;
  const dossierError = error as DossierError;
  const at = offset + bodyStart;
  return withDetails(dossierError, {
    ...(dossierError.details as ErrorDetails),
    offset: at,
    position: positionAt(query, at),
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
