/**
 * The secret probes: however a read-only query computes a property name or walks a node's values, no
 * answer of POST /api/cypher (or of an export by query) holds a join code, a participant token or a hash
 * of one.
 */
import request from 'supertest';
import type { Express } from 'express';
import { createHash } from 'node:crypto';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { importKorea } from '../workshops/fixtures/korea-import';
import { workshopTestApp, workshopWithViewer, type Joined } from '../workshops/workshop-test-app';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The nine probes of the hardening review, each against every node (whatever its label) and by label. */
const PROBES: Array<[string, string, Record<string, unknown>?]> = [
  ['a property by name', 'MATCH (w:Workshop) RETURN w.editorCodeHash'],
  ['properties()', 'MATCH (n) RETURN properties(n) AS p'],
  ['a map projection', 'MATCH (n) RETURN n {.*} AS p'],
  ['keys() with its values', 'MATCH (n) UNWIND keys(n) AS k RETURN k, n[k] AS v'],
  ['a list of keys and values', 'MATCH (p) RETURN [k IN keys(p) | [k, p[k]]] AS kv'],
  ['a computed name', "MATCH (w) RETURN w['editor' + 'CodeHash'] AS v, w['token' + 'Hash'] AS t"],
  ['a name in a parameter', 'MATCH (w) RETURN w[$k] AS v, w[$t] AS t', { k: 'editorCodeHash', t: 'tokenHash' }],
  ['an escaped name', "MATCH (p) RETURN p['token\\u0048ash'] AS v"],
  ['reduce over every value', "MATCH (p) RETURN reduce(s = '', k IN keys(p) | s + '|' + toStringOrNull(p[k])) AS all"],
];

let connection: Neo4jConnection;
let app: Express;
let ws: Joined;
let secrets: string[];

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  app = workshopTestApp(connection);
  ws = await workshopWithViewer(app);
  const plain = [ws.editorToken, ws.viewerToken, ws.editorCode, ws.viewerCode];
  const normalised = [ws.editorCode, ws.viewerCode].map((code) => code.replace(/-/g, ''));
  secrets = [...plain, ...normalised, ...[...plain, ...normalised].map(sha256)];
});
afterAll(async () => {
  await connection.close();
});

describe('secret probes through POST /api/cypher', () => {
  it.each(PROBES)('answers nothing secret to %s', async (_what, query, params = {}) => {
    const res = await request(app).post('/api/cypher').send({ query, params });
    expect([200, 400, 403]).toContain(res.status);
    const answer = JSON.stringify(res.body).toLowerCase();
    for (const secret of secrets) expect(answer).not.toContain(secret.toLowerCase());
  });

  it('answers nothing secret to an export by query either', async () => {
    const res = await request(app)
      .post('/api/export')
      .send({ format: 'json', query: 'MATCH (n) RETURN n, [k IN keys(n) | n[k]] AS values' });
    const answer = res.text.toLowerCase();
    for (const secret of secrets) expect(answer).not.toContain(secret.toLowerCase());
  });
});
