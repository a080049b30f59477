/**
 * The soak of bench/soak/ made short: 10 connections for 5 s of mixed reads on loopback. Every request
 * must be answered with 200 before its deadline; latency is the benchmark's to report (`npm run bench --
 * soak`: 50 connections for 60 s), never asserted here, where the machine's load decides it.
 */
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { soak } from '../../bench/soak/soak';
import { connectTestNeo4j, emptyDatabase } from '../support/neo4j';
import { IDS, importKorea } from '../server/workshops/fixtures/korea-import';
import { testApp } from '../server/test-app';
import { listen, type Listening } from './support/raw-http';

let connection: Neo4jConnection;
let server: Listening;

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  server = await listen(testApp(connection));
});
afterAll(async () => {
  await server?.close();
  await connection.close();
});

describe('a short soak on loopback', () => {
  it('answers every request of 10 connections for 5 s, without an error or a timeout', async () => {
    const inputs = { ids: Object.values(IDS), terms: ['Kim', 'North', 'Pyong', 'Armis', 'DPRK'] };
    // Warm-up, not counted: the first query of each kind is planned cold, which a loaded machine stretches.
    await soak({ port: server.port, connections: 1, seconds: 1, timeoutMs: 30_000, ...inputs });
    const result = await soak({
      port: server.port,
      connections: 10,
      seconds: 5,
      timeoutMs: 10_000,
      ...inputs,
    });
    expect(result.failures).toEqual({});
    expect({ errors: result.errors, timeouts: result.timeouts }).toEqual({ errors: 0, timeouts: 0 });
    // Every endpoint of the mix was asked, and every connection was answered (how often is the machine's).
    expect(result.endpoints.map((e) => e.endpoint).sort()).toEqual(
      ['health', 'neighbours', 'node details', 'read-only Cypher', 'search'].sort(),
    );
    expect(result.requests).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
