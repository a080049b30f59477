import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { connectTestNeo4j } from '../../support/neo4j';
import { testApp } from '../test-app';

const deep = (levels: number) => `RETURN ${'['.repeat(levels)}1${']'.repeat(levels)} AS x`;

interface Case {
  name: string;
  send: (agent: ReturnType<typeof request>) => request.Test;
  status?: number;
  code?: string;
  message?: RegExp;
}

/** Malformed requests of every kind: each gets a 4xx with the error body, never a 5xx. */
const CASES: Case[] = [
  { name: 'an undecodable node id', send: (r) => r.get('/api/nodes/%ff'), status: 400, code: 'INVALID_INPUT' },
  { name: 'a truncated node id', send: (r) => r.get('/api/nodes/%E0%A4%A'), status: 400, code: 'INVALID_INPUT' },
  { name: 'an undecodable neighbour id', send: (r) => r.get('/api/nodes/%ff/neighbors'), status: 400 },
  { name: 'an undecodable edge id', send: (r) => r.get('/api/edges/%C0%AF'), status: 400 },
  { name: 'an undecodable document id', send: (r) => r.get('/api/documents/%ff%fe'), status: 400 },
  { name: 'an undecodable workshop id', send: (r) => r.get('/api/workshops/%e2%82/views'), status: 400 },
  {
    name: 'a latin1 JSON body',
    send: (r) =>
      r.post('/api/cypher').set('Content-Type', 'application/json; charset=latin1').send('{"query":"RETURN 1"}'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /charset "latin1".*UTF-8/,
  },
  {
    name: 'an unknown Content-Encoding',
    send: (r) =>
      r
        .post('/api/cypher')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'x-frobnicate')
        .send('{"query":"RETURN 1"}'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a gzip body that does not inflate',
    send: (r) =>
      r
        .post('/api/cypher')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(Buffer.from('this is not gzip at all').toString()),
    status: 400,
    code: 'INVALID_INPUT',
  },
  {
    name: 'a gzip body that is truncated',
    send: (r) =>
      r
        .post('/api/cypher')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(gzipSync('{"query":"RETURN 1"}').subarray(0, 12).toString('latin1')),
    status: 400,
  },
  {
    name: 'malformed JSON',
    send: (r) => r.post('/api/cypher').set('Content-Type', 'application/json').send('{"query": '),
    status: 400,
  },
  {
    name: 'JSON nested 100,000 levels',
    send: (r) => r.post('/api/cypher').set('Content-Type', 'application/json').send('['.repeat(100_000)),
    status: 400,
  },
  { name: 'a JSON array body', send: (r) => r.post('/api/cypher').send([1, 2]), status: 400 },
  { name: 'a query of the wrong type', send: (r) => r.post('/api/cypher').send({ query: 5 }), status: 400 },
  { name: 'params of the wrong type', send: (r) => r.post('/api/cypher').send({ query: 'RETURN 1', params: [1] }) },
  {
    name: 'a plain-text body',
    send: (r) => r.post('/api/cypher').set('Content-Type', 'text/plain').send('RETURN 1'),
    status: 400,
  },
  {
    name: 'user Cypher nested 300 levels',
    send: (r) => r.post('/api/cypher').send({ query: deep(300) }),
    status: 400,
    code: 'INVALID_INPUT',
    message: /Invalid query: nests \d+ levels deep.*at most 64/,
  },
  {
    name: 'an export by a query nested 300 levels',
    send: (r) => r.post('/api/export').send({ format: 'json', query: deep(300) }),
    status: 400,
    message: /nests \d+ levels deep/,
  },
  {
    name: 'nested NOTs',
    send: (r) => r.post('/api/cypher').send({ query: `RETURN ${'NOT '.repeat(1000)}true` }),
    status: 400,
  },
  {
    name: 'nested CASEs',
    send: (r) =>
      r.post('/api/cypher').send({ query: `RETURN ${'CASE WHEN true THEN '.repeat(200)}1${' END'.repeat(200)}` }),
    status: 400,
  },
  {
    name: 'a chain of 300 property lookups',
    send: (r) => r.post('/api/cypher').send({ query: `RETURN {a: 1}${'.a'.repeat(300)}` }),
    status: 400,
  },
  { name: 'a limit that is not a number', send: (r) => r.get('/api/graph?limit=abc'), status: 400 },
  { name: 'a negative limit', send: (r) => r.get('/api/documents?limit=-1&offset=-5'), status: 400 },
  { name: 'a search with repeated nested keys', send: (r) => r.get('/api/search?q[a]=x&q[b]=y&types=Nope') },
  { name: 'a search with a bad encoding', send: (r) => r.get('/api/search?q=%ff%fe&limit=%zz') },
  { name: 'paths between undecodable ids', send: (r) => r.get('/api/paths?from=%ff&to=%E0%A4%A') },
  {
    name: 'a header of 40 KB',
    send: (r) => r.get('/api/stats').set('X-Padding', 'x'.repeat(40_000)),
    status: 431,
  },
  { name: 'an unknown route', send: (r) => r.get('/api/no/such/route'), status: 404, code: 'NOT_FOUND' },
  { name: 'an unknown method', send: (r) => r.delete('/api/stats'), status: 404, code: 'NOT_FOUND' },
  { name: 'an export in an unknown format', send: (r) => r.post('/api/export').send({ format: 'xls' }), status: 400 },
];

describe('the error middleware on malformed requests', () => {
  const connection = connectTestNeo4j();
  const app = testApp(connection);
  afterAll(() => connection.close());

  it.each(CASES)('answers $name with a 4xx, never a 5xx', async ({ send, status, code, message }) => {
    const res = await send(request(app));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (status !== undefined) expect(res.status).toBe(status);
    if (res.status !== 431) expect(res.body.error).toEqual(expect.objectContaining({ code: expect.any(String) }));
    if (code) expect(res.body.error.code).toBe(code);
    if (message) expect(res.body.error.message).toMatch(message);
  });

  it('still answers a query nested a few levels deep', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: deep(20) });
    expect(res.status).toBe(200);
  });
});
