import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { RunawayQuery } from '../../../graph/neo4j/query-deadline';
import type { SupervisorEvent } from '../../../graph/neo4j/neo4j-supervisor';
import { loadNeo4jConfig, openNeo4j, type OpenNeo4j } from '../../../graph/neo4j/open-neo4j';
import { testApp } from '../test-app';
import { isAlive } from '../../support/process';
import { inSession } from '../../../graph/neo4j/transaction';
import { CYPHER_ATTACKS } from '../../reliability/cypher-attacks';

/** Quadratic string building inside one expression: Neo4j never checks for termination in there. */
const RUNS_FOR_MINUTES = 'RETURN size(reduce(s = "", x IN range(1, 10000000) | s + "xxxxxxxxxx")) AS n';
/** Row by row: Neo4j notices the termination at the next row. */
const TERMINABLE = 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 100 RETURN count(i) AS c';

async function tagged(neo4j: OpenNeo4j): Promise<number> {
  return inSession(neo4j.connection, 'read', async (session) => {
    const result = await session.run(
      "SHOW TRANSACTIONS YIELD metaData WHERE metaData.kind = 'user-cypher' RETURN count(*) AS c",
    );
    return result.records[0].get('c').toNumber();
  });
}

/** The attack table's queries that Neo4j cannot terminate either (tests/reliability/cypher-attacks.ts). */
const RUNAWAYS = CYPHER_ATTACKS.filter((a) => a.expect.kind === 'runaway').map((a) => [a.name, a] as const);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm start`'s supervised embedded Neo4j, of its own: ending a runaway query here restarts the JVM. */
describe('POST /api/cypher at its deadline', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-deadline-'));
  const runaways: RunawayQuery[] = [];
  const events: SupervisorEvent[] = [];
  let neo4j: OpenNeo4j;

  beforeAll(async () => {
    neo4j = await openNeo4j(loadNeo4jConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: '0' }), {
      reuseRunningEmbedded: false,
      log: () => undefined,
      supervise: (event) => events.push(event),
    });
  }, 180_000);
  afterAll(async () => {
    await neo4j?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const app = () =>
    testApp(neo4j.connection, {
      env: { CYPHER_TIMEOUT_MS: '2000' },
      onRunawayQuery: (query) => {
        runaways.push(query);
        neo4j.supervisor!.kill(`runaway ${query.queryId}`);
      },
    });

  it('answers 408 for a row-by-row query and terminates it without a restart', async () => {
    const pid = neo4j.supervisor!.pid();
    const res = await request(app()).post('/api/cypher').send({ query: TERMINABLE });
    expect(res.status).toBe(408);
    expect(res.body.error.code).toBe('QUERY_TIMEOUT');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await tagged(neo4j)).toBe(0);
    expect(runaways).toEqual([]);
    expect(neo4j.supervisor!.pid()).toBe(pid);
  });

  it('answers 408 for queries Neo4j cannot terminate, stops their CPU by restarting Neo4j, and answers again', async () => {
    const pid = neo4j.supervisor!.pid();
    const started = performance.now();
    // The attack table's runaways beside this one, all at once: one restart ends them all, where one each
    // costs tens of seconds on a busy machine.
    const queries = [{ query: RUNS_FOR_MINUTES }, ...RUNAWAYS.map(([, a]) => ({ query: a.query, params: a.params }))];
    const answers = await Promise.all(queries.map((body) => request(app()).post('/api/cypher').send(body)));
    expect(answers.map((res) => [res.status, res.body.error.code])).toEqual(queries.map(() => [408, 'QUERY_TIMEOUT']));
    expect(performance.now() - started).toBeLessThan(2_000 + 5_000);
    while (runaways.length === 0) await sleep(200);
    expect(runaways[0].transactionIds).toHaveLength(1);
    while (isAlive(pid)) await sleep(100);
    await neo4j.supervisor!.whenUp();
    // The first query of a database just restarted plans cold: it gets the default deadline, not the 2 s one.
    const after = await request(testApp(neo4j.connection)).post('/api/cypher').send({ query: 'RETURN 1 AS one' });
    expect(after.status).toBe(200);
    expect(after.body.rows).toEqual([[1]]);
    // Each runaway reported before the JVM is gone asks for the same kill.
    const seen = events.map((e) => e.event).filter((event, i, all) => event !== all[i - 1]);
    expect(seen).toEqual(['neo4j-killed', 'neo4j-exited', 'neo4j-restarted']);
  }, 120_000);
});
