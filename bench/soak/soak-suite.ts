/**
 * Soak suite: 50 connections for 60 s of mixed reads (search, node details, neighbours, read-only Cypher,
 * health) against the real app in a child process, on loopback, on the API suite's database. Reports
 * errors, timeouts and p50/p95/p99 per endpoint; the figure that must hold is that every request is
 * answered, none past its 10 s deadline, none with an error. `--quick`: 10 connections for 15 s.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillDatabase, pickInputs, startServer } from '../api/api-suite';
import { startBenchNeo4j } from '../lib/neo4j';
import type { Suite, SuiteReport } from '../lib/report';
import { round } from '../lib/stats';
import { soak } from './soak';

/** The review's timeout: a request unanswered after 10 s counts as lost. */
const TIMEOUT_MS = 10_000;

export const soakSuite: Suite = {
  name: 'soak',
  description: 'loopback soak: mixed reads at 50 connections for 60 s; errors, timeouts, p50/p95/p99',
  async run({ quick, log }): Promise<SuiteReport> {
    const connections = Number(process.env.BENCH_SOAK_CONNECTIONS ?? (quick ? 10 : 50));
    const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? (quick ? 15 : 60));
    const docs = quick ? 100 : 300;
    const work = mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-soak-'));
    const neo4j = await startBenchNeo4j(log);
    let server: ChildProcess | undefined;
    try {
      const filled = await fillDatabase(neo4j, work, docs, log);
      log(`database: ${filled.nodes} nodes, ${filled.relationships} relationships`);
      const { ids, terms } = await pickInputs(neo4j.connection);
      const started = await startServer(neo4j);
      server = started.child;
      // Warm-up: JIT, query plans, page cache; not counted.
      await soak({ port: started.port, connections: 5, seconds: 3, timeoutMs: TIMEOUT_MS, ids, terms });
      log(`soaking: ${connections} connections for ${seconds} s`);
      const result = await soak({ port: started.port, connections, seconds, timeoutMs: TIMEOUT_MS, ids, terms });
      log(
        `${result.requests} requests, ${round(result.requestsPerSecond)} req/s, errors ${result.errors}, timeouts ${result.timeouts}, p99 ${round(result.overall.p99)} ms`,
      );
      const row = (f: (typeof result.endpoints)[number]) => [
        f.endpoint,
        f.requests,
        f.errors,
        f.timeouts,
        round(f.p50),
        round(f.p95),
        round(f.p99),
        round(f.max),
      ];
      const verdict = result.errors === 0 && result.timeouts === 0 ? 'met' : 'MISSED';
      const failures = Object.entries(result.failures)
        .map(([what, n]) => `${what} × ${n}`)
        .join(', ');
      return {
        suite: 'soak',
        tables: [
          {
            title: `Soak: ${connections} connections for ${seconds} s, mixed reads (database: ${filled.nodes} nodes, ${filled.relationships} relationships)`,
            columns: ['endpoint', 'requests', 'errors', 'timeouts', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
            rows: [...result.endpoints.map(row), row(result.overall)],
            notes: [
              `${round(result.requestsPerSecond)} requests/s over all. Every request answered, no error, none past ${TIMEOUT_MS / 1000} s: ${verdict}${failures ? ` (${failures})` : ''}.`,
              'Each connection sends its next request when the last is answered (keep-alive); errors are statuses other than 200 and connection errors. Rate limits are off, as in the API suite.',
            ],
          },
        ],
        notes: [],
        data: { result, database: filled, timeoutMs: TIMEOUT_MS },
      };
    } finally {
      server?.kill('SIGTERM');
      await neo4j.stop();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
