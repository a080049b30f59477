import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { IDS, importKorea } from './fixtures/korea-import';
import { openSse, type SseClient } from './sse-client';
import { workshopTestApp, workshopWithViewer, type Joined } from './workshop-test-app';

let connection: Neo4jConnection;
let app: Express;
let server: Server;
let base: string;
let ws: Joined;
const clients: SseClient[] = [];

async function connect(token: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await openSse(
    `${base}/api/workshops/${ws.workshopId}/events?token=${encodeURIComponent(token)}`,
    headers,
  );
  clients.push(client);
  await client.next((frame) => frame.event === 'ready');
  return client;
}

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importKorea(connection);
  app = workshopTestApp(connection);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ws = await workshopWithViewer(app);
});
afterAll(async () => {
  for (const client of clients) client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await connection.close();
});

describe('live workshop events', () => {
  it('streams text/event-stream and greets with who you are', async () => {
    const viewer = await connect(ws.viewerToken);
    expect(viewer.status).toBe(200);
    expect(viewer.contentType).toMatch(/^text\/event-stream/);
    const ready = await viewer.next((frame) => frame.event === 'ready');
    expect(ready.data).toMatchObject({
      workshopId: ws.workshopId,
      participant: { displayName: 'Vic', role: 'viewer' },
    });
  });

  it('refuses a stream without a valid token', async () => {
    const anonymous = await openSse(`${base}/api/workshops/${ws.workshopId}/events`);
    clients.push(anonymous);
    expect(anonymous.status).toBe(401);
    const wrong = await openSse(`${base}/api/workshops/${ws.workshopId}/events?token=nope`);
    clients.push(wrong);
    expect(wrong.status).toBe(401);
  });

  it('pushes an annotation to a second participant within a second, without polling', async () => {
    const viewer = await connect(ws.viewerToken);
    await request(base)
      .post(`/api/workshops/${ws.workshopId}/annotations`)
      .set('X-Workshop-Token', ws.editorToken)
      .send({ targetKind: 'node', targetId: IDS.kim, text: 'Check the <b>1953</b> signature' })
      .expect(201);
    // Within a second of the annotation being stored (the write itself is not the push's latency).
    const frame = await viewer.next((f) => f.event === 'annotation-added', 1000);
    expect(frame.data).toMatchObject({
      type: 'annotation-added',
      workshopId: ws.workshopId,
      by: { name: 'Ada' },
      data: { targetKind: 'node', targetId: IDS.kim, text: 'Check the <b>1953</b> signature', author: 'Ada' },
    });
  });

  it('pushes saved views, curations and the presenter’s moves', async () => {
    const viewer = await connect(ws.viewerToken);
    const editor = (path: string) =>
      request(base).post(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', ws.editorToken);
    const view = await editor('/views')
      .send({ name: 'Armistice', nodeIds: [IDS.dprk, IDS.armistice] })
      .expect(201);
    expect((await viewer.next((f) => f.event === 'view-saved')).data).toMatchObject({
      data: { id: view.body.id, name: 'Armistice' },
    });

    await editor('/presenter')
      .send({ viewId: view.body.id, step: 0, camera: { x: 0.5, y: 0.5, ratio: 1.2, angle: 0 }, selection: [IDS.dprk] })
      .expect(200);
    const moved = await viewer.next((f) => f.event === 'presenter-moved');
    expect(moved.data).toMatchObject({
      data: { viewId: view.body.id, camera: { ratio: 1.2 }, selection: [IDS.dprk], presenter: { name: 'Ada' } },
    });

    await editor('/curations').send({ kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk }).expect(201);
    const curation = await viewer.next((f) => f.event === 'curation-applied');
    expect(curation.data).toMatchObject({ data: { kind: 'merge', seq: 1, author: 'Ada' } });
    expect((curation.data as { data: Record<string, unknown> }).data.before).toBeUndefined();
  });

  it('tells a follower who connects late where the presenter is', async () => {
    const late = await connect(ws.viewerToken);
    const ready = await late.next((frame) => frame.event === 'ready');
    expect(ready.data).toMatchObject({ presenter: { step: 0, presenter: { name: 'Ada' } } });
    const current = await request(base)
      .get(`/api/workshops/${ws.workshopId}/presenter`)
      .set('X-Workshop-Token', ws.viewerToken)
      .expect(200);
    expect(current.body.presenter.step).toBe(0);
  });

  it('sends a reconnecting client the events it missed, or tells it to resync', async () => {
    const viewer = await connect(ws.viewerToken);
    const editor = (path: string) =>
      request(base).post(`/api/workshops/${ws.workshopId}${path}`).set('X-Workshop-Token', ws.editorToken);
    await editor('/annotations').send({ targetKind: 'view', targetId: 'view-1', text: 'seen' }).expect(201);
    const seen = await viewer.next(
      (f) => f.event === 'annotation-added' && (f.data as { data: { text: string } }).data.text === 'seen',
    );
    viewer.close();
    await editor('/annotations').send({ targetKind: 'view', targetId: 'view-1', text: 'missed' }).expect(201);

    const back = await connect(ws.viewerToken, { 'Last-Event-ID': String(seen.id) });
    const missed = await back.next((f) => f.event === 'annotation-added');
    expect((missed.data as { data: { text: string } }).data.text).toBe('missed');

    const stranger = await connect(ws.viewerToken, { 'Last-Event-ID': 'deadbeef.3' });
    expect(stranger.frames.map((f) => f.event)).toEqual(['resync', 'ready']);
  });

  it('ends the stream of a participant who is removed', async () => {
    const joined = await request(base)
      .post('/api/workshops/join')
      .send({ code: ws.viewerCode, displayName: 'Ivy' })
      .expect(200);
    const ivy = await connect(joined.body.token);
    const ended = new Promise<void>((resolve) => ivy.onEnd(resolve));
    const watcher = await connect(ws.viewerToken);
    await request(base)
      .delete(`/api/workshops/${ws.workshopId}/participants/${joined.body.participant.id}`)
      .set('X-Workshop-Token', ws.editorToken)
      .expect(204);
    await ended;
    const left = await watcher.next((f) => f.event === 'participant-left');
    expect(left.data).toMatchObject({ data: { displayName: 'Ivy' }, by: { name: 'Ada' } });
  });
});
