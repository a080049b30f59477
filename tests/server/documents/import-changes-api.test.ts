/**
 * What an import changed, the documents list, re-importing an edited document and removing one, through the
 * HTTP API against the real test Neo4j and the real NLP engine.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type {
  DocumentListResponse,
  DocumentsChangedEvent,
  EdgeDetails,
  ImportChangesResponse,
  ImportJob,
} from '../../../graph/model/api-types';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { WorkshopStore } from '../../../graph/workshop-store/workshop-store';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { ImportJobs } from '../../../server/imports/import-jobs';
import { connectTestNeo4j, emptyDatabase, rows } from '../../support/neo4j';
import { openSse } from '../workshops/sse-client';
import { workshopWithViewer } from '../workshops/workshop-test-app';

let connection: Neo4jConnection;
let app: Express;
let imports: ImportJobs;

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-changes-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DOSSIER_JOBS_DIR: path.join(dir, 'jobs') });
  const logger = pino({ level: 'silent' });
  imports = new ImportJobs({ connection, uploads: config.uploads, logger });
  app = createApp({
    connection,
    workshops: WorkshopStore.inMemory(),
    config,
    logger,
    embedded: true,
    rateLimits: false,
    imports,
  });
});
afterAll(async () => {
  await imports.close();
  await connection.close();
});

async function finished(id: string): Promise<ImportJob> {
  for (let i = 0; i < 600; i++) {
    const job = (await request(app).get(`/api/jobs/${id}`).expect(200)).body as ImportJob;
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

async function paste(title: string, text: string): Promise<ImportJob> {
  const accepted = await request(app).post('/api/documents').send({ title, text }).expect(202);
  return finished(accepted.body.id);
}

async function changesOf(documentId: string): Promise<ImportChangesResponse> {
  return (await request(app).get(`/api/documents/${documentId}/changes`).expect(200)).body as ImportChangesResponse;
}

const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);

describe('what an import changed', () => {
  let first: ImportJob;
  let second: ImportJob;
  let firstChanges: ImportChangesResponse;

  beforeAll(async () => {
    first = await paste('Summit in Vladivostok', 'Vladimir Putin met Kim Jong Un in Vladivostok on Thursday.');
    firstChanges = await changesOf(first.files[0].documentId!);
    second = await paste(
      'Summit in Pyongyang',
      'Russian President Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday. Putin was joined by Sergei Shoigu.',
    );
  });

  it('lists what the first document created, each thing as the graph holds it', () => {
    expect(firstChanges.imports).toEqual([
      expect.objectContaining({ documentId: first.files[0].documentId, title: 'Summit in Vladivostok' }),
    ]);
    expect(ids(firstChanges.newEntities)).toEqual(
      expect.arrayContaining(['person:vladimir-putin', 'person:kim-jong-un', 'place:vladivostok']),
    );
    expect(firstChanges.newEntities.every((e) => e.inGraph)).toBe(true);
    const met = firstChanges.newRelations.find((r) => r.type === 'MET_WITH')!;
    expect([met.source.name, met.target.name].sort()).toEqual(['Kim Jong Un', 'Vladimir Putin']);
    expect(firstChanges.gainedEvidence).toEqual([]);
    expect(firstChanges.gainedAliases).toEqual([]);
  });

  it('tells, for a second document sharing entities with the first, what it created and what it added to', async () => {
    const changes = await changesOf(second.files[0].documentId!);
    expect(ids(changes.newEntities)).toContain('place:pyongyang');
    expect(ids(changes.newEntities)).not.toContain('person:vladimir-putin');
    expect(ids(changes.newEntities)).not.toContain('person:kim-jong-un');
    const met = firstChanges.newRelations.find((r) => r.type === 'MET_WITH')!;
    expect(changes.gainedEvidence).toContainEqual(expect.objectContaining({ id: met.id, type: 'MET_WITH', added: 1 }));
    expect(ids(changes.newRelations)).not.toContain(met.id);
    expect(changes.gainedAliases).toContainEqual(
      expect.objectContaining({ id: 'person:vladimir-putin', name: 'Vladimir Putin', aliases: ['Putin'] }),
    );
    // The fact did gain the evidence the diff says.
    const edge = (
      await request(app)
        .get(`/api/edges/${encodeURIComponent(met.id)}`)
        .expect(200)
    ).body as EdgeDetails;
    expect(edge.evidence.map((e) => e.document).sort()).toEqual(
      [first.files[0].documentId, second.files[0].documentId].sort(),
    );
    // The job that stored it tells the same.
    const byJob = (await request(app).get(`/api/jobs/${second.id}/changes`).expect(200)).body as ImportChangesResponse;
    expect(byJob).toEqual(changes);
  });

  it('keeps the diff of a past import as it was stored', async () => {
    expect(await changesOf(first.files[0].documentId!)).toEqual(firstChanges);
    const logged = await rows<{ ids: string[] }>(
      connection,
      `MATCH (l:DocumentLog {documentId: $id, action: 'imported'}) RETURN l.newEntityIds AS ids`,
      { id: first.files[0].documentId },
    );
    expect(logged[0].ids).toEqual(ids(firstChanges.newEntities));
    await request(app).get('/api/documents/doc-0000000000000000/changes').expect(404);
    await request(app).get('/api/jobs/job-nosuchjob1/changes').expect(404);
  });

  it('lists each document with its format, words and the entities and relations it contributes', async () => {
    const list = (await request(app).get('/api/documents').expect(200)).body as DocumentListResponse;
    const listed = list.documents.find((d) => d.id === second.files[0].documentId)!;
    const [counted] = await rows<{ entities: number; facts: number }>(
      connection,
      `MATCH (d:Document {id: $id})
       RETURN COUNT { (:Entity)-[:MENTIONED_IN]->(d) } AS entities,
              COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE $id IN r.evidenceDocs } AS facts`,
      { id: listed.id },
    );
    expect(listed).toMatchObject({
      title: 'Summit in Pyongyang',
      format: 'txt',
      wordCount: 18,
      entityCount: Number(counted.entities),
      relationCount: Number(counted.facts),
    });
    expect(listed.relationCount).toBeGreaterThan(0);
    expect(Date.parse(listed.importedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  it('removes a document: what only it held goes, shared facts keep the other evidence, curations stay', async () => {
    const ws = await workshopWithViewer(app, 'Removal desk');
    await request(app)
      .post(`/api/workshops/${ws.workshopId}/curations`)
      .set('X-Workshop-Token', ws.editorToken)
      .send({ kind: 'rename', entityId: 'person:kim-jong-un', name: 'Kim Jong-un' })
      .expect(201);
    const secondId = second.files[0].documentId!;
    await request(app).delete(`/api/documents/${secondId}`).expect(204);
    const met = firstChanges.newRelations.find((r) => r.type === 'MET_WITH')!;
    const edge = (
      await request(app)
        .get(`/api/edges/${encodeURIComponent(met.id)}`)
        .expect(200)
    ).body as EdgeDetails;
    expect(edge.evidence.map((e) => e.document)).toEqual([first.files[0].documentId]);
    await request(app).get('/api/nodes/place:pyongyang').expect(404);
    const kim = (await request(app).get('/api/nodes/person:kim-jong-un').expect(200)).body;
    expect(kim.node.name).toBe('Kim Jong-un');
    // The removed document's diff still answers, and says what is gone since.
    const changes = await changesOf(secondId);
    expect(changes.newEntities.find((e) => e.id === 'place:pyongyang')).toMatchObject({ inGraph: false });
    const list = (await request(app).get('/api/documents').expect(200)).body as DocumentListResponse;
    expect(list.documents.map((d) => d.id)).not.toContain(secondId);
  });
});

describe('re-importing an edited document', () => {
  it('replaces what the old version contributed instead of adding a second document', async () => {
    const old = await paste('Talks in Moscow', 'Sergei Lavrov met Choe Son Hui in Moscow on Monday.');
    const edited = await paste('Talks in Moscow', 'Sergei Lavrov met Choe Son Hui in Khabarovsk on Monday.');
    const [oldId, newId] = [old.files[0].documentId!, edited.files[0].documentId!];
    expect(edited.files[0].state).toBe('done');
    expect(newId).not.toBe(oldId);
    const list = (await request(app).get('/api/documents').expect(200)).body as DocumentListResponse;
    expect(list.documents.filter((d) => d.title === 'Talks in Moscow').map((d) => d.id)).toEqual([newId]);
    await request(app).get(`/api/documents/${oldId}`).expect(404);
    await request(app).get('/api/nodes/place:moscow').expect(404);
    await request(app).get('/api/nodes/place:khabarovsk').expect(200);
    const log = (await request(app).get('/api/documents/log').expect(200)).body.entries;
    expect(log[0]).toMatchObject({ action: 'imported', documentId: newId, replacedDocumentIds: [oldId] });
    // What the edit brought, against the graph with the old version in it.
    const changes = await changesOf(newId);
    expect(changes.imports[0].replacedDocumentIds).toEqual([oldId]);
    expect(ids(changes.newEntities)).toContain('place:khabarovsk');
    expect(ids(changes.newEntities)).not.toContain('person:sergei-lavrov');
    expect(changes.gainedEvidence.map((r) => r.type)).toContain('MET_WITH');
  });

  it('keeps a document with the same text under another title apart', async () => {
    const text = 'Choe Son Hui visited Minsk on Friday.';
    const one = await paste('Choe in Minsk', text);
    const other = await paste('Choe in Belarus', `${text} `);
    const list = (await request(app).get('/api/documents').expect(200)).body as DocumentListResponse;
    const titles = list.documents.map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['Choe in Minsk', 'Choe in Belarus']));
    expect(other.files[0].documentId).not.toBe(one.files[0].documentId);
  });
});

describe('GET /api/documents/events', () => {
  it('tells an open page when a job stored documents and when one is removed', async () => {
    const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const port = (server.address() as AddressInfo).port;
      const stream = await openSse(`http://127.0.0.1:${port}/api/documents/events`);
      expect(stream.status).toBe(200);
      await stream.next((f) => f.event === 'ready');
      const job = await paste('Shoigu in Pyongyang', 'Sergei Shoigu arrived in Pyongyang on Tuesday.');
      const imported = (await stream.next((f) => f.event === 'documents')).data as DocumentsChangedEvent;
      expect(imported).toMatchObject({
        action: 'imported',
        jobId: job.id,
        documentIds: [job.files[0].documentId],
        by: { name: 'local user' },
      });
      await request(app).delete(`/api/documents/${job.files[0].documentId}`).expect(204);
      const removed = await stream.next(
        (f) => f.event === 'documents' && (f.data as DocumentsChangedEvent).action === 'removed',
      );
      expect(removed.data).toMatchObject({ documentIds: [job.files[0].documentId] });
      stream.close();
    } finally {
      server.close();
    }
  });

  it("is carried by a workshop's stream too, so that a page in a workshop holds one stream", async () => {
    const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const port = (server.address() as AddressInfo).port;
      const ws = await workshopWithViewer(app, 'Import desk');
      const stream = await openSse(
        `http://127.0.0.1:${port}/api/workshops/${ws.workshopId}/events?token=${encodeURIComponent(ws.viewerToken)}`,
      );
      expect(stream.status).toBe(200);
      await stream.next((f) => f.event === 'ready');
      const job = await paste('Lavrov in Wonsan', 'Sergei Lavrov arrived in Wonsan on Saturday.');
      const imported = await stream.next((f) => f.event === 'documents');
      expect(imported.data).toMatchObject({
        action: 'imported',
        jobId: job.id,
        documentIds: [job.files[0].documentId],
      });
      // No `id:`: a reconnecting page's Last-Event-ID must stay the workshop bus's.
      expect(imported.id).toBeUndefined();
      await request(app).delete(`/api/documents/${job.files[0].documentId}`).expect(204);
      const removed = await stream.next(
        (f) => f.event === 'documents' && (f.data as DocumentsChangedEvent).action === 'removed',
      );
      expect(removed.data).toMatchObject({ documentIds: [job.files[0].documentId] });
      stream.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('takes the API token in its query, as an EventSource cannot send headers, and refuses a page without it', async () => {
    const token = 'documents-events-token-0123456789';
    const dir = mkdtempSync(path.join(tmpdir(), 'dossier-changes-token-'));
    const config = loadConfig({ LOG_LEVEL: 'silent', DOSSIER_TOKEN: token, DOSSIER_JOBS_DIR: path.join(dir, 'jobs') });
    const guarded = createApp({
      connection,
      workshops: WorkshopStore.inMemory(),
      config,
      logger: pino({ level: 'silent' }),
      embedded: true,
      rateLimits: false,
    });
    const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
      const listening = guarded.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/documents`;
      const stream = await openSse(`${base}/events?access_token=${token}`);
      expect(stream.status).toBe(200);
      await stream.next((f) => f.event === 'ready');
      stream.close();
      expect((await fetch(`${base}/events`)).status).toBe(401);
      expect((await fetch(`${base}?access_token=${token}`)).status).toBe(401);
    } finally {
      server.close();
    }
  });
});
