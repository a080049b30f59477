/**
 * Every attempt of the Cypher attack table (cypher-attacks.ts) against the real app and the test Neo4j:
 * each gets its outcome, no answer holds a secret (workshop codes and tokens, their hashes, the API token,
 * the database's password), every deadline is kept, the database answers after each attempt, and nothing
 * was written, by the app or by the planner and READ transaction alone.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { runUserCypher } from '../../graph/neo4j/user-cypher';
import { connectTestNeo4j, emptyDatabase } from '../support/neo4j';
import { importKorea } from '../server/workshops/fixtures/korea-import';
import { testApp } from '../server/test-app';
import { CYPHER_ATTACKS, type CypherAttack, type Intent } from './cypher-attacks';
import { graphFingerprint, type GraphFingerprint } from './support/graph-fingerprint';

const API_TOKEN = 'reliability-api-token-0123456789';
const TIMEOUT_MS = 1_500;
/** The deadline of the bounded attempts: longer than building their answer takes on a busy machine. */
const BOUNDED_TIMEOUT_MS = 30_000;
const MAX_BYTES = 1_000_000;
/** Time to answer a timed-out query beyond its deadline: the watchdog's slack and a busy machine's. */
const DEADLINE_SLACK_MS = 5_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let connection: Neo4jConnection;
let app: Express;
let patientApp: Express;
let before: GraphFingerprint;
let secrets: string[];

const authorised = (test: request.Test) => test.set('Authorization', `Bearer ${API_TOKEN}`);

async function createWorkshop(name: string): Promise<string[]> {
  const created = await authorised(request(app).post('/api/workshops')).send({ name, displayName: 'Ada' }).expect(201);
  const joined = await authorised(request(app).post('/api/workshops/join'))
    .send({ code: created.body.viewerCode, displayName: 'Vic' })
    .expect(200);
  const codes: string[] = [created.body.editorCode, created.body.viewerCode];
  return [created.body.token, joined.body.token, ...codes, ...codes.map((c) => c.replace(/-/g, ''))];
}

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  app = testApp(connection, {
    env: { DOSSIER_TOKEN: API_TOKEN, CYPHER_TIMEOUT_MS: String(TIMEOUT_MS), CYPHER_MAX_BYTES: String(MAX_BYTES) },
  });
  patientApp = testApp(connection, {
    env: {
      DOSSIER_TOKEN: API_TOKEN,
      CYPHER_TIMEOUT_MS: String(BOUNDED_TIMEOUT_MS),
      CYPHER_MAX_BYTES: String(MAX_BYTES),
    },
  });
  const plain = [...(await createWorkshop('Desk one')), ...(await createWorkshop('Desk two'))];
  const password = connection.settings.password;
  secrets = [...plain, ...plain.map(sha256), API_TOKEN, ...(password ? [password] : [])];
  before = await graphFingerprint(connection);
});
afterAll(async () => {
  await connection.close();
});

function expectOutcome(attack: CypherAttack, res: request.Response, elapsedMs: number): void {
  const seen = { status: res.status, code: res.body?.error?.code, rule: res.body?.error?.details?.rule };
  switch (attack.expect.kind) {
    case 'refused':
      expect(seen).toEqual({
        status: 403,
        code: 'QUERY_REJECTED',
        rule: attack.expect.rule ?? expect.any(String),
      });
      break;
    case 'invalid':
      expect(seen).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
      break;
    case 'answered':
      expect(seen.status).toBe(200);
      break;
    case 'timeout':
      expect(seen).toMatchObject({ status: 408, code: 'QUERY_TIMEOUT' });
      expect(elapsedMs).toBeLessThan(TIMEOUT_MS + DEADLINE_SLACK_MS);
      break;
    case 'runaway':
      throw new Error(`${attack.name}: a runaway belongs to the deadline test`);
    case 'bounded':
      if (res.status === 200) expect(res.body.truncated).toBe(true);
      else expect(seen).toEqual({ status: 403, code: 'QUERY_REJECTED', rule: 'MEMORY' });
      // The cap counts rows and graph together, to about its bytes: the answer's envelope adds little.
      expect(res.text.length).toBeLessThan(MAX_BYTES * 1.1 + 10_000);
      break;
  }
}

/** Runaways restart the database they run on: they are the deadline test's, on a Neo4j of its own. */
const byIntent = (intent: Intent) =>
  CYPHER_ATTACKS.filter((a) => a.intent === intent && a.expect.kind !== 'runaway').map((a) => [a.name, a] as const);

describe.each(['write', 'escalate', 'exfiltrate', 'exhaust'] as const)('Cypher attempts to %s', (intent) => {
  it.each(byIntent(intent))('%s', async (_name, attack) => {
    const started = performance.now();
    const target = attack.expect.kind === 'bounded' ? patientApp : app;
    const res = await authorised(request(target).post('/api/cypher')).send({
      query: attack.query,
      params: attack.params ?? {},
    });
    expectOutcome(attack, res, performance.now() - started);
    const answer = res.text.toLowerCase();
    for (const secret of secrets) expect(answer).not.toContain(secret.toLowerCase());
    if (intent === 'exhaust') {
      const health = await authorised(request(app).get('/api/health'));
      expect(health.status).toBe(200);
    }
  });
});

describe('after every attempt', () => {
  it('has the table the review asked for: at least 164 attempts, writes in every disguise', () => {
    expect(CYPHER_ATTACKS.length).toBeGreaterThanOrEqual(164);
    expect(new Set(CYPHER_ATTACKS.map((a) => a.name)).size).toBe(CYPHER_ATTACKS.length);
  });

  it('answers three exhausting queries at once, each by its deadline, and health meanwhile', async () => {
    const query = 'UNWIND range(1, 2000000000) AS i WITH i WHERE i % 7 = 100 RETURN count(i) AS c';
    const started = performance.now();
    const slow = [1, 2, 3].map(() => authorised(request(app).post('/api/cypher')).send({ query }));
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS / 3));
    const health = await authorised(request(app).get('/api/health'));
    const answers = await Promise.all(slow);
    expect(health.status).toBe(200);
    expect(answers.map((r) => r.status)).toEqual([408, 408, 408]);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + DEADLINE_SLACK_MS);
  });

  it('finds the database exactly as it was: no attempt wrote anything', async () => {
    expect(await graphFingerprint(connection)).toEqual(before);
  });

  it('refuses every write with the lexical guard switched off: the planner and the READ transaction hold alone', async () => {
    const writes = CYPHER_ATTACKS.filter((a) => a.intent === 'write' && a.expect.kind === 'refused');
    for (const attack of writes) {
      const outcome = await runUserCypher(
        connection,
        attack.query,
        {},
        {
          timeoutMs: 5_000,
          maxRows: 10,
          maxBytes: MAX_BYTES,
          skipLexicalCheck: true,
        },
      ).then(
        () => 'ran',
        (error: Error) => error.name,
      );
      expect([attack.name, outcome]).toEqual([attack.name, expect.not.stringMatching(/^ran$/)]);
    }
    expect(await graphFingerprint(connection)).toEqual(before);
  });
});
