/**
 * A soak on loopback: N connections for S seconds of the reads analysts make (search, node details,
 * neighbours, a read-only Cypher query, health), each connection one request after another, every request
 * with its own deadline. Reports every error, every timeout and p50/p95/p99 per endpoint and overall.
 * Shared by the bench suite (50 connections, 60 s) and its short test in tests/reliability/.
 */
import http from 'node:http';
import { percentile } from '../lib/stats';

export interface SoakOptions {
  port: number;
  connections: number;
  seconds: number;
  /** A request unanswered after this long is a timeout (and its connection goes on with the next one). */
  timeoutMs: number;
  /** Entity ids and search terms to rotate through. */
  ids: string[];
  terms: string[];
}

export interface EndpointFigures {
  endpoint: string;
  requests: number;
  errors: number;
  timeouts: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SoakResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Answers with a status of 400 or more, and connection errors. */
  errors: number;
  timeouts: number;
  /** Statuses other than 200 and what failed, counted: `503`, `ECONNRESET`. */
  failures: Record<string, number>;
  overall: EndpointFigures;
  endpoints: EndpointFigures[];
}

const CYPHER = 'MATCH (a:Entity {id: $id})-[r]-(b:Entity) RETURN a, r, b LIMIT 25';

/** The mix, in turn: reads as a page makes them, search first. */
function requestFor(
  i: number,
  ids: string[],
  terms: string[],
): { endpoint: string; method: string; path: string; body?: string } {
  const id = ids[i % ids.length];
  switch (i % 5) {
    case 0:
      return {
        endpoint: 'search',
        method: 'GET',
        path: `/api/search?q=${encodeURIComponent(terms[i % terms.length])}&limit=10`,
      };
    case 1:
      return { endpoint: 'node details', method: 'GET', path: `/api/nodes/${encodeURIComponent(id)}` };
    case 2:
      return { endpoint: 'neighbours', method: 'GET', path: `/api/nodes/${encodeURIComponent(id)}/neighbors?limit=50` };
    case 3:
      return {
        endpoint: 'read-only Cypher',
        method: 'POST',
        path: '/api/cypher',
        body: JSON.stringify({ query: CYPHER, params: { id } }),
      };
    default:
      return { endpoint: 'health', method: 'GET', path: '/api/health' };
  }
}

interface Sample {
  endpoint: string;
  ms: number;
  outcome: 'ok' | 'error' | 'timeout';
  what?: string;
}

function once(agent: http.Agent, port: number, timeoutMs: number, r: ReturnType<typeof requestFor>): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Sample['outcome'], what?: string) => {
      if (settled) return;
      settled = true;
      resolve({ endpoint: r.endpoint, ms: performance.now() - started, outcome, what });
    };
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path: r.path,
        agent,
        headers: r.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? finish('ok') : finish('error', String(res.statusCode))));
        res.on('error', (error: NodeJS.ErrnoException) => finish('error', error.code ?? error.message));
      },
    );
    req.setTimeout(timeoutMs, () => {
      finish('timeout', 'timeout');
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish('error', error.code ?? error.message));
    req.end(r.body);
  });
}

function figures(endpoint: string, samples: Sample[]): EndpointFigures {
  const answered = samples.filter((s) => s.outcome !== 'timeout').map((s) => s.ms);
  return {
    endpoint,
    requests: samples.length,
    errors: samples.filter((s) => s.outcome === 'error').length,
    timeouts: samples.filter((s) => s.outcome === 'timeout').length,
    p50: percentile(answered, 50),
    p95: percentile(answered, 95),
    p99: percentile(answered, 99),
    max: answered.length ? Math.max(...answered) : 0,
  };
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const samples: Sample[] = [];
  const end = performance.now() + options.seconds * 1000;
  let next = 0;
  const connection = async (): Promise<void> => {
    while (performance.now() < end)
      samples.push(await once(agent, options.port, options.timeoutMs, requestFor(next++, options.ids, options.terms)));
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, connection));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const failures: Record<string, number> = {};
  for (const s of samples) if (s.what) failures[s.what] = (failures[s.what] ?? 0) + 1;
  const endpoints = [...new Set(samples.map((s) => s.endpoint))].map((e) =>
    figures(
      e,
      samples.filter((s) => s.endpoint === e),
    ),
  );
  const overall = figures('all', samples);
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: samples.length,
    requestsPerSecond: samples.length / elapsed,
    errors: overall.errors,
    timeouts: overall.timeouts,
    failures,
    overall,
    endpoints,
  };
}
