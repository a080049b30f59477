/**
 * Adding and removing documents: `POST /api/documents` (multipart, parts named `files`, or JSON `{title,
 * text}` for pasted text) answers 202 with a job at once; `GET /api/jobs/:id` and `GET /api/jobs/:id/events`
 * (SSE) tell how it goes and `GET /api/jobs/:id/changes` what it changed; `DELETE /api/documents/:id` removes
 * one; `GET /api/documents/log` is the audit log of both; `GET /api/documents/:id/changes` is what a past
 * import changed; `GET /api/documents/events` (SSE) tells every open page when documents come or go. Who may: anyone who passes the API token check (app.ts); from inside a workshop, through
 * `/api/workshops/:id/documents…` with the participant token, editors only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { removeDocument } from '../../../graph/neo4j/document-changes';
import { listDocumentLog } from '../../../graph/neo4j/document-log';
import { readDocumentChanges, readJobChanges } from '../../../graph/neo4j/import-changes-repository';
import type { Actor } from '../../../graph/model/api-types';
import { recordIdSchema } from '../../../graph/workshop/schemas';
import { InvalidInputError } from '../../../graph/errors';
import type { AppDeps } from '../../app-deps';
import { parseWith } from '../../http/validate';
import { openJobStream } from '../../imports/job-stream';
import { receiveUpload, type ReceivedFile } from '../../imports/receive-upload';
import { authenticate, participantOf, requireEditor } from '../workshops/workshop-access';
import { idParams } from '../shared-params';

const pasteBody = z.object({
  title: z.string().trim().min(1, 'give the text a title').max(300),
  text: z.string().refine((t) => t.trim().length > 0, 'the text is empty'),
});
const jobParams = z.object({ id: z.string().regex(/^job-[A-Za-z0-9_-]{6,40}$/, 'not an import job id') });
const workshopParams = z.object({ id: recordIdSchema });
const workshopDocumentParams = z.object({ id: recordIdSchema, documentId: z.string().trim().min(1).max(300) });
const logQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  workshop: recordIdSchema.optional(),
});

/** A file name for pasted text: its title, folded to what every file system accepts. */
function pastedName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${base || 'pasted-text'}.txt`;
}

export function documentChangesRoutes({ connection, config, imports, workshops }: AppDeps): Router {
  const router = Router();

  /** Who adds: the workshop participant when the request comes from one, else whoever holds the API. */
  const actor = (res: Response): Actor => {
    const participant = res.locals.participant ? participantOf(res) : undefined;
    if (participant)
      return { name: participant.displayName, participantId: participant.id, workshopId: participant.workshopId };
    return { name: config.token ? 'API token holder' : 'local user' };
  };

  const accept = async (req: Request, res: Response): Promise<void> => {
    const { jobId, dir } = imports.stagingFolder();
    let received: Array<ReceivedFile & { title?: string }>;
    try {
      if (req.is('application/json')) {
        const { title, text } = parseWith(pasteBody, req.body);
        const file = path.join(dir, '0');
        writeFileSync(file, text, { mode: 0o600 });
        received = [{ name: pastedName(title), path: file, title }];
      } else if (req.is('multipart/form-data')) {
        received = await receiveUpload(req, dir, config.uploads);
      } else {
        throw new InvalidInputError(
          'POST /api/documents: send multipart/form-data with parts named "files", or JSON {"title", "text"}',
        );
      }
    } catch (error) {
      imports.discard(dir);
      throw error;
    }
    const job = imports.create(jobId, dir, actor(res), received);
    res.status(202).location(`/api/jobs/${job.id}`).json(job);
  };

  /**
   * What the document alone contributed goes with it (mentions, evidence, facts and entities left without
   * any); the analysts' curations are then re-applied, as after an import.
   */
  const remove = async (req: Request, res: Response, documentId: string): Promise<void> => {
    const by = actor(res);
    const { replay } = await removeDocument(connection, documentId, { audit: { by } });
    // The document is gone either way: a replay that failed is for the log, and the next import repeats it.
    if (replay.status === 'failed')
      req.log?.warn({ event: 'curation-replay', documentId, err: replay.error }, 'curations not re-applied');
    else if (replay.status === 'replayed' && replay.summary.failed.length)
      req.log?.warn(
        { event: 'curation-replay', documentId, failed: replay.summary.failed },
        'curations not re-applied',
      );
    imports.feed.publish({ action: 'removed', documentIds: [documentId], by, at: new Date().toISOString() });
    res.status(204).end();
  };

  router.post('/documents', accept);
  router.delete('/documents/:id', (req, res) => remove(req, res, parseWith(idParams, req.params).id));
  router.delete('/workshops/:id/documents/:documentId', authenticate(workshops), requireEditor, (req, res) =>
    remove(req, res, parseWith(workshopDocumentParams, req.params).documentId),
  );
  router.post('/workshops/:id/documents', authenticate(workshops), requireEditor, (req, res) => {
    parseWith(workshopParams, req.params);
    return accept(req, res);
  });
  router.get('/documents/log', async (req, res) => {
    const query = parseWith(logQuery, req.query);
    res.json({ entries: await listDocumentLog(connection, { limit: query.limit, workshopId: query.workshop }) });
  });
  router.get('/documents/events', (req, res) => imports.feed.open(req, res));
  router.get('/documents/:id/changes', async (req, res) => {
    res.json(await readDocumentChanges(connection, parseWith(idParams, req.params).id));
  });
  router.get('/jobs/:id/changes', async (req, res) => {
    const { id } = parseWith(jobParams, req.params);
    imports.get(id); // an unknown job is a 404, not an empty diff
    res.json(await readJobChanges(connection, id));
  });
  router.get('/jobs/:id', (req, res) => {
    res.json(imports.get(parseWith(jobParams, req.params).id));
  });
  router.get('/jobs/:id/events', (req, res) => {
    openJobStream(req, res, imports, parseWith(jobParams, req.params).id);
  });
  return router;
}
