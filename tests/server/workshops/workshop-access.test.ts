import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { IDS, importKorea } from './fixtures/korea-import';
import { WorkshopStore } from '../../../graph/workshop-store/workshop-store';
import { workshopTestApp, workshopWithViewer, type Joined } from './workshop-test-app';
import { inSession } from '../../../graph/neo4j/transaction';

let connection: Neo4jConnection;
let app: Express;
let ws: Joined;

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

describe('workshop access', () => {
  it('gives the creator an editor token and two join codes, one per role', async () => {
    const created = await request(app)
      .post('/api/workshops')
      .send({ name: 'Second desk', displayName: 'Bea' })
      .expect(201);
    expect(created.body.participant).toMatchObject({ displayName: 'Bea', role: 'editor' });
    expect(created.body.editorCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(created.body.viewerCode).not.toBe(created.body.editorCode);
    const asEditor = await request(app)
      .post('/api/workshops/join')
      .send({ code: created.body.editorCode.toLowerCase().replace(/-/g, ' '), displayName: 'Cy' })
      .expect(200);
    expect(asEditor.body.participant.role).toBe('editor');
    const asViewer = await request(app)
      .post('/api/workshops/join')
      .send({ code: created.body.viewerCode, displayName: 'Di' })
      .expect(200);
    expect(asViewer.body.participant.role).toBe('viewer');
  });

  it('stores tokens and codes only as hashes, in an owner-only file and nowhere in Neo4j', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dossier-workshops-'));
    try {
      const file = path.join(dir, 'workshops.json');
      const filed = workshopTestApp(connection, {}, WorkshopStore.open(file));
      const joined = await workshopWithViewer(filed, 'Filed desk');
      const secrets = [joined.editorToken, joined.viewerToken, joined.editorCode, joined.viewerCode];
      const stored = readFileSync(file, 'utf8');
      expect(stored).toContain('Filed desk');
      for (const secret of secrets) expect(stored).not.toContain(secret);
      expect(statSync(file).mode & 0o777).toBe(0o600);

      await inSession(connection, 'read', async (session) => {
        const result = await session.run('MATCH (n) RETURN properties(n) AS p');
        const inGraph = JSON.stringify(result.records.map((r) => r.get('p')));
        expect(inGraph).not.toContain('Filed desk');
        expect(inGraph).not.toContain(joined.workshopId);
      });

      // Another server on the same file knows the workshop, its codes and its tokens.
      const reopened = workshopTestApp(connection, {}, WorkshopStore.open(file));
      await request(reopened)
        .get(`/api/workshops/${joined.workshopId}`)
        .set('X-Workshop-Token', joined.viewerToken)
        .expect(200);
      await request(reopened)
        .post('/api/workshops/join')
        .send({ code: joined.editorCode, displayName: 'Ed' })
        .expect(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong join code with 401', async () => {
    const res = await request(app)
      .post('/api/workshops/join')
      .send({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', displayName: 'Eve' })
      .expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('answers 401 without a token and with a token of another workshop', async () => {
    expect((await request(app).get(`/api/workshops/${ws.workshopId}/views`).expect(401)).body.error.code).toBe(
      'UNAUTHORIZED',
    );
    const other = await workshopWithViewer(app, 'Other desk');
    await request(app)
      .get(`/api/workshops/${ws.workshopId}/views`)
      .set('X-Workshop-Token', other.editorToken)
      .expect(401);
    await request(app).get(`/api/workshops/${ws.workshopId}/views`).set('X-Workshop-Token', ws.viewerToken).expect(200);
  });

  it("answers 403 FORBIDDEN to a viewer's curation attempt and changes nothing", async () => {
    const res = await request(app)
      .post(`/api/workshops/${ws.workshopId}/curations`)
      .set('X-Workshop-Token', ws.viewerToken)
      .send({ kind: 'merge', survivorId: IDS.northKorea, mergedId: IDS.dprk })
      .expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    await inSession(connection, 'read', async (session) => {
      const found = await session.run('MATCH (n:Entity {id: $id}) RETURN n', { id: IDS.dprk });
      expect(found.records).toHaveLength(1);
      expect((await session.run('MATCH (c:Curation) RETURN c')).records).toHaveLength(0);
    });
  });

  it('answers 403 to every other write a viewer tries', async () => {
    const base = `/api/workshops/${ws.workshopId}`;
    const attempts = [
      request(app).post(`${base}/views`).send({ name: 'x' }),
      request(app).post(`${base}/annotations`).send({ targetKind: 'node', targetId: IDS.kim, text: 'x' }),
      request(app).post(`${base}/hypotheses`).send({ sourceId: IDS.kim, targetId: IDS.armistice, label: 'x' }),
      request(app).put(`${base}/presentation`).send({ viewIds: [] }),
      request(app).post(`${base}/presenter`).send({}),
      request(app).post(`${base}/curations/undo`),
    ];
    for (const attempt of attempts) {
      const res = await attempt.set('X-Workshop-Token', ws.viewerToken);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('returns an XSS payload in a note verbatim, as text in JSON', async () => {
    const payload = `<img src=x onerror="alert('xss')"><script>alert(1)</script> & "quotes"`;
    const created = await request(app)
      .post(`/api/workshops/${ws.workshopId}/annotations`)
      .set('X-Workshop-Token', ws.editorToken)
      .send({ targetKind: 'node', targetId: IDS.kim, text: payload })
      .expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.body.text).toBe(payload);
    const listed = await request(app)
      .get(`/api/workshops/${ws.workshopId}/annotations`)
      .query({ targetKind: 'node', targetId: IDS.kim })
      .set('X-Workshop-Token', ws.viewerToken)
      .expect(200);
    expect(listed.headers['content-type']).toMatch(/^application\/json/);
    expect(listed.headers['x-content-type-options']).toBe('nosniff');
    expect(listed.body.annotations.map((a: { text: string }) => a.text)).toContain(payload);
    const view = await request(app)
      .post(`/api/workshops/${ws.workshopId}/views`)
      .set('X-Workshop-Token', ws.editorToken)
      .send({ name: payload, notes: payload })
      .expect(201);
    expect(view.body.name).toBe(payload);
    expect(view.body.notes).toBe(payload);
  });

  it('validates lengths and refuses control characters', async () => {
    const base = `/api/workshops/${ws.workshopId}`;
    const tooLong = await request(app)
      .post(`${base}/annotations`)
      .set('X-Workshop-Token', ws.editorToken)
      .send({ targetKind: 'node', targetId: IDS.kim, text: 'x'.repeat(10_001) })
      .expect(400);
    expect(tooLong.body.error.code).toBe('INVALID_INPUT');
    expect(tooLong.body.error.message).toMatch(/text/);
    await request(app).post('/api/workshops').send({ name: '   ', displayName: 'Ada' }).expect(400);
    await request(app).post('/api/workshops').send({ name: 'ok', displayName: 'A\u0000da' }).expect(400);
  });

  it('lets a participant leave, and only an editor remove someone else; a removed token stops working', async () => {
    const base = `/api/workshops/${ws.workshopId}`;
    const joined = await request(app)
      .post('/api/workshops/join')
      .send({ code: ws.viewerCode, displayName: 'Gus' })
      .expect(200);
    const other = await request(app)
      .post('/api/workshops/join')
      .send({ code: ws.viewerCode, displayName: 'Hal' })
      .expect(200);
    const refused = await request(app)
      .delete(`${base}/participants/${other.body.participant.id}`)
      .set('X-Workshop-Token', joined.body.token)
      .expect(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    await request(app).delete(`${base}/participants/me`).set('X-Workshop-Token', joined.body.token).expect(204);
    await request(app).get(`${base}/views`).set('X-Workshop-Token', joined.body.token).expect(401);
    await request(app)
      .delete(`${base}/participants/${other.body.participant.id}`)
      .set('X-Workshop-Token', ws.editorToken)
      .expect(204);
    await request(app).get(`${base}/views`).set('X-Workshop-Token', other.body.token).expect(401);
    const workshop = await request(app).get(base).set('X-Workshop-Token', ws.editorToken).expect(200);
    expect(workshop.body.participants.map((p: { displayName: string }) => p.displayName)).not.toContain('Gus');
  });
});
