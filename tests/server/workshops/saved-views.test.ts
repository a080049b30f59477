import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { IDS, importKorea } from './fixtures/korea-import';
import { rows } from '../../support/neo4j';
import { workshopTestApp, workshopWithViewer, type Joined } from './workshop-test-app';

let connection: Neo4jConnection;
let app: Express;
let ws: Joined;

const as = (token: string) => ({
  get: (path: string) => request(app).get(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', token),
  post: (path: string) => request(app).post(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', token),
  patch: (path: string) => request(app).patch(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', token),
  put: (path: string) => request(app).put(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', token),
  delete: (path: string) =>
    request(app).delete(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', token),
});

const VIEW = {
  name: 'Who signed the armistice',
  description: 'The states and the treaty',
  nodeIds: [IDS.dprk, IDS.armistice],
  positions: { [IDS.dprk]: { x: -1, y: 0.5 }, [IDS.armistice]: { x: 1, y: -0.25 } },
  camera: { x: 0.5, y: 0.5, ratio: 0.8, angle: 0 },
  filters: { types: ['State', 'Treaty'], minConfidence: 0.5 },
  styling: { sizeBy: 'degree', colors: { State: '#1f77b4' } },
  notes: 'Step 1: start here.\nThen zoom.',
};

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  app = workshopTestApp(connection);
  ws = await workshopWithViewer(app);
});
afterAll(async () => {
  await connection.close();
});

describe('saved views', () => {
  it('creates, reads, updates, duplicates and deletes a view with its nested state intact', async () => {
    const editor = as(ws.editorToken);
    const created = await editor.post('/views').send(VIEW).expect(201);
    expect(created.body).toMatchObject({ ...VIEW, author: 'Ada', workshopId: ws.workshopId });
    expect(created.body.createdAt).toBe(created.body.updatedAt);

    const read = await as(ws.viewerToken).get(`/views/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);

    const updated = await editor
      .patch(`/views/${created.body.id}`)
      .send({ name: 'Signatories', camera: null })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: 'Signatories',
      camera: null,
      nodeIds: VIEW.nodeIds,
      filters: VIEW.filters,
    });
    expect(updated.body.updatedAt >= created.body.updatedAt).toBe(true);

    const copy = await editor.post(`/views/${created.body.id}/duplicate`).send({}).expect(201);
    expect(copy.body).toMatchObject({
      name: 'Signatories (copy)',
      positions: VIEW.positions,
      styling: VIEW.styling,
      notes: VIEW.notes,
    });
    expect(copy.body.id).not.toBe(created.body.id);

    const list = await as(ws.viewerToken).get('/views').expect(200);
    expect(list.body.views.map((v: { id: string }) => v.id).sort()).toEqual([created.body.id, copy.body.id].sort());

    await editor.delete(`/views/${copy.body.id}`).expect(204);
    await editor.get(`/views/${copy.body.id}`).expect(404);
    await editor.delete(`/views/${copy.body.id}`).expect(404);
  });

  it('keeps views apart from extracted facts: nothing of them is in the graph', async () => {
    const [view] = (await as(ws.viewerToken).get('/views').expect(200)).body.views;
    const found = await rows(connection, 'MATCH (n) WHERE n.id = $id OR n.workshop = $workshop RETURN n', {
      id: view.id,
      workshop: ws.workshopId,
    });
    expect(found).toEqual([]);
  });

  it('rejects an empty patch and an invalid camera with 400', async () => {
    const editor = as(ws.editorToken);
    const [view] = (await editor.get('/views').expect(200)).body.views;
    expect((await editor.patch(`/views/${view.id}`).send({}).expect(400)).body.error.code).toBe('INVALID_INPUT');
    await editor
      .post('/views')
      .send({ ...VIEW, camera: { x: 0, y: 0, ratio: -1 } })
      .expect(400);
  });

  it('keeps an ordered presentation and drops deleted views from it', async () => {
    const editor = as(ws.editorToken);
    const a = (await editor.post('/views').send({ name: 'A' }).expect(201)).body.id;
    const b = (await editor.post('/views').send({ name: 'B' }).expect(201)).body.id;
    const c = (await editor.post('/views').send({ name: 'C' }).expect(201)).body.id;
    await editor
      .put('/presentation')
      .send({ viewIds: [c, a, b] })
      .expect(200);
    const presentation = await as(ws.viewerToken).get('/presentation').expect(200);
    expect(presentation.body.viewIds).toEqual([c, a, b]);
    expect(presentation.body.views.map((v: { name: string }) => v.name)).toEqual(['C', 'A', 'B']);
    await editor.delete(`/views/${a}`).expect(204);
    expect((await editor.get('/presentation').expect(200)).body.viewIds).toEqual([c, b]);
    expect(
      (
        await editor
          .put('/presentation')
          .send({ viewIds: ['view-nope'] })
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
  });
});

describe('annotations', () => {
  it('lists annotations per target and per workshop, oldest first', async () => {
    const editor = as(ws.editorToken);
    await editor.post('/annotations').send({ targetKind: 'node', targetId: IDS.kim, text: 'First' }).expect(201);
    const edge = await editor
      .post('/annotations')
      .send({ targetKind: 'edge', targetId: 'rel:123', text: 'On an edge' })
      .expect(201);
    await editor.post('/annotations').send({ targetKind: 'node', targetId: IDS.kim, text: 'Second' }).expect(201);
    const forKim = await as(ws.viewerToken)
      .get('/annotations')
      .query({ targetKind: 'node', targetId: IDS.kim })
      .expect(200);
    expect(forKim.body.annotations.map((a: { text: string }) => a.text)).toEqual(['First', 'Second']);
    expect(forKim.body.annotations[0]).toMatchObject({ author: 'Ada', targetKind: 'node', targetId: IDS.kim });
    const all = await as(ws.viewerToken).get('/annotations').expect(200);
    expect(all.body.annotations).toHaveLength(3);
    await editor.delete(`/annotations/${edge.body.id}`).expect(204);
    expect((await editor.get('/annotations').expect(200)).body.annotations).toHaveLength(2);
  });

  it('finds the annotations of an entity merged into another under the survivor', async () => {
    const editor = as(ws.editorToken);
    await editor
      .post('/annotations')
      .send({ targetKind: 'node', targetId: IDS.dprk, text: 'Written on DPRK' })
      .expect(201);
    await editor.post('/curations').send({ kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }).expect(201);
    const res = await editor.get('/annotations').query({ targetKind: 'node', targetId: IDS.northKorea }).expect(200);
    expect(res.body.annotations.map((a: { text: string }) => a.text)).toEqual(['Written on DPRK']);
  });
});

describe('hypotheses', () => {
  it('keeps a hypothesis out of the graph, filterable by entity and label', async () => {
    const editor = as(ws.editorToken);
    const created = await editor
      .post('/hypotheses')
      .send({ sourceId: IDS.kim, targetId: IDS.armistice, label: 'negotiated', note: 'From memoirs?' })
      .expect(201);
    expect(created.body).toMatchObject({
      sourceId: IDS.kim,
      targetId: IDS.armistice,
      label: 'negotiated',
      author: 'Ada',
      workshopId: ws.workshopId,
    });
    await editor.post('/hypotheses').send({ sourceId: IDS.pyongyang, targetId: IDS.kim, label: 'hosted' }).expect(201);

    const inGraph = await rows(connection, 'MATCH ()-[r]->() WHERE r.id = $id OR r.label = $label RETURN r', {
      id: created.body.id,
      label: 'negotiated',
    });
    expect(inGraph).toEqual([]);

    const byEntity = await as(ws.viewerToken).get('/hypotheses').query({ entityId: IDS.armistice }).expect(200);
    expect(byEntity.body.hypotheses.map((h: { label: string }) => h.label)).toEqual(['negotiated']);
    const byLabel = await as(ws.viewerToken).get('/hypotheses').query({ label: 'HOSTED' }).expect(200);
    expect(byLabel.body.hypotheses.map((h: { sourceId: string }) => h.sourceId)).toEqual([IDS.pyongyang]);

    await editor.delete(`/hypotheses/${created.body.id}`).expect(204);
    expect((await editor.get('/hypotheses').expect(200)).body.hypotheses).toHaveLength(1);
    expect(
      (await editor.post('/hypotheses').send({ sourceId: 'person:nobody', targetId: IDS.kim, label: 'x' }).expect(404))
        .body.error.code,
    ).toBe('NOT_FOUND');
  });

  it('follows a merge to the survivor and back when the merge is undone', async () => {
    const editor = as(ws.editorToken);
    // The annotation test above merged DPRK away: bring it back first.
    if ((await request(app).get(`/api/nodes/${encodeURIComponent(IDS.dprk)}`)).status === 404)
      await editor.post('/curations/undo').expect(200);
    const drawn = await editor
      .post('/hypotheses')
      .send({ sourceId: IDS.kim, targetId: IDS.dprk, label: 'led' })
      .expect(201);
    const ends = async () =>
      (await editor.get('/hypotheses').query({ label: 'led' }).expect(200)).body.hypotheses.map(
        (h: { id: string; sourceId: string; targetId: string }) => [h.id, h.sourceId, h.targetId],
      );
    await editor.post('/curations').send({ kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }).expect(201);
    expect(await ends()).toEqual([[drawn.body.id, IDS.kim, IDS.northKorea]]);
    const byEntity = await editor.get('/hypotheses').query({ entityId: IDS.northKorea }).expect(200);
    expect(byEntity.body.hypotheses.map((h: { id: string }) => h.id)).toContain(drawn.body.id);
    await editor.post('/curations/undo').expect(200);
    expect(await ends()).toEqual([[drawn.body.id, IDS.kim, IDS.dprk]]);
  });
});
