/**
 * Runs user Cypher read-only, in three layers: the lexical guard (cypher-guard.ts), the planner
 * (EXPLAIN must classify the query as read-only, `queryType === 'r'`), and a READ transaction with a
 * server-side timeout, backed by a watchdog that ends the request at its deadline (query-deadline.ts).
 * Rows are streamed and capped; the answer holds a table and a graph.
 */
import neo4j, { type Node, type Session } from 'neo4j-driver';
import type { CypherResponse, TruncatedReason } from '../model/api-types';
import { DossierError, InvalidInputError, QueryRejectedError, QueryTimeoutError } from '../errors';
import type { Neo4jConnection } from './connection';
import { checkReadOnlyCypher } from './cypher-guard';
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
}

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

/** Throws QueryRejectedError unless the planner classifies the statement as read-only. */
export async function checkPlannerReadOnly(
  session: Session,
  statement: string,
  params: Record<string, unknown>,
  timeoutMs = 10_000,
  metadata?: Record<string, string>,
): Promise<void> {
  const result = await session.run(`EXPLAIN ${statement}`, params, { timeout: timeoutMs, metadata });
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
}

export async function runUserCypher(
  connection: Neo4jConnection,
  query: string,
  rawParams: Record<string, unknown>,
  options: UserCypherOptions,
): Promise<CypherResponse> {
  const started = performance.now();
  const { columns, rows, collector, truncatedReason } = await executeUserCypher(connection, query, rawParams, options);
  return {
    columns,
    rows: rows.map((values) => values.map(toJson)),
    graph: collector.toSubgraph(),
    truncated: truncatedReason !== undefined,
    ...(truncatedReason ? { truncatedReason } : {}),
    rowCount: rows.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}

export interface UserCypherResult {
  columns: string[];
  rows: unknown[][]; // driver values
  collector: GraphCollector; // every node and relationship in the rows, plus the endpoints of those relationships
  truncated: boolean;
  truncatedReason?: TruncatedReason;
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
  const statement = options.skipLexicalCheck ? query : checkReadOnlyCypher(query);
  const params = toDriverParams(rawParams) as Record<string, unknown>;
  const tag = newQueryTag();
  try {
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
    throw translateError(error, options.timeoutMs);
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
  await checkPlannerReadOnly(session, statement, params, timeout, metadata);
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
    case 'client':
      return new InvalidInputError(`Cypher: ${firstLine(message)}`, { cause: error, details: { neo4jCode: code } });
    default:
      return error;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
