import request from 'supertest';
import { connectTestNeo4j } from '../../support/neo4j';
import { testApp } from '../test-app';

/** One value that no 1 GB heap holds: a string doubled 30 times (1 G characters, grown inside one expression); 29 times fits when the heap happens to be empty. */
const OUTGROWS_THE_HEAP = 'RETURN size(reduce(s = "x", i IN range(1, 30) | s + s)) AS n';
/** Rows Neo4j's memory tracker counts: 20 million integers collected into one list. */
const OUTGROWS_THE_TRANSACTION_LIMIT = 'UNWIND range(1, 20000000) AS x RETURN size(collect(x)) AS n';

describe('POST /api/cypher under memory pressure', () => {
  const connection = connectTestNeo4j();
  const app = testApp(connection, { env: { CYPHER_TIMEOUT_MS: '20000' } });
  afterAll(() => connection.close());

  it('refuses a query whose value outgrows the heap with 403 QUERY_REJECTED, and the database keeps answering', async () => {
    const res = await request(app).post('/api/cypher').send({ query: OUTGROWS_THE_HEAP });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    expect(res.body.error.details.rule).toBe('MEMORY');
    const after = await request(app).post('/api/cypher').send({ query: 'RETURN 1 AS one' });
    expect(after.status).toBe(200);
    expect(after.body.rows).toEqual([[1]]);
  });

  it('refuses a query over its transaction memory limit with 403 QUERY_REJECTED', async () => {
    const res = await request(app).post('/api/cypher').send({ query: OUTGROWS_THE_TRANSACTION_LIMIT });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toMatchObject({ rule: 'MEMORY', neo4jCode: expect.stringMatching(/MemoryPool/) });
    const health = await request(app).get('/api/health');
    expect(health.status).toBe(200);
  });
});
