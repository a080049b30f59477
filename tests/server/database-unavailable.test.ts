/**
 * Every request that needs Neo4j answers the same 503 when Neo4j is gone, whatever kind of request it is:
 * a read, a write, a workshop's curation, user Cypher. Two ways of losing it: Neo4j stops answering (the
 * connection is cut and nothing listens any more), and the driver itself is closed.
 */
import type { Express } from 'express';
import request from 'supertest';
import { connectNeo4j, type Neo4jConnection } from '../../graph/neo4j/connection';
import { startBoltProxy } from '../support/bolt-proxy';
import { testNeo4jSettings } from '../support/neo4j';
import { workshopTestApp, workshopWithViewer } from './workshops/workshop-test-app';

jest.setTimeout(120_000);

interface Answer {
  status: number;
  body: unknown;
}

/** A read, a write, a workshop write and user Cypher, each answered while Neo4j is gone. */
async function answersWhileGone(app: Express, loseNeo4j: () => Promise<void>): Promise<Record<string, Answer>> {
  const ws = await workshopWithViewer(app);
  await loseNeo4j();
  const answer = (res: request.Response): Answer => ({ status: res.status, body: res.body });
  return {
    read: answer(await request(app).get('/api/stats')),
    write: answer(await request(app).delete('/api/documents/doc-that-was-never-there')),
    workshopWrite: answer(
      await request(app)
        .post(`/api/workshops/${ws.workshopId}/curations`)
        .set('X-Workshop-Token', ws.editorToken)
        .send({ kind: 'rename', entityId: 'person:kim-jong-un', name: 'Kim Jong Un' }),
    ),
    cypher: answer(await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' })),
  };
}

function expectOne503(answers: Record<string, Answer>, message: RegExp): void {
  const first = answers.read;
  expect(first).toEqual({
    status: 503,
    body: { error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(message) } },
  });
  for (const [kind, answer] of Object.entries(answers)) expect({ kind, ...answer }).toEqual({ kind, ...first });
}

describe('Neo4j gone', () => {
  let connection: Neo4jConnection | undefined;
  afterEach(async () => {
    await connection?.close();
    connection = undefined;
  });

  it('answers the same 503 to a read, a write, a workshop write and user Cypher when Neo4j stops answering', async () => {
    const proxy = await startBoltProxy();
    try {
      connection = connectNeo4j({ ...testNeo4jSettings(), uri: `bolt://127.0.0.1:${proxy.port}` });
      const app = workshopTestApp(connection);
      expect((await request(app).get('/api/stats')).status).toBe(200);
      expectOne503(await answersWhileGone(app, proxy.shut), /unreachable/);
    } finally {
      await proxy.close();
    }
  });

  it('answers the same 503 to a read, a write, a workshop write and user Cypher once the driver is closed', async () => {
    connection = connectNeo4j(testNeo4jSettings());
    const app = workshopTestApp(connection);
    // A driver closed before its first connection opens a new pool on the next session; one that served does not.
    expect((await request(app).get('/api/stats')).status).toBe(200);
    const closing = connection;
    expectOne503(await answersWhileGone(app, () => closing.close()), /unreachable/);
  });
});
