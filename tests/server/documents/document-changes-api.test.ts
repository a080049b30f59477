/**
 * Uploads through the HTTP API against the real test Neo4j and the real NLP engine, with real PDF and Word
 * files made in the test: formats, bad input, limits, names, duplicates, rights, the audit log, the event
 * stream, and job states that survive a restart.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type { DocumentDetails, EdgeDetails, ImportJob, NodeDetails } from '../../../graph/model/api-types';
import type { Neo4jConnection } from '../../../graph/neo4j/connection';
import { WorkshopStore } from '../../../graph/workshop-store/workshop-store';
import { connectNeo4j } from '../../../graph/neo4j/connection';
import { createApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { ImportJobs } from '../../../server/imports/import-jobs';
import { connectTestNeo4j, emptyDatabase, rows } from '../../support/neo4j';
import { makeCorruptDocx, makeDocx, makeEncryptedPdf, makePdf, makePdfWithoutText } from '../../support/make-documents';
import { openSse } from '../workshops/sse-client';
import { workshopWithViewer } from '../workshops/workshop-test-app';

let connection: Neo4jConnection;
const dirs: string[] = [];

function uploadApp(
  env: NodeJS.ProcessEnv = {},
  jobsDir?: string,
): { app: Express; imports: ImportJobs; uploads: ReturnType<typeof loadConfig>['uploads'] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-uploads-'));
  dirs.push(dir);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DOSSIER_JOBS_DIR: jobsDir ?? path.join(dir, 'jobs'),
    ...env,
  });
  const logger = pino({ level: 'silent' });
  const imports = new ImportJobs({ connection, uploads: config.uploads, logger });
  const app = createApp({
    connection,
    workshops: WorkshopStore.inMemory(),
    config,
    logger,
    embedded: true,
    rateLimits: false,
    imports,
  });
  return { app, imports, uploads: config.uploads };
}

async function finished(app: Express, id: string, headers: Record<string, string> = {}): Promise<ImportJob> {
  for (let i = 0; i < 600; i++) {
    const job = (await request(app).get(`/api/jobs/${id}`).set(headers).expect(200)).body as ImportJob;
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

const PAGE_ONE = [
  'Russia and North Korea deepen their military ties,',
  'officials in Seoul said on Tuesday.',
  '',
  'The report gives no figures.',
];
const PAGE_TWO = ['Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome in September 2023.'];

let main: { app: Express; imports: ImportJobs };

beforeAll(async () => {
  connection = connectTestNeo4j();
  await emptyDatabase(connection);
  main = uploadApp();
});
afterAll(async () => {
  await main.imports.close();
  await connection.close();
});

describe('POST /api/documents', () => {
  it('imports a PDF and its evidence says on which page it stands, verbatim in the stored text', async () => {
    const accepted = await request(main.app)
      .post('/api/documents')
      .attach('files', makePdf([PAGE_ONE, PAGE_TWO]), 'summit.pdf')
      .expect(202);
    expect(accepted.body).toMatchObject({ state: 'queued', files: [{ name: 'summit.pdf', state: 'queued' }] });
    expect(accepted.headers.location).toBe(`/api/jobs/${accepted.body.id}`);
    const job = await finished(main.app, accepted.body.id);
    expect(job).toMatchObject({ state: 'done', files: [{ name: 'summit.pdf', state: 'done' }] });
    const documentId = job.files[0].documentId!;
    const doc = (await request(main.app).get(`/api/documents/${documentId}`).expect(200)).body as DocumentDetails;
    expect(doc.pageStarts).toEqual([0, doc.text.indexOf('Kim Jong Un')]);
    const kim = doc.mentions.find((m) => m.entityName === 'Kim Jong Un')!;
    const node = (
      await request(main.app)
        .get(`/api/nodes/${encodeURIComponent(kim.entityId)}`)
        .expect(200)
    ).body as NodeDetails;
    expect(node.mentions.find((m) => m.document === documentId)?.page).toBe(2);
    const met = node.relations?.find((r) => r.type === 'MET_WITH');
    expect(met).toBeDefined();
    const edge = (
      await request(main.app)
        .get(`/api/edges/${encodeURIComponent(met!.id)}`)
        .expect(200)
    ).body as EdgeDetails;
    const evidence = edge.evidence.find((e) => e.document === documentId)!;
    expect(evidence.page).toBe(2);
    expect(doc.text.slice(evidence.start, evidence.end)).toBe(evidence.text);
  });

  it('imports a Word document through the HTML path, its heading as the title', async () => {
    const docx = await makeDocx('Shoigu in Pyongyang', [
      'Sergei Shoigu visited Pyongyang in July 2023 and met Kim Jong Un.',
    ]);
    const accepted = await request(main.app).post('/api/documents').attach('files', docx, 'visit.docx').expect(202);
    const job = await finished(main.app, accepted.body.id);
    expect(job.files[0]).toMatchObject({ state: 'done' });
    const doc = (await request(main.app).get(`/api/documents/${job.files[0].documentId}`).expect(200)).body;
    expect(doc.title).toBe('Shoigu in Pyongyang');
    expect(doc.text).toContain('Sergei Shoigu visited Pyongyang');
  });

  it('fails each bad file with its reason, naming it, while the good one in the same upload imports', async () => {
    const accepted = await request(main.app)
      .post('/api/documents')
      .attach('files', Buffer.alloc(0), 'empty.txt')
      .attach('files', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'photo.txt')
      .attach('files', makePdfWithoutText(), 'scan.pdf')
      .attach('files', makeEncryptedPdf(), 'locked.pdf')
      .attach('files', await makeCorruptDocx(), 'broken.docx')
      .attach('files', Buffer.from('Sergei Lavrov met Choe Son Hui in Moscow on Monday.'), 'good.txt')
      .expect(202);
    const job = await finished(main.app, accepted.body.id);
    const byName = Object.fromEntries(job.files.map((f) => [f.name, f]));
    expect(byName['empty.txt']).toMatchObject({ state: 'failed', code: 'empty' });
    expect(byName['photo.txt']).toMatchObject({ state: 'failed', code: 'content-mismatch' });
    expect(byName['photo.txt'].reason).toBe(
      'photo.txt: named .txt, but the content is a PNG image: Dossier reads only text, PDF and Word documents',
    );
    expect(byName['scan.pdf']).toMatchObject({ state: 'failed', code: 'no-text-layer' });
    expect(byName['scan.pdf'].reason).toMatch(/^scan\.pdf: PDF has no text layer \(scanned\?\)/);
    expect(byName['locked.pdf']).toMatchObject({ state: 'failed', code: 'encrypted' });
    expect(byName['broken.docx']).toMatchObject({ state: 'failed', code: 'corrupt' });
    expect(byName['good.txt']).toMatchObject({ state: 'done' });
    expect(job.state).toBe('done');
    const stored = await rows<{ n: number }>(
      connection,
      `MATCH (d:Document) WHERE d.fileName IN ['empty.txt', 'photo.txt', 'scan.pdf', 'locked.pdf', 'broken.docx'] RETURN count(d) AS n`,
    );
    expect(Number(stored[0].n)).toBe(0);
  });

  it('reports a second upload of the same content as a duplicate of the stored document', async () => {
    const text = Buffer.from('Vladimir Putin visited Pyongyang in June 2024.');
    const first = await finished(
      main.app,
      (await request(main.app).post('/api/documents').attach('files', text, 'putin.txt').expect(202)).body.id,
    );
    const again = await finished(
      main.app,
      (
        await request(main.app)
          .post('/api/documents')
          .attach('files', text, 'putin-again.txt')
          .attach('files', text, 'putin-third.txt')
          .expect(202)
      ).body.id,
    );
    expect(first.files[0].state).toBe('done');
    expect(again.files.map((f) => [f.state, f.documentId])).toEqual([
      ['duplicate', first.files[0].documentId],
      ['duplicate', first.files[0].documentId],
    ]);
  });

  it('imports pasted text with its title', async () => {
    const accepted = await request(main.app)
      .post('/api/documents')
      .send({ title: 'Note: Lavrov in Pyongyang', text: 'Sergei Lavrov arrived in Pyongyang on Tuesday.' })
      .expect(202);
    const job = await finished(main.app, accepted.body.id);
    expect(job.files[0]).toMatchObject({ name: 'Note-Lavrov-in-Pyongyang.txt', state: 'done' });
    const doc = (await request(main.app).get(`/api/documents/${job.files[0].documentId}`).expect(200)).body;
    expect(doc.title).toBe('Note: Lavrov in Pyongyang');
  });

  it('keeps the last part of a name with folders and refuses a name with control characters', async () => {
    const accepted = await request(main.app)
      .post('/api/documents')
      .attach('files', Buffer.from('Kim Yo Jong criticised Seoul on Friday.'), '../../etc/kim.txt')
      .attach('files', Buffer.from('A text with a strange name.'), 'tab\tand\u202egpj.txt')
      .expect(202);
    const job = await finished(main.app, accepted.body.id);
    expect(job.files[0]).toMatchObject({ name: 'kim.txt', state: 'done' });
    expect(job.files[1]).toMatchObject({ state: 'failed', code: 'bad-name', name: 'tab?and?gpj.txt' });
    expect(job.files[1].reason).toBe('tab?and?gpj.txt: file name has control characters; rename the file');
    // A raw control character other than a tab breaks the part's header: the request is refused, saying why.
    const malformed = await request(main.app)
      .post('/api/documents')
      .attach('files', Buffer.from('Bell.'), 'bell\u0007.txt')
      .expect(400);
    expect(malformed.body.error.message).toContain('file name with control characters');
    const doc = (await request(main.app).get(`/api/documents/${job.files[0].documentId}`).expect(200)).body;
    expect(doc.path).not.toContain('..');
    expect(doc.path.endsWith('/kim.txt')).toBe(true);
  });

  it('fails a file over the per-file limit and imports the others of the upload', async () => {
    const { app, imports } = uploadApp({ UPLOAD_MAX_FILE_MB: '0.01' });
    try {
      const accepted = await request(app)
        .post('/api/documents')
        .attach('files', Buffer.alloc(20_000, 'a'), 'huge.txt')
        .attach('files', Buffer.from('Choe Son Hui met Sergei Lavrov in Vladivostok.'), 'small.txt')
        .expect(202);
      const job = await finished(app, accepted.body.id);
      expect(job.files[0]).toMatchObject({ name: 'huge.txt', state: 'failed', code: 'too-large' });
      expect(job.files[0].reason).toBe('huge.txt: file is over the 0.01 MB limit per file (UPLOAD_MAX_FILE_MB)');
      expect(job.files[1]).toMatchObject({ name: 'small.txt', state: 'done' });
    } finally {
      await imports.close();
    }
  });

  it('refuses a request over the per-request limit or with too many files, keeping nothing', async () => {
    const { app, imports } = uploadApp({ UPLOAD_MAX_REQUEST_MB: '0.02', UPLOAD_MAX_FILES: '3' });
    try {
      const big = await request(app)
        .post('/api/documents')
        .attach('files', Buffer.alloc(15_000, 'a'), 'a.txt')
        .attach('files', Buffer.alloc(15_000, 'b'), 'b.txt')
        .expect(413);
      expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(big.body.error.message).toContain('UPLOAD_MAX_REQUEST_MB');
      let many = request(app).post('/api/documents');
      for (const name of ['1.txt', '2.txt', '3.txt', '4.txt'])
        many = many.attach('files', Buffer.from(`Text ${name}`), name);
      const refused = await many.expect(413);
      expect(refused.body.error.message).toContain('more than 3 files');
    } finally {
      await imports.close();
    }
  });

  it('takes 500 files in one request and answers each (one new, the rest duplicates)', async () => {
    let upload = request(main.app).post('/api/documents');
    const text = Buffer.from('Russia and North Korea signed a treaty on comprehensive strategic partnership.');
    for (let i = 0; i < 500; i++) upload = upload.attach('files', text, `copy-${i}.txt`);
    const accepted = await upload.expect(202);
    expect(accepted.body.files).toHaveLength(500);
    const job = await finished(main.app, accepted.body.id);
    expect(job.files.filter((f) => f.state === 'done')).toHaveLength(1);
    expect(job.files.filter((f) => f.state === 'duplicate')).toHaveLength(499);
  });

  it('keeps answering other requests while a job runs, and streams each state of each file', async () => {
    const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
      const listening = main.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const port = (server.address() as AddressInfo).port;
      const accepted = await request(main.app)
        .post('/api/documents')
        .attach('files', makePdf([['Kim Jong Un inspected a missile factory in Pyongyang on Monday.']]), 'factory.pdf')
        .expect(202);
      const stream = await openSse(`http://127.0.0.1:${port}/api/jobs/${accepted.body.id}/events`);
      const started = Date.now();
      await request(main.app).get('/api/stats').expect(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      const last = await stream.next(
        (f) => f.event === 'job' && ['done', 'failed'].includes((f.data as ImportJob).state),
        60_000,
      );
      expect((last.data as ImportJob).state).toBe('done');
      // The snapshot says where the file was when the stream opened; every later state follows, in order.
      const snapshot = stream.frames.find((f) => f.event === 'snapshot')!.data as ImportJob;
      const states = stream.frames
        .filter((f) => f.event === 'file')
        .map((f) => (f.data as { file: { state: string } }).file.state);
      const order = ['queued', 'reading', 'extracting', 'storing', 'done'];
      expect(states).toEqual(order.slice(order.indexOf(snapshot.files[0].state) + 1));
      expect(states.slice(-3)).toEqual(['extracting', 'storing', 'done']);
      stream.close();
    } finally {
      server.close();
    }
  });

  it('keeps nothing of an upload the browser abandoned halfway, and goes on answering', async () => {
    const { app, imports, uploads } = uploadApp();
    const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    try {
      const port = (server.address() as AddressInfo).port;
      const boundary = 'abandoned-boundary';
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/documents',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': '1000000' },
      });
      req.on('error', () => undefined);
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="half.txt"\r\n\r\n${'x'.repeat(50_000)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      req.destroy();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(existsSync(uploads.dir) ? readdirSync(uploads.dir) : []).toEqual([]);
      const jobs = existsSync(uploads.jobsDir) ? readdirSync(uploads.jobsDir).filter((n) => n.endsWith('.json')) : [];
      expect(jobs).toEqual([]);
      await request(app).get('/api/stats').expect(200);
    } finally {
      server.close();
      await imports.close();
    }
  });

  it('records who added each document and when in the document log', async () => {
    const log = (await request(main.app).get('/api/documents/log').expect(200)).body.entries;
    const summit = log.find((e: { fileName: string }) => e.fileName === 'summit.pdf');
    expect(summit).toMatchObject({ action: 'imported', by: { name: 'local user' } });
    expect(Date.parse(summit.at)).toBeGreaterThan(Date.now() - 10 * 60_000);
  });
});

describe('DELETE /api/documents/:id', () => {
  it('removes a document with what only it contributed, and logs who removed it', async () => {
    const text = Buffer.from('Andrei Belousov visited Pyongyang in November 2024 and met Kim Jong Un.');
    const job = await finished(
      main.app,
      (await request(main.app).post('/api/documents').attach('files', text, 'belousov.txt').expect(202)).body.id,
    );
    const documentId = job.files[0].documentId!;
    const belousov = async () =>
      rows(connection, `MATCH (e:Entity {name: 'Andrei Belousov'}) RETURN e.id AS id`).then((r) => r.length);
    expect(await belousov()).toBe(1);
    await request(main.app).delete(`/api/documents/${documentId}`).expect(204);
    await request(main.app).get(`/api/documents/${documentId}`).expect(404);
    expect(await belousov()).toBe(0);
    const log = (await request(main.app).get('/api/documents/log').expect(200)).body.entries;
    expect(log[0]).toMatchObject({
      action: 'removed',
      documentId,
      fileName: 'belousov.txt',
      by: { name: 'local user' },
    });
    await request(main.app).delete(`/api/documents/${documentId}`).expect(404);
  });

  it('lets only a workshop editor remove from inside a workshop', async () => {
    const ws = await workshopWithViewer(main.app, 'Removal desk');
    const job = await finished(
      main.app,
      (
        await request(main.app)
          .post('/api/documents')
          .attach('files', Buffer.from('Choe Son Hui visited Moscow in November 2024.'), 'choe.txt')
          .expect(202)
      ).body.id,
    );
    const path = `/api/workshops/${ws.workshopId}/documents/${job.files[0].documentId}`;
    await request(main.app).delete(path).set('X-Workshop-Token', ws.viewerToken).expect(403);
    await request(main.app).delete(path).set('X-Workshop-Token', ws.editorToken).expect(204);
    const log = (await request(main.app).get(`/api/documents/log?workshop=${ws.workshopId}`).expect(200)).body.entries;
    expect(log).toEqual([expect.objectContaining({ action: 'removed', by: expect.objectContaining({ name: 'Ada' }) })]);
  });
});

describe('who may add documents', () => {
  it('asks for the API token when one is configured', async () => {
    const token = 'upload-test-token-0123456789';
    const { app, imports } = uploadApp({ DOSSIER_TOKEN: token });
    try {
      const refused = await request(app)
        .post('/api/documents')
        .attach('files', Buffer.from('No token here.'), 'a.txt')
        .expect(401);
      expect(refused.body.error.code).toBe('UNAUTHORIZED');
      const accepted = await request(app)
        .post('/api/documents')
        .set('Authorization', `Bearer ${token}`)
        .attach('files', Buffer.from('Kim Jong Un met Sergei Shoigu in Pyongyang.'), 'a.txt')
        .expect(202);
      const job = await finished(app, accepted.body.id, { Authorization: `Bearer ${token}` });
      expect(job.by.name).toBe('API token holder');
      // An EventSource sends no headers: the job's stream takes the token in its query, and only that route.
      const server = await new Promise<ReturnType<Express['listen']>>((resolve) => {
        const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
      });
      try {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/jobs/${job.id}`;
        const stream = await openSse(`${base}/events?access_token=${token}`);
        expect(stream.status).toBe(200);
        expect(((await stream.next((f) => f.event === 'snapshot')).data as ImportJob).state).toBe('done');
        stream.close();
        expect((await fetch(`${base}?access_token=${token}`)).status).toBe(401);
      } finally {
        server.close();
      }
    } finally {
      await imports.close();
    }
  });

  it('lets a workshop editor add documents under their name and refuses a viewer', async () => {
    const ws = await workshopWithViewer(main.app, 'Upload desk');
    const refused = await request(main.app)
      .post(`/api/workshops/${ws.workshopId}/documents`)
      .set('X-Workshop-Token', ws.viewerToken)
      .attach('files', Buffer.from('A viewer tries to add this.'), 'viewer.txt')
      .expect(403);
    expect(refused.body.error.details).toMatchObject({ role: 'viewer', needed: 'editor' });
    const accepted = await request(main.app)
      .post(`/api/workshops/${ws.workshopId}/documents`)
      .set('X-Workshop-Token', ws.editorToken)
      .attach('files', Buffer.from('Ri Son Gwon met Sergei Lavrov in Moscow on Thursday.'), 'editor.txt')
      .expect(202);
    const job = await finished(main.app, accepted.body.id);
    expect(job.files[0].state).toBe('done');
    const log = (await request(main.app).get(`/api/documents/log?workshop=${ws.workshopId}`).expect(200)).body.entries;
    expect(log).toEqual([
      expect.objectContaining({
        fileName: 'editor.txt',
        by: expect.objectContaining({ name: 'Ada', workshopId: ws.workshopId }),
      }),
    ]);
  });
});

describe('import jobs when the NLP engine does not answer', () => {
  it('fails the job saying so, and the next job opens the engine again', async () => {
    const { app, imports } = uploadApp();
    const shared = process.env.DOSSIER_NLP_URL;
    try {
      process.env.DOSSIER_NLP_URL = 'http://127.0.0.1:9';
      const text = Buffer.from('Sergei Shoigu met Kim Jong Un in Pyongyang in September 2024.');
      const first = await finished(
        app,
        (await request(app).post('/api/documents').attach('files', text, 'first.txt').expect(202)).body.id,
      );
      expect(first).toMatchObject({ state: 'failed', files: [{ state: 'failed', code: 'not-imported' }] });
      expect(first.reason).toMatch(
        /^the NLP engine could not be started \(The NLP engine at http:\/\/127\.0\.0\.1:9 does not answer/,
      );
      process.env.DOSSIER_NLP_URL = shared;
      const second = await finished(
        app,
        (await request(app).post('/api/documents').attach('files', text, 'second.txt').expect(202)).body.id,
      );
      expect(second.files[0].state).toBe('done');
    } finally {
      process.env.DOSSIER_NLP_URL = shared;
      await imports.close();
    }
  });
});

describe('import jobs when Neo4j does not answer', () => {
  it('fails each file with the database as the reason and keeps the job truthful', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dossier-jobs-'));
    dirs.push(dir);
    const config = loadConfig({ LOG_LEVEL: 'silent', DOSSIER_JOBS_DIR: path.join(dir, 'jobs') });
    const logger = pino({ level: 'silent' });
    const down = connectNeo4j({ uri: 'bolt://127.0.0.1:9' });
    const imports = new ImportJobs({ connection: down, uploads: config.uploads, logger });
    const app = createApp({
      connection: down,
      workshops: WorkshopStore.inMemory(),
      config,
      logger,
      embedded: true,
      rateLimits: false,
      imports,
    });
    try {
      const accepted = await request(app)
        .post('/api/documents')
        .attach('files', Buffer.from('Kim Jong Un met Vladimir Putin in Vladivostok in April 2019.'), 'summit.txt')
        .expect(202);
      const job = await finished(app, accepted.body.id);
      expect(job.state).toBe('failed');
      expect(job.files[0]).toMatchObject({ state: 'failed', code: 'database-unavailable' });
      expect(job.files[0].reason).toMatch(/^summit\.txt: not stored/);
    } finally {
      await imports.close();
      await down.close();
    }
  }, 120_000);
});

describe('import jobs after a restart', () => {
  it('answers a finished job as it ended and reports one a restart interrupted as failed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dossier-jobs-'));
    dirs.push(dir);
    const jobsDir = path.join(dir, 'jobs');
    const before = uploadApp({}, jobsDir);
    const done = await finished(
      before.app,
      (
        await request(before.app)
          .post('/api/documents')
          .attach('files', Buffer.from('Kim Jong Un visited Vladivostok in April 2019.'), 'vlad.txt')
          .expect(202)
      ).body.id,
    );
    await before.imports.close();
    // A job the server was running when it stopped, as its file holds it, and the bytes it left waiting.
    writeFileSync(
      path.join(jobsDir, 'job-interrupted1.json'),
      JSON.stringify({
        id: 'job-interrupted1',
        state: 'running',
        createdAt: new Date().toISOString(),
        by: { name: 'local user' },
        files: [
          { name: 'stored.txt', state: 'done', documentId: 'doc-0000000000000000' },
          { name: 'halfway.pdf', state: 'extracting' },
        ],
      }),
    );
    mkdirSync(path.join(jobsDir, 'uploads', 'job-interrupted1'), { recursive: true });
    writeFileSync(path.join(jobsDir, 'uploads', 'job-interrupted1', '1'), '%PDF-1.4 …');

    const after = uploadApp({}, jobsDir);
    try {
      expect((await request(after.app).get(`/api/jobs/${done.id}`).expect(200)).body).toEqual(done);
      const interrupted = (await request(after.app).get('/api/jobs/job-interrupted1').expect(200)).body as ImportJob;
      expect(interrupted).toMatchObject({ state: 'failed', reason: 'server restarted' });
      expect(interrupted.files[0]).toMatchObject({ state: 'done' });
      expect(interrupted.files[1]).toMatchObject({ state: 'failed', code: 'server-restarted' });
      await request(after.app).get('/api/jobs/job-nosuchjob1').expect(404);
      expect(existsSync(path.join(jobsDir, 'uploads', 'job-interrupted1'))).toBe(false);
      // What the restart concluded is on disk too.
      expect(JSON.parse(readFileSync(path.join(jobsDir, 'job-interrupted1.json'), 'utf8')).state).toBe('failed');
    } finally {
      await after.imports.close();
    }
  });
});
