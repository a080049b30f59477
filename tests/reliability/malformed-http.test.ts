/**
 * Malformed HTTP requests, generated for every route the app mounts (read from its router): undecodable
 * path parameters, broken query strings, bodies in wrong charsets, encodings and shapes, bodies too large
 * or too deep, a gzip bomb, lying lengths, wrong methods, unknown hosts. Every one gets a 4xx with the
 * error body, never a 5xx, and nothing is logged as an unhandled error. Sent over a real socket, byte for
 * byte, as an outsider would.
 */
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { connectTestNeo4j, emptyDatabase } from '../support/neo4j';
import { IDS, importKorea } from '../server/workshops/fixtures/korea-import';
import { testApp } from '../server/test-app';
import { appRoutes, routeKey, type AppRoute } from './support/app-routes';
import { listen, type Listening, type RawRequest, type RawResponse } from './support/raw-http';

interface Case {
  route: string;
  name: string;
  request: RawRequest;
  /** The status this malformation must get; any 4xx with an error body when not given. */
  status?: number;
  /** A route may ignore what it does not read (a query parameter it has none of): then any status below 500. */
  anyStatus?: boolean;
  /** Node's own HTTP parser answers, with no error body. */
  nodeAnswers?: boolean;
}

/** Broken percent-encodings: a lone byte, a cut sequence, an overlong slash, a bare %, a non-hex %. */
const BAD_ENCODINGS = ['%ff', '%E0%A4%A', '%C0%AF', '%', '%zz', '%ed%a0%80'];

const BAD_QUERIES = [
  '%ff=%fe',
  'limit=%zz&q=%',
  'q[a]=1&q[b]=2&types[]=Person',
  'limit=1e309&maxHops=-1&offset=NaN',
  `q=${'x'.repeat(20_000)}`,
  'relTypes=%00DELETE&types=Nope',
  '__proto__[admin]=1&constructor[prototype][admin]=1',
];

const json = { 'content-type': 'application/json' };
/**
 * `status`: what the transport must answer, whatever the route. `shape`: a body the parser accepts, which a
 * route may ignore or read as it sees fit (a DELETE reads no body): any status below 500.
 * `nodeAnswers`: Node's HTTP parser sees the stray bytes as a broken next request and answers 400 itself.
 */
const BAD_BODIES: Array<{
  name: string;
  headers: Record<string, string>;
  body: Buffer | string;
  status?: number;
  shape?: boolean;
  nodeAnswers?: boolean;
  /** Tens of megabytes to send or inflate: tried on the routes of each body limit only (HEAVY_ROUTES). */
  heavy?: boolean;
}> = [
  {
    name: 'a latin1 charset',
    headers: { 'content-type': 'application/json; charset=latin1' },
    body: '{}',
    status: 415,
  },
  // JSON may come as UTF-16 (RFC 8259 allows it inside closed systems): these UTF-8 bytes are not UTF-16 JSON.
  {
    name: 'a UTF-16 charset',
    headers: { 'content-type': 'application/json; charset=utf-16' },
    body: '{}',
    status: 400,
  },
  {
    name: 'an unknown charset',
    headers: { 'content-type': 'application/json; charset=x-klingon' },
    body: '{}',
    status: 415,
  },
  {
    name: 'an unknown Content-Encoding',
    headers: { ...json, 'content-encoding': 'x-frobnicate' },
    body: '{}',
    status: 415,
  },
  {
    name: 'a gzip body that is not gzip',
    headers: { ...json, 'content-encoding': 'gzip' },
    body: 'plain',
    status: 400,
  },
  {
    name: 'a truncated deflate body',
    headers: { ...json, 'content-encoding': 'deflate' },
    body: Buffer.from([0x78, 0x9c, 0x4b]),
    status: 400,
  },
  {
    // 40 MB of JSON whitespace in 40 KB: refused once inflated past the limit, not held whole.
    name: 'a gzip bomb',
    headers: { ...json, 'content-encoding': 'gzip' },
    body: gzipSync(Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(40_000_000, 0x20), Buffer.from('"}')])),
    status: 413,
    heavy: true,
  },
  { name: 'a body over the limit', headers: json, body: `{"a":"${'x'.repeat(17_000_000)}"}`, status: 413, heavy: true },
  { name: 'malformed JSON', headers: json, body: '{"query": ', status: 400 },
  { name: 'JSON nested 100,000 deep', headers: json, body: '['.repeat(100_000), status: 400 },
  {
    name: 'JSON with invalid UTF-8',
    headers: json,
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    shape: true,
  },
  { name: 'a JSON string', headers: json, body: '"text"', shape: true },
  { name: 'a JSON null', headers: json, body: 'null', shape: true },
  { name: 'a JSON array', headers: json, body: '[1,2,3]', shape: true },
  {
    name: 'fields of the wrong types',
    headers: json,
    body: '{"query":5,"ids":"x","name":[],"kind":{},"nodeIds":7}',
    shape: true,
  },
  {
    name: 'a prototype pollution attempt',
    headers: json,
    body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}',
    shape: true,
  },
  { name: 'a plain-text body', headers: { 'content-type': 'text/plain' }, body: 'RETURN 1', shape: true },
  { name: 'multipart without a boundary', headers: { 'content-type': 'multipart/form-data' }, body: 'x', shape: true },
  {
    name: 'multipart cut off mid-part',
    headers: { 'content-type': 'multipart/form-data; boundary=b' },
    body: '--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nhalf a fi',
    shape: true,
  },
  {
    name: 'a Content-Length shorter than the body',
    headers: { ...json, 'content-length': '5' },
    body: '{"query":"RETURN 1"}',
    status: 400,
    nodeAnswers: true,
  },
];

/** Values for each path parameter that reach the handler: the request is malformed in one way only. */
function paramValues(workshopId: string): Record<string, (route: AppRoute) => string> {
  return {
    id: (route) => {
      if (route.path.startsWith('/api/workshops/')) return workshopId;
      if (route.path.startsWith('/api/nodes/')) return encodeURIComponent(IDS.kim);
      if (route.path.startsWith('/api/jobs/')) return 'job-unknown';
      if (route.path.startsWith('/api/edges/')) return 'rel-unknown';
      return 'doc-a';
    },
    participantId: () => 'par-unknown',
    viewId: () => 'view-unknown',
    annotationId: () => 'ann-unknown',
    hypothesisId: () => 'hyp-unknown',
    curationId: () => 'cur-unknown',
    documentId: () => 'doc-a',
  };
}

/** The body limits are set per mount: 16 MB on /api/export, 1 MB on the rest of /api; uploads stream. */
const HEAVY_ROUTES = new Set(['POST /api/export', 'POST /api/cypher', 'POST /api/documents']);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function generateCases(routes: AppRoute[], workshopId: string, token: string): Case[] {
  const values = paramValues(workshopId);
  const auth = { 'x-workshop-token': token };
  const fill = (route: AppRoute, bad?: { param: string; value: string }) =>
    route.path.replace(/:(\w+)/g, (_m, name: string) => {
      if (bad?.param === name) return bad.value;
      const value = values[name];
      if (!value) throw new Error(`${routeKey(route)}: no value for :${name}; add one to paramValues`);
      return value(route);
    });
  const cases: Case[] = [];
  const declared = new Set(routes.map(routeKey));
  for (const route of routes) {
    const key = routeKey(route);
    const method = route.method.toUpperCase();
    for (const [, param] of route.path.matchAll(/:(\w+)/g))
      for (const value of BAD_ENCODINGS)
        cases.push({
          route: key,
          name: `:${param} = ${value}`,
          request: { method, path: fill(route, { param, value }), headers: auth },
          status: 400,
        });
    if (route.method === 'get')
      for (const query of BAD_QUERIES)
        cases.push({
          route: key,
          name: `?${query.slice(0, 40)}`,
          request: { method, path: `${fill(route)}?${query}`, headers: auth },
          anyStatus: true,
        });
    else
      for (const body of BAD_BODIES.filter((b) => !b.heavy || HEAVY_ROUTES.has(key)))
        cases.push({
          route: key,
          name: body.name,
          request: { method, path: fill(route), headers: { ...auth, ...body.headers }, body: body.body },
          status: body.status,
          anyStatus: body.shape,
          nodeAnswers: body.nodeAnswers,
        });
    for (const other of METHODS)
      if (!declared.has(`${other.toUpperCase()} ${route.path}`))
        cases.push({
          route: key,
          name: `the wrong method ${other.toUpperCase()}`,
          // 404, or what a route of the same shape answers (GET /workshops/join is GET /workshops/:id).
          request: { method: other.toUpperCase(), path: fill(route), headers: auth },
        });
    cases.push({
      route: key,
      name: 'an unknown Host',
      request: { method, path: fill(route), headers: { ...auth, host: 'rebound.example:8080' } },
      status: 403,
    });
  }
  return cases;
}

let connection: Neo4jConnection;
let app: Express;
let server: Listening;
let cases: Case[];
const logged: Array<{ level: number; msg?: string }> = [];

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg?: string }) },
  );
  app = testApp(connection, { logger });
  server = await listen(app);
  const created = await request(app).post('/api/workshops').send({ name: 'Desk', displayName: 'Ada' }).expect(201);
  cases = generateCases(appRoutes(app), created.body.workshop.id, created.body.token);
});
afterAll(async () => {
  await server?.close();
  await connection.close();
});

/** What is wrong with an answer, or nothing. */
function problem(c: Case, res: RawResponse): string | undefined {
  if (res.status >= 500) return `a ${res.status}: ${res.text.slice(0, 200)}`;
  if (c.status !== undefined && res.status !== c.status) return `${res.status} instead of ${c.status}`;
  if (c.status === undefined && !c.anyStatus && res.status < 400) return `${res.status} instead of a 4xx`;
  if (res.status >= 400 && res.status !== 431 && !(c.nodeAnswers && res.contentType === '')) {
    if (!res.contentType.startsWith('application/json')) return `a ${res.status} as ${res.contentType}`;
    const body = JSON.parse(res.text) as { error?: { code?: unknown } };
    if (typeof body.error?.code !== 'string') return `a ${res.status} without an error code`;
  }
  return undefined;
}

describe('malformed HTTP requests to every route', () => {
  it('generates hundreds of cases and covers every route the app mounts', () => {
    expect(cases.length).toBeGreaterThan(900);
    for (const heavy of HEAVY_ROUTES)
      expect(cases.some((c) => c.route === heavy && c.name === 'a gzip bomb')).toBe(true);
    expect(new Set(cases.map((c) => c.route))).toEqual(new Set(appRoutes(app).map(routeKey)));
  });

  it('answers each with a 4xx and the error body, never a 5xx', async () => {
    const answers: Array<[Case, RawResponse]> = [];
    // Four at a time: each waits mostly on the socket and the database, and one at a time takes half a minute.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < cases.length) {
        const c = cases[next++];
        answers.push([c, await server.send(c.request)]);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(answers).toHaveLength(cases.length);
    const wrong = answers.flatMap(([c, res]) => {
      const what = problem(c, res);
      return what ? [`${c.route} ${c.name}: ${what}`] : [];
    });
    expect(wrong).toEqual([]);
  }, 300_000);

  it('logged no unhandled error and goes on answering', async () => {
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    const health = await server.send({ method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
  });
});
