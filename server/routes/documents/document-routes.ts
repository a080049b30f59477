import { Router } from 'express';
import { z } from 'zod';
import { listDocuments } from '../../../graph/neo4j/document-list';
import { readDocument } from '../../../graph/neo4j/document-repository';
import type { AppDeps } from '../../app-deps';
import { intParam, parseWith } from '../../http/validate';
import { idParams } from '../shared-params';

const listQuery = z.object({ limit: intParam(1, 1000, 200), offset: intParam(0, 1_000_000, 0) });

/** GET /api/documents (metadata, newest first) and GET /api/documents/:id (text, kept ranges, mention spans). */
export function documentRoutes({ connection }: AppDeps): Router {
  const router = Router();
  router.get('/documents', async (req, res) => {
    const { limit, offset } = parseWith(listQuery, req.query);
    res.json(await listDocuments(connection, limit, offset));
  });
  router.get('/documents/:id', async (req, res) => {
    const { id } = parseWith(idParams, req.params);
    res.json(await readDocument(connection, id));
  });
  return router;
}
