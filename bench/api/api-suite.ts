/**
 * API benchmark: autocannon on loopback against search, neighbours, node details and a read-only Cypher
 * query at 1, 10 and 50 connections (req/s, p50/p95/p99, errors), and the proxy's overhead: each request
 * through HTTP paired with the same repository call made directly with neo4j-driver in this process,
 * alternating, one at a time. The database holds the seed corpus plus synthetic documents (LOAD CSV).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { readNeighbors, readNodeDetails, searchEntities } from '../../graph/neo4j/graph-repository';
import { runUserCypher } from '../../graph/neo4j/user-cypher';
import { extractFiles } from '../../import/extract';
import { openEngine } from '../../import/engine/nlp-engine';
import { generateDocuments, writeCorpus } from '../corpus/generate';
import { loadCsvPass, prepareCsv } from '../import/write-bench';
import { startBenchNeo4j, type BenchNeo4j } from '../lib/neo4j';
import { verdict, type Suite, type SuiteReport } from '../lib/report';
import { median, percentile, ratio, round } from '../lib/stats';
import { inSession } from '../../graph/neo4j/transaction';

const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const P95_TARGET_MS = 20;
const PROXY_TARGET = 1.1;
const CYPHER = 'MATCH (a:Entity {id: $id})-[r]-(b:Entity) RETURN a, r, b LIMIT 25';
const CYPHER_OPTIONS = { timeoutMs: 10_000, maxRows: 5_000, maxBytes: 8_000_000 };

interface Workload {
  name: string;
  http(i: number): { method: 'GET' | 'POST'; path: string; body?: string };
  direct(connection: Neo4jConnection, i: number): Promise<unknown>;
}

interface Pair {
  endpoint: string;
  apiP50: number;
  directP50: number;
  apiP95: number;
  directP95: number;
  pairs: number;
}

interface Sample {
  endpoint: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** The real app in a child process of its own (api-server.ts), against `neo4j`. */
export function startServer(neo4j: BenchNeo4j): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'api-server.ts')], {
      cwd: PROJECT_DIR,
      env: {
        ...process.env,
        BENCH_NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.credentials.user,
        NEO4J_PASSWORD: neo4j.credentials.password,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\d+)/.exec(out);
      if (ready) resolve({ child, port: Number(ready[1]) });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`api server exited (${code}): ${err.slice(-2000)}`)));
  });
}

function cannon(port: number, workload: Workload, connections: number, seconds: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    let i = 0;
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const next = workload.http(i++);
              return { ...request, method: next.method, path: next.path, body: next.body ?? '' };
            },
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          endpoint: workload.name,
          connections,
          requestsPerSecond: result.requests.average,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          requests: result.requests.total,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
}

/**
 * Proxy overhead, paired: one call through HTTP, then the same call directly, alternating for `seconds`,
 * so that both see the same moment of a shared, noisy machine. One request at a time, keep-alive HTTP.
 */
async function paired(port: number, connection: Neo4jConnection, workload: Workload, seconds: number): Promise<Pair> {
  const api: number[] = [];
  const own: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const request = workload.http(i);
    let start = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
      method: request.method,
      body: request.body,
      headers: request.body ? { 'content-type': 'application/json' } : undefined,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`api bench: ${request.method} ${request.path} answered ${response.status}`);
    api.push(performance.now() - start);
    start = performance.now();
    await workload.direct(connection, i);
    own.push(performance.now() - start);
  }
  return {
    endpoint: workload.name,
    apiP50: percentile(api, 50),
    directP50: percentile(own, 50),
    apiP95: percentile(api, 95),
    directP95: percentile(own, 95),
    pairs: api.length,
  };
}

/** Entity ids and search prefixes to rotate through: half hubs, half ordinary entities. */
export async function pickInputs(connection: Neo4jConnection): Promise<{ ids: string[]; terms: string[] }> {
  return inSession(connection, 'read', async (session) => {
    // Half hubs (what analysts open first), half ordinary entities.
    const hubs = await session.run(
      'MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY COUNT { (e)--() } DESC LIMIT 50',
    );
    const others = await session.run(
      'MATCH (e:Entity) WITH e ORDER BY e.id SKIP 100 LIMIT 50 RETURN e.id AS id, e.name AS name',
    );
    const records = [...hubs.records, ...others.records];
    const ids = records.map((r) => r.get('id') as string);
    const terms = records.map((r) => {
      const word = String(r.get('name')).split(/\s+/)[0];
      return word.length > 5 ? word.slice(0, 5) : word; // prefixes, as typed in the search box
    });
    return { ids, terms };
  });
}

/** The seed corpus plus `docs` synthetic documents (seed 5), extracted, then written with LOAD CSV. */
export async function fillDatabase(
  neo4j: BenchNeo4j,
  work: string,
  docs: number,
  log: (line: string) => void,
): Promise<{ nodes: number; relationships: number }> {
  log(`filling the database: seed corpus + ${docs} synthetic documents`);
  const seed = readdirSync(path.join(PROJECT_DIR, 'data', 'corpus')).map((f) => ({
    path: path.join(PROJECT_DIR, 'data', 'corpus', f),
  }));
  const synthetic = writeCorpus(path.join(work, 'corpus'), generateDocuments({ count: docs, seed: 5 })).map((file) => ({
    path: file,
  }));
  const engine = await openEngine({ log });
  const extracted = (await extractFiles([...seed, ...synthetic], { engine })).documents;
  await engine.close();
  const csv = await prepareCsv(extracted);
  const filled = await loadCsvPass(neo4j.connection, csv);
  await csv.close();
  return filled;
}

export const apiSuite: Suite = {
  name: 'api',
  description: 'autocannon on loopback: search, neighbours, node details, read-only Cypher; proxy overhead',
  async run({ quick, runs, log }): Promise<SuiteReport> {
    const seconds = quick ? 5 : 8;
    const rounds = quick ? 1 : Math.min(runs, 3);
    const docs = quick ? 100 : 300;
    const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-api-'));
    const neo4j = await startBenchNeo4j(log);
    let server: ChildProcess | undefined;
    try {
      const filled = await fillDatabase(neo4j, work, docs, log);
      log(`database: ${filled.nodes} nodes, ${filled.relationships} relationships`);
      const { ids, terms } = await pickInputs(neo4j.connection);
      const workloads: Workload[] = [
        {
          name: 'search',
          http: (i) => ({
            method: 'GET',
            path: `/api/search?q=${encodeURIComponent(terms[i % terms.length])}&limit=10`,
          }),
          direct: (c, i) => searchEntities(c, terms[i % terms.length], [], 10),
        },
        {
          name: 'neighbours',
          http: (i) => ({
            method: 'GET',
            path: `/api/nodes/${encodeURIComponent(ids[i % ids.length])}/neighbors?limit=50`,
          }),
          direct: (c, i) => readNeighbors(c, ids[i % ids.length], { relTypes: [], types: [], limit: 50 }),
        },
        {
          name: 'node details',
          http: (i) => ({ method: 'GET', path: `/api/nodes/${encodeURIComponent(ids[i % ids.length])}` }),
          direct: (c, i) => readNodeDetails(c, ids[i % ids.length]),
        },
        {
          name: 'read-only Cypher',
          http: (i) => ({
            method: 'POST',
            path: '/api/cypher',
            body: JSON.stringify({ query: CYPHER, params: { id: ids[i % ids.length] } }),
          }),
          direct: (c, i) => runUserCypher(c, CYPHER, { id: ids[i % ids.length] }, CYPHER_OPTIONS),
        },
      ];
      const started = await startServer(neo4j);
      server = started.child;
      const samples: Sample[] = [];
      const pairs: Pair[] = [];
      for (const workload of workloads) {
        await cannon(started.port, workload, 10, 2); // warm-up: JIT, query plans, page cache
        await paired(started.port, neo4j.connection, workload, 1);
      }
      for (let round = 0; round < rounds; round++) {
        for (const workload of workloads) {
          for (const connections of [1, 10, 50]) {
            const sample = await cannon(started.port, workload, connections, seconds);
            samples.push(sample);
            log(
              `round ${round + 1}/${rounds} ${workload.name} c=${connections}: ${Math.round(sample.requestsPerSecond)} req/s, p95 ${sample.p95} ms, errors ${sample.errors + sample.non2xx}`,
            );
          }
          pairs.push(await paired(started.port, neo4j.connection, workload, seconds));
        }
      }
      const loadRows = workloads.flatMap((w) =>
        [1, 10, 50].map((connections) => {
          const mine = samples.filter((s) => s.endpoint === w.name && s.connections === connections);
          const p95 = median(mine.map((s) => s.p95));
          const target =
            connections === 10 && (w.name === 'search' || w.name === 'neighbours')
              ? `p95 ≤ ${P95_TARGET_MS} ms: ${verdict(p95, P95_TARGET_MS, 'atMost')}`
              : '';
          return [
            w.name,
            connections,
            round(median(mine.map((s) => s.requestsPerSecond))),
            round(median(mine.map((s) => s.p50))),
            round(p95),
            round(median(mine.map((s) => s.p99))),
            mine.reduce((n, s) => n + s.errors + s.non2xx, 0),
            mine.reduce((n, s) => n + s.requests, 0),
            target,
          ];
        }),
      );
      const proxyRows = workloads.map((w) => {
        const mine = pairs.filter((p) => p.endpoint === w.name);
        const api = median(mine.map((p) => p.apiP50));
        const own = median(mine.map((p) => p.directP50));
        const r = ratio(api, own);
        return [
          w.name,
          round(own),
          round(api),
          round(r),
          round(api - own),
          mine.reduce((n, p) => n + p.pairs, 0),
          `≤ ${PROXY_TARGET}×: ${verdict(r, PROXY_TARGET, 'atMost')}`,
        ];
      });
      return {
        suite: 'api',
        tables: [
          {
            title: `API under load (${seconds} s per cell, medians of ${rounds}; database: ${filled.nodes} nodes, ${filled.relationships} relationships)`,
            columns: ['endpoint', 'connections', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'requests', 'target'],
            rows: loadRows,
            notes: [
              'Errors count connection errors, timeouts and non-2xx answers, summed over the rounds. Rate limits are off (`createApp({ rateLimits: false })`).',
            ],
          },
          {
            title:
              'Proxy overhead: each call through HTTP, then the same repository call directly with neo4j-driver, alternating, one at a time',
            columns: ['endpoint', 'direct p50 ms', 'API p50 ms', 'ratio', 'added ms', 'pairs', 'target'],
            rows: proxyRows,
          },
        ],
        notes: [],
        data: {
          samples,
          pairs,
          seconds,
          rounds,
          database: { nodes: filled.nodes, relationships: filled.relationships },
        },
      };
    } finally {
      server?.kill('SIGTERM');
      await neo4j.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
