import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { connectNeo4j } from '../../graph/neo4j/connection';
import { startBoltProxy } from '../support/bolt-proxy';
import { connectTestNeo4j, testNeo4jSettings } from '../support/neo4j';
import { testApp } from './test-app';

const TOKEN = 'a-long-enough-test-token-0123456789';

describe('API hygiene', () => {
  const connection = connectTestNeo4j();
  afterAll(() => connection.close());

  it('sends helmet headers with a CSP that lets the layout worker start from a blob: URL', async () => {
    const res = await request(testApp(connection)).get('/api/stats');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers 401 UNAUTHORIZED without the token when one is configured, and accepts both header forms', async () => {
    const app = testApp(connection, { env: { DOSSIER_TOKEN: TOKEN } });
    const missing = await request(app).get('/api/stats');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('UNAUTHORIZED');
    const wrong = await request(app).get('/api/stats').set('Authorization', 'Bearer not-the-token-at-all-000000');
    expect(wrong.status).toBe(401);
    expect((await request(app).get('/api/stats').set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await request(app).get('/api/stats').set('X-Dossier-Token', TOKEN)).status).toBe(200);
    const cypher = await request(app).post('/api/cypher').send({ query: 'RETURN 1' });
    expect(cypher.status).toBe(401);
  });

  it('takes the API token from the query on the workshop event stream alone, and keeps it out of the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const app = testApp(connection, { env: { DOSSIER_TOKEN: TOKEN }, logger: pino({ level: 'info' }, sink) });
    // Past the API token, the stream asks for a workshop participant: 401 for the missing token is the API's.
    const stream = await request(app).get(`/api/workshops/w1/events?access_token=${TOKEN}&token=nope`);
    expect(stream.body.error?.message ?? '').not.toMatch(/API (?:needs a token|token is wrong)/);
    const elsewhere = await request(app).get(`/api/stats?access_token=${TOKEN}`);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.error.message).toMatch(/API needs a token/);
    const wrong = await request(app).get('/api/workshops/w1/events?access_token=not-the-token-at-all-000000');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/API token is wrong/);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('logs one structured line per API request without the token', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const app = testApp(connection, { env: { DOSSIER_TOKEN: TOKEN }, logger: pino({ level: 'info' }, sink) });
    await request(app).get('/api/stats?x=1').set('Authorization', `Bearer ${TOKEN}`);
    await request(app).get('/api/stats').set('X-Dossier-Token', TOKEN);
    await request(app).get(`/api/workshops/w1/events?token=${TOKEN}`).set('X-Dossier-Token', TOKEN);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.filter((e) => e.req?.url?.startsWith('/api/stats'))).toHaveLength(2);
    expect(entries[0]).toMatchObject({ req: { method: 'GET', url: '/api/stats?x=1' }, res: { statusCode: 200 } });
    expect(typeof entries[0].responseTime).toBe('number');
    expect(entries.some((e) => e.req?.url === '/api/workshops/w1/events?token=[redacted]')).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('limits request rates, more strictly on /api/cypher, with 429 RATE_LIMITED', async () => {
    const app = testApp(connection, { rateLimits: { windowMs: 60_000, api: 5, cypher: 2 } });
    const cypher = [];
    for (let i = 0; i < 3; i++)
      cypher.push((await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' })).status);
    expect(cypher).toEqual([200, 200, 429]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await request(app).get('/api/stats')).status);
    expect(statuses).toEqual([200, 200, 429]); // 3 cypher calls already counted against the API limit of 5
    const limited = await request(app).get('/api/stats');
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });

  it('refuses a JSON body over the limit with 413 and malformed JSON with 400', async () => {
    const app = testApp(connection);
    const big = await request(app)
      .post('/api/cypher')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ query: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await request(app).post('/api/cypher').set('Content-Type', 'application/json').send('{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
  });

  it('answers 404 NOT_FOUND for an unknown endpoint', async () => {
    const res = await request(testApp(connection)).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 503 while Neo4j is unreachable and recovers, without a restart, when it is back', async () => {
    const proxy = await startBoltProxy();
    const proxied = connectNeo4j({ ...testNeo4jSettings(), uri: `bolt://127.0.0.1:${proxy.port}` });
    const app = testApp(proxied);
    try {
      expect((await request(app).get('/api/stats')).status).toBe(200);
      await proxy.shut();
      const started = Date.now();
      const down = await request(app).get('/api/stats');
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(down.body.error.message).toMatch(/Neo4j/);
      expect(Date.now() - started).toBeLessThan(15_000);
      const cypherDown = await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' });
      expect(cypherDown.status).toBe(503);
      await proxy.reopen();
      const back = await request(app).get('/api/stats');
      expect(back.status).toBe(200);
    } finally {
      await proxy.close();
      await proxied.close();
    }
  }, 90_000);
});
