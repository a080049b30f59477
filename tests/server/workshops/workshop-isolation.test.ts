/**
 * The workshop access matrix: who may create a workshop, who may write inside one, and that nothing a
 * workshop owns (notes, views, hypotheses, participants) can be read or changed from outside it, through
 * the workshop routes of another workshop or through the graph API (Cypher, export, edges, neighbours).
 */
import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { IDS, importKorea } from './fixtures/korea-import';
import { workshopTestApp, workshopWithViewer, type Joined } from './workshop-test-app';

const API_TOKEN = 'a-long-instance-token-0123456789';

/** Words only workshop A's own data contains: none may appear in an answer given without A's token. */
const PRIVATE = {
  annotation: 'annotation-kept-inside-a',
  viewNotes: 'view-notes-kept-inside-a',
  viewName: 'view-name-kept-inside-a',
  hypothesis: 'hypothesis-kept-inside-a',
  hypothesisNote: 'hypothesis-note-kept-inside-a',
  participant: 'Participant-Kept-Inside-A',
};

let connection: Neo4jConnection;
let app: Express;
let a: Joined;
let b: Joined;
let hypothesisId: string;
let annotationId: string;
let viewId: string;

const as = (token: string | undefined) => ({
  post: (path: string) => withToken(request(app).post(path), token),
  patch: (path: string) => withToken(request(app).patch(path), token),
  put: (path: string) => withToken(request(app).put(path), token),
  delete: (path: string) => withToken(request(app).delete(path), token),
  get: (path: string) => withToken(request(app).get(path), token),
});
function withToken(test: request.Test, token: string | undefined): request.Test {
  return token ? test.set('X-Workshop-Token', token) : test;
}

/** `asked`: an id the request itself named, which an error message may echo. */
function expectNothingPrivate(text: string, asked?: string): void {
  for (const word of [...Object.values(PRIVATE), hypothesisId, annotationId, viewId])
    if (word !== asked) expect(text).not.toContain(word);
}

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  app = workshopTestApp(connection);
  a = await workshopWithViewer(app, 'Desk A');
  b = await workshopWithViewer(app, 'Desk B');
  const base = `/api/workshops/${a.workshopId}`;
  await request(app)
    .post('/api/workshops/join')
    .send({ code: a.viewerCode, displayName: PRIVATE.participant })
    .expect(200);
  hypothesisId = (
    await as(a.editorToken)
      .post(`${base}/hypotheses`)
      .send({ sourceId: IDS.kim, targetId: IDS.armistice, label: PRIVATE.hypothesis, note: PRIVATE.hypothesisNote })
      .expect(201)
  ).body.id;
  annotationId = (
    await as(a.editorToken)
      .post(`${base}/annotations`)
      .send({ targetKind: 'node', targetId: IDS.kim, text: PRIVATE.annotation })
      .expect(201)
  ).body.id;
  viewId = (
    await as(a.editorToken)
      .post(`${base}/views`)
      .send({ name: PRIVATE.viewName, notes: PRIVATE.viewNotes, nodeIds: [IDS.kim] })
      .expect(201)
  ).body.id;
});
afterAll(async () => {
  await connection.close();
});

describe('creating a workshop', () => {
  it('is open to the local user when no API token is configured', async () => {
    await request(app).post('/api/workshops').send({ name: 'Local desk', displayName: 'Lu' }).expect(201);
  });

  it('needs the API token when one is configured: neither nothing nor a participant token will do', async () => {
    const guarded = workshopTestApp(connection, { DOSSIER_TOKEN: API_TOKEN });
    const body = { name: 'Guarded desk', displayName: 'Gu' };
    const bare = await request(guarded).post('/api/workshops').send(body).expect(401);
    expect(bare.body.error.code).toBe('UNAUTHORIZED');
    for (const token of [a.viewerToken, a.editorToken]) {
      await request(guarded).post('/api/workshops').set('X-Workshop-Token', token).send(body).expect(401);
      await request(guarded).post('/api/workshops').set('Authorization', `Bearer ${token}`).send(body).expect(401);
    }
    await request(guarded).post('/api/workshops').set('Authorization', `Bearer ${API_TOKEN}`).send(body).expect(201);
  });
});

describe('writing inside a workshop', () => {
  const writes = (): Array<[string, (token: string | undefined) => request.Test]> => {
    const base = `/api/workshops/${a.workshopId}`;
    return [
      ['save a view', (t) => as(t).post(`${base}/views`).send({ name: 'x' })],
      ['change a view', (t) => as(t).patch(`${base}/views/${viewId}`).send({ name: 'x' })],
      ['duplicate a view', (t) => as(t).post(`${base}/views/${viewId}/duplicate`).send({})],
      [
        'order the presentation',
        (t) =>
          as(t)
            .put(`${base}/presentation`)
            .send({ viewIds: [viewId] }),
      ],
      ['move the presenter', (t) => as(t).post(`${base}/presenter`).send({ step: 1 })],
      [
        'write a note',
        (t) => as(t).post(`${base}/annotations`).send({ targetKind: 'node', targetId: IDS.kim, text: 'x' }),
      ],
      ['delete a note', (t) => as(t).delete(`${base}/annotations/ann-unknown`)],
      [
        'draw a hypothesis',
        (t) => as(t).post(`${base}/hypotheses`).send({ sourceId: IDS.kim, targetId: IDS.pyongyang, label: 'x' }),
      ],
      ['delete a hypothesis', (t) => as(t).delete(`${base}/hypotheses/hyp-unknown`)],
      ['curate', (t) => as(t).post(`${base}/curations`).send({ kind: 'rename', entityId: IDS.kim, name: 'Kim' })],
      ['undo a curation', (t) => as(t).post(`${base}/curations/undo`)],
    ];
  };

  it('answers 401 without a token, 401 to an editor of another workshop and 403 to a viewer, changing nothing', async () => {
    for (const [what, send] of writes()) {
      const none = await send(undefined);
      const outsider = await send(b.editorToken);
      const viewer = await send(a.viewerToken);
      expect([what, none.status, outsider.status, viewer.status]).toEqual([what, 401, 401, 403]);
    }
    const hypotheses = await as(a.viewerToken).get(`/api/workshops/${a.workshopId}/hypotheses`).expect(200);
    expect(hypotheses.body.hypotheses.map((h: { id: string }) => h.id)).toEqual([hypothesisId]);
  });

  it("lets no editor of another workshop dispute, delete or otherwise change A's hypothesis or notes by id", async () => {
    const baseB = `/api/workshops/${b.workshopId}`;
    const editorB = as(b.editorToken);
    const dispute = await editorB
      .post(`${baseB}/curations`)
      .send({ kind: 'dispute-relation', relationId: hypothesisId });
    const remove = await editorB.post(`${baseB}/curations`).send({ kind: 'delete-relation', relationId: hypothesisId });
    expect([dispute.status, remove.status]).toEqual([404, 404]);
    await editorB.delete(`${baseB}/hypotheses/${hypothesisId}`).expect(404);
    await editorB.delete(`${baseB}/annotations/${annotationId}`).expect(404);
    await editorB.patch(`${baseB}/views/${viewId}`).send({ notes: 'changed by B' }).expect(404);
    await editorB.delete(`${baseB}/views/${viewId}`).expect(404);
    await editorB
      .put(`${baseB}/presentation`)
      .send({ viewIds: [viewId] })
      .expect(404);
    await editorB.delete(`${baseB}/participants/${a.viewerToken.slice(0, 4)}`).expect(404);

    const baseA = `/api/workshops/${a.workshopId}`;
    const [hypotheses, annotations, view] = await Promise.all([
      as(a.viewerToken).get(`${baseA}/hypotheses`).expect(200),
      as(a.viewerToken).get(`${baseA}/annotations`).expect(200),
      as(a.viewerToken).get(`${baseA}/views/${viewId}`).expect(200),
    ]);
    expect(hypotheses.body.hypotheses).toEqual([
      expect.objectContaining({ id: hypothesisId, label: PRIVATE.hypothesis, note: PRIVATE.hypothesisNote }),
    ]);
    expect(JSON.stringify(hypotheses.body)).not.toContain('disputed');
    expect(annotations.body.annotations.map((n: { id: string }) => n.id)).toEqual([annotationId]);
    expect(view.body.notes).toBe(PRIVATE.viewNotes);
  });

  it("keeps an editor's curation of the shared graph working", async () => {
    const base = `/api/workshops/${a.workshopId}`;
    await as(a.editorToken)
      .post(`${base}/curations`)
      .send({ kind: 'rename', entityId: IDS.kim, name: 'Kim' })
      .expect(201);
    await as(a.editorToken).post(`${base}/curations/undo`).expect(200);
  });
});

describe("reading a workshop's data without its token", () => {
  const cypher = (query: string) => request(app).post('/api/cypher').send({ query });

  it('finds nothing of it through POST /api/cypher, whatever the query names', async () => {
    for (const query of [
      'MATCH (n) RETURN n, labels(n), properties(n)',
      'MATCH ()-[r]->() RETURN r, type(r), properties(r)',
      'MATCH (a:Annotation) RETURN a.text, a.author',
      'MATCH (v:SavedView) RETURN v.name, v.notes',
      'MATCH (p:Participant) RETURN p.displayName, p.role',
      'MATCH ()-[h:HYPOTHESIS]->() RETURN h.id, h.label, h.note',
      "MATCH (n) WHERE any(k IN keys(n) WHERE toStringOrNull(n[k]) CONTAINS 'inside-a') RETURN n",
    ]) {
      const res = await cypher(query);
      expect([query, res.status]).toEqual([query, 200]);
      expectNothingPrivate(JSON.stringify(res.body));
    }
  });

  it('finds nothing of it through POST /api/export, by query or by node ids', async () => {
    for (const format of ['json', 'cypher', 'csv'] as const) {
      const byQuery = await request(app)
        .post('/api/export')
        .send({ format, query: 'MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m' })
        .expect(200);
      expectNothingPrivate(byQuery.text);
      const byIds = await request(app)
        .post('/api/export')
        .send({ format, nodeIds: [IDS.kim, IDS.armistice, IDS.pyongyang] })
        .expect(200);
      expectNothingPrivate(byIds.text);
    }
  });

  it('finds nothing of it through GET /api/edges/:id or the neighbours of a node', async () => {
    const edge = await request(app)
      .get(`/api/edges/${encodeURIComponent(hypothesisId)}`)
      .expect(404);
    expectNothingPrivate(JSON.stringify(edge.body), hypothesisId);
    for (const relTypes of ['HYPOTHESIS', '']) {
      const around = await request(app)
        .get(`/api/nodes/${encodeURIComponent(IDS.kim)}/neighbors`)
        .query(relTypes ? { relTypes } : {})
        .expect(200);
      expectNothingPrivate(JSON.stringify(around.body));
    }
    const node = await request(app)
      .get(`/api/nodes/${encodeURIComponent(IDS.kim)}`)
      .expect(200);
    expectNothingPrivate(JSON.stringify(node.body));
  });

  it("still answers all of it to A's own participants", async () => {
    const base = `/api/workshops/${a.workshopId}`;
    const seen = JSON.stringify(
      await Promise.all(
        ['', '/hypotheses', '/annotations', '/views'].map(
          async (path) => (await as(a.viewerToken).get(base + path)).body,
        ),
      ),
    );
    for (const word of Object.values(PRIVATE)) expect(seen).toContain(word);
  });
});
