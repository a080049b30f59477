import request from 'supertest';
import type { Express } from 'express';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { replayCurations } from '../../../graph/neo4j/curation-repository';
import { relationId } from '../../../graph/model/ids';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { importCorpus, reimportCorpusFromScratch } from './fixtures/corpus-import';
import { rows } from '../../support/neo4j';
import { graphState } from './graph-state';
import { workshopTestApp, workshopWithViewer, type Joined } from './workshop-test-app';

const RUSSIA = 'state:russia';
const RUSSIAN_FORCES = 'organization:armed-forces-of-the-russian-federation';
const NORTH_KOREA = 'state:north-korea';
const PYONGYANG = 'place:pyongyang';
const KIM = 'person:kim-jong-un';
const US_OPPOSES_NK = relationId('OPPOSES', 'state:united-states', NORTH_KOREA);

jest.setTimeout(180_000);

let connection: Neo4jConnection;
let app: Express;
let ws: Joined;
let imported: unknown;

const curate = (body: Record<string, unknown>) =>
  request(app).post(`/api/workshops/${ws.workshopId}/curations`).set('X-Workshop-Token', ws.editorToken).send(body);
const exists = async (id: string) =>
  (await rows(connection, 'MATCH (n:Entity {id: $id}) RETURN n.id', { id })).length === 1;
const pyongyangMentions = async (id: string) =>
  (
    await rows<{ texts: string[] }>(
      connection,
      'MATCH (:Entity {id: $id})-[m:MENTIONED_IN]->() UNWIND m.texts AS t WITH t WHERE t = "Pyongyang" RETURN t',
      { id },
    )
  ).length;

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  await importCorpus(connection);
  imported = await graphState(connection);
  app = workshopTestApp(connection);
  ws = await workshopWithViewer(app);
}, 180_000);
afterAll(async () => {
  await connection.close();
});

describe('curations over HTTP, with the real importer', () => {
  it('applies curations in order and lists them in the audit log', async () => {
    expect(await pyongyangMentions(NORTH_KOREA)).toBeGreaterThan(0);
    const merge = await curate({ kind: 'merge', survivorId: RUSSIA, mergedId: RUSSIAN_FORCES }).expect(201);
    expect(merge.body).toMatchObject({ seq: 1, kind: 'merge', author: 'Ada', undone: false });
    expect(merge.body.before.entities[RUSSIAN_FORCES]).not.toBeNull();
    await curate({ kind: 'split-alias', entityId: NORTH_KOREA, alias: 'Pyongyang', type: 'Place' }).expect(201);
    await curate({ kind: 'delete-relation', relationId: US_OPPOSES_NK }).expect(201);
    await curate({ kind: 'rename', entityId: KIM, name: 'Kim Jong Un' }).expect(201);
    await curate({
      kind: 'dispute-relation',
      relationId: relationId('SUPPLIES', NORTH_KOREA, RUSSIA),
      note: 'single source',
    }).expect(201);

    expect(await exists(RUSSIAN_FORCES)).toBe(false);
    const [russia] = await rows<{ aliases: string[] }>(
      connection,
      'MATCH (n:Entity {id: $id}) RETURN n.aliases AS aliases',
      { id: RUSSIA },
    );
    expect(russia.aliases).toEqual(
      expect.arrayContaining(['Armed Forces of the Russian Federation', 'Russian forces']),
    );
    expect(await pyongyangMentions(NORTH_KOREA)).toBe(0);
    expect(await pyongyangMentions(PYONGYANG)).toBeGreaterThan(0);

    const log = await request(app)
      .get(`/api/workshops/${ws.workshopId}/curations`)
      .set('X-Workshop-Token', ws.viewerToken)
      .expect(200);
    expect(log.body.curations.map((c: { seq: number; kind: string }) => `${c.seq}:${c.kind}`)).toEqual([
      '5:dispute-relation',
      '4:rename',
      '3:delete-relation',
      '2:split-alias',
      '1:merge',
    ]);
    const logged = log.body.curations[4];
    expect(logged.before).toBeUndefined();
    expect(logged.diff.entitiesDeleted).toEqual([
      { id: RUSSIAN_FORCES, name: 'Armed Forces of the Russian Federation', type: 'Organization' },
    ]);
    expect(logged.diff.entitiesChanged.map((c: { id: string }) => c.id)).toEqual([RUSSIA]);
    expect(Object.keys(logged.diff.entitiesChanged[0].changes)).toEqual(
      expect.arrayContaining(['aliases', 'mergedIds']),
    );
    const full = await request(app)
      .get(`/api/workshops/${ws.workshopId}/curations/${logged.id}`)
      .set('X-Workshop-Token', ws.viewerToken)
      .expect(200);
    expect(full.body.before.entities[RUSSIAN_FORCES].labels).toEqual(['Entity', 'Organization']);
  });

  it('changes nothing when the same documents are imported again and the log replayed', async () => {
    const curated = await graphState(connection);
    expect(await importCorpus(connection)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const summary = await replayCurations(connection);
    expect(summary).toEqual({ applied: 0, unchanged: 5, skipped: [], failed: [] });
    expect(await graphState(connection)).toEqual(curated);
  });

  it('replays the log after a re-import from scratch: the merged entity stays merged, the deleted relation stays deleted', async () => {
    const curated = await graphState(connection);
    await reimportCorpusFromScratch(connection);
    expect(await exists(RUSSIAN_FORCES)).toBe(true);
    expect(await rows(connection, 'MATCH ()-[r {id: $id}]->() RETURN r', { id: US_OPPOSES_NK })).toHaveLength(1);

    const summary = await replayCurations(connection);
    expect(summary.failed).toEqual([]);
    expect(summary.skipped).toEqual([]);
    expect(await exists(RUSSIAN_FORCES)).toBe(false);
    expect(await rows(connection, 'MATCH ()-[r {id: $id}]->() RETURN r', { id: US_OPPOSES_NK })).toHaveLength(0);
    expect(await pyongyangMentions(NORTH_KOREA)).toBe(0);
    expect(await graphState(connection)).toEqual(curated);
    expect(await replayCurations(connection)).toEqual({ applied: 0, unchanged: 5, skipped: [], failed: [] });
  });

  it('undoes curations one by one back to exactly the imported graph', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await request(app)
        .post(`/api/workshops/${ws.workshopId}/curations/undo`)
        .set('X-Workshop-Token', ws.editorToken)
        .expect(200);
      expect(res.body.undone).toBe(true);
    }
    expect(await graphState(connection)).toEqual(imported);
    const none = await request(app)
      .post(`/api/workshops/${ws.workshopId}/curations/undo`)
      .set('X-Workshop-Token', ws.editorToken)
      .expect(404);
    expect(none.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a curation naming an unknown entity with 404 and records nothing', async () => {
    const res = await curate({ kind: 'rename', entityId: 'person:nobody', name: 'X' }).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const log = await request(app)
      .get(`/api/workshops/${ws.workshopId}/curations`)
      .set('X-Workshop-Token', ws.editorToken)
      .expect(200);
    expect(log.body.curations).toHaveLength(5);
  });

  it('adds a relation with a source note, without evidence, and undoes it', async () => {
    const res = await curate({
      kind: 'add-relation',
      type: 'SUPPLIES',
      sourceId: RUSSIA,
      targetId: PYONGYANG,
      sourceNote: 'Embassy cable, 3 May',
    }).expect(201);
    const [rel] = await rows<{ note: string; evidence: unknown }>(
      connection,
      'MATCH ()-[r {id: $id}]->() RETURN r.sourceNote AS note, r.evidence AS evidence',
      {
        id: relationId('SUPPLIES', RUSSIA, PYONGYANG),
      },
    );
    expect(rel).toEqual({ note: 'Embassy cable, 3 May', evidence: null });
    await request(app)
      .post(`/api/workshops/${ws.workshopId}/curations/${res.body.id}/undo`)
      .set('X-Workshop-Token', ws.editorToken)
      .expect(200);
    expect(await graphState(connection)).toEqual(imported);
  });
});
